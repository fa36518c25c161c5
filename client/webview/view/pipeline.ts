/** The pipeline (events in and out of every stage) and the run's messages, as lists of text. */
import type { RunSearchMessage, RunStageInfo } from '../../../server/src/protocol/runSearch';
import { formatDuration } from '../model/format';
import { clear, element } from './dom';

export function renderStages(
  list: HTMLOListElement,
  stages: readonly RunStageInfo[],
  onReveal: (index: number) => void,
): void {
  clear(list);
  stages.forEach((stage, index) => {
    const item = element('li', stage.out === 0 ? 'stage empty' : 'stage');
    item.setAttribute('data-stage-index', String(index));
    item.setAttribute('data-in', String(stage.in));
    item.setAttribute('data-out', String(stage.out));
    const button = element('button', 'command', stage.command);
    button.type = 'button';
    button.title = 'Show this stage in the editor';
    button.addEventListener('click', () => onReveal(index));
    item.append(
      button,
      element(
        'span',
        'counts',
        `${stage.in.toLocaleString('en-US')} \u2192 ${stage.out.toLocaleString('en-US')}`,
      ),
      element('span', 'ms', formatDuration(stage.ms)),
    );
    list.append(item);
  });
}

export function renderMessages(
  list: HTMLUListElement,
  messages: readonly RunSearchMessage[],
): void {
  clear(list);
  for (const message of messages) {
    const item = element('li', `message ${message.severity}`);
    item.setAttribute('data-code', message.code);
    item.setAttribute('data-severity', message.severity);
    const where = message.range ? ` (line ${message.range.start.line + 1})` : '';
    item.append(
      element('span', 'severity', message.severity),
      element('span', 'text', `${message.message}${where}`),
      element('span', 'code', message.code),
    );
    list.append(item);
  }
}
