import type { CommandName } from './commandFacts';
import { option } from './option';
import type { CommandDoc } from './types';

const summaryIndexing = (reporting: string, example: string): CommandDoc => ({
  summary: `The summary-indexing form of \`${reporting}\`: computes the same statistics in a form that \`collect\` can store and \`${reporting}\` can later finish.`,
  syntax: `si${reporting} <same arguments as ${reporting}>`,
  example,
  options: [],
});

/** Commands that write results somewhere: indexes, lookups, files, mail, alerts. */
export const outputCommandDocs = {
  collect: {
    summary:
      'Writes the current results as events into a summary index, so later searches can read them cheaply.',
    syntax:
      'collect index=<index> [source=<string>] [sourcetype=<string>] [host=<string>] [marker=<string>] [addtime=<bool>] [testmode=<bool>]',
    example:
      'stats count by user, dest | collect index=summary_logons marker="report=daily_logons"',
    options: [
      option('index', 'string', 'The summary index to write to.'),
      option('source', 'string', 'The source given to the written events.'),
      option('sourcetype', 'string', 'The source type of the written events (default `stash`).'),
      option('marker', 'string', 'Extra `key=value` text added to every written event.'),
      option('addtime', 'bool', 'Prefixes each event with a time when the results have no `_raw`.'),
      option('testmode', 'bool', 'Shows what would be written without writing it.'),
    ],
  },
  outputlookup: {
    summary:
      'Writes the current results to a lookup table (CSV file or KV store collection), replacing it unless `append=true`.',
    syntax:
      'outputlookup [append=<bool>] [create_empty=<bool>] [override_if_empty=<bool>] [max=<number>] [key_field=<field>] [createinapp=<bool>] <lookup>',
    example:
      'stats min(_time) AS firstTime by process_hash | outputlookup append=true process_baseline.csv',
    options: [
      option('append', 'bool', 'Adds rows to the table instead of replacing it.'),
      option('create_empty', 'bool', 'Creates an empty table when there are no results.'),
      option('override_if_empty', 'bool', 'Whether no results may empty an existing table.'),
      option('max', 'number', 'The most rows to write.'),
      option('key_field', 'field', 'For a KV store: the field that identifies records to update.'),
      option(
        'createinapp',
        'bool',
        'Creates the file in the current app rather than the system area.',
      ),
    ],
  },
  outputcsv: {
    summary: 'Writes the current results to a CSV file in the dispatch or var area.',
    syntax:
      'outputcsv [append=<bool>] [create_empty=<bool>] [dispatch=<bool>] [usexml=<bool>] [singlefile=<bool>] <file>',
    example: 'table _time dest user | outputcsv suspicious_logons.csv',
    options: [option('append', 'bool', 'Adds rows to the file instead of replacing it.')],
  },
  outputtext: {
    summary: 'Copies the raw text of each result into the `_xml` field, for exporting.',
    syntax: 'outputtext [usexml=<bool>]',
    example: 'head 10 | outputtext',
    options: [],
  },
  outputraw: {
    summary: 'Shows the results as raw text; replaced by `outputtext`.',
    syntax: 'outputraw',
    example: 'head 10 | outputraw',
    options: [],
  },
  sendemail: {
    summary: 'Sends the results (or a message) by email.',
    syntax:
      'sendemail to=<addresses> [subject=<string>] [message=<string>] [format=html|raw|text|csv] [sendresults=<bool>] [inline=<bool>]',
    example:
      'sendemail to="soc@example.com" subject="New admin accounts" sendresults=true inline=true',
    options: [
      option('to', 'string', 'Comma-separated recipients.'),
      option('subject', 'string', 'The subject line.'),
      option('sendresults', 'bool', 'Includes the results in the mail.'),
    ],
  },
  sendalert: {
    summary: 'Runs an alert action (such as a webhook or notable event) with the current results.',
    syntax:
      'sendalert <alert-action> [results_link=<url>] [results_path=<path>] [param.<name>=<value>]...',
    example: 'sendalert risk param._risk_score=50 param._risk_object_type="user"',
    options: [],
  },
  delete: {
    summary:
      'Hides the matching events from all future searches. It needs a special role, and it does not free disk space.',
    syntax: 'delete',
    example: 'search index=main sourcetype=test_data | delete',
    options: [],
  },
  mcollect: {
    summary: 'Turns results into metric data points and writes them into a metrics index.',
    syntax:
      'mcollect index=<index> [file=<file>] [split=<bool>] [spool=<bool>] [prefix_field=<field>] [<field>...]',
    example: 'stats count AS logon.count by host | mcollect index=auth_metrics',
    options: [],
  },
  meventcollect: {
    summary: 'Writes results that already hold metric fields into a metrics index.',
    syntax: 'meventcollect index=<index> [split=<bool>] [spool=<bool>] [prefix_field=<field>]',
    example: 'search sourcetype=perfmon | meventcollect index=os_metrics',
    options: [],
  },
  tscollect: {
    summary:
      'Writes results into tsidx files that `tstats` can query; superseded by datamodel acceleration.',
    syntax: 'tscollect [namespace=<string>] [squashcase=<bool>] [keepresults=<bool>]',
    example: 'search sourcetype=proxy | tscollect namespace=proxy_ts',
    options: [],
  },
  mrollup: {
    summary: 'Rolls metric data points up into coarser time buckets.',
    syntax: 'mrollup source=<index> target=<index> span=<span>',
    example: 'mrollup source=os_metrics target=os_metrics_1h span=1h',
    options: [],
  },
  sichart: summaryIndexing('chart', 'sichart count over user by action | collect index=summary'),
  sirare: summaryIndexing('rare', 'sirare process_name | collect index=summary'),
  sistats: summaryIndexing('stats', 'sistats count by dest | collect index=summary'),
  sitimechart: summaryIndexing(
    'timechart',
    'sitimechart span=1h count by action | collect index=summary',
  ),
  sitop: summaryIndexing('top', 'sitop user | collect index=summary'),
  overlap: {
    summary: 'Finds summary-index events whose time ranges overlap or leave gaps.',
    syntax: 'overlap',
    example: 'search index=summary | overlap',
    options: [],
  },
  createrss: {
    summary: 'Publishes the results as an RSS feed item. Deprecated.',
    syntax:
      'createrss path=<string> name=<string> link=<url> descr=<string> count=<number> [graceful=<bool>]',
    example:
      'createrss path=alerts name="New admins" link="https://splunk.example.com" descr="New admin accounts" count=10',
    options: [],
  },
  script: {
    summary: 'Runs an external script command configured in commands.conf on the results.',
    syntax: 'script <script-name> [<argument>...] [maxinputs=<number>]',
    example: 'script whois_lookup domain',
    options: [],
  },
  runshellscript: {
    summary: 'Runs a shell script as an alert action; used internally by scripted alerts.',
    syntax: 'runshellscript <script> <arguments>',
    example: 'runshellscript notify.sh 1 "query" "query" "Alert" "reason" "url" "tags" "path"',
    options: [],
  },
  dump: {
    summary: 'Exports all results of a search to files on the search head; used internally.',
    syntax:
      'dump basefilename=<string> [rollsize=<number>] [compress=<number>] [format=<string>] [fields=<field>...]',
    example: 'search index=main | dump basefilename=main_export format=json',
    options: [],
  },
} satisfies Partial<Record<CommandName, CommandDoc>>;
