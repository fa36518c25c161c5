import type { Diagnostic } from '../text/diagnostic';
import type { SourceRange } from '../text/range';

/** One macro stanza (`[name]`, `[name(N)]`) or one security_content macro YAML file. */
export interface MacroDefinition {
  readonly name: string;
  /** Number of arguments: the N of `[name(N)]`, or the length of the YAML `arguments`. */
  readonly arity: number;
  readonly args: string[];
  /** Where each of `args` is declared in the file (same order). */
  readonly argRanges?: readonly SourceRange[];
  /** The definition text after line continuations are joined (what Splunk substitutes into). */
  readonly definition: string;
  readonly iseval: boolean;
  readonly validation?: string;
  readonly errormsg?: string;
  readonly description?: string;
  /** Path of the file that defines it, as given to the loader. */
  readonly file: string;
  /** The stanza header's name (or the YAML `name` value) in the file. */
  readonly nameRange: SourceRange;
  /** The definition value in the file (continuation lines included). */
  readonly definitionRange: SourceRange;
  /** definition offset -> file offset */
  definitionToFile(offset: number): number;
}

/** A diagnostic about a macro file rather than about the search being edited. */
export type FileDiagnostic = Diagnostic & { readonly file: string };

/** Where a macro is called: in the user's text, or inside another macro's definition. */
export interface MacroCallSite {
  /** The called definition. */
  readonly definition: MacroDefinition;
  /** The call's backtick-to-backtick span; offsets in the user's text or in `within`'s definition. */
  readonly callStart: number;
  readonly callEnd: number;
  /** The definition whose text holds the call; absent when the user's text holds it. */
  readonly within?: MacroDefinition;
}

/** Macro-level limits that keep expansion bounded whatever the definitions say. */
export interface ExpansionLimits {
  /** How deep calls may nest before expansion stops (a cycle Splunk would also refuse). */
  readonly maxDepth: number;
  /** The longest expanded text, in UTF-16 code units. */
  readonly maxOutputLength: number;
  /** How many macro calls one expansion may perform in total (catches empty-output bombs). */
  readonly maxCalls: number;
}

export const defaultExpansionLimits: ExpansionLimits = {
  maxDepth: 50,
  maxOutputLength: 1_000_000,
  maxCalls: 100_000,
};

/** What an injected eval evaluator returns; the macros layer cannot import the engine. */
export interface EvalOutcome {
  readonly value?: string | number | boolean;
  readonly error?: string;
}

export interface ExpandOptions {
  /** Evaluates `iseval` definitions and `validation` expressions; without it both are reported. */
  readonly evaluateEval?: (expression: string) => EvalOutcome;
  readonly limits?: Partial<ExpansionLimits>;
  /**
   * Names treated as defined with the definition `search *` when no file defines them:
   * security_content generates each detection's `<name>_filter` macro at build time.
   */
  readonly implicitFilterMacros?: readonly string[];
}
