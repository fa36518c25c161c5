/**
 * Fields from the sample events and the extraction configuration: completion of names and
 * values, and hovers that say where a field comes from. Also the settings that shape them.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { CompletionItem, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { fileUri, LspSession } from './lspSession';

let session: LspSession;
before(async () => {
  session = await LspSession.startWithSettings({}, 'sample-data');
});
after(() => session.stop());

/** Completion at the end of `text` (one line), retried until the field index is built. */
async function completeAtEnd(name: string, text: string, until: (labels: string[]) => boolean) {
  const uri = fileUri(`scratch/${name}.spl`);
  await session.open(uri, 'spl', text);
  const deadline = Date.now() + 5_000;
  for (;;) {
    const items = await session.completion(uri, 0, text.length);
    if (until(items.map((item) => item.label)) || Date.now() > deadline) return items;
    await new Promise((wake) => setTimeout(wake, 100));
  }
}

const labels = (items: CompletionItem[]) => items.map((item) => item.label);

test('after `by`, field names from the sample events and the extraction configuration', async () => {
  const items = await completeAtEnd('by', '`sysmon` | stats count by ', (l) => l.includes('Image'));
  const names = labels(items);
  // Image is an EventData value of the sample events; dest an EVAL- of the Sysmon config.
  for (const name of [
    'Image',
    'EventCode',
    'TargetFilename',
    'dest',
    'process_name',
    'signature',
  ]) {
    assert.ok(names.includes(name), name);
  }
  assert.ok(!names.includes('_raw'));
  assert.ok(!names.includes('count'), 'a stats function is not offered after by');
  const image = items.find((item) => item.label === 'Image');
  assert.match(String(image?.detail), /^field, in \d+ of 20 sample events$/);
});

test('after a transforming command only its output fields are offered', async () => {
  const items = await completeAtEnd('closed', 'index=a | stats count by host | table ', (l) =>
    l.includes('host'),
  );
  assert.deepEqual(labels(items).sort(), ['count', 'host']);
});

test('eval offers the fields the search set before, with the eval functions', async () => {
  const text = 'index=a | eval short=substr(Image, 1, 3) | eval x=';
  const items = await completeAtEnd('eval', text, (l) => l.includes('Image'));
  const short = items.find((item) => item.label === 'short');
  assert.equal(short?.detail, 'field set by eval');
  assert.ok(labels(items).includes('coalesce'));
});

test('after `EventCode=` the sample values by frequency, then the other Sysmon codes', async () => {
  const items = await completeAtEnd('values', '`sysmon` EventCode=', (l) => l.includes('15'));
  assert.equal(items[0]?.label, '15');
  assert.equal(items[0]?.detail, '7 of 20 sample events');
  const processCreate = items.find((item) => item.label === '1');
  assert.equal(processCreate?.detail, '4 of 20 sample events');
  const unseen = items.find((item) => item.label === '23');
  assert.equal(unseen?.detail, 'Sysmon FileDelete');
});

test('values with spaces are quoted; after an opening quote they are not', async () => {
  const items = await completeAtEnd('quoted', 'index=a vendor_product=', (l) => l.length > 0);
  const product = items.find((item) => item.label === 'Microsoft Sysmon');
  assert.equal(product?.insertText, '"Microsoft Sysmon"');
  const open = await completeAtEnd(
    'open-quote',
    'index=a vendor_product="Micro',
    (l) => l.length > 0,
  );
  assert.equal(
    open.find((item) => item.label === 'Microsoft Sysmon')?.insertText,
    'Microsoft Sysmon',
  );
});

async function hoverText(name: string, text: string, character: number): Promise<string> {
  const uri = fileUri(`scratch/${name}.spl`);
  await session.open(uri, 'spl', text);
  const hover: Hover | null = await session.hover(uri, 0, character);
  return (hover?.contents as MarkupContent | undefined)?.value ?? '';
}

test('hover on a field names the extraction that sets it and the sample values', async () => {
  await completeAtEnd('wait', '`sysmon` | stats count by ', (l) => l.includes('Image'));
  const text = '`sysmon` | stats count by dest TargetFilename';
  const dest = await hoverText('hover-dest', text, 27);
  assert.match(dest, /^\*\*dest\*\* field/);
  assert.match(
    dest,
    /Extracted by `EVAL-dest in \[source::XmlWinEventLog:Microsoft-Windows-Sysmon\/Operational\]`/,
  );
  assert.match(dest, /\[props\.conf:\d+\]\(file:\/\/.*props\.conf#L\d+\)/);
  const target = await hoverText('hover-target', text, 35);
  assert.match(target, /REPORT-xmlwin_1_eventdata in \[XmlWinEventLog\] -> \[xmlwin_event_data\]/);
  assert.match(target, /In \d+ of 20 sample events\. Most frequent values: `/);
});

test('hover on a field the search sets says which stage sets it', async () => {
  const text = 'index=a | rex field=Image "(?<exe>[^\\\\]+)$" | table exe';
  const hover = await hoverText('hover-rex', text, text.length - 1);
  assert.match(hover, /Set by `rex` in this search \(line 1 of the search\)/);
});
