/** The events behind a result row, their XML indented, every piece written as text. */
import type { RunEvent } from '../../../server/src/protocol/runSearch';
import { prettyXml } from '../model/xmlPretty';
import { clear, element } from './dom';

export interface EventLimits {
  readonly eventsPerRow: number;
  /** The run dropped events behind some rows (its event count or memory caps). */
  readonly eventsTruncated: boolean;
}

export function renderEvents(
  body: HTMLElement,
  events: readonly RunEvent[],
  limits: EventLimits,
): void {
  clear(body);
  if (events.length === 0) {
    const why = limits.eventsTruncated
      ? 'The run kept no events for this row: it hit its event limits.'
      : 'No input events are behind this row (a generating command or an empty group).';
    body.append(element('p', 'note', why));
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
  const note =
    events.length >= limits.eventsPerRow
      ? `The run keeps at most ${limits.eventsPerRow} events per row; more may be behind it.`
      : limits.eventsTruncated
        ? 'The run hit its event limits, so more events may be behind this row.'
        : undefined;
  if (note) body.append(element('p', 'note', note));
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
