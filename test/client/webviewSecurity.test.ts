import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { HTMLElement } from 'happy-dom';
import { runResult } from './fixtures';
import { openWebviewPage, type WebviewPage } from './webviewPage';

// Event data is attacker-controlled: every value must reach the page as text, never as markup.
const hostile = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '"><svg onload=alert(1)>',
];

/** Attributes a browser loads or navigates to; the page sets none (text attributes are inert). */
const urlAttributes = new Set([
  'href',
  'src',
  'srcset',
  'action',
  'formaction',
  'xlink:href',
  'data',
]);

let page: WebviewPage;
before(async () => {
  page = await openWebviewPage();
  const rows = hostile.map((value) => ({ [value]: value, Image: value, tags: [value, 'ok'] }));
  page.send({
    type: 'show',
    run: {
      documentLabel: '<img src=x onerror=alert(2)>.spl',
      result: runResult([hostile[0]!, 'Image', 'tags'], rows, {
        messages: [{ severity: 'warning', code: 'spl.x', message: hostile[1]! }],
        stages: [
          {
            command: hostile[0]!,
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } },
            in: 4,
            out: 4,
            ms: 1,
            sampleFields: [],
            sampleRows: [],
          },
        ],
        rowEvents: rows.map(() => [0]),
        events: [
          {
            raw: `<Event><Data Name='Image'>${hostile[0]}</Data><Data>${hostile[1]}</Data></Event>`,
            rawTruncated: false,
            time: 1_700_000_000,
            source: hostile[2]!,
            sourcetype: hostile[1]!,
            host: hostile[0]!,
          },
        ],
        timeline: {
          stageIndex: 0,
          bucketSeconds: 60,
          buckets: [{ start: 1_700_000_000, end: 1_700_000_060, count: 4 }],
          eventCount: 4,
        },
      }),
    },
  });
  await page.settle();
  // Open the events behind the first row so its pretty-printed XML is on the page too.
  page.document.querySelector<HTMLElement>('tr[data-row-index="0"] td')!.click();
  await page.settle();
});
after(() => page.close());

test('no element, attribute or URL comes from event data', () => {
  const app = page.document.getElementById('app')!;
  assert.equal(app.querySelectorAll('script, img, iframe, object, embed, a, form').length, 0);
  assert.equal(app.querySelectorAll('svg:not(.histogram) , [onload], [onerror]').length, 0);
  for (const node of app.querySelectorAll('*')) {
    for (const name of node.getAttributeNames()) {
      assert.doesNotMatch(name, /^on/i, `${node.tagName} has ${name}`);
      if (name === 'style') {
        // Only the table's spacer rows carry a style: their height, set through the CSSOM.
        assert.match(node.getAttribute(name)!, /^height: \d+(\.\d+)?px;$/);
      } else if (urlAttributes.has(name.toLowerCase())) {
        assert.fail(`${node.tagName} has a URL attribute ${name}`);
      }
    }
  }
});

test('hostile values are shown as literal text in cells, headers, stages, messages and events', () => {
  const doc = page.document;
  const cells = [...doc.querySelectorAll('tr[data-row-index] td[data-field="Image"]')];
  assert.deepEqual(
    cells.map((c) => c.textContent),
    hostile,
  );
  assert.equal(doc.querySelector('th')!.textContent, hostile[0]);
  assert.equal(doc.querySelector('[data-testid="stages"] .command')!.textContent, hostile[0]);
  assert.match(doc.querySelector('[data-testid="messages"] .text')!.textContent!, /^<img src=x/);
  assert.equal(doc.getElementById('title')!.textContent, '<img src=x onerror=alert(2)>.spl');
  const events = doc.querySelector('[data-testid="events"]')!;
  assert.equal(events.hasAttribute('hidden'), false);
  assert.ok(events.textContent!.includes(hostile[0]!));
  assert.ok(events.textContent!.includes(hostile[1]!));
  assert.ok(events.textContent!.includes(`source=${hostile[2]}`));
});
