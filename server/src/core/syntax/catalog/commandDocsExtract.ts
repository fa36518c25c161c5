import type { CommandName } from './commandFacts';
import { option } from './option';
import type { CommandDoc } from './types';

/** Commands that pull new fields out of text, structured data or lookup tables. */
export const extractCommandDocs = {
  rex: {
    summary:
      'Extracts fields with named capture groups of a regular expression, or rewrites a field with a sed-style substitution when `mode=sed`.',
    syntax:
      'rex [field=<field>] [max_match=<number>] [offset_field=<field>] (mode=sed "<s/regex/replacement/flags>" | "<regex>")',
    example: 'rex field=process "(?i)-(?:enc|encodedcommand)\\s+(?<encoded>[A-Za-z0-9+/=]+)"',
    options: [
      option('field', 'field', 'The field to read (default `_raw`).'),
      option(
        'max_match',
        'number',
        'How many matches to take; above 1 the fields become multivalue, 0 means all.',
      ),
      option('mode', 'string', '`sed` to replace text in the field instead of extracting.'),
      option('offset_field', 'field', 'A field that receives where each match was found.'),
    ],
  },
  erex: {
    summary:
      'Learns a regular expression from example values you give and extracts a field with it; the learned regex can then be copied into `rex`.',
    syntax:
      'erex <field> examples="<value>, ..." [counterexamples="<value>, ..."] [fromfield=<field>] [maxtrainers=<number>]',
    example: 'erex domain examples="evil.example.com, c2.example.net" fromfield=query',
    options: [],
  },
  spath: {
    summary:
      'Extracts fields from JSON or XML, either every path (the default) or one path into a named field.',
    syntax: 'spath [input=<field>] [output=<field>] [path=<path> | <path>]',
    example: 'spath input=requestParameters path=userName output=target_user',
    options: [
      option('input', 'field', 'The field holding the JSON or XML (default `_raw`).'),
      option('output', 'field', 'Where to store the value of `path`.'),
      option('path', 'string', 'A location such as `a.b{0}.c`; `{}` selects every array element.'),
    ],
  },
  xmlkv: {
    summary:
      'Turns simple XML elements of `_raw` into fields named after their tags, such as `<user>bob</user>` into `user=bob`.',
    syntax: 'xmlkv [<field>] [maxinputs=<number>]',
    example: 'search sourcetype=XmlWinEventLog | xmlkv',
    options: [option('maxinputs', 'number', 'How many results the command processes at most.')],
  },
  xpath: {
    summary: 'Extracts a value from XML in a field with an XPath expression.',
    syntax: 'xpath [field=<field>] [outfield=<field>] [default=<string>] "<xpath>"',
    example: 'xpath outfield=target_user "//Data[@Name=\'TargetUserName\']"',
    options: [],
  },
  extract: {
    summary:
      'Runs the configured search-time extractions again, or extracts key=value pairs with chosen delimiters.',
    syntax:
      'extract [reload=<bool>] [pairdelim=<string>] [kvdelim=<string>] [limit=<number>] [<extraction>...]',
    example: 'extract pairdelim=";" kvdelim="="',
    options: [
      option('pairdelim', 'string', 'Characters that separate one pair from the next.'),
      option('kvdelim', 'string', 'Characters between a key and its value.'),
      option('limit', 'number', 'How many pairs to extract at most.'),
    ],
  },
  kvform: {
    summary: 'Extracts fields from form-like text using a template file of field labels.',
    syntax: 'kvform [form=<file>] [field=<field>]',
    example: 'kvform form=windows_dialog',
    options: [],
  },
  multikv: {
    summary:
      'Splits table-like events, such as the output of `netstat` or `top`, into one result per row with the header as field names.',
    syntax:
      'multikv [conf=<stanza>] [fields <field>...] [filter <term>...] [forceheader=<number>] [noheader=<bool>]',
    example: 'search sourcetype=netstat | multikv fields LocalAddress ForeignAddress State',
    options: [],
  },
  iplocation: {
    summary:
      'Adds geographic fields (City, Country, Region, lat, lon) for an IP address field from the bundled location database.',
    syntax: 'iplocation [prefix=<string>] [allfields=<bool>] [lang=<string>] <ip-field>',
    example: 'iplocation prefix=src_ src_ip | where src_Country!="United States"',
    options: [
      option('prefix', 'string', 'Text put in front of every added field name.'),
      option('allfields', 'bool', 'Also adds Continent, MetroCode and Timezone.'),
      option('lang', 'string', 'Language of the place names.'),
    ],
  },
  lookup: {
    summary:
      'Enriches each result with fields from a lookup table, matching input fields against the key columns of the table. `OUTPUT` overwrites existing fields; `OUTPUTNEW` only fills missing ones.',
    syntax:
      'lookup [local=<bool>] [update=<bool>] <lookup> <key-field> [AS <field>]... [OUTPUT | OUTPUTNEW <field> [AS <field>]...]',
    example: 'lookup is_windows_system_file file_name AS process_name OUTPUT systemFile',
    options: [
      option('local', 'bool', 'Runs the lookup on the search head only.'),
      option('update', 'bool', 'Reloads the table if it changed while the search runs.'),
      option('OUTPUT', 'field', 'Columns to copy into the result, replacing existing values.'),
      option('OUTPUTNEW', 'field', 'Columns to copy only where the result lacks the field.'),
    ],
  },
  nokv: {
    summary: 'Turns off automatic key=value extraction for the search.',
    syntax: 'nokv',
    example: 'search index=main | nokv',
    options: [],
  },
} satisfies Partial<Record<CommandName, CommandDoc>>;
