/** The chart view of a transforming search's results: grouped bars, or lines over _time. */
import { layoutChart, type ChartData } from '../model/chartData';
import { clear, element, svgElement } from './dom';

const width = 1000;
const height = 300;
/** Category labels beyond this many would overlap; every n-th is shown instead. */
const maxLabels = 20;
/** Colours from the theme's chart palette, one per series in turn. */
const seriesClasses = ['s0', 's1', 's2', 's3', 's4', 's5'];

export function renderChart(container: HTMLElement, data: ChartData): void {
  clear(container);
  const layout = layoutChart(data, width, height);
  const plot = svgElement('svg', {
    viewBox: `0 0 ${width} ${height}`,
    preserveAspectRatio: 'none',
    role: 'img',
    class: `plot ${data.kind}`,
  });
  plot.setAttribute(
    'aria-label',
    `${data.kind} chart of ${data.series.map((s) => s.field).join(', ')} by ${data.categoryField}`,
  );
  plot.append(
    svgElement('line', {
      x1: 0,
      x2: width,
      y1: layout.baseline,
      y2: layout.baseline,
      class: 'baseline',
    }),
  );
  for (const bar of layout.bars) {
    const rect = svgElement('rect', {
      x: bar.x,
      y: bar.y,
      width: bar.width,
      height: bar.height,
      class: `bar ${seriesClass(bar.seriesIndex)}`,
    });
    const tooltip = svgElement('title');
    const series = data.series[bar.seriesIndex]?.field ?? '';
    tooltip.textContent = `${data.categories[bar.categoryIndex] ?? ''}: ${series} = ${bar.value}`;
    rect.append(tooltip);
    plot.append(rect);
  }
  for (const line of layout.lines) {
    plot.append(
      svgElement('polyline', {
        points: line.points,
        class: `line ${seriesClass(line.seriesIndex)}`,
      }),
    );
  }
  const scale = element('div', 'scale');
  scale.append(
    element('span', undefined, `max ${data.max}`),
    element('span', undefined, `min ${data.min}`),
  );
  container.append(scale, plot, categoryLabels(data), legend(data));
  if (data.omittedRows > 0) {
    container.append(element('p', 'note', `${data.omittedRows} more rows are not drawn.`));
  }
}

function categoryLabels(data: ChartData): HTMLElement {
  const labels = element('div', 'categories');
  const step = Math.ceil(data.categories.length / maxLabels);
  data.categories.forEach((category, index) => {
    if (index % step === 0) labels.append(element('span', undefined, category));
  });
  return labels;
}

function legend(data: ChartData): HTMLElement {
  const list = element('ul', 'legend');
  data.series.forEach((series, index) => {
    const item = element('li');
    item.append(
      element('span', `swatch ${seriesClass(index)}`),
      element('span', undefined, series.field),
    );
    list.append(item);
  });
  return list;
}

function seriesClass(index: number): string {
  return seriesClasses[index % seriesClasses.length] ?? 's0';
}
