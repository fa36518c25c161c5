/** Running searches on a Splunk server: connection, what is sent, results, errors and comparisons. */
export {
  runOnSplunk,
  exportSearchText,
  type SplunkError,
  type SplunkErrorKind,
  type SplunkMessage,
  type SplunkRunOptions,
  type SplunkRunResult,
} from './client';
export { connectionRunOptions, type SplunkConnection } from './connection';
export {
  diffUsedMacros,
  fetchServerMacros,
  macrosFromConfEntries,
  SERVER_MACROS_PATH,
  type MacroDifference,
  type ServerMacro,
} from './serverMacros';
export { prepareRemoteSearch, type RemoteSearch, type RemoteSearchMode } from './remoteSearch';
export { locateServerMessage } from './errorLocation';
export { compareRows, fieldsOf, type ComparableRow, type RowComparison } from './compare';
export { rowFromServer } from './serverRows';
