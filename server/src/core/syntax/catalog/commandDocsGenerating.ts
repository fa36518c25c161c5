import type { CommandName } from './commandFacts';
import { option } from './option';
import type { CommandDoc } from './types';

/** Commands that produce results from somewhere other than the piped input. */
export const generatingCommandDocs = {
  inputlookup: {
    summary:
      'Reads the rows of a lookup table (CSV file or KV store collection) as results, optionally filtered by a `where` clause.',
    syntax:
      '| inputlookup [append=<bool>] [start=<number>] [max=<number>] <lookup> [where <search>]',
    example: '| inputlookup privileged_users.csv where enabled="true" | fields user',
    options: [
      option(
        'append',
        'bool',
        'Adds the rows to the current results instead of starting new ones.',
      ),
      option('start', 'number', 'Index of the first row to read (0-based).'),
      option('max', 'number', 'The most rows to read.'),
      option('where', 'string', 'A search expression the rows must satisfy.'),
    ],
  },
  inputcsv: {
    summary: 'Reads a CSV file from the dispatch or lookup area as results.',
    syntax:
      '| inputcsv [dispatch=<bool>] [append=<bool>] [start=<number>] [max=<number>] <file> [where <search>]',
    example: '| inputcsv baseline_processes.csv',
    options: [
      option('dispatch', 'bool', 'Reads from the dispatch directory of a search job.'),
      option('append', 'bool', 'Adds the rows to the current results.'),
      option('max', 'number', 'The most rows to read.'),
    ],
  },
  makeresults: {
    summary:
      'Creates results out of nothing: by default one result holding only `_time`, or the rows of inline data. Handy to test eval logic.',
    syntax: '| makeresults [count=<number>] [annotate=<bool>] [format=csv|json data=<string>]',
    example: '| makeresults count=3 | streamstats count AS n | eval host="ws-".n',
    options: [
      option('count', 'number', 'How many results to create (default 1).'),
      option(
        'annotate',
        'bool',
        'Also adds `host`, `source`, `sourcetype` and `splunk_server` fields.',
      ),
      option('format', 'string', '`csv` or `json`: the format of `data`.'),
      option('data', 'string', 'Inline rows to turn into results.'),
    ],
  },
  rest: {
    summary: 'Calls a Splunk REST endpoint and returns its entries as results.',
    syntax:
      '| rest [count=<number>] [splunk_server=<string>] [timeout=<number>] <endpoint> [<argument>=<value>]...',
    example: '| rest /services/authentication/users splunk_server=local | table title roles',
    options: [
      option('count', 'number', 'How many entries to return; 0 means all.'),
      option('splunk_server', 'string', 'Which server to ask; `local` for the search head.'),
      option('timeout', 'number', 'Seconds to wait for the endpoint.'),
    ],
  },
  metadata: {
    summary:
      'Lists the hosts, sources or source types of the indexes with their event counts and first and last times.',
    syntax: '| metadata type=hosts|sources|sourcetypes [index=<index>] [splunk_server=<string>]',
    example: '| metadata type=sourcetypes index=main | eval age=now()-lastTime',
    options: [
      option('type', 'string', '`hosts`, `sources` or `sourcetypes`.'),
      option('index', 'string', 'The index to describe (wildcards allowed).'),
    ],
  },
  datamodel: {
    summary:
      'Shows the definition of a datamodel, or searches one of its datasets and returns the matching events.',
    syntax:
      '| datamodel [<model> [<dataset>]] [search | flat | acceleration_search] [summariesonly=<bool>]',
    example: '| datamodel Endpoint Processes search | search Processes.process_name=certutil.exe',
    options: [
      option('search', 'string', 'Returns the events of the dataset with prefixed field names.'),
      option('flat', 'string', 'Like `search`, but without the dataset prefix on field names.'),
      option('summariesonly', 'bool', 'Uses only the accelerated summaries.'),
    ],
  },
  dbinspect: {
    summary: 'Describes the buckets of an index: their state, size, event count and time span.',
    syntax: '| dbinspect [index=<index>]... [span=<span> | timeformat=<string>]',
    example: '| dbinspect index=main | stats sum(sizeOnDiskMB) by state',
    options: [],
  },
  eventcount: {
    summary:
      'Counts the events of the given indexes without reading them, ignoring the time range.',
    syntax:
      '| eventcount [index=<index>]... [summarize=<bool>] [report_size=<bool>] [list_vix=<bool>]',
    example: '| eventcount summarize=false index=* | where count=0',
    options: [
      option('index', 'string', 'An index to count (wildcards allowed; repeatable).'),
      option(
        'summarize',
        'bool',
        'Whether to give one total instead of a row per index and server.',
      ),
      option('report_size', 'bool', 'Also reports the size of each index.'),
    ],
  },
  from: {
    summary: 'Reads the results of a dataset: a datamodel dataset, saved search, lookup or input.',
    syntax: '| from <datamodel | savedsearch | lookup | inputlookup>:<name>',
    example: '| from datamodel:"Endpoint.Processes" | search process_name=wmic.exe',
    options: [],
  },
  loadjob: {
    summary:
      'Loads the results of an earlier search job, by its id or by the saved search that produced it.',
    syntax:
      '| loadjob (<sid> | savedsearch="<user>:<app>:<search>") [events=<bool>] [artifact_offset=<number>]',
    example: '| loadjob savedsearch="admin:search:Nightly Logon Baseline"',
    options: [],
  },
  pivot: {
    summary: 'Runs a pivot report over a datamodel dataset, expressed with pivot-specific clauses.',
    syntax:
      '| pivot <model> <dataset> <cell-value>... [SPLITROW <field>]... [SPLITCOL <field>] [FILTER <field> <op> <value>]...',
    example: '| pivot Authentication Authentication count(Authentication) AS logons SPLITROW user',
    options: [],
  },
  savedsearch: {
    summary: 'Runs a saved search and returns its results, filling in `$token$` values you pass.',
    syntax: '| savedsearch <name> [<token>=<value>]...',
    example: '| savedsearch "Suspicious PowerShell" dest="ws-042"',
    options: [],
  },
  gentimes: {
    summary: 'Generates one result per time interval between a start and an end time.',
    syntax: '| gentimes start=<time> [end=<time>] [increment=<span>]',
    example: '| gentimes start=-7 increment=1d',
    options: [],
  },
  history: {
    summary: 'Lists the searches you have run.',
    syntax: '| history [events=<bool>]',
    example: '| history | search search="*tstats*"',
    options: [],
  },
  metasearch: {
    summary:
      'Returns metadata (host, source, sourcetype, index, time) of matching events without their text.',
    syntax: '| metasearch [<search>]',
    example: '| metasearch index=sysmon | stats count by host',
    options: [],
  },
  mcatalog: {
    summary: 'Lists the metric names and dimensions present in metrics indexes.',
    syntax: '| mcatalog values(<field>) [AS <field>] [WHERE <filter>] [BY <field>...]',
    example: '| mcatalog values(metric_name) WHERE index=os_metrics',
    options: [],
  },
  mpreview: {
    summary: 'Shows the raw metric data points of a metrics index, for troubleshooting ingestion.',
    syntax: '| mpreview [index=<index>] [target_per_timeseries=<number>] [<filter>]',
    example: '| mpreview index=os_metrics target_per_timeseries=5',
    options: [],
  },
  walklex: {
    summary: 'Lists the terms or indexed fields stored in the lexicon of index buckets.',
    syntax:
      '| walklex [type=all|field|fieldvalue|term] [prefix=<string> | pattern=<string>] index=<index>',
    example: '| walklex index=main type=field | stats sum(count) by field',
    options: [],
  },
  typeahead: {
    summary: 'Suggests terms that start with a prefix, with how often they occur.',
    syntax: '| typeahead prefix=<string> count=<number> [max_time=<number>] [index=<index>]',
    example: '| typeahead prefix=source count=10 index=main',
    options: [],
  },
  searchtxn: {
    summary: 'Finds the events that belong to transactions of a configured transaction type.',
    syntax:
      '| searchtxn <transaction-type> [max_terms=<number>] [use_disjunct=<bool>] [eventsonly=<bool>] <search>',
    example: '| searchtxn email_txn to=alice@example.com',
    options: [],
  },
  federate: {
    summary: 'Runs a search against a remote federated provider and returns its results.',
    syntax: '| federate <provider> <search>',
    example: '| federate remote_deployment "search index=main | head 5"',
    options: [],
  },
  ingestpreview: {
    summary: 'Previews how ingest-time processing rules would transform sample events.',
    syntax: '| ingestpreview <ruleset> [<options>]',
    example: '| ingestpreview ruleset=mask_passwords',
    options: [],
  },
} satisfies Partial<Record<CommandName, CommandDoc>>;
