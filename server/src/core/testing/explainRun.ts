import type { RunResult } from '../engine/run';
import type { SourceRange } from '../text/range';

/** Why a run gave no usable result, with ranges in the search text. */
export interface RunExplanation {
  readonly code: string;
  readonly message: string;
  readonly range?: SourceRange;
}

/** The run's errors: an unsupported command or function, an undefined macro, a syntax error. */
export function runErrors(result: RunResult): RunExplanation[] {
  return result.messages.filter((m) => m.severity === 'error');
}

/**
 * Why a run that had no errors returned no rows: the stage where the last events were dropped,
 * then the evaluator's own warnings (a null by-field, a term no event holds, a field no event
 * has, skipped input, a limit hit), which usually say what to change.
 */
export function explainNoResults(result: RunResult): RunExplanation[] {
  const explanations: RunExplanation[] = [];
  const first = result.stages[0];
  if (first && first.in === 0) {
    explanations.push({
      code: 'spl.test.no-events',
      message:
        'The datasets gave the search no events: check the files and their source/sourcetype.',
    });
  } else {
    const emptied = result.stages.findIndex((stage) => stage.out === 0);
    const stage = result.stages[emptied];
    if (stage) {
      explanations.push({
        code: 'spl.test.dropped-here',
        message:
          emptied === 0
            ? `The first search matched none of the ${stage.in} events read.`
            : `Stage ${emptied + 1} (${stage.command}) received ${stage.in} ${stage.in === 1 ? 'row' : 'rows'} and kept none: the last events were dropped here.`,
        range: stage.range,
      });
    }
  }
  for (const message of result.messages) {
    if (message.severity === 'warning' || message.code === 'spl.engine.no-events') {
      explanations.push(message);
    }
  }
  return explanations;
}
