import type { Severity } from '../text/diagnostic';
import type { LineIndex } from '../text/lineIndex';
import type { SourceRange } from '../text/range';
import type { FileDiagnostic, MacroDefinition } from './types';

/** A value read from a macro file, with where it sits there. */
export interface LocatedValue {
  readonly value: string;
  readonly range: SourceRange;
  /** value offset -> file offset */
  readonly toFile: (offset: number) => number;
}

/** The fields of one stanza or YAML file, before checks. */
export interface MacroSource {
  readonly file: string;
  readonly lines: LineIndex;
  readonly name: string;
  readonly nameRange: SourceRange;
  /** Set for a `[name(N)]` stanza; YAML macros take their arity from `arguments`. */
  readonly declaredArity?: number;
  readonly args?: LocatedValue;
  readonly argList?: readonly { readonly name: string; readonly range: SourceRange }[];
  readonly definition?: LocatedValue;
  readonly iseval?: string;
  readonly validation?: string;
  readonly errormsg?: string;
  readonly description?: string;
}

const ARG_NAME = /^[A-Za-z0-9_-]+$/;
const TRUE_WORDS = /^(1|true|t|yes|y)$/i;

export function fileDiagnostic(
  file: string,
  severity: Severity,
  code: string,
  message: string,
  range: SourceRange,
): FileDiagnostic {
  return { file, severity, code, message, range, source: 'macros' };
}

/** Checks a stanza's fields the way Splunk would when it loads them, and builds the definition. */
export function makeDefinition(
  source: MacroSource,
  diagnostics: FileDiagnostic[],
): MacroDefinition | undefined {
  const { file, lines, name, nameRange } = source;
  const report = (severity: Severity, code: string, message: string, range: SourceRange): void => {
    diagnostics.push(fileDiagnostic(file, severity, code, message, range));
  };
  if (!source.definition) {
    report(
      'error',
      'spl.macro.noDefinition',
      `Macro '${name}' has no definition; add a 'definition' value.`,
      nameRange,
    );
    return undefined;
  }
  if (name.includes('-')) {
    report(
      'warning',
      'spl.macro.hyphenName',
      `Macro name '${name}' contains a hyphen, which the Search app cannot call; use '_' instead.`,
      nameRange,
    );
  }
  const args = source.argList ?? splitArgs(source.args, lines);
  const seen = new Set<string>();
  for (const arg of args) {
    if (!ARG_NAME.test(arg.name)) {
      report(
        'error',
        'spl.macro.badArgName',
        `Argument name '${arg.name}' may only use letters, digits, '_' and '-'.`,
        arg.range,
      );
    } else if (seen.has(arg.name)) {
      report(
        'error',
        'spl.macro.repeatedArg',
        `Argument '${arg.name}' is declared twice; remove one.`,
        arg.range,
      );
    }
    seen.add(arg.name);
  }
  const arity = source.declaredArity ?? args.length;
  if (source.declaredArity !== undefined && args.length !== source.declaredArity) {
    report(
      'error',
      'spl.macro.argsMismatch',
      `Stanza '${name}(${source.declaredArity})' declares ${source.declaredArity} argument(s) but 'args' lists ${args.length}; make them agree.`,
      source.args?.range ?? nameRange,
    );
  }
  const definition = source.definition;
  return {
    name,
    arity,
    args: args.map((a) => a.name),
    argRanges: args.map((a) => a.range),
    definition: definition.value,
    iseval: source.iseval !== undefined && TRUE_WORDS.test(source.iseval.trim()),
    ...(source.validation !== undefined ? { validation: source.validation } : {}),
    ...(source.errormsg !== undefined ? { errormsg: source.errormsg } : {}),
    ...(source.description !== undefined ? { description: source.description } : {}),
    file,
    nameRange,
    definitionRange: definition.range,
    definitionToFile: definition.toFile,
  };
}

function splitArgs(
  args: LocatedValue | undefined,
  lines: LineIndex,
): { name: string; range: SourceRange }[] {
  if (!args || args.value.trim() === '') return [];
  const result: { name: string; range: SourceRange }[] = [];
  const pattern = /[^,]+/g;
  for (let m = pattern.exec(args.value); m; m = pattern.exec(args.value)) {
    const name = m[0].trim();
    if (name === '') continue;
    const start = m.index + m[0].indexOf(name);
    result.push({ name, range: lines.range(args.toFile(start), args.toFile(start + name.length)) });
  }
  return result;
}
