/** Shared helpers for the syntax tests: compact renderings of parse results. */
import assert from 'node:assert/strict';
import {
  parseEvalExpression,
  parseSearchExpression,
  parseSpl,
  type Command,
  type GenericCommand,
  type Stage,
} from '../../server/src/core/syntax/index';
import { evalText, searchText } from '../../server/src/core/syntax/outline';

/** The search expression of `text` rendered as `AND(a, OR(b, c))`; fails on any diagnostic. */
export function searchShape(text: string): string {
  const result = parseSearchExpression(text);
  assert.deepEqual(result.diagnostics, [], `diagnostics for ${text}`);
  assert.ok(result.expression, `no expression for ${text}`);
  return searchText(result.expression);
}

/** The eval expression of `text` rendered with explicit parentheses; fails on any diagnostic. */
export function evalShape(text: string): string {
  const result = parseEvalExpression(text);
  assert.deepEqual(result.diagnostics, [], `diagnostics for ${text}`);
  assert.ok(result.expression, `no expression for ${text}`);
  return evalText(result.expression);
}

/** The stages of a search that must parse without any diagnostic. */
export function cleanStages(text: string): readonly Stage[] {
  const result = parseSpl(text);
  assert.deepEqual(result.diagnostics, [], `diagnostics for ${text}`);
  return result.pipeline.stages;
}

type Dedicated = Exclude<Command, GenericCommand>;
/** The dedicated command type whose `name` can be `N` (StatsCommand for 'chart', BinCommand for 'bin'). */
type CommandNamed<N extends string, C = Dedicated> = C extends { name: infer M }
  ? N extends M
    ? C
    : never
  : never;

/** The single command stage `| <text>` parses to, checked to be the dedicated (not generic) grammar. */
export function onlyCommand<N extends Dedicated['name']>(text: string, name: N): CommandNamed<N> {
  const stages = cleanStages(text);
  const stage = stages[stages.length - 1];
  assert.ok(stage && stage.kind === 'command', `a command stage for ${text}`);
  assert.equal(stage.name, name);
  assert.ok(!('generic' in stage), `${name} must use its dedicated grammar`);
  return stage as CommandNamed<N>;
}

/** [code, message, start offset, end offset] of every diagnostic of `text`. */
export function diagnosticsOf(text: string): [string, string, number, number][] {
  return parseSpl(text).diagnostics.map((d) => [
    d.code,
    d.message,
    d.range.start.offset,
    d.range.end.offset,
  ]);
}
