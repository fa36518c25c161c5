import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  chartData,
  isChartable,
  layoutChart,
  maxChartCategories,
} from '../../client/webview/model/chartData';
import { describeBucket, formatTime, layoutTimeline } from '../../client/webview/model/timeline';

const t0 = Date.UTC(2024, 2, 1, 12, 0, 0) / 1000;

test('timeline bars are placed by bucket start, so empty stretches stay as gaps', () => {
  const layout = layoutTimeline(
    {
      bucketSeconds: 60,
      eventCount: 6,
      buckets: [
        { start: t0, end: t0 + 60, count: 2 },
        { start: t0 + 180, end: t0 + 240, count: 4 },
        { start: t0 + 60, end: t0 + 120, count: 0 },
        { start: t0 + 240, end: t0 + 300, count: 0 },
      ],
    },
    300,
    40,
  )!;
  assert.equal(layout.bars.length, 2);
  assert.deepEqual(
    layout.bars.map((b) => [b.x, b.width, b.height, b.y]),
    [
      [0, 59, 20, 20],
      [180, 59, 40, 0],
    ],
  );
  assert.deepEqual([layout.from, layout.to, layout.maxCount], [t0, t0 + 300, 4]);
});

test('a single-instant timeline still gets a drawable span; nothing to draw is undefined', () => {
  const one = layoutTimeline(
    { bucketSeconds: 1, eventCount: 1, buckets: [{ start: t0, end: t0, count: 1 }] },
    100,
    10,
  )!;
  assert.equal(one.to - one.from, 1);
  assert.equal(one.bars[0]!.height, 10);
  assert.equal(
    layoutTimeline({ bucketSeconds: 1, eventCount: 0, buckets: [] }, 100, 10),
    undefined,
  );
});

test('times are shown in UTC to the precision the bucket width can tell apart', () => {
  assert.equal(formatTime(t0 + 5, 1), '2024-03-01 12:00:05');
  assert.equal(formatTime(t0 + 5, 300), '2024-03-01 12:00');
  assert.equal(formatTime(t0 + 5, 86_400), '2024-03-01');
  assert.equal(
    describeBucket({ start: t0, end: t0 + 60, count: 1 }, 60),
    '1 event, 2024-03-01 12:00 to 2024-03-01 12:01 UTC',
  );
});

test('charts need a transforming command and a numeric column besides the first', () => {
  assert.equal(isChartable(['search', 'stats']), true);
  assert.equal(isChartable(['search', 'eval', 'table']), false);
  const rows = [
    { dest: 'a', count: '3', avg: '1.5', note: 'x' },
    { dest: 'b', count: '5', avg: '', note: '7' },
  ];
  const data = chartData(['dest', 'count', 'avg', 'note'], rows)!;
  assert.equal(data.kind, 'bar');
  assert.deepEqual(data.categories, ['a', 'b']);
  assert.deepEqual(
    data.series.map((s) => s.field),
    ['count', 'avg'],
  );
  assert.ok(Number.isNaN(data.series[1]!.values[1]!));
  assert.deepEqual([data.min, data.max], [0, 5]);
  assert.equal(chartData(['dest', 'note'], [{ dest: 'a', note: 'x' }]), undefined);
  assert.equal(chartData(['_time', 'count'], [{ _time: '2024-03-01', count: '1' }])!.kind, 'line');
});

test('bar heights are proportional to the values and rest on the zero line', () => {
  const data = chartData(
    ['k', 'v'],
    [
      { k: 'a', v: '10' },
      { k: 'b', v: '5' },
      { k: 'c', v: '-5' },
    ],
  )!;
  const layout = layoutChart(data, 300, 150);
  assert.equal(layout.baseline, 100);
  assert.deepEqual(
    layout.bars.map((b) => [b.y, b.height]),
    [
      [0, 100],
      [50, 50],
      [100, 50],
    ],
  );
});

test('a timechart draws one polyline per series, skipping missing values', () => {
  const data = chartData(
    ['_time', 'a'],
    [
      { _time: 't1', a: '0' },
      { _time: 't2', a: '' },
      { _time: 't3', a: '4' },
    ],
  )!;
  const layout = layoutChart(data, 300, 100);
  assert.deepEqual(layout.lines, [{ seriesIndex: 0, points: '50,100 250,0' }]);
});

test('more categories than a chart can show are counted, not drawn', () => {
  const rows = Array.from({ length: maxChartCategories + 7 }, (_, i) => ({ k: String(i), v: '1' }));
  const data = chartData(['k', 'v'], rows)!;
  assert.equal(data.categories.length, maxChartCategories);
  assert.equal(data.omittedRows, 7);
});
