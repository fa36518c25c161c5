import { parseSpl } from '../../syntax';
import type { EvalAssignment, GenericCommand, Subsearch } from '../../syntax/ast';
import { checkEvalExpression, evaluate } from '../expressions';
import { engineDiagnostic, type Operator, type PlanningContext } from '../plan/types';
import { fieldPattern } from './wildcard';

/** A field the wildcards selected, with what each `*` matched. */
interface Selected {
  readonly field: string;
  readonly segments: readonly string[];
}

/** Distinct field names whose eval is compiled and kept; more are compiled again each time. */
const MAX_CACHED_TEMPLATES = 1000;

/**
 * `foreach pattern... [ eval <template> ]`: for each field of the row whose name matches one of
 * the wildcard patterns, the template is run with `<<FIELD>>` replaced by the field name,
 * `<<MATCHSTR>>` by what the wildcards matched and `<<MATCHSEGn>>` by what the n-th wildcard
 * matched (Search Reference, foreach). Only the default mode with an eval template runs here.
 */
export function foreachOperator(
  command: GenericCommand,
  planning: PlanningContext,
  sourceText: string,
): Operator | undefined {
  const unsupported = (message: string, range = command.range) => {
    planning.diagnostics.push(
      engineDiagnostic('error', 'spl.engine.unsupported-option', message, range),
    );
    return undefined;
  };
  const option = command.args.find((a) => a.kind === 'option');
  if (option) {
    return unsupported(
      `foreach ${option.name}= is not supported by the local evaluator; remove it or run the search in Splunk.`,
      option.range,
    );
  }
  const patterns = command.args.flatMap((a) => (a.kind === 'literal' ? [a.value] : []));
  const body = command.args.find((a): a is Subsearch => a.kind === 'subsearch');
  if (!body || patterns.length === 0) {
    return unsupported(
      'foreach needs field patterns and a [ eval ... ] template, e.g. foreach count_* [eval <<FIELD>>=<<FIELD>>*2].',
    );
  }
  const template = sourceText.slice(
    body.pipeline.range.start.offset,
    body.pipeline.range.end.offset,
  );
  const probe = compileTemplate(substitute(template, { field: 'field', segments: ['field'] }));
  if ('error' in probe) return unsupported(probe.error, body.range);
  planning.diagnostics.push(...probe.assignments.flatMap((a) => checkEvalExpression(a.value)));
  const matchers = patterns.map(fieldPattern);
  const compiled = new Map<string, readonly EvalAssignment[]>();
  return {
    command: 'foreach',
    range: command.range,
    async *run(rows, ctx) {
      for await (const row of rows) {
        for (const selected of selectFields([...row.keys()], matchers)) {
          let assignments = compiled.get(selected.field);
          if (!assignments) {
            const result = compileTemplate(substitute(template, selected));
            assignments = 'error' in result ? [] : result.assignments;
            if (compiled.size < MAX_CACHED_TEMPLATES) compiled.set(selected.field, assignments);
          }
          for (const { field, value } of assignments) {
            const result = evaluate(value, row, ctx.evalContext);
            if (result === undefined) row.delete(field.name);
            else row.set(field.name, result);
          }
        }
        yield row;
      }
    },
  };
}

/** The row's fields that match a pattern, in row order, each once. */
function selectFields(fields: readonly string[], matchers: readonly RegExp[]): Selected[] {
  return fields.flatMap((field) => {
    for (const matcher of matchers) {
      const match = matcher.exec(field);
      if (match) return [{ field, segments: match.slice(1) }];
    }
    return [];
  });
}

function substitute(template: string, selected: Selected): string {
  return template.replace(
    /<<(FIELD|MATCHSTR|MATCHSEG(\d+))>>/g,
    (whole, name: string, n?: string) => {
      if (name === 'FIELD') return selected.field;
      if (name === 'MATCHSTR') return selected.segments.join('');
      return selected.segments[Number(n) - 1] ?? whole;
    },
  );
}

function compileTemplate(
  text: string,
): { assignments: readonly EvalAssignment[] } | { error: string } {
  // The template is a command, not the implicit search a pipeline starts with.
  const parsed = parseSpl(`| ${text}`);
  const stage = parsed.pipeline.stages[0];
  const syntaxError = parsed.diagnostics.find((d) => d.severity === 'error');
  if (syntaxError) return { error: `The foreach template cannot be read: ${syntaxError.message}` };
  if (parsed.pipeline.stages.length !== 1 || stage?.kind !== 'command' || stage.name !== 'eval') {
    return { error: 'The local evaluator runs foreach with one eval command in its template.' };
  }
  return { assignments: 'assignments' in stage ? stage.assignments : [] };
}
