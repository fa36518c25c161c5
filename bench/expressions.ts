/**
 * Speed of the expression library, as ratios against hand-written baselines measured in the same
 * run (ratio = library time / baseline time; 1.0 would be as fast as code written for the case):
 *  (a) matchesSearch of a detection-style search vs a hand-coded predicate;
 *  (b) evaluate of an eval expression vs the same computation in plain TypeScript;
 *  (c) strftime in America/New_York vs Intl.DateTimeFormat.formatToParts;
 *  (d) a values() aggregation vs a Set plus sort.
 *
 *   node --import tsx bench/expressions.ts [rows]      (default 200000)
 */
import { createAggregator, type Aggregator } from '../server/src/core/engine/aggregations';
import { evaluate, matchesSearch, type EvalContext } from '../server/src/core/engine/expressions';
import { strftime } from '../server/src/core/engine/time';
import type { Row } from '../server/src/core/engine/value';
import {
  parseEvalExpression,
  parseSearchExpression,
  parseSpl,
  type StatsCommand,
} from '../server/src/core/syntax';

const ROWS = Number(process.argv[2] ?? 200_000);
const ctx: EvalContext = { now: 1_764_547_200, timezone: 'America/New_York' };

const rows: Row[] = Array.from({ length: ROWS }, (_, i) => {
  const wermgr = i % 50 === 0;
  return new Map<string, string | string[]>([
    [
      '_raw',
      `<Event><EventID>${wermgr ? 15 : 1}</EventID><Data Name='Image'>C:\\Windows\\x${i}.exe</Data></Event>`,
    ],
    ['_time', String(1_764_000_000 + i)],
    ['EventCode', wermgr ? '15' : '1'],
    [
      'TargetFilename',
      wermgr
        ? `C:\\Users\\u\\AppData\\Local\\Temp\\RP_${i}\\wermgr.exe:WDFOO`
        : `C:\\Windows\\f${i}.dll`,
    ],
    ['user', `user${i % 97}`],
    ['process', `cmd.exe /c whoami ${i}`],
    ['tags', ['a', String(i % 7)]],
  ]);
});

function time(run: () => number): { ms: number; result: number } {
  run(); // warm-up: JIT and caches
  const started = performance.now();
  const result = run();
  return { ms: performance.now() - started, result };
}

function report(
  name: string,
  library: { ms: number; result: number },
  baseline: { ms: number; result: number },
): void {
  if (library.result !== baseline.result)
    throw new Error(`${name}: results differ (${library.result} vs ${baseline.result})`);
  const ratio = (library.ms / baseline.ms).toFixed(2);
  console.log(
    `${name.padEnd(34)} ratio ${ratio.padStart(6)}  (library ${library.ms.toFixed(0)} ms, baseline ${baseline.ms.toFixed(0)} ms)`,
  );
}

const search = parseSearchExpression(
  'EventCode=15 TargetFilename="*\\\\Temp\\\\*" TargetFilename="*wermgr.exe:*" NOT user=admin',
).expression;
if (!search) throw new Error('bench search does not parse');
report(
  '(a) matchesSearch',
  time(() => rows.filter((r) => matchesSearch(search, r, ctx)).length),
  time(
    () =>
      rows.filter((r) => {
        const file = String(r.get('TargetFilename') ?? '').toLowerCase();
        return (
          String(r.get('EventCode')).toLowerCase() === '15' &&
          file.includes('\\temp\\') &&
          file.includes('wermgr.exe:') &&
          String(r.get('user') ?? '').toLowerCase() !== 'admin'
        );
      }).length,
  ),
);

const expression = parseEvalExpression(
  'if(match(process, "(?i)whoami"), lower(user) . "-" . mvcount(tags), "none")',
).expression;
if (!expression) throw new Error('bench expression does not parse');
const whoami = /whoami/i;
report(
  '(b) evaluate',
  time(() => rows.reduce((n, r) => n + String(evaluate(expression, r, ctx)).length, 0)),
  time(() =>
    rows.reduce((n, r) => {
      const tags = r.get('tags');
      const value = whoami.test(String(r.get('process')))
        ? `${String(r.get('user')).toLowerCase()}-${Array.isArray(tags) ? tags.length : 1}`
        : 'none';
      return n + value.length;
    }, 0),
  ),
);

const intl = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/New_York',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
report(
  '(c) strftime %Y-%m-%dT%H:%M:%S',
  time(() =>
    rows.reduce(
      (n, r) =>
        n + strftime(Number(r.get('_time')), '%Y-%m-%dT%H:%M:%S', 'America/New_York').length,
      0,
    ),
  ),
  time(() =>
    rows.reduce((n, r) => {
      const parts = intl.formatToParts(new Date(Number(r.get('_time')) * 1000));
      const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
      return (
        n +
        `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}`
          .length
      );
    }, 0),
  ),
);

const stats = parseSpl('| stats values(user)').pipeline.stages[0] as StatsCommand;
const valuesAggregation = stats.aggregations[0];
if (!valuesAggregation) throw new Error('bench aggregation does not parse');
report(
  '(d) values() aggregation',
  time(() => {
    const agg = createAggregator(valuesAggregation, ctx) as Aggregator;
    for (const r of rows) agg.add(r);
    return (agg.result() as readonly string[]).length;
  }),
  time(() => {
    const seen = new Set<string>();
    for (const r of rows) seen.add(String(r.get('user')));
    return [...seen].sort().length;
  }),
);
