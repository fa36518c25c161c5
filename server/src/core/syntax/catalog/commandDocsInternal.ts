import type { CommandName } from './commandFacts';
import type { CommandDoc } from './types';

/** Internal, debugging and execution-control commands that detections rarely use. */
export const internalCommandDocs = {
  debug: {
    summary: 'Runs internal debugging actions of the search process; for Splunk support.',
    syntax: '| debug cmd=<action> [param1=<value>] [param2=<value>]',
    example: '| debug cmd=roll index=main',
    options: [],
  },
  editinfo: {
    summary: 'Changes the time bounds and other information a search job reports about itself.',
    syntax:
      'editinfo [keyset=<string>] [starttime=<time>] [endtime=<time>] [msg_error=<string>] [msg_warn=<string>]',
    example: 'editinfo starttime=-24h endtime=now',
    options: [],
  },
  findkeywords: {
    summary:
      'Finds the terms that best distinguish one group of events from the rest, given a label field.',
    syntax: 'findkeywords labelfield=<field> [dedup=<bool>]',
    example: 'cluster labelonly=true | findkeywords labelfield=cluster_label',
    options: [],
  },
  localop: {
    summary: 'Makes the commands after it run on the search head instead of on the indexers.',
    syntax: 'localop',
    example: 'search index=proxy | localop | iplocation dest_ip',
    options: [],
  },
  prjob: {
    summary: 'Runs a search with parallel reduce processing across intermediate nodes.',
    syntax: '| prjob [subsearch=<search>] [num_reducers=<number>]',
    example: '| prjob [search index=main | stats count by host]',
    options: [],
  },
  redistribute: {
    summary:
      'Sends results to intermediate reducers by key so the following commands run in parallel.',
    syntax: 'redistribute [num_of_reducers=<number>] [by <field>...]',
    example: 'search index=netfw | redistribute by src_ip | stats count by src_ip',
    options: [],
  },
  require: {
    summary:
      'Stops the search with an error when there are no results, instead of continuing empty.',
    syntax: 'require',
    example: '| inputlookup required_hosts.csv | require',
    options: [],
  },
  rtorder: {
    summary: 'Buffers real-time events and releases them in time order.',
    syntax: 'rtorder [discard=<bool>] [buffer_span=<span>] [max_buffer_size=<number>]',
    example: 'search index=main | rtorder buffer_span=30s',
    options: [],
  },
  showargs: {
    summary: 'Shows the arguments that a command received, for testing argument parsing.',
    syntax: 'showargs <arguments>',
    example: '| makeresults | showargs a=1 b="two"',
    options: [],
  },
  surrounding: {
    summary: 'Returns the events that lie around a given event in an index, for context.',
    syntax:
      'surrounding id=<event-id> timebefore=<number> timeafter=<number> searchkeys=<string> [maxresults=<number>] [readlevel=<number>] [index=<index>]',
    example: 'surrounding id=0:1234 timebefore=60 timeafter=60 searchkeys="host::dc01" index=main',
    options: [],
  },
} satisfies Partial<Record<CommandName, CommandDoc>>;
