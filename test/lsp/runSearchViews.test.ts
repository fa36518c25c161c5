import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RunSearchResult, RunStageInfo } from '../../server/src/protocol/runSearch';
import { toTimeline } from '../../server/src/lsp/runSearchResult';
import { stageHoverAt } from '../../server/src/lsp/stageHover';

describe('timeline buckets', () => {
  it('takes the smallest width giving at most 100 buckets, empty buckets included', () => {
    const timeline = toTimeline({
      stageIndex: 0,
      seconds: [
        [0, 1],
        [3599, 2],
        [7200, 1],
      ],
      events: 4,
    })!;
    // 2 h at 1 min would be 121 buckets; at 5 min it is 25.
    assert.equal(timeline.bucketSeconds, 300);
    assert.equal(timeline.buckets.length, 25);
    assert.deepEqual(timeline.buckets[0], { start: 0, end: 300, count: 1 });
    assert.deepEqual(timeline.buckets[11], { start: 3300, end: 3600, count: 2 });
    assert.deepEqual(timeline.buckets[24], { start: 7200, end: 7500, count: 1 });
    assert.equal(
      timeline.buckets.reduce((sum, b) => sum + b.count, 0),
      4,
    );
  });

  it('has no buckets when no event had a time', () => {
    assert.deepEqual(toTimeline({ stageIndex: 2, seconds: [], events: 0 })!.buckets, []);
  });
});

function runWithStage(stage: Partial<RunStageInfo>): RunSearchResult {
  const full: RunStageInfo = {
    command: 'search',
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 10 } },
    in: 4,
    out: 4,
    ms: 1,
    sampleFields: [],
    sampleRows: [],
    ...stage,
  };
  return {
    uri: 'file:///x.spl',
    version: 1,
    fields: ['user'],
    rows: [],
    totalRows: 0,
    truncated: false,
    elapsedMs: 1,
    stopped: false,
    stages: [full],
    messages: [],
    rowEvents: [],
    events: [],
    eventsTruncated: false,
    datasets: [],
    limits: { maxRows: 1, sampleRowsPerStage: 5, eventsPerRow: 10, maxEvents: 1, eventRawChars: 1 },
  };
}

describe('stage hover', () => {
  it('shows event values as text: no HTML, links or table breaks get through', () => {
    const hostile = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '[click](javascript:alert(1))',
      'plain',
    ];
    const run = runWithStage({
      sampleFields: ['user', '_raw'],
      sampleRows: hostile.map((user) => ({ user, _raw: 'a|b\nc' })),
    });
    const markdown = stageHoverAt(run, { line: 0, character: 3 })!;
    assert.doesNotMatch(markdown, /<(script|img)/);
    assert.match(markdown, /&lt;script&gt;alert\\\(1\\\)&lt;\/script&gt;/);
    assert.match(markdown, /\\\[click\\\]\\\(javascript:alert\\\(1\\\)\\\)/);
    assert.match(markdown, /\| a\\\|b c \|/);
    // Header, separator and three rows of the four; returned fields first.
    assert.equal(markdown.split('\n').filter((line) => line.startsWith('| ')).length, 5);
    assert.match(markdown, /^\| user \| \\_raw \|$/m);
    assert.match(markdown, /First 3 of 4 rows\./);
  });

  it('answers only inside a stage', () => {
    const run = runWithStage({});
    assert.equal(stageHoverAt(run, { line: 1, character: 0 }), undefined);
    assert.match(stageHoverAt(run, { line: 0, character: 10 })!, /4 in, 4 out/);
  });
});
