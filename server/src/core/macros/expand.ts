import type { Diagnostic } from '../text/diagnostic';
import { resolveArguments, substitute } from './arguments';
import { callFrame, conventionalFilterMacro, cycleThrough, unknownCallProblem } from './callChecks';
import { evaluatedBody, passesValidation } from './evalMacros';
import { callMemoFor, type CallMemo } from './callMemo';
import { ExpansionReporter, type Place } from './expansionReport';
import type { MacroIndex } from './macroIndex';
import {
  MappedTextBuilder,
  originAt,
  userText,
  type CallFrame,
  type MappedText,
} from './mappedText';
import { scanMacroText, type ScannedCall } from './scanner';
import { SourceMap } from './sourceMap';
import {
  defaultExpansionLimits,
  type ExpandOptions,
  type ExpansionLimits,
  type MacroDefinition,
} from './types';

export interface ExpansionResult {
  /** The search Splunk runs: what Splunk Web shows with Ctrl/Cmd+Shift+E. */
  readonly text: string;
  readonly sourceMap: SourceMap;
  /** Ranges in the original text; related information points into macro files (uri = file). */
  readonly diagnostics: Diagnostic[];
}

/**
 * Expands every macro call the way Splunk does before it parses a search: comments become a
 * space, calls inside double-quoted strings stay as written, nested calls expand depth first.
 * Calls that cannot expand stay as written and are reported; limits stop runaway definitions.
 */
export function expandMacros(
  text: string,
  index: MacroIndex,
  options: ExpandOptions = {},
): ExpansionResult {
  const expansion = new Expansion(text, index, options);
  expansion.expand(userText(text), undefined);
  const mapped = expansion.output();
  return {
    text: mapped.text,
    sourceMap: new SourceMap(mapped, text, index),
    diagnostics: expansion.reporter.diagnostics,
  };
}

/**
 * The diagnostics `expandMacros` gives, for checks that need no expanded text (lint on every
 * keystroke). The outcome of each call of the user's text is remembered (`callMemoFor`), so only
 * calls not met before are expanded; the limits on calls and length still count the whole search.
 */
export function macroDiagnostics(
  text: string,
  index: MacroIndex,
  options: ExpandOptions = {},
): Diagnostic[] {
  const expansion = new Expansion(text, index, options, callMemoFor(index, options));
  expansion.expand(userText(text), undefined);
  return expansion.reporter.diagnostics;
}

class Expansion {
  readonly reporter: ExpansionReporter;
  private readonly out = new MappedTextBuilder();
  private readonly limits: ExpansionLimits;
  private readonly implicit: ReadonlyMap<string, MacroDefinition>;
  private calls = 0;
  /** Characters of remembered calls, counted toward the length limit but not in `out`. */
  private remembered = 0;
  private stopped = false;

  /** With `memo`, calls of the user's text replay what they reported; `output` is then partial. */
  constructor(
    text: string,
    private readonly index: MacroIndex,
    private readonly options: ExpandOptions,
    private readonly memo?: CallMemo,
  ) {
    this.reporter = new ExpansionReporter(text, index);
    this.limits = { ...defaultExpansionLimits, ...options.limits };
    const implicit = options.implicitFilterMacros ?? [];
    this.implicit = new Map(implicit.map((name) => [name, conventionalFilterMacro(name)]));
  }

  output(): MappedText {
    return this.out.build();
  }

  expand(input: MappedText, frame: CallFrame | undefined): void {
    const report = this.reporter.report;
    let copied = 0;
    for (const token of scanMacroText(input.text)) {
      if (this.stopped) return;
      if (token.kind === 'string') continue;
      const place: Place = { input, start: token.start, end: token.end, frame };
      if (token.kind === 'strayBacktick') {
        report(
          place,
          'error',
          'spl.macro.unterminated',
          'This backtick opens a macro call that is never closed; add the closing backtick or remove this one.',
        );
        continue;
      }
      this.copy(input, copied, token.start);
      copied = token.end;
      if (token.kind === 'call') {
        if (frame === undefined && this.memo) this.rememberedCall(token, place, this.memo);
        else this.call(token, place);
        continue;
      }
      // spl-semantics.md "Lexical": Splunk replaces a comment by a space.
      const origin = originAt(input, token.start);
      if (origin) this.out.append(' ', { ...origin, point: true });
      if (!token.terminated) {
        report(
          { ...place, end: token.start + 3 },
          'error',
          'spl.macro.unterminatedComment',
          "This comment is never closed; end it with '```'.",
        );
      }
    }
    if (!this.stopped) this.copy(input, copied, input.text.length);
  }

