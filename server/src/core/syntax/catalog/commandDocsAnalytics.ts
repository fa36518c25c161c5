import type { CommandName } from './commandFacts';
import type { CommandDoc } from './types';

/** Statistical, machine-learning, geographic and grouping commands. */
export const analyticsCommandDocs = {
  analyzefields: {
    summary: 'Measures how well each numeric field predicts a given class field.',
    syntax: 'analyzefields classfield=<field>',
    example: 'analyzefields classfield=is_malicious',
    options: [],
  },
  anomalousvalue: {
    summary: 'Finds field values that are unusually rare or far from the others and scores them.',
    syntax: 'anomalousvalue [action=filter|annotate|summary] [pthresh=<number>] [<field>...]',
    example: 'anomalousvalue action=filter pthresh=0.02 bytes_out',
    options: [],
  },
  anomalydetection: {
    summary:
      'Flags anomalous events with a choice of methods (histogram, z-score, interquartile range).',
    syntax:
      'anomalydetection [method=histogram|zscore|iqr] [action=filter|annotate|summary] [pthresh=<number>] [<field>...]',
    example: 'anomalydetection method=zscore action=filter bytes_out',
    options: [],
  },
  arules: {
    summary: 'Finds association rules between field values, with support and confidence.',
    syntax: 'arules [sup=<number>] [conf=<number>] <field>...',
    example: 'arules sup=5 conf=0.6 parent_process_name process_name',
    options: [],
  },
  associate: {
    summary: 'Finds pairs of fields whose values are related, measured by entropy.',
    syntax: 'associate [supcnt=<number>] [supfreq=<number>] [improv=<number>] [<field>...]',
    example: 'associate supcnt=10 src_ip dest_port',
    options: [],
  },
  cluster: {
    summary:
      'Groups events whose text is similar and adds `cluster_label` and `cluster_count`; useful to collapse repetitive logs.',
    syntax:
      'cluster [t=<number>] [field=<field>] [showcount=<bool>] [labelonly=<bool>] [match=termlist|termset|ngramset]',
    example: 'cluster field=CommandLine t=0.8 showcount=true | sort cluster_count',
    options: [],
  },
  cofilter: {
    summary:
      'Counts how often pairs of values of one field occur with the same value of another field.',
    syntax: 'cofilter <user-field> <item-field>',
    example: 'cofilter user process_name',
    options: [],
  },
  correlate: {
    summary: 'Computes how often every pair of fields appears in the same results.',
    syntax: 'correlate',
    example: 'search sourcetype=XmlWinEventLog | correlate',
    options: [],
  },
  kmeans: {
    summary: 'Groups results into k clusters by their numeric fields and adds the cluster number.',
    syntax: 'kmeans [k=<number>] [maxiters=<number>] [dt=l1|l2|cos] [<field>...]',
    example: 'kmeans k=4 bytes_in bytes_out',
    options: [],
  },
  outlier: {
    summary: 'Removes or clips numeric values that lie far outside the interquartile range.',
    syntax:
      'outlier [action=remove|transform] [param=<number>] [uselower=<bool>] [mark=<bool>] [<field>...]',
    example: 'timechart span=1h count | outlier action=transform count',
    options: [],
  },
  predict: {
    summary: 'Forecasts future values of a time series, with confidence bounds.',
    syntax:
      'predict <field> [AS <field>] [algorithm=LL|LLT|LLP|LLP5|LLB|BiLL] [future_timespan=<number>] [holdback=<number>]',
    example: 'timechart span=1d count | predict count future_timespan=7',
    options: [],
  },
  x11: {
    summary: 'Separates the seasonal pattern from a time series so the trend remains.',
    syntax: 'x11 [add|mult][<period>](<field>) [AS <field>]',
    example: 'timechart span=1d count | x11 mult7(count)',
    options: [],
  },
  concurrency: {
    summary: 'Adds, for each event with a duration, how many events were in progress at its start.',
    syntax: 'concurrency duration=<field> [start=<field>] [output=<field>]',
    example: 'transaction user maxspan=1h | concurrency duration=duration',
    options: [],
  },
  findtypes: {
    summary: 'Suggests event types from the current results.',
    syntax: 'findtypes max=<number> [notcovered] [useraw]',
    example: 'search sourcetype=syslog | findtypes max=10',
    options: [],
  },
  typelearner: {
    summary: 'Suggests event type groupings from the terms in the results. Deprecated.',
    syntax: 'typelearner [<grouping-field>] [<grouping-max>]',
    example: 'search sourcetype=syslog | typelearner',
    options: [],
  },
  geom: {
    summary: 'Adds a `geom` field with the polygon of a geographic feature, for choropleth maps.',
    syntax: 'geom [<featureCollection>] [featureIdField=<field>] [gen=<number>]',
    example:
      'iplocation src_ip | stats count by Country | geom geo_countries featureIdField=Country',
    options: [],
  },
  geomfilter: {
    summary: 'Clips polygon features to a rectangular area of the map.',
    syntax: 'geomfilter [min_x=<number>] [min_y=<number>] [max_x=<number>] [max_y=<number>]',
    example: 'geom geo_countries featureIdField=Country | geomfilter min_x=-30 max_x=60',
    options: [],
  },
  geostats: {
    summary: 'Aggregates results into geographic bins of latitude and longitude for cluster maps.',
    syntax:
      'geostats [latfield=<field>] [longfield=<field>] [binspanlat=<number>] [binspanlong=<number>] <aggregation>... [by <field>]',
    example: 'iplocation src_ip | geostats latfield=lat longfield=lon count by action',
    options: [],
  },
  gauge: {
    summary: 'Shapes a value and range boundaries into the fields a gauge chart displays.',
    syntax: 'gauge <value> [<range-start> <range-end>...]',
    example: 'stats count | gauge count 0 50 100 200',
    options: [],
  },
  makecontinuous: {
    summary: 'Fills in missing buckets of a numeric or time field so a chart axis has no gaps.',
    syntax: 'makecontinuous [<field>] [span=<span>] [start=<number>] [end=<number>]',
    example: 'chart count over hour | makecontinuous hour span=1',
    options: [],
  },
  bucketdir: {
    summary:
      'Replaces file paths by their parent folders, grouping many paths into fewer, broader ones.',
    syntax:
      'bucketdir pathfield=<field> sizefield=<field> [maxcount=<number>] [countfield=<field>] [sep=<string>]',
    example: 'stats count by source | bucketdir pathfield=source sizefield=count',
    options: [],
  },
  folderize: {
    summary: 'Collapses paths into a folder hierarchy of limited size. Deprecated.',
    syntax:
      'folderize attr=<field> [sep=<string>] [size=<field>] [minfolders=<number>] [maxfolders=<number>]',
    example: 'stats count by uri_path | folderize attr=uri_path sep="/"',
    options: [],
  },
  diff: {
    summary: 'Compares the text of two results line by line and shows the differences.',
    syntax:
      'diff [position1=<number>] [position2=<number>] [attribute=<field>] [diffheader=<bool>] [context=<bool>]',
    example: 'search sourcetype=config_dump host=fw01 | head 2 | diff',
    options: [],
  },
} satisfies Partial<Record<CommandName, CommandDoc>>;
