import { InlayHintKind, type InlayHint, type Range } from 'vscode-languageserver';
import type { RunSearchResult } from '../protocol/runSearch';

/**
 * After a run, `→ 3 events` at the end of each stage: rows out of it, called events up to the
 * timeline's stage (they are events) and results after it (statistics made of them).
 */
export function stageInlayHints(run: RunSearchResult, visible: Range): InlayHint[] {
  const lastEventStage = run.timeline?.stageIndex ?? -1;
  return run.stages.flatMap((stage, index) => {
    const at = stage.range.end;
    if (at.line < visible.start.line || at.line > visible.end.line) return [];
    const noun = index <= lastEventStage ? 'event' : 'result';
    return [
      {
        position: at,
        label: `→ ${stage.out} ${noun}${stage.out === 1 ? '' : 's'}`,
        kind: InlayHintKind.Type,
        paddingLeft: true,
        tooltip: `${stage.command}: ${stage.in} in, ${stage.out} out, ${stage.ms} ms`,
      },
    ];
  });
}
