import type { CommandName } from './commandFacts';
import { option } from './option';
import type { CommandDoc } from './types';

/** Commands that keep, drop, order or rename results and fields. */
export const filterCommandDocs = {
  search: {
    summary:
      'Keeps the events that match a boolean expression of terms, field comparisons and wildcards. When a search has no leading `|`, it starts with an implicit `search` that reads events from the indexes.',
    syntax: 'search <term | field=value | field IN (value, ...) | (expression)>...',
    example:
      'search index=main sourcetype=XmlWinEventLog EventCode=1 (Image="*\\\\powershell.exe" OR Image="*\\\\pwsh.exe")',
    options: [
      option('index', 'string', 'Reads events only from the named index; wildcards are allowed.'),
      option('sourcetype', 'string', 'Keeps events of the given source type.'),
      option('source', 'string', 'Keeps events whose source (file, channel) matches.'),
      option('host', 'string', 'Keeps events from the matching host.'),
      option('earliest', 'time', 'Lower time bound, absolute or relative such as `-24h@h`.'),
      option('latest', 'time', 'Upper time bound, absolute or relative such as `now`.'),
      option('CASE', 'string', 'Wraps a term to make its match case-sensitive: `CASE(Admin)`.'),
      option('TERM', 'string', 'Wraps a term to match it as one indexed token: `TERM(10.0.0.1)`.'),
    ],
  },
  where: {
    summary:
      'Keeps the results for which an eval expression is true. Unlike `search`, string comparisons are case-sensitive and the right side of `=` is a value or a field, not a pattern.',
    syntax: 'where <eval-expression>',
    example: 'where count > 5 AND like(process_name, "%.tmp")',
    options: [],
  },
  regex: {
    summary:
      'Keeps (with `=`) or drops (with `!=`) results whose field matches a regular expression; without a field it tests `_raw`.',
    syntax: 'regex [<field>=|<field>!=]"<regex>"',
    example: 'regex process_name="(?i)^(cmd|powershell)\\.exe$"',
    options: [],
  },
  dedup: {
    summary:
      'Keeps only the first result for each combination of values of the given fields, in the current order. Results that lack any of the fields are dropped unless `keepempty=true`.',
    syntax:
      'dedup [<count>] <field>... [keepevents=<bool>] [keepempty=<bool>] [consecutive=<bool>] [sortby <sort-fields>]',
    example: 'dedup dest, user sortby -_time',
    options: [
      option('count', 'number', 'How many results to keep per combination (default 1).'),
      option('keepevents', 'bool', 'Keeps every result but clears the fields of the duplicates.'),
      option('keepempty', 'bool', 'Keeps results where a dedup field is missing.'),
      option('consecutive', 'bool', 'Only removes duplicates that follow each other directly.'),
      option(
        'sortby',
        'field',
        'Sorts the kept results by these fields (prefix `-` for descending).',
      ),
    ],
  },
  head: {
    summary:
      'Keeps the first N results (10 by default), or the leading results for which an expression holds.',
    syntax: 'head [<count> | (<eval-expression>)] [limit=<number>] [null=<bool>] [keeplast=<bool>]',
    example: 'sort - count | head 20',
    options: [
      option('limit', 'number', 'Same as the count: how many results to keep.'),
      option('null', 'bool', 'What an expression that evaluates to null counts as.'),
      option('keeplast', 'bool', 'Also keeps the first result that made the expression false.'),
    ],
  },
  tail: {
    summary: 'Keeps the last N results (10 by default), returned in reverse order.',
    syntax: 'tail [<count>]',
    example: 'sort _time | tail 5',
    options: [],
  },
  sort: {
    summary:
      'Orders results by one or more fields, ascending unless the field has a `-` prefix. Keeps 10,000 results unless a count (0 for all) is given.',
    syntax:
      'sort [<count>] [+|-]<field | auto(field) | str(field) | ip(field) | num(field)>... [desc]',
    example: 'sort 0 - count, + dest',
    options: [
      option('count', 'number', 'How many sorted results to keep; 0 keeps them all.'),
      option('desc', 'bool', 'Reverses the whole ordering.'),
    ],
  },
  reverse: {
    summary: 'Reverses the order of the results.',
    syntax: 'reverse',
    example: 'sort _time | reverse',
    options: [],
  },
  uniq: {
    summary: 'Removes results that are exact copies of the result just before them.',
    syntax: 'uniq',
    example: 'table dest user | sort dest | uniq',
    options: [],
  },
  table: {
    summary:
      'Shows only the listed fields, as columns in the given order; wildcards select several fields.',
    syntax: 'table <field>...',
    example: 'table _time dest user parent_process_name process_name process',
    options: [],
  },
  fields: {
    summary:
      'Keeps (`+`, the default) or removes (`-`) the listed fields; wildcards are allowed. Internal fields such as `_time` and `_raw` stay unless named explicitly.',
    syntax: 'fields [+|-] <field>...',
    example: 'fields - _raw, eventtype, linecount',
    options: [],
  },
  rename: {
    summary:
      'Renames fields. A wildcard in the old name is carried into the new one, which is how datamodel prefixes are stripped.',
    syntax: 'rename <old-field> AS <new-field> [, <old-field> AS <new-field>]...',
    example: 'rename Processes.* AS *, dest AS host',
    options: [],
  },
  fillnull: {
    summary:
      'Gives a value (0 by default) to fields that are missing or empty, either in the listed fields or in every field present in the results.',
    syntax: 'fillnull [value=<string>] [<field>...]',
    example: 'fillnull value="unknown" user parent_process_name',
    options: [option('value', 'string', 'The value to fill in (default `0`).')],
  },
  filldown: {
    summary:
      'Replaces a missing value with the last non-missing value seen for that field in earlier results.',
    syntax: 'filldown [<field>...]',
    example: 'filldown user',
    options: [],
  },
  replace: {
    summary:
      'Replaces whole field values that match a pattern (with `*` wildcards) by a new value, in the given fields or in all fields.',
    syntax:
      'replace <old-value> WITH <new-value> [, <old-value> WITH <new-value>]... [IN <field>...]',
    example: 'replace "NT AUTHORITY\\\\SYSTEM" WITH "SYSTEM" IN user',
    options: [],
  },
  highlight: {
    summary: 'Marks the given terms in the displayed events; the results themselves do not change.',
    syntax: 'highlight <term>...',
    example: 'highlight mimikatz sekurlsa',
    options: [],
  },
  abstract: {
    summary: 'Shortens each event to the lines that best summarize it.',
    syntax: 'abstract [maxterms=<number>] [maxlines=<number>]',
    example: 'abstract maxlines=3',
    options: [],
  },
  iconify: {
    summary: 'Shows a distinct icon for each distinct combination of the given field values.',
    syntax: 'iconify <field>...',
    example: 'iconify EventCode',
    options: [],
  },
  scrub: {
    summary:
      'Anonymizes results by replacing names, addresses and other identifying values with made-up ones.',
    syntax:
      'scrub [public-terms=<file>] [private-terms=<file>] [name-terms=<file>] [dictionary=<file>] [timeconfig=<file>]',
    example: 'search index=main | head 100 | scrub',
    options: [],
  },
  anomalies: {
    summary:
      'Scores how unexpected each event is compared with the ones before it and keeps the unusual ones.',
    syntax: 'anomalies [threshold=<number>] [field=<field>] [blacklist=<file>]',
    example: 'anomalies field=CommandLine threshold=0.05',
    options: [],
  },
  selfjoin: {
    summary:
      'Joins each result with the other results that share the same value of the given fields.',
    syntax: 'selfjoin [overwrite=<bool>] [max=<number>] [keepsingle=<bool>] <field>...',
    example: 'selfjoin session_id',
    options: [],
  },
} satisfies Partial<Record<CommandName, CommandDoc>>;
