import type { CommandName } from './commandFacts';
import { option } from './option';
import type { CommandDoc } from './types';

const maxtime = option(
  'maxtime',
  'number',
  'Seconds the subsearch may run before it is cut short.',
);
const maxout = option('maxout', 'number', 'The most results the subsearch may return.');

/** Commands that combine result sets, run subsearches or group events. */
export const combineCommandDocs = {
  append: {
    summary:
      'Runs a subsearch and adds its results after the current results. The subsearch is limited in run time and result count.',
    syntax:
      'append [extendtimerange=<bool>] [maxtime=<number>] [maxout=<number>] [timeout=<number>] [<subsearch>]',
    example: 'append [| inputlookup known_admins.csv | eval known=1]',
    options: [
      option('extendtimerange', 'bool', 'Widens the time range to cover the subsearch too.'),
      maxtime,
      maxout,
      option('timeout', 'number', 'Seconds to wait for the subsearch to finish.'),
    ],
  },
  appendcols: {
    summary:
      'Runs a subsearch and pastes its fields onto the current results row by row (first onto first).',
    syntax: 'appendcols [override=<bool>] [maxtime=<number>] [maxout=<number>] [<subsearch>]',
    example: 'timechart count | appendcols [search action=failure | timechart count AS failures]',
    options: [
      option('override', 'bool', 'Lets subsearch values replace fields that already exist.'),
      maxtime,
      maxout,
    ],
  },
  appendpipe: {
    summary:
      'Runs the given commands over the current results and appends what they produce, for example a summary row.',
    syntax: 'appendpipe [run_in_preview=<bool>] [<commands>]',
    example: 'stats count by user | appendpipe [stats sum(count) AS count | eval user="TOTAL"]',
    options: [option('run_in_preview', 'bool', 'Whether the commands also run while previewing.')],
  },
  join: {
    summary:
      'Combines each result with the subsearch rows that share the values of the join fields. Inner by default; the subsearch is limited in rows and run time.',
    syntax:
      'join [type=inner|left|outer] [usetime=<bool>] [earlier=<bool>] [overwrite=<bool>] [max=<number>] <field>... [<subsearch>]',
    example:
      'join type=left process_guid [search index=sysmon EventCode=3 | fields process_guid dest_ip]',
    options: [
      option(
        'type',
        'string',
        '`inner` keeps matches only; `left` (or `outer`) also keeps unmatched results.',
      ),
      option(
        'max',
        'number',
        'How many subsearch rows may match one result; 0 means no limit (default 1).',
      ),
      option('overwrite', 'bool', 'Lets subsearch values replace fields of the same name.'),
      option('usetime', 'bool', 'Only joins rows that are close in time.'),
      option('earlier', 'bool', 'With `usetime`, whether the subsearch row may be earlier.'),
    ],
  },
  union: {
    summary:
      'Combines the results of several datasets or subsearches, running them in parallel where possible.',
    syntax: '| union [maxtime=<number>] [maxout=<number>] <dataset | subsearch>...',
    example: '| union [search index=sysmon EventCode=1] [search index=wineventlog EventCode=4688]',
    options: [maxtime, maxout],
  },
  multisearch: {
    summary: 'Runs several streaming searches at once and interleaves their events by time.',
    syntax: '| multisearch <subsearch> <subsearch>...',
    example:
      '| multisearch [search index=sysmon EventCode=1] [search index=wineventlog EventCode=4688]',
    options: [],
  },
  set: {
    summary:
      'Combines the results of two subsearches as a set: their union, the rows they share, or the rows of the first not in the second.',
    syntax: '| set (union | diff | intersect) <subsearch> <subsearch>',
    example: '| set diff [search sourcetype=a | fields user] [search sourcetype=b | fields user]',
    options: [],
  },
  format: {
    summary:
      'Turns results into one search string such as `( ( a="1" AND b="2" ) OR ( ... ) )`; this is what a subsearch returns to the outer search.',
    syntax:
      'format [mvsep=<string>] [maxresults=<number>] [<row-prefix> <column-prefix> <column-separator> <column-end> <row-separator> <row-end>]',
    example: '[| inputlookup suspicious_hashes.csv | fields file_hash | format]',
    options: [
      option('maxresults', 'number', 'The most results turned into the string.'),
      option('mvsep', 'string', 'How the values of a multivalue field are joined.'),
      option('emptystr', 'string', 'The text produced when there are no results.'),
    ],
  },
  return: {
    summary:
      'Ends a subsearch by returning field values to the outer search, as `field=value` pairs, renamed pairs, or bare values with `$field`.',
    syntax: 'return [<count>] [<field> | <alias>=<field> | $<field>]...',
    example: 'search [| inputlookup watchlist.csv | return 50 user]',
    options: [option('count', 'number', 'How many results to return (default 1).')],
  },
  oldreturn: {
    summary: 'The earlier form of `return`, kept for old searches.',
    syntax: 'oldreturn [<count>] <field>...',
    example: 'search [search sourcetype=auth | oldreturn user]',
    options: [],
  },
  map: {
    summary:
      'Runs a search once per input result, substituting `$field$` tokens with the values of that result.',
    syntax: 'map search="<search>" [maxsearches=<number>]',
    example: 'map maxsearches=20 search="search index=sysmon dest=$dest$ EventCode=3"',
    options: [
      option('search', 'string', 'The search to run, with `$field$` tokens.'),
      option('maxsearches', 'number', 'The most searches to run (default 10).'),
    ],
  },
  foreach: {
    summary:
      'Repeats a template of commands for each field matching a wildcard; `<<FIELD>>` in the template stands for the field name.',
    syntax:
      'foreach [mode=multifield|multivalue|json_array] <field-pattern>... [fieldstr=<string>] [matchstr=<string>] [<commands>]',
    example: 'foreach count_* [eval <<FIELD>>=coalesce(<<FIELD>>, 0)]',
    options: [
      option(
        'mode',
        'string',
        'Iterates over fields (default), multivalue values or JSON array items.',
      ),
    ],
  },
  transaction: {
    summary:
      'Groups events into transactions that share field values and satisfy time, start and end conditions, adding `duration` and `eventcount`.',
    syntax:
      'transaction [<field>...] [maxspan=<span>] [maxpause=<span>] [maxevents=<number>] [startswith=<filter>] [endswith=<filter>] [keepevicted=<bool>]',
    example: 'transaction user maxspan=10m startswith="EventCode=4625" endswith="EventCode=4624"',
    options: [
      option('maxspan', 'time', 'The longest a transaction may last.'),
      option('maxpause', 'time', 'The longest gap allowed between its events.'),
      option('maxevents', 'number', 'The most events in one transaction.'),
      option('startswith', 'string', 'A search or eval condition that starts a transaction.'),
      option('endswith', 'string', 'A search or eval condition that ends a transaction.'),
      option('keepevicted', 'bool', 'Also keeps transactions that never completed.'),
      option('mvlist', 'bool', 'Keeps every value in order instead of the distinct values.'),
    ],
  },
  localize: {
    summary:
      'Finds the time ranges in which matching events occur, for a following `map` to search.',
    syntax: 'localize [maxpause=<span>] [timeafter=<span>] [timebefore=<span>]',
    example:
      'search failed_login | localize maxpause=5m | map search="search user=admin starttimeu=$starttime$ endtimeu=$endtime$"',
    options: [],
  },
} satisfies Partial<Record<CommandName, CommandDoc>>;
