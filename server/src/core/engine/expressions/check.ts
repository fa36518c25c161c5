/**
 * Plan-time checks: everything that would make an expression evaluate to null for every row, or
 * that the local evaluator cannot run, reported once with the node's range instead of silently.
 */
import type { EvalCall, EvalExpression, MacroCall, SearchExpression } from '../../syntax/ast';
import { allEvalFunctions, findEvalFunction } from '../../syntax/catalog';
import type { Diagnostic } from '../../text/diagnostic';
import { didYouMean } from '../../text/didYouMean';
import type { SourceRange } from '../../text/range';
import { compileUserRegex } from '../regex';
import { parseTimeModifier } from '../time';
import { evalFunctions } from './functions/registry';
import { isTimeModifierField } from './search';

function error(code: string, message: string, range: SourceRange): Diagnostic {
  return { severity: 'error', code: `spl.engine.${code}`, message, range, source: 'engine' };
}

function macroDiagnostic(macro: MacroCall): Diagnostic {
  return error(
    'unexpanded-macro',
    `the macro \`${macro.name}\` must be expanded before the search runs; give its definition (e.g. with --macros)`,
    macro.range,
  );
}

/** Argument positions that hold a regex, checked when written as a string literal. */
const REGEX_ARGUMENT: Record<string, number> = { match: 1, replace: 1, mvfind: 1 };

function checkCall(call: EvalCall, out: Diagnostic[]): void {
  const name = call.name.toLowerCase();
  const spec = evalFunctions.get(name);
  if (!spec) {
    if (findEvalFunction(name)) {
      out.push(
        error(
          'unsupported-function',
          `${name}() is not supported by the local evaluator; it would give null here, so rewrite the expression without it`,
          call.nameRange,
        ),
      );
    } else {
      const suggestion = didYouMean(name, [
        ...evalFunctions.keys(),
        ...allEvalFunctions().map((f) => f.name),
      ]);
      const hint = suggestion ? `; did you mean ${suggestion}()?` : '';
      out.push(error('unknown-function', `unknown eval function ${name}()${hint}`, call.nameRange));
    }
    return;
  }
  const count = call.args.length;
  if (count < spec.minArgs || count > spec.maxArgs) {
    const expected =
      spec.minArgs === spec.maxArgs
        ? `${spec.minArgs}`
        : spec.maxArgs === Infinity
          ? `at least ${spec.minArgs}`
          : `${spec.minArgs} to ${spec.maxArgs}`;
    out.push(
      error(
        'wrong-argument-count',
        `${name}() takes ${expected} argument(s) but was given ${count}`,
        call.range,
      ),
    );
  }
  if (name === 'case' && count % 2 !== 0) {
    out.push(
      error(
        'wrong-argument-count',
        'case() takes condition/value pairs; the last condition has no value',
        call.range,
      ),
    );
  }
  const regexArg = call.args[REGEX_ARGUMENT[name] ?? -1];
  if (regexArg?.kind === 'string') {
    const compiled = compileUserRegex(regexArg.value);
    if ('error' in compiled) out.push(error('invalid-regex', compiled.error, regexArg.range));
  }
  const modifierArg = name === 'relative_time' ? call.args[1] : undefined;
  if (modifierArg?.kind === 'string') {
    const parsed = parseTimeModifier(modifierArg.value);
    if ('error' in parsed)
      out.push(error('invalid-time-modifier', parsed.error, modifierArg.range));
  }
}

function visitEval(expr: EvalExpression, out: Diagnostic[]): void {
  switch (expr.kind) {
    case 'macro':
      out.push(macroDiagnostic(expr));
      return;
    case 'binary':
      visitEval(expr.left, out);
      visitEval(expr.right, out);
      return;
    case 'unary':
      visitEval(expr.operand, out);
      return;
    case 'call':
      checkCall(expr, out);
      for (const arg of expr.args) visitEval(arg, out);
      return;
    case 'evalIn':
      visitEval(expr.value, out);
      for (const item of expr.list) visitEval(item, out);
      return;
    case 'like':
      visitEval(expr.value, out);
      visitEval(expr.pattern, out);
      return;
    default:
      return;
  }
}

/** Problems that keep an eval/where expression from running locally; [] when it can run. */
export function checkEvalExpression(expr: EvalExpression): Diagnostic[] {
  const out: Diagnostic[] = [];
  visitEval(expr, out);
  return out;
}

function visitSearch(expr: SearchExpression, out: Diagnostic[]): void {
  switch (expr.kind) {
    case 'and':
    case 'or':
      for (const operand of expr.operands) visitSearch(operand, out);
      return;
    case 'not':
      visitSearch(expr.operand, out);
      return;
    case 'macro':
      out.push(macroDiagnostic(expr));
      return;
    case 'compare':
      if (isTimeModifierField(expr.field.name)) {
        const parsed = parseTimeModifier(expr.value.value);
        if (expr.operator !== '=') {
          out.push(
            error(
              'invalid-time-modifier',
              `write ${expr.field.name}=<time>; ${expr.operator} is not a time modifier`,
              expr.range,
            ),
          );
        } else if ('error' in parsed) {
          out.push(error('invalid-time-modifier', parsed.error, expr.value.range));
        }
      }
      return;
    default:
      return;
  }
}

/** Problems that keep a search expression from running locally; [] when it can run. */
export function checkSearchExpression(expr: SearchExpression): Diagnostic[] {
  const out: Diagnostic[] = [];
  visitSearch(expr, out);
  return out;
}
