import type { Row } from '../value';

/**
 * The metadata fields Splunk gives every event at index time. They are read with plain string
 * scans, not an XML parser, because they are needed for every event before any filtering.
 */
export interface EventDefaults {
  source: string;
  sourcetype: string;
  host: string;
  /** Used when the event carries no timestamp of its own. */
  fallbackTime: number;
}

export const XML_SOURCETYPE = 'XmlWinEventLog';
export const DEFAULT_INDEX = 'main';

function digits(text: string, start: number, count: number): number {
  let value = 0;
  for (let i = start; i < start + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NaN;
    value = value * 10 + d;
  }
  return value;
}

/**
 * Epoch seconds (fraction kept) of `YYYY-MM-DD hh:mm:ss[.fff...]` (or `T` between date and time)
 * read as UTC. Parsed by position: this runs once per event.
 */
export function parseUtcTimestamp(text: string): number | undefined {
  const separators = text[4] === '-' && text[7] === '-' && text[13] === ':' && text[16] === ':';
  if (!separators || (text[10] !== ' ' && text[10] !== 'T')) return undefined;
  const millis = Date.UTC(
    digits(text, 0, 4),
    digits(text, 5, 2) - 1,
    digits(text, 8, 2),
    digits(text, 11, 2),
    digits(text, 14, 2),
    digits(text, 17, 2),
  );
  if (Number.isNaN(millis)) return undefined;
  let fraction = 0;
  if (text[19] === '.') {
    let end = 20;
    while (end < text.length && text.charCodeAt(end) >= 48 && text.charCodeAt(end) <= 57) end++;
    fraction = end > 20 ? Number(text.slice(19, end)) : 0;
  }
  return millis / 1000 + fraction;
}

function elementText(raw: string, tag: string): string | undefined {
  const open = raw.indexOf(`<${tag}>`);
  if (open < 0) return undefined;
  const start = open + tag.length + 2;
  const end = raw.indexOf('<', start);
  return end > start ? raw.slice(start, end) : undefined;
}

function dataText(raw: string, name: string): string | undefined {
  return elementText(raw, `Data Name='${name}'`);
}

function attributeValue(raw: string, prefix: string): string | undefined {
  const open = raw.indexOf(prefix);
  if (open < 0) return undefined;
  const start = open + prefix.length;
  const end = raw.indexOf("'", start);
  return end > start ? raw.slice(start, end) : undefined;
}

/**
 * `_time` as the Sysmon add-on reads it: the event's UtcTime, else the System TimeCreated
 * (sysmon-fields.md "Where an event comes from").
 */
export function xmlEventTime(raw: string): number | undefined {
  const utc = dataText(raw, 'UtcTime');
  const fromUtc = utc === undefined ? undefined : parseUtcTimestamp(utc);
  if (fromUtc !== undefined) return fromUtc;
  const system = attributeValue(raw, "<TimeCreated SystemTime='");
  return system === undefined ? undefined : parseUtcTimestamp(system);
}

/** The row for one XmlWinEventLog event: `_raw` and index-time metadata only. */
export function xmlEventRow(
  raw: string,
  linecount: number,
  defaults: EventDefaults,
  overrides: { source?: string; sourcetype?: string; host?: string },
): Row {
  const channel = elementText(raw, 'Channel');
  const row: Row = new Map();
  row.set('_raw', raw);
  row.set('_time', xmlEventTime(raw) ?? defaults.fallbackTime);
  row.set('host', overrides.host ?? elementText(raw, 'Computer') ?? defaults.host);
  row.set(
    'source',
    overrides.source ?? (channel === undefined ? defaults.source : `${XML_SOURCETYPE}:${channel}`),
  );
  row.set('sourcetype', overrides.sourcetype ?? XML_SOURCETYPE);
  row.set('index', DEFAULT_INDEX);
  row.set('linecount', linecount);
  return row;
}

/** The row for one line of a file that is not XmlWinEventLog. */
export function textEventRow(raw: string, defaults: EventDefaults): Row {
  const row: Row = new Map();
  row.set('_raw', raw);
  row.set('_time', defaults.fallbackTime);
  row.set('host', defaults.host);
  row.set('source', defaults.source);
  row.set('sourcetype', defaults.sourcetype);
  row.set('index', DEFAULT_INDEX);
  row.set('linecount', 1);
  return row;
}
