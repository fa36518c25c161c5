export type { DatasetSpec, InputProblem, InputReport, ReadOptions } from './types';
export { createInputReport, DEFAULT_MAX_EVENT_BYTES, MAX_REPORTED_PROBLEMS } from './types';
export { readEvents, TEXT_SOURCETYPE } from './readEvents';
export { DEFAULT_INDEX, XML_SOURCETYPE, parseUtcTimestamp } from './eventMetadata';
export { decodeXmlWinEvent, type DecodedXmlWinEvent } from './decodeEvent';
