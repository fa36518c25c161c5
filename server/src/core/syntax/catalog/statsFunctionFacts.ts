import { functionFacts as fn } from './functionFacts';

/**
 * The aggregations of ../shared/reference/stats-functions.txt. Where the reference lists two
 * spellings, the canonical name is the one detections write most (`count`, `dc`, `avg`); the other
 * is an alias. `stdevp` and `varp` get entries of their own because they compute something
 * different (population rather than sample statistics). `perc` stands for every percentile
 * spelling (`perc95`, `p95`, `exactperc99`, `upperperc90`), which the lookup resolves by pattern.
 * `sparkline` (stats and chart) and the `per_*` rates (timechart) are not in the reference but
 * are aggregations Splunk accepts; the corpus uses `sparkline`.
 */
export const statsFunctionFacts = [
  fn('count', 'count([field])', 0, 1, ['c']),
  fn('dc', 'dc(field)', 1, 1, ['distinct_count']),
  fn('avg', 'avg(field)', 1, 1, ['mean']),
  fn('stdev', 'stdev(field)', 1, 1),
  fn('stdevp', 'stdevp(field)', 1, 1),
  fn('var', 'var(field)', 1, 1),
  fn('varp', 'varp(field)', 1, 1),
  fn('sum', 'sum(field)', 1, 1),
  fn('sumsq', 'sumsq(field)', 1, 1),
  fn('min', 'min(field)', 1, 1),
  fn('max', 'max(field)', 1, 1),
  fn('mode', 'mode(field)', 1, 1),
  fn('median', 'median(field)', 1, 1),
  fn('earliest', 'earliest(field)', 1, 1),
  fn('first', 'first(field)', 1, 1),
  fn('last', 'last(field)', 1, 1),
  fn('latest', 'latest(field)', 1, 1),
  fn('perc', 'perc<N>(field)', 1, 1),
  fn('list', 'list(field)', 1, 1),
  fn('values', 'values(field)', 1, 1),
  fn('range', 'range(field)', 1, 1),
  fn('estdc', 'estdc(field)', 1, 1),
  fn('estdc_error', 'estdc_error(field)', 1, 1),
  fn('earliest_time', 'earliest_time(field)', 1, 1),
  fn('latest_time', 'latest_time(field)', 1, 1),
  fn('rate', 'rate(field)', 1, 1),
  fn('sparkline', 'sparkline([aggregation(field)] [, span])', 0, 2),
  fn('per_second', 'per_second(field)', 1, 1),
  fn('per_minute', 'per_minute(field)', 1, 1),
  fn('per_hour', 'per_hour(field)', 1, 1),
  fn('per_day', 'per_day(field)', 1, 1),
];

export type StatsFunctionName = (typeof statsFunctionFacts)[number]['name'];