  /**
   * A call of the user's text: replayed from `memo` when it has been expanded before and cannot
   * reach a limit from here (counts only grow, so ending within them means no step crossed
   * them); else expanded, and remembered unless a limit stopped it.
   */
  private rememberedCall(call: ScannedCall, place: Place, memo: CallMemo): void {
    const key = place.input.text.slice(call.start, call.end);
    const known = memo.get(key);
    if (
      known &&
      this.calls + known.calls <= this.limits.maxCalls &&
      this.outputLength + known.length <= this.limits.maxOutputLength
    ) {
      for (const { diagnostic, start, end } of known.diagnostics)
        this.reporter.replay(diagnostic, call.start + start, call.start + end);
      this.calls += known.calls;
      this.remembered += known.length;
      return;
    }
    const reported = this.reporter.diagnostics.length;
    const calls = this.calls;
    const length = this.outputLength;
    this.call(call, place);
    if (this.stopped) return;
    memo.set(key, {
      diagnostics: this.reporter.diagnostics.slice(reported).map((diagnostic) => ({
        diagnostic,
        start: diagnostic.range.start.offset - call.start,
        end: diagnostic.range.end.offset - call.start,
      })),
      calls: this.calls - calls,
      length: this.outputLength - length,
    });
  }

  private get outputLength(): number {
    return this.out.length + this.remembered;
  }

  private copy(input: MappedText, from: number, to: number): void {
    this.out.appendSlice(input, from, to);
    if (this.outputLength > this.limits.maxOutputLength) {
      const message = `Expansion stopped: the expanded search exceeds ${this.limits.maxOutputLength} characters, far more than a search should.`;
      this.stop(
        { input, start: from, end: to, frame: undefined },
        'spl.macro.outputLimit',
        message,
      );
    }
  }

  private call(call: ScannedCall, place: Place): void {
    const { input, frame } = place;
    const report = this.reporter.report;
    const verbatim = (): void => this.copy(input, call.start, call.end);
    const fail = (code: string, message: string): void => {
      report(place, 'error', code, message);
      verbatim();
    };
    if (call.name === '')
      return fail(
        'spl.macro.emptyCall',
        'Empty macro call; put a macro name between the backticks or remove them.',
      );
    if (!call.wellFormed) {
      return fail(
        'spl.macro.malformedCall',
        `Macro call '${call.name}' is malformed; end its argument list with ')' right before the closing backtick.`,
      );
    }
    const arity = call.args.length;
    const definition =
      this.index.lookup(call.name, arity) ??
      (arity === 0 ? this.implicit.get(call.name) : undefined);
    if (!definition) {
      const problem = unknownCallProblem(call, this.index);
      report(place, 'error', problem.code, problem.message, problem.related);
      return verbatim();
    }
    const cycle = cycleThrough(definition, frame);
    if (cycle)
      return fail(
        'spl.macro.recursive',
        `Macro '${definition.name}' calls itself (${cycle}); Splunk refuses to expand it. Break the cycle.`,
      );
    const next = callFrame(input, call, definition, frame);
    if (next.depth > this.limits.maxDepth) {
      return this.stop(
        place,
        'spl.macro.depthLimit',
        `Expansion stopped: macros nest deeper than ${this.limits.maxDepth} levels here.`,
      );
    }
    if (++this.calls > this.limits.maxCalls) {
      return this.stop(
        place,
        'spl.macro.callLimit',
        `Expansion stopped after ${this.limits.maxCalls} macro calls, far more than a search should make.`,
      );
    }
    const resolved = resolveArguments(call, definition, input);
    if (!resolved.ok) return fail('spl.macro.unknownArgument', resolved.message);
    const evaluate = this.options.evaluateEval;
    if (!passesValidation(definition, resolved.values, evaluate, place, report)) return verbatim();
    const body = definition.iseval
      ? evaluatedBody(definition, resolved.values, next, evaluate, place, report)
      : substitute(definition.definition, definition, resolved.values, next);
    if (!body) return verbatim();
    if (body.text.length > this.limits.maxOutputLength) {
      return this.stop(
        place,
        'spl.macro.outputLimit',
        `Expansion stopped: macro '${definition.name}' expands to more than ${this.limits.maxOutputLength} characters.`,
      );
    }
    this.expand(body, next);
  }

  private stop(place: Place, code: string, message: string): void {
    this.reporter.report(place, 'error', code, message);
    this.stopped = true;
  }
}
