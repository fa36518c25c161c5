import type { StatsFunctionName } from './statsFunctionFacts';
import type { FunctionDoc } from './types';

/** Typed as a full record, so an aggregation without prose fails the type check. */
export const statsFunctionDocs: Readonly<Record<StatsFunctionName, FunctionDoc>> = {
  count: {
    summary:
      'How many results are in the group, or how many have the field; `count(eval(condition))` counts those where the condition is true.',
    example: 'stats count count(eval(action="failure")) AS failures by user',
  },
  dc: {
    summary: 'How many distinct values the field takes in the group.',
    example: 'stats dc(dest) AS host_count by user | where host_count > 20',
  },
  avg: {
    summary: 'The mean of the numeric values of the field.',
    example: 'stats avg(bytes_out) AS avg_out by src_ip',
  },
  stdev: {
    summary: 'The sample standard deviation of the numeric values.',
    example: 'stats avg(count) AS mean stdev(count) AS sd by user',
  },
  stdevp: {
    summary: 'The population standard deviation of the numeric values.',
    example: 'stats stdevp(duration) by process_name',
  },
  var: {
    summary: 'The sample variance of the numeric values.',
    example: 'stats var(bytes_out) by dest',
  },
  varp: {
    summary: 'The population variance of the numeric values.',
    example: 'stats varp(bytes_out) by dest',
  },
  sum: {
    summary: 'The total of the numeric values.',
    example: 'stats sum(bytes_out) AS total_out by src_ip',
  },
  sumsq: {
    summary: 'The sum of the squares of the numeric values.',
    example: 'stats sumsq(latency) by host',
  },
  min: {
    summary:
      'The smallest value: numeric when the values are numbers, otherwise the first in text order.',
    example: 'stats min(_time) AS firstTime by dest',
  },
  max: {
    summary:
      'The largest value: numeric when the values are numbers, otherwise the last in text order.',
    example: 'stats max(_time) AS lastTime by dest',
  },
  mode: {
    summary: 'The most frequent value of the field.',
    example: 'stats mode(parent_process_name) by process_name',
  },
  median: {
    summary: 'The middle value of the field when sorted.',
    example: 'stats median(bytes_out) by dest',
  },
  earliest: {
    summary: 'The value of the field in the result with the earliest `_time`.',
    example: 'stats earliest(src_ip) AS first_src by user',
  },
  first: {
    summary:
      'The value of the field in the first result seen; with the default newest-first order, the latest one.',
    example: 'stats first(process) by dest',
  },
  last: {
    summary:
      'The value of the field in the last result seen; with the default newest-first order, the earliest one.',
    example: 'stats last(process) by dest',
  },
  latest: {
    summary: 'The value of the field in the result with the latest `_time`.',
    example: 'stats latest(action) AS last_action by user',
  },
  perc: {
    summary:
      'The value below which the given percentage of values fall, as in `perc95(x)` or `p95(x)`; `exactperc` computes it exactly, `upperperc` gives the upper bound of the estimate.',
    example: 'stats perc95(bytes_out) AS p95_out by src_ip',
  },
  list: {
    summary: 'Every value of the field, duplicates included, in the order seen (at most 100).',
    example: 'stats list(process) AS commands by process_guid',
  },
  values: {
    summary: 'The distinct values of the field, sorted as text, as a multivalue field.',
    example: 'stats values(process_name) AS processes by dest user',
  },
  range: {
    summary: 'The difference between the largest and smallest numeric values.',
    example: 'stats range(_time) AS span_seconds by session_id',
  },
  estdc: {
    summary: 'An estimate of the distinct count, cheaper than `dc` on large data.',
    example: 'stats estdc(src_ip) AS sources by dest_port',
  },
  estdc_error: {
    summary: 'The estimated relative error of `estdc` for the same field.',
    example: 'stats estdc(src_ip) estdc_error(src_ip) by dest_port',
  },
  earliest_time: {
    summary: 'The `_time` of the earliest result that has the field.',
    example: 'stats earliest_time(user) AS first_seen by dest',
  },
  latest_time: {
    summary: 'The `_time` of the latest result that has the field.',
    example: 'stats latest_time(user) AS last_seen by dest',
  },
  rate: {
    summary:
      'How fast a growing counter field increases per second: the change between the earliest and latest values over their time difference.',
    example: 'stats rate(bytes_total) AS bytes_per_second by interface',
  },
  sparkline: {
    summary:
      'A small inline trend chart per row: the aggregation (count by default) computed over time buckets of the given span.',
    example: 'stats sparkline(count, 1h) AS trend count by user',
  },
  per_second: {
    summary:
      'timechart only: the sum of the field in each time bucket, scaled to a rate per second.',
    example: 'timechart span=5m per_second(bytes) AS bytes_per_second',
  },
  per_minute: {
    summary:
      'timechart only: the sum of the field in each time bucket, scaled to a rate per minute.',
    example: 'timechart span=1h per_minute(count) AS events_per_minute',
  },
  per_hour: {
    summary: 'timechart only: the sum of the field in each time bucket, scaled to a rate per hour.',
    example: 'timechart span=1d per_hour(bytes) by host',
  },
  per_day: {
    summary: 'timechart only: the sum of the field in each time bucket, scaled to a rate per day.',
    example: 'timechart span=1w per_day(logins) by user',
  },
};
