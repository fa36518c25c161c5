/**
 * Geometry of the timeline histogram: one bar per time bucket the server counted, placed by its
 * start time so that empty stretches stay visible as gaps, as on Splunk's search page.
 */

export interface TimelineBucketData {
  readonly start: number;
  readonly end: number;
  readonly count: number;
}

export interface TimelineData {
  readonly bucketSeconds: number;
  readonly buckets: readonly TimelineBucketData[];
  readonly eventCount: number;
}

export interface TimelineBar {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly bucket: TimelineBucketData;
}

export interface TimelineLayout {
  readonly bars: TimelineBar[];
  readonly maxCount: number;
  /** The span drawn, epoch seconds. */
  readonly from: number;
  readonly to: number;
}

/** Bars inside a `width` x `height` box, tallest bucket full height; undefined when nothing to draw. */
export function layoutTimeline(
  timeline: TimelineData,
  width: number,
  height: number,
): TimelineLayout | undefined {
  const buckets = timeline.buckets.filter(
    (b) => Number.isFinite(b.start) && Number.isFinite(b.end) && b.end >= b.start,
  );
  const counted = buckets.filter((b) => b.count > 0);
  if (counted.length === 0 || width <= 0 || height <= 0) return undefined;
  // The span covers the empty buckets too: the time range searched, not just the busy part.
  let from = Infinity;
  let to = -Infinity;
  let maxCount = 0;
  for (const b of buckets) {
    from = Math.min(from, b.start);
    to = Math.max(to, b.end);
    maxCount = Math.max(maxCount, b.count);
  }
  // A single instant still needs a visible span to draw in.
  const span = Math.max(to - from, timeline.bucketSeconds, 1);
  const scale = width / span;
  const bars = counted.map((bucket) => {
    const x = (bucket.start - from) * scale;
    const barWidth = Math.max(1, (bucket.end - bucket.start) * scale - 1);
    const barHeight = Math.max(1, (bucket.count / maxCount) * height);
    return { x, y: height - barHeight, width: barWidth, height: barHeight, bucket };
  });
  return { bars, maxCount, from, to: from + span };
}

/** `2024-03-01 12:00:05` in UTC, shortened to what the bucket width can tell apart. */
export function formatTime(epochSeconds: number, bucketSeconds: number): string {
  if (!Number.isFinite(epochSeconds)) return '';
  const iso = new Date(epochSeconds * 1000).toISOString();
  const date = iso.slice(0, 10);
  const clock = iso.slice(11, 19);
  if (bucketSeconds >= 86_400) return date;
  if (bucketSeconds >= 60) return `${date} ${clock.slice(0, 5)}`;
  return `${date} ${clock}`;
}

/** A bar's tooltip: its count and time span. */
export function describeBucket(bucket: TimelineBucketData, bucketSeconds: number): string {
  const events = bucket.count === 1 ? '1 event' : `${bucket.count} events`;
  return `${events}, ${formatTime(bucket.start, bucketSeconds)} to ${formatTime(bucket.end, bucketSeconds)} UTC`;
}
