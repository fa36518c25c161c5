/**
 * Renders Sysmon events the way Windows renders them as XmlWinEventLog (one line, single-quoted
 * attributes, entities in text escaped). Shared by the event generator and test fixtures.
 */
export interface SysmonEvent {
  eventId: number;
  /** Sysmon's schema version of the event type. */
  version: number;
  /** Epoch milliseconds. */
  time: number;
  recordId: number;
  computer: string;
  /** EventData in order; an empty value renders as an empty element, as Sysmon writes it. */
  data: [name: string, value: string][];
}

const SYSMON_SERVICE = { processId: 3184, threadId: 4412 };

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** `YYYY-MM-DD hh:mm:ss.mmm`, Sysmon's UtcTime. */
export function sysmonUtcTime(epochMillis: number): string {
  const d = new Date(epochMillis);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${pad(d.getUTCMilliseconds(), 3)}`;
}

export function sysmonEventXml(event: SysmonEvent): string {
  const systemTime = `${sysmonUtcTime(event.time).replace(' ', 'T')}${pad(event.recordId % 10000, 4)}Z`;
  const data = event.data
    .map(([name, value]) => `<Data Name='${name}'>${escapeText(value)}</Data>`)
    .join('');
  return (
    "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>" +
    "<Provider Name='Microsoft-Windows-Sysmon' Guid='{5770385f-c22a-43e0-bf4c-06f5698ffbd9}'/>" +
    `<EventID>${event.eventId}</EventID><Version>${event.version}</Version><Level>4</Level>` +
    `<Task>${event.eventId}</Task><Opcode>0</Opcode><Keywords>0x8000000000000000</Keywords>` +
    `<TimeCreated SystemTime='${systemTime}'/><EventRecordID>${event.recordId}</EventRecordID>` +
    `<Correlation/><Execution ProcessID='${SYSMON_SERVICE.processId}' ThreadID='${SYSMON_SERVICE.threadId}'/>` +
    `<Channel>Microsoft-Windows-Sysmon/Operational</Channel><Computer>${event.computer}</Computer>` +
    `<Security UserID='S-1-5-18'/></System><EventData>${data}</EventData></Event>`
  );
}
