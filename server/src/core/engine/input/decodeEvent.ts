import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * The fields of an XmlWinEventLog event as an XML parser sees them, named as Splunk's add-ons
 * name them. Entities are left encoded, as Splunk's regex extraction leaves them; empty values
 * give no field. Used where the whole event is needed (event detail) and to check the regex
 * extraction of the built-in configuration against a real parser.
 */
export type DecodedXmlWinEvent =
  { ok: true; fields: Map<string, string> } | { ok: false; message: string };

/** <System> children whose text becomes a field of the same name. */
export const SYSTEM_TEXT_FIELDS = [
  'EventID',
  'Version',
  'Level',
  'Task',
  'Opcode',
  'Keywords',
  'EventRecordID',
  'Channel',
  'Computer',
] as const;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => name === 'Data',
});

type XmlNode = Record<string, unknown>;

function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isNode(value) && typeof value['#text'] === 'string') return value['#text'];
  return undefined;
}

function attribute(node: unknown, name: string): string | undefined {
  if (!isNode(node)) return undefined;
  const value = node[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
}

function setIfPresent(fields: Map<string, string>, name: string, value: string | undefined) {
  if (value !== undefined && value.length > 0 && !fields.has(name)) fields.set(name, value);
}

export function decodeXmlWinEvent(raw: string): DecodedXmlWinEvent {
  const valid = XMLValidator.validate(raw);
  if (valid !== true) {
    const { msg, line, col } = valid.err;
    return { ok: false, message: `malformed XML at ${line}:${col}: ${msg}` };
  }
  const root: unknown = parser.parse(raw);
  const event = isNode(root) ? root['Event'] : undefined;
  const system = isNode(event) ? event['System'] : undefined;
  if (!isNode(event) || !isNode(system)) {
    return { ok: false, message: 'not a Windows event: no <Event><System> element' };
  }
  const fields = new Map<string, string>();
  for (const name of SYSTEM_TEXT_FIELDS) setIfPresent(fields, name, textOf(system[name]));
  setIfPresent(fields, 'EventCode', fields.get('EventID'));
  setIfPresent(fields, 'SystemTime', attribute(system['TimeCreated'], 'SystemTime'));
  setIfPresent(fields, 'ProcessID', attribute(system['Execution'], 'ProcessID'));
  setIfPresent(fields, 'ThreadID', attribute(system['Execution'], 'ThreadID'));
  setIfPresent(fields, 'UserID', attribute(system['Security'], 'UserID'));
  const eventData = event['EventData'];
  const data = isNode(eventData) ? eventData['Data'] : undefined;
  if (Array.isArray(data)) {
    for (const item of data) {
      const name = attribute(item, 'Name');
      if (name !== undefined) setIfPresent(fields, name, textOf(item));
    }
  }
  return { ok: true, fields };
}
