/** The histogram of matched events over _time, drawn as SVG rectangles above the table. */
import type { RunStageInfo, Timeline } from '../../../server/src/protocol/runSearch';
import { plural } from '../model/format';
import { describeBucket, formatTime, layoutTimeline } from '../model/timeline';
import { clear, element, svgElement } from './dom';

const width = 1000;
const height = 60;

export function renderTimeline(
  container: HTMLElement,
  timeline: Timeline | undefined,
  stages: readonly RunStageInfo[],
): void {
  clear(container);
  const layout = timeline ? layoutTimeline(timeline, width, height) : undefined;
  container.hidden = !timeline || !layout;
  if (!timeline || !layout) return;
  const stage = stages[timeline.stageIndex];
  const caption =
    `${plural(timeline.eventCount, 'event')} over time` +
    (stage ? ` (out of stage ${timeline.stageIndex + 1}, ${stage.command})` : '');
  const chart = svgElement('svg', {
    viewBox: `0 0 ${width} ${height}`,
    preserveAspectRatio: 'none',
    role: 'img',
    class: 'histogram',
  });
  chart.setAttribute('aria-label', caption);
  for (const bar of layout.bars) {
    const rect = svgElement('rect', {
      x: bar.x,
      y: bar.y,
      width: bar.width,
      height: bar.height,
      class: 'bar',
    });
    rect.setAttribute('data-count', String(bar.bucket.count));
    const tooltip = svgElement('title');
    tooltip.textContent = describeBucket(bar.bucket, timeline.bucketSeconds);
    rect.append(tooltip);
    chart.append(rect);
  }
  const axis = element('div', 'axis');
  axis.append(
    element('span', undefined, formatTime(layout.from, timeline.bucketSeconds)),
    element('span', 'caption', caption),
    element('span', undefined, formatTime(layout.to, timeline.bucketSeconds)),
  );
  container.append(chart, axis);
}
