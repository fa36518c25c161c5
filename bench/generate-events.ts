/**
 * Writes realistic Sysmon XmlWinEventLog files for the benchmarks into bench/.generated/
 * (git-ignored): a seeded mix of event types shaped like a real Sysmon log, with a handful of
 * wermgr alternate-data-stream true positives and near misses spread through the file.
 *
 *   node --import tsx bench/generate-events.ts [count ...]    (default: 100000 1000000)
 */
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';

/**
 * A Sysmon event, rendered by sysmonEventXml the way Windows renders XmlWinEventLog (one line,
 * single-quoted attributes, entities in text escaped). Test fixtures use it too.
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

export const GENERATED_DIR = join(__dirname, '.generated');
export const TRUE_POSITIVES_PER_FILE = 5;

export function generatedFile(count: number): string {
  return join(GENERATED_DIR, `sysmon-${count}.log`);
}

/** mulberry32: small, fast, and the same sequence on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const hex = (rng: Rng, n: number) =>
  Array.from({ length: n }, () => '0123456789ABCDEF'[Math.floor(rng() * 16)]).join('');
const guid = (rng: Rng) =>
  `{${hex(rng, 8)}-${hex(rng, 4)}-${hex(rng, 4)}-${hex(rng, 4)}-${hex(rng, 12)}}`.toLowerCase();
const hashes = (rng: Rng) => `MD5=${hex(rng, 32)},SHA256=${hex(rng, 64)},IMPHASH=${hex(rng, 32)}`;

const HOSTS = Array.from(
  { length: 40 },
  (_, i) => `WKS-${String(i + 1).padStart(3, '0')}.corp.example.com`,
);
const USERS = ['jdoe', 'asmith', 'mlopez', 'kchen', 'rpatel', 'tnguyen', 'bwilson', 'lgarcia'];
const PROGRAMS = [
  'C:\\Windows\\System32\\svchost.exe',
  'C:\\Windows\\explorer.exe',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
  'C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE',
  'C:\\Windows\\System32\\RuntimeBroker.exe',
  'C:\\Windows\\System32\\taskhostw.exe',
];
const DLLS = [
  'ntdll.dll',
  'kernel32.dll',
  'user32.dll',
  'combase.dll',
  'crypt32.dll',
  'winhttp.dll',
];
const DOMAINS = [
  'login.microsoftonline.com',
  'www.google.com',
  'outlook.office365.com',
  'github.com',
  'update.example.net',
];

/** A mix of EventIDs roughly as a workstation's Sysmon log has them (ImageLoad and network first). */
const MIX: [eventId: number, weight: number][] = [
  [7, 30],
  [3, 15],
  [11, 12],
  [13, 10],
  [1, 8],
  [10, 8],
  [5, 6],
  [22, 6],
  [12, 4],
  [15, 1],
];
const MIX_TOTAL = MIX.reduce((sum, [, w]) => sum + w, 0);

function eventIdFor(rng: Rng): number {
  let roll = rng() * MIX_TOTAL;
  for (const [eventId, weight] of MIX) if ((roll -= weight) < 0) return eventId;
  return 7;
}

function common(rng: Rng, time: number, image: string): [string, string][] {
  return [
    ['RuleName', '-'],
    ['UtcTime', sysmonUtcTime(time)],
    ['ProcessGuid', guid(rng)],
    ['ProcessId', String(1000 + Math.floor(rng() * 30000))],
    ['Image', image],
  ];
}

