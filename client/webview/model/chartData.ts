/**
 * Chart data for the results of a transforming search (stats, chart, timechart, top, rare): the
 * first column names the categories (or times) and every column whose values are all numbers is a
 * series, which is how Splunk's visualisations read a results table.
 */
import { cellText, type TableRow } from './tableModel';

/** Commands whose results are a table of aggregates worth charting. */
const chartingCommands = new Set(['stats', 'chart', 'timechart', 'top', 'rare', 'tstats']);

/** More categories than this cannot be told apart on a bar chart; the rest are left out. */
export const maxChartCategories = 200;

export interface ChartSeries {
  readonly field: string;
  /** One value per category; NaN where the row has no value. */
  readonly values: readonly number[];
}

export interface ChartData {
  readonly kind: 'bar' | 'line';
  readonly categoryField: string;
  readonly categories: readonly string[];
  readonly series: readonly ChartSeries[];
  /** Rows past `maxChartCategories`, not drawn. */
  readonly omittedRows: number;
  readonly max: number;
  readonly min: number;
}

const numberPattern = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

export function isChartable(stageCommands: readonly string[]): boolean {
  return stageCommands.some((command) => chartingCommands.has(command));
}

/** undefined when no column besides the first holds only numbers. */
export function chartData(
  fields: readonly string[],
  rows: readonly TableRow[],
): ChartData | undefined {
  const categoryField = fields[0];
  if (categoryField === undefined || rows.length === 0) return undefined;
  const shown = rows.slice(0, maxChartCategories);
  const series: ChartSeries[] = [];
  for (const field of fields.slice(1)) {
    const values = numericColumn(shown, field);
    if (values) series.push({ field, values });
  }
  if (series.length === 0) return undefined;
  let max = 0;
  let min = 0;
  for (const s of series) {
    for (const v of s.values) {
      if (Number.isNaN(v)) continue;
      max = Math.max(max, v);
      min = Math.min(min, v);
    }
  }
  return {
    // timechart's first column is _time: a line shows a trend over time better than bars.
    kind: categoryField === '_time' ? 'line' : 'bar',
    categoryField,
    categories: shown.map((row) => cellText(row[categoryField])),
    series,
    omittedRows: rows.length - shown.length,
    max,
    min,
  };
}

function numericColumn(rows: readonly TableRow[], field: string): number[] | undefined {
  const values: number[] = [];
  let seen = 0;
  for (const row of rows) {
    const value = row[field];
    if (value === undefined || value === '') {
      values.push(NaN);
      continue;
    }
    if (typeof value !== 'string' || !numberPattern.test(value)) return undefined;
    values.push(Number(value));
    seen++;
  }
  return seen > 0 ? values : undefined;
}

export interface ChartBar {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly seriesIndex: number;
  readonly categoryIndex: number;
  readonly value: number;
}

export interface ChartLine {
  readonly seriesIndex: number;
  /** SVG polyline points "x,y x,y ..."; a missing value breaks nothing, it is skipped. */
  readonly points: string;
}

export interface ChartLayout {
  readonly bars: ChartBar[];
  readonly lines: ChartLine[];
  /** y of the zero line. */
  readonly baseline: number;
}

/** Positions inside a `width` x `height` plot: grouped bars, or one line per series. */
export function layoutChart(data: ChartData, width: number, height: number): ChartLayout {
  const range = data.max - data.min || 1;
  const yOf = (v: number): number => height - ((v - data.min) / range) * height;
  const baseline = yOf(0);
  const slot = width / Math.max(1, data.categories.length);
  if (data.kind === 'line') {
    const lines = data.series.map((s, seriesIndex) => ({
      seriesIndex,
      points: s.values
        .map((v, i) => (Number.isNaN(v) ? '' : `${round(slot * (i + 0.5))},${round(yOf(v))}`))
        .filter((p) => p !== '')
        .join(' '),
    }));
    return { bars: [], lines, baseline };
  }
  const barWidth = Math.max(1, (slot * 0.8) / data.series.length);
  const bars: ChartBar[] = [];
  data.series.forEach((s, seriesIndex) => {
    s.values.forEach((value, categoryIndex) => {
      if (Number.isNaN(value)) return;
      const top = Math.min(yOf(value), baseline);
      bars.push({
        x: slot * categoryIndex + slot * 0.1 + barWidth * seriesIndex,
        y: top,
        width: barWidth,
        height: Math.max(1, Math.abs(yOf(value) - baseline)),
        seriesIndex,
        categoryIndex,
        value,
      });
    });
  });
  return { bars, lines: [], baseline };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
