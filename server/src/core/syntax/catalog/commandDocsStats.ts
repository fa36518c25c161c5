import type { CommandName } from './commandFacts';
import { option } from './option';
import type { CommandDoc } from './types';

const byClause = option('by', 'field', 'Groups the aggregation by the values of these fields.');

/** Aggregating commands: they compute statistics over groups of results. */
export const statsCommandDocs = {
  stats: {
    summary:
      'Replaces the results with one row per group, holding the aggregations you ask for. Results missing a `by` field are left out of every group.',
    syntax:
      'stats [allnum=<bool>] [delim=<string>] [partitions=<number>] <aggregation> [AS <field>]... [by <field>...] [dedup_splitvals=<bool>]',
    example:
      'stats count min(_time) AS firstTime max(_time) AS lastTime values(process) AS process by dest user',
    options: [
      byClause,
      option('allnum', 'bool', 'Computes numeric aggregations only when every value is a number.'),
      option('delim', 'string', 'Separator for `list` and `values` shown as text.'),
      option('partitions', 'number', 'Splits the work into this many partitions.'),
    ],
  },
  eventstats: {
    summary:
      'Computes aggregations like `stats` but adds them as fields to every result of the group, keeping the results themselves.',
    syntax: 'eventstats [allnum=<bool>] <aggregation> [AS <field>]... [by <field>...]',
    example: 'eventstats dc(dest) AS host_count by user | where host_count > 10',
    options: [
      byClause,
      option('allnum', 'bool', 'Computes numeric aggregations only when every value is a number.'),
    ],
  },
  streamstats: {
    summary:
      'Adds running aggregations to each result, computed over the results seen so far (or a window of them) in the current order.',
    syntax:
      'streamstats [current=<bool>] [window=<number>] [time_window=<span>] [global=<bool>] [reset_on_change=<bool>] <aggregation> [AS <field>]... [by <field>...]',
    example: 'sort 0 _time | streamstats time_window=1m count AS logons_per_minute by user',
    options: [
      byClause,
      option(
        'current',
        'bool',
        'Whether the current result counts in its own aggregation (default true).',
      ),
      option('window', 'number', 'Aggregates over only the last N results; 0 means all so far.'),
      option('time_window', 'time', 'Aggregates over results within this span of the current one.'),
      option(
        'global',
        'bool',
        'With a window and `by`, whether the window is shared by all groups.',
      ),
      option('reset_on_change', 'bool', 'Restarts the aggregation when a `by` value changes.'),
      option(
        'reset_before',
        'string',
        'Restarts before a result for which this eval expression is true.',
      ),
      option(
        'reset_after',
        'string',
        'Restarts after a result for which this eval expression is true.',
      ),
    ],
  },
  chart: {
    summary:
      'Builds a table for charting: rows from the `over` (or first `by`) field, columns from the second split field, cells from the aggregation.',
    syntax:
      'chart [limit=<number>] [useother=<bool>] [usenull=<bool>] <aggregation>... [over <field>] [by <field> [<field>]]',
    example: 'chart count over user by action limit=20',
    options: [
      option('limit', 'number', 'How many column series to keep; the rest go to OTHER.'),
      option('useother', 'bool', 'Whether the dropped series are summed into an OTHER column.'),
      option('usenull', 'bool', 'Whether results missing the split field get a NULL column.'),
      option('span', 'time', 'Bucket width when the row field is numeric or time.'),
      option('agg', 'string', 'The aggregation, as an alternative to naming it positionally.'),
    ],
  },
  timechart: {
    summary:
      'Aggregates over time buckets of `_time`, one row per bucket and, with `by`, one column per value of the split field.',
    syntax:
      'timechart [span=<span>] [limit=<number>] [useother=<bool>] [usenull=<bool>] <aggregation>... [by <field>]',
    example: 'timechart span=1h count by EventCode limit=10 useother=false',
    options: [
      option('span', 'time', 'Width of each time bucket, such as `15m` or `1d`.'),
      option('bins', 'number', 'Chooses the span so there are at most this many buckets.'),
      option('limit', 'number', 'How many series to keep; the rest go to OTHER.'),
      option('useother', 'bool', 'Whether the dropped series are summed into an OTHER column.'),
      option('usenull', 'bool', 'Whether results missing the split field get a NULL column.'),
      option('cont', 'bool', 'Whether empty buckets are filled in so the timeline has no gaps.'),
      option('partial', 'bool', 'Whether partial buckets at the edges of the time range are kept.'),
      option('fixedrange', 'bool', 'Whether the timeline spans the whole search range.'),
    ],
  },
  top: {
    summary:
      'Lists the most frequent values (or combinations) of fields with their `count` and `percent`.',
    syntax:
      'top [limit=<number>] [countfield=<field>] [percentfield=<field>] [showcount=<bool>] [showperc=<bool>] [useother=<bool>] <field>... [by <field>...]',
    example: 'top limit=5 process_name by dest',
    options: [
      option('limit', 'number', 'How many values to list (default 10; 0 lists all).'),
      option('countfield', 'field', 'Name of the count column.'),
      option('percentfield', 'field', 'Name of the percentage column.'),
      option('showcount', 'bool', 'Whether to include the count column.'),
      option('showperc', 'bool', 'Whether to include the percentage column.'),
      option('useother', 'bool', 'Adds a row summing every value beyond the limit.'),
    ],
  },
  rare: {
    summary:
      'Lists the least frequent values (or combinations) of fields with their `count` and `percent`; the mirror of `top`.',
    syntax:
      'rare [limit=<number>] [countfield=<field>] [percentfield=<field>] [showcount=<bool>] [showperc=<bool>] <field>... [by <field>...]',
    example: 'rare limit=20 parent_process_name process_name',
    options: [
      option('limit', 'number', 'How many values to list (default 10).'),
      option('countfield', 'field', 'Name of the count column.'),
      option('percentfield', 'field', 'Name of the percentage column.'),
      option('showcount', 'bool', 'Whether to include the count column.'),
      option('showperc', 'bool', 'Whether to include the percentage column.'),
    ],
  },
  tstats: {
    summary:
      'Aggregates over indexed fields or accelerated datamodels without reading raw events, which makes it much faster than `search | stats`. Its `where` clause uses search syntax; datamodel fields carry the dataset prefix.',
    syntax:
      '| tstats [summariesonly=<bool>] [allow_old_summaries=<bool>] [prestats=<bool>] [append=<bool>] <aggregation>... [from datamodel=<model>[.<dataset>]] [where <search>] [by <field>... [span=<span>]]',
    example:
      '| tstats summariesonly=true count min(_time) AS firstTime from datamodel=Endpoint.Processes where Processes.process_name=rundll32.exe by Processes.dest Processes.user',
    options: [
      option('summariesonly', 'bool', 'Uses only the accelerated summaries, never raw data.'),
      option(
        'allow_old_summaries',
        'bool',
        'Also uses summaries built with an older datamodel definition.',
      ),
      option(
        'prestats',
        'bool',
        'Emits partial results for a following `stats`, `chart` or `timechart`.',
      ),
      option(
        'append',
        'bool',
        'With prestats, adds to the existing results instead of replacing them.',
      ),
      option('local', 'bool', 'Runs on the search head only.'),
      option(
        'fillnull_value',
        'string',
        'Value given to missing `by` fields instead of dropping the row.',
      ),
      option('chunk_size', 'number', 'How many distinct values to process per batch.'),
      option('datamodel', 'string', 'The datamodel and dataset to read, after `from`.'),
    ],
  },
  mstats: {
    summary: 'Aggregates metric data points from metrics indexes, optionally over time buckets.',
    syntax:
      '| mstats [prestats=<bool>] [append=<bool>] <aggregation>(<metric>)... where index=<index> [<filter>] [by <field>...] [span=<span>]',
    example: '| mstats avg(cpu.util) WHERE index=os_metrics BY host span=5m',
    options: [
      option('prestats', 'bool', 'Emits partial results for a following aggregating command.'),
      option('span', 'time', 'Width of each time bucket.'),
    ],
  },
  addtotals: {
    summary:
      'Adds to each result a field holding the sum of its numeric fields (or of the listed ones).',
    syntax:
      'addtotals [row=<bool>] [col=<bool>] [fieldname=<field>] [labelfield=<field>] [label=<string>] [<field>...]',
    example: 'chart count over dest by action | addtotals fieldname=total',
    options: [],
  },
  addcoltotals: {
    summary: 'Appends one result holding the column sums of the numeric fields.',
    syntax: 'addcoltotals [labelfield=<field>] [label=<string>] [<field>...]',
    example: 'stats count by user | addcoltotals labelfield=user label=ALL',
    options: [],
  },
  transpose: {
    summary: 'Swaps rows and columns, turning the first N results into columns.',
    syntax:
      'transpose [<number>] [column_name=<string>] [header_field=<field>] [include_empty=<bool>]',
    example: 'stats count by action | transpose header_field=action',
    options: [],
  },
  untable: {
    summary:
      'Turns a wide table into rows of (row, column, value) triples; the inverse of `xyseries`.',
    syntax: 'untable <x-field> <name-field> <value-field>',
    example: 'timechart count by dest | untable _time dest count',
    options: [],
  },
  xyseries: {
    summary:
      'Turns (row, column, value) triples into a wide table with one column per distinct column value.',
    syntax: 'xyseries [grouped=<bool>] <x-field> <y-name-field> <y-data-field>...',
    example: 'stats count by user, action | xyseries user action count',
    options: [],
  },
  timewrap: {
    summary:
      'Reshapes a timechart so each period (day, week, ...) becomes a series, for comparing periods.',
    syntax: 'timewrap <span> [align=now|end] [series=relative|exact|short] [time_format=<string>]',
    example: 'timechart span=1h count | timewrap 1d',
    options: [],
  },
  trendline: {
    summary: 'Adds moving averages (simple, exponential or weighted) of numeric fields.',
    syntax: 'trendline (sma|ema|wma)<period>(<field>) [AS <field>]...',
    example: 'timechart span=1h count | trendline sma24(count) AS baseline',
    options: [],
  },
  contingency: {
    summary:
      'Counts how often each pair of values of two fields occurs together, as a cross table.',
    syntax:
      'contingency [maxrows=<number>] [maxcols=<number>] [usetotal=<bool>] <row-field> <column-field>',
    example: 'contingency user action',
    options: [],
  },
  fieldsummary: {
    summary:
      'Summarizes every field: how many results have it, distinct values, numeric statistics and top values.',
    syntax: 'fieldsummary [maxvals=<number>] [<field>...]',
    example: 'search sourcetype=XmlWinEventLog EventCode=1 | fieldsummary maxvals=5',
    options: [],
  },
  rawstats: {
    summary: 'Shows the raw statistics that the search process collected.',
    syntax: 'rawstats',
    example: 'search index=_internal | head 1 | rawstats',
    options: [],
  },
} satisfies Partial<Record<CommandName, CommandDoc>>;