function ordinaryEvent(rng: Rng, time: number, recordId: number): SysmonEvent {
  const eventId = eventIdFor(rng);
  const user = pick(rng, USERS);
  const image = pick(rng, PROGRAMS);
  const base = { eventId, time, recordId, computer: pick(rng, HOSTS), version: 2 };
  const data = common(rng, time, image);
  const account = `CORP\\${user}`;
  switch (eventId) {
    case 1:
      data.push(
        ['CommandLine', `"${image}" --type=renderer`],
        ['CurrentDirectory', `C:\\Users\\${user}\\`],
        ['User', account],
        ['LogonId', `0x${hex(rng, 6)}`],
        ['IntegrityLevel', 'Medium'],
        ['Hashes', hashes(rng)],
        ['ParentProcessGuid', guid(rng)],
        ['ParentProcessId', String(1000 + Math.floor(rng() * 9000))],
        ['ParentImage', 'C:\\Windows\\explorer.exe'],
        ['ParentCommandLine', 'C:\\Windows\\Explorer.EXE'],
        ['ParentUser', account],
      );
      return { ...base, version: 5, data };
    case 3:
      data.push(
        ['User', account],
        ['Protocol', 'tcp'],
        ['Initiated', 'true'],
        ['SourceIsIpv6', 'false'],
        ['SourceIp', `10.0.${Math.floor(rng() * 255)}.${Math.floor(rng() * 255)}`],
        ['SourcePort', String(49152 + Math.floor(rng() * 16000))],
        ['DestinationIsIpv6', 'false'],
        [
          'DestinationIp',
          `52.${Math.floor(rng() * 255)}.${Math.floor(rng() * 255)}.${Math.floor(rng() * 255)}`,
        ],
        ['DestinationHostname', pick(rng, DOMAINS)],
        ['DestinationPort', '443'],
        ['DestinationPortName', 'https'],
      );
      return { ...base, version: 5, data };
    case 7:
      data.push(
        ['ImageLoaded', `C:\\Windows\\System32\\${pick(rng, DLLS)}`],
        ['FileVersion', '10.0.19041.3636'],
        ['Description', 'Windows library'],
        ['Product', 'Microsoft® Windows® Operating System'],
        ['Company', 'Microsoft Corporation'],
        ['Hashes', hashes(rng)],
        ['Signed', 'true'],
        ['Signature', 'Microsoft Windows'],
        ['SignatureStatus', 'Valid'],
        ['User', account],
      );
      return { ...base, version: 3, data };
    case 10:
      data.splice(
        2,
        3,
        ['SourceProcessGUID', guid(rng)],
        ['SourceProcessId', String(4000 + Math.floor(rng() * 9000))],
        ['SourceThreadId', String(100 + Math.floor(rng() * 9000))],
        ['SourceImage', image],
        ['TargetProcessGUID', guid(rng)],
        ['TargetProcessId', '712'],
        ['TargetImage', 'C:\\Windows\\system32\\lsass.exe'],
        ['GrantedAccess', '0x1000'],
        ['CallTrace', 'C:\\Windows\\SYSTEM32\\ntdll.dll+9d4c4|UNKNOWN(00007FF8)'],
        ['SourceUser', account],
        ['TargetUser', 'NT AUTHORITY\\SYSTEM'],
      );
      return { ...base, version: 3, data };
    case 11:
      data.push(
        ['TargetFilename', `C:\\Users\\${user}\\AppData\\Local\\Temp\\tmp${hex(rng, 4)}.tmp`],
        ['CreationUtcTime', sysmonUtcTime(time)],
        ['User', account],
      );
      return { ...base, data };
    case 12:
    case 13:
      data.splice(1, 0, ['EventType', eventId === 12 ? 'CreateKey' : 'SetValue']);
      data.push([
        'TargetObject',
        `HKU\\S-1-5-21-1004\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\${hex(rng, 6)}`,
      ]);
      if (eventId === 13) data.push(['Details', `DWORD (0x0000000${Math.floor(rng() * 9)})`]);
      data.push(['User', account]);
      return { ...base, data };
    case 22:
      data.push(
        ['QueryName', pick(rng, DOMAINS)],
        ['QueryStatus', '0'],
        ['QueryResults', `::ffff:20.${Math.floor(rng() * 255)}.${Math.floor(rng() * 255)}.10;`],
        ['User', account],
      );
      return { ...base, version: 5, data };
    case 15:
      data.push(
        [
          'TargetFilename',
          `C:\\Users\\${user}\\Downloads\\invoice_${hex(rng, 4)}.pdf:Zone.Identifier`,
        ],
        ['CreationUtcTime', sysmonUtcTime(time)],
        ['Hash', hashes(rng)],
        ['Contents', '[ZoneTransfer]  ZoneId=3  HostUrl=https://files.example.net/invoice.pdf  '],
        ['User', account],
      );
      return { ...base, data };
    default:
      data.push(['User', account]);
      return { ...base, version: 3, data };
  }
}

/** RoguePlanet: an exploit writes an alternate data stream on a fake System32\wermgr.exe in %TEMP%. */
export function wermgrTruePositive(rng: Rng, time: number, recordId: number): SysmonEvent {
  const user = pick(rng, USERS);
  const data = common(rng, time, `C:\\Users\\${user}\\Downloads\\rp.exe`);
  data.push(
    [
      'TargetFilename',
      `C:\\Users\\${user}\\AppData\\Local\\Temp\\RP_${guid(rng).slice(1, -1)}\\System32\\wermgr.exe:WDFOO`,
    ],
    ['CreationUtcTime', sysmonUtcTime(time)],
    [
      'Hash',
      'MD5=620F0B67A91F7F74151BC5BE745B7110,SHA256=AD7FACB2586FC6E966C004D7D1D16B024F5805FF7CB47C7A85DABD8B48892CA7,IMPHASH=00000000000000000000000000000000',
    ],
    ['Contents', '-'],
    ['User', `CORP\\${user}`],
  );
  return { eventId: 15, version: 2, time, recordId, computer: pick(rng, HOSTS), data };
}

export async function generateEvents(count: number, path: string, seed = 20261129): Promise<void> {
  const rng = random(seed);
  const out = createWriteStream(path);
  const start = Date.UTC(2026, 10, 20);
  const step = (3 * 24 * 3600 * 1000) / count;
  const truePositiveEvery = Math.floor(count / TRUE_POSITIVES_PER_FILE);
  for (let i = 0; i < count; i++) {
    const time = Math.floor(start + i * step);
    const event =
      i % truePositiveEvery === truePositiveEvery >> 1
        ? wermgrTruePositive(rng, time, i + 1)
        : ordinaryEvent(rng, time, i + 1);
    if (!out.write(sysmonEventXml(event) + '\n')) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

if (require.main === module) {
  const counts = process.argv.slice(2).map(Number);
  mkdirSync(GENERATED_DIR, { recursive: true });
  void (async () => {
    for (const count of counts.length > 0 ? counts : [100_000, 1_000_000]) {
      const path = generatedFile(count);
      await generateEvents(count, path);
      console.log(`wrote ${count} events to ${path}`);
    }
  })();
}
