import type { CommandName } from './commandFacts';
import { option } from './option';
import type { CommandDoc } from './types';

/** Commands that compute, convert or reshape field values within each result. */
export const evalCommandDocs = {
  eval: {
    summary:
      'Computes one or more fields from eval expressions, replacing a field that already exists. Assignments separated by commas run left to right, so later ones see earlier results.',
    syntax: 'eval <field>=<expression> [, <field>=<expression>]...',
    example:
      'eval process_name=lower(process_name), is_encoded=if(match(process, "(?i)-enc"), 1, 0)',
    options: [],
  },
  convert: {
    summary:
      'Converts field values with a conversion function such as `ctime`, `num` or `dur2sec`; `AS` writes the result to a new field instead.',
    syntax: 'convert [timeformat=<string>] <function>(<field>) [AS <field>]...',
    example: 'convert timeformat="%Y-%m-%dT%H:%M:%S" ctime(firstTime) ctime(lastTime)',
    options: [
      option('timeformat', 'string', 'The strftime format used by `ctime` and `mktime`.'),
      option('ctime', 'field', 'Epoch seconds to readable time text.'),
      option('mktime', 'field', 'Readable time text to epoch seconds.'),
      option('num', 'field', 'Values to numbers, dropping what cannot convert.'),
      option('dur2sec', 'field', 'A `[D+]HH:MM:SS` duration to seconds.'),
      option('memk', 'field', 'A size with k, m or g suffix to kilobytes.'),
      option('rmunit', 'field', 'Strips a trailing unit and keeps the number.'),
      option('rmcomma', 'field', 'Removes thousands separators.'),
      option('auto', 'field', 'Converts to a number whenever that is possible.'),
      option('none', 'field', 'Leaves the field untouched when `*` selected it.'),
    ],
  },
  makemv: {
    summary:
      'Turns a single-valued field into a multivalue field, splitting on a delimiter or extracting with a regex.',
    syntax:
      'makemv [delim=<string> | tokenizer=<regex>] [allowempty=<bool>] [setsv=<bool>] <field>',
    example: 'makemv delim="," allowed_hosts',
    options: [
      option('delim', 'string', 'The text separating values (default a single space).'),
      option('tokenizer', 'string', 'A regex whose first capture group gives each value.'),
      option('allowempty', 'bool', 'Keeps empty values between consecutive delimiters.'),
      option('setsv', 'bool', 'Also keeps the original single value.'),
    ],
  },
  mvexpand: {
    summary:
      'Makes one copy of a result per value of a multivalue field, each copy holding one value.',
    syntax: 'mvexpand <field> [limit=<number>]',
    example: 'mvexpand dest_ip',
    options: [option('limit', 'number', 'At most this many values are expanded per result.')],
  },
  mvcombine: {
    summary:
      'Merges results that are identical except for one field into a single result whose field holds all the values.',
    syntax: 'mvcombine [delim=<string>] <field>',
    example: 'table dest user | mvcombine user',
    options: [
      option('delim', 'string', 'Separator used when the combined value is shown as text.'),
    ],
  },
  nomv: {
    summary: 'Turns a multivalue field into one text value, its values joined by newlines.',
    syntax: 'nomv <field>',
    example: 'nomv process_name',
    options: [],
  },
  strcat: {
    summary:
      'Concatenates field values and quoted strings into a new field. A missing source field counts as empty text unless `allrequired=true`.',
    syntax: 'strcat [allrequired=<bool>] <field | "string">... <destination-field>',
    example: 'strcat src_ip ":" src_port src_endpoint',
    options: [
      option(
        'allrequired',
        'bool',
        'When true, writes nothing for results missing a source field (default false).',
      ),
    ],
  },
  fieldformat: {
    summary:
      'Changes how a field is displayed with an eval expression while keeping its underlying value for sorting and later commands.',
    syntax: 'fieldformat <field>=<expression>',
    example: 'fieldformat lastTime=strftime(lastTime, "%F %T")',
    options: [],
  },
  rangemap: {
    summary:
      'Sets a `range` field to the name of the numeric range a field value falls in, or to a default name.',
    syntax: 'rangemap field=<field> <name>=<low>-<high>... [default=<name>]',
    example: 'rangemap field=risk_score low=0-39 medium=40-69 high=70-100 default=unknown',
    options: [
      option('field', 'field', 'The numeric field to classify.'),
      option('default', 'string', 'The name used when no range matches.'),
    ],
  },
  addinfo: {
    summary:
      'Adds fields describing the search itself: `info_min_time`, `info_max_time`, `info_search_time` and `info_sid`.',
    syntax: 'addinfo',
    example: 'addinfo | where _time >= info_max_time - 3600',
    options: [],
  },
  bin: {
    summary:
      'Rounds a numeric or time field down to the start of its bucket, so later aggregations group by interval.',
    syntax:
      'bin [span=<span> | bins=<number>] [minspan=<span>] [aligntime=<time>] <field> [AS <field>]',
    example: 'bin _time span=5m',
    options: [
      option('span', 'time', 'Bucket width, such as `1h` for time or `100` for numbers.'),
      option('bins', 'number', 'The most buckets to make; the width is chosen to fit.'),
      option('minspan', 'time', 'The smallest width an automatic span may pick.'),
      option('start', 'number', 'Lowest value the buckets cover.'),
      option('end', 'number', 'Highest value the buckets cover.'),
      option('aligntime', 'time', 'Aligns time buckets to this time instead of to the span.'),
    ],
  },
  accum: {
    summary: 'Replaces a numeric field with its running total over the results so far.',
    syntax: 'accum <field> [AS <field>]',
    example: 'timechart span=1d count | accum count AS total',
    options: [],
  },
  delta: {
    summary:
      'Computes the difference between a field value and its value a given number of results earlier.',
    syntax: 'delta <field> [AS <field>] [p=<number>]',
    example: 'sort _time | delta bytes_out AS bytes_change',
    options: [],
  },
  autoregress: {
    summary:
      'Copies values of a field from earlier results into the current one, for moving comparisons.',
    syntax: 'autoregress <field> [AS <field>] [p=<number | range>]',
    example: 'autoregress count p=1-3',
    options: [],
  },
  reltime: {
    summary: 'Adds a `reltime` field saying how long ago each result happened, in words.',
    syntax: 'reltime',
    example: 'stats latest(_time) AS _time by user | reltime',
    options: [],
  },
  tags: {
    summary: 'Adds the tags configured for field values as new fields.',
    syntax: 'tags [outputfield=<field>] [inclname=<bool>] [inclvalue=<bool>] [<field>...]',
    example: 'tags outputfield=asset_tags dest',
    options: [],
  },
  typer: {
    summary: 'Computes the `eventtype` field for each event from the configured event types.',
    syntax: 'typer',
    example: 'search sourcetype=WinEventLog | typer',
    options: [],
  },
  setfields: {
    summary: 'Sets fields to fixed values on every result.',
    syntax: 'setfields <field>=<value> [, <field>=<value>]...',
    example: 'setfields severity="high"',
    options: [],
  },
  fromjson: {
    summary: 'Expands the keys of a JSON object held in a field into fields of their own.',
    syntax: 'fromjson <field> [prefix=<string>]',
    example: 'fromjson requestParameters prefix=req_',
    options: [],
  },
  tojson: {
    summary: 'Packs fields of each result into one JSON object, stored in `_raw` or a named field.',
    syntax: 'tojson [<field>...] [output_field=<field>] [include_internal=<bool>]',
    example: 'tojson dest user process output_field=evidence',
    options: [],
  },
  xmlunescape: {
    summary:
      'Replaces XML entities such as `&lt;` and `&amp;` in `_raw` with the characters they stand for.',
    syntax: 'xmlunescape [maxinputs=<number>]',
    example: 'search sourcetype=XmlWinEventLog | xmlunescape',
    options: [],
  },
} satisfies Partial<Record<CommandName, CommandDoc>>;
