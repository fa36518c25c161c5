/** The events behind a result row, their XML indented, every piece written as text. */
import type { RunEvent } from '../../../server/src/protocol/runSearch';
import { prettyXml } from '../model/xmlPretty';
import { clear, element } from './dom';

export function renderEvents(
  body: HTMLElement,
  events: readonly RunEvent[],
  eventsPerRow: number,
): void {
  clear(body);
  if (events.length === 0) {
    body.append(
      element(
        'p',
        'note',
        'No input events behind this row (a generating command or an empty group).',
      ),
    );
    return;
  }
  events.forEach((event, index) => {
    const article = element('article', 'event');
    article.setAttribute('data-event-index', String(index));
    const time = event.time === undefined ? 'no _time' : new Date(event.time * 1000).toISOString();
    article.append(
      element(
        'div',
        'meta',
        `${time}  host=${event.host}  source=${event.source}  sourcetype=${event.sourcetype}`,
      ),
    );
    article.append(prettyRaw(event.raw));
    if (event.rawTruncated)
      article.append(element('p', 'note', 'The event is longer; only its start is shown.'));
    body.append(article);
  });
  if (events.length >= eventsPerRow) {
    body.append(
      element(
        'p',
        'note',
        `The run keeps at most ${eventsPerRow} events per row; more may be behind it.`,
      ),
    );
  }
}

function prettyRaw(raw: string): HTMLPreElement {
  const pre = element('pre', 'raw');
  for (const line of prettyXml(raw)) {
    const div = element('div', 'line');
    div.append(document.createTextNode('  '.repeat(line.depth)));
    for (const segment of line.segments)
      div.append(element('span', `xml-${segment.kind}`, segment.text));
    pre.append(div);
  }
  return pre;
}
