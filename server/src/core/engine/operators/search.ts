import type { SearchCommand, SearchExpression } from '../../syntax/ast';
import { checkSearchExpression, matchesSearch } from '../expressions';
import { engineDiagnostic, type Operator, type PlanningContext } from '../plan/types';
import { FieldPresence, absentFieldMessage } from './fieldPresence';

const TIME_MODIFIERS = new Set(['earliest', 'latest', '_index_earliest', '_index_latest']);

/** Fields a search requires to exist (not under NOT, which may deliberately test absence). */
function requiredSearchFields(expression: SearchExpression, into = new Set<string>()) {
  switch (expression.kind) {
    case 'and':
    case 'or':
      for (const operand of expression.operands) requiredSearchFields(operand, into);
      break;
    case 'compare':
    case 'in':
      if (!TIME_MODIFIERS.has(expression.field.name.toLowerCase())) into.add(expression.field.name);
      break;
    case 'searchFunction':
      if (expression.field) into.add(expression.field.name);
      break;
    default:
      break;
  }
  return into;
}

function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > 80 ? `${oneLine.slice(0, 79)}…` : oneLine;
}

/**
 * `search <expr>`. Each operand of the top-level AND is tested in turn so that, when one never
 * matches, the run can say which term lost the events.
 */
export function searchOperator(
  command: SearchCommand,
  planning: PlanningContext,
  sourceText: string,
): Operator {
  const expression = command.expression;
  if (expression) planning.diagnostics.push(...checkSearchExpression(expression));
  return {
    command: 'search',
    range: command.range,
    async *run(input, ctx) {
      if (!expression) {
        yield* input;
        return;
      }
      const resolved = await ctx.resolveSubsearches(expression);
      const originals = expression.kind === 'and' ? expression.operands : [expression];
      const conjuncts = resolved.kind === 'and' ? resolved.operands : [resolved];
      const reached = conjuncts.map(() => 0);
      const matched = conjuncts.map(() => 0);
      const presence = new FieldPresence(requiredSearchFields(expression));
      for await (const row of input) {
        presence.observe(row);
        let keep = true;
        for (let i = 0; i < conjuncts.length; i++) {
          reached[i] = (reached[i] as number) + 1;
          if (!matchesSearch(conjuncts[i] as SearchExpression, row, ctx.evalContext)) {
            keep = false;
            break;
          }
          matched[i] = (matched[i] as number) + 1;
        }
        if (keep) yield row;
      }
      for (let i = 0; i < conjuncts.length; i++) {
        const original = originals[i];
        if (!original || reached[i] === 0 || matched[i] !== 0) continue;
        const text = shorten(
          sourceText.slice(original.range.start.offset, original.range.end.offset),
        );
        ctx.report(
          engineDiagnostic(
            'warning',
            'spl.engine.term-never-matched',
            `No event matched '${text}' (${reached[i]} ${reached[i] === 1 ? 'event' : 'events'} reached this term).`,
            original.range,
          ),
        );
      }
      if ((reached[0] ?? 0) === 0) return;
      for (const { field, suggestion } of presence.absent()) {
        for (const range of fieldRanges(expression, field)) {
          ctx.report(
            engineDiagnostic(
              'warning',
              'spl.engine.field-not-found',
              absentFieldMessage(field, suggestion),
              range,
            ),
          );
        }
      }
    },
  };
}

function fieldRanges(expression: SearchExpression, field: string): SearchExpression['range'][] {
  switch (expression.kind) {
    case 'and':
    case 'or':
      return expression.operands.flatMap((operand) => fieldRanges(operand, field));
    case 'compare':
    case 'in':
      return expression.field.name === field ? [expression.field.range] : [];
    case 'searchFunction':
      return expression.field?.name === field ? [expression.field.range] : [];
    default:
      return [];
  }
}
