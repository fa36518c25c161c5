import {
  scanMacroText,
  type FileDiagnostic,
  type MacroDefinition,
  type MacroIndex,
  type ScannedCall,
} from '../macros';
import type { SourceRange } from '../text/range';
import { applySeverities, defaultSeverity, type SeverityOverrides } from './rules';

const ARGUMENT_TOKEN = /\$([A-Za-z0-9_-]+)\$/g;

/** Checks every loaded definition: its `$arg$` tokens, the macros it calls, and call cycles. */
export function lintMacroDefinitions(
  index: MacroIndex,
  severities?: SeverityOverrides,
): FileDiagnostic[] {
  const diagnostics: FileDiagnostic[] = [];
  const report = (
    definition: MacroDefinition,
    code: string,
    message: string,
    range: SourceRange,
  ): void => {
    diagnostics.push({
      file: definition.file,
      severity: defaultSeverity(code),
      code,
      message,
      range,
      source: 'lint',
    });
  };
  const callsOf = new Map<MacroDefinition, { call: ScannedCall; target: MacroDefinition }[]>();
  for (const definition of index.all()) {
    checkArguments(definition, index, report);
    const calls: { call: ScannedCall; target: MacroDefinition }[] = [];
    for (const token of scanMacroText(definition.definition)) {
      // A name built from an argument ($x$) is only known at the call.
      if (token.kind !== 'call' || token.name === '' || token.name.includes('$')) continue;
      const target = index.lookup(token.name, token.args.length);
      if (target) {
        calls.push({ call: token, target });
      } else if (index.overloads(token.name).length === 0) {
        const suggestion = index.closestName(token.name);
        report(
          definition,
          'spl.macro.undefined',
          `Macro '${token.name}' is not defined${suggestion ? `; did you mean '${suggestion}'?` : '; define it or load the file that does.'}`,
          index.definitionSpan(definition, token.start, token.end),
        );
      }
    }
    callsOf.set(definition, calls);
  }
  for (const { definition, call, chain } of cycles(callsOf)) {
    report(
      definition,
      'spl.macro.recursive',
      `Macro '${definition.name}' calls itself (${chain.map((d) => d.name).join(' -> ')}); Splunk refuses to expand it. Break the cycle.`,
      index.definitionSpan(definition, call.start, call.end),
    );
  }
  return applySeverities(diagnostics, severities);
}

function checkArguments(
  definition: MacroDefinition,
  index: MacroIndex,
  report: (definition: MacroDefinition, code: string, message: string, range: SourceRange) => void,
): void {
  const used = new Set<string>();
  for (const match of definition.definition.matchAll(ARGUMENT_TOKEN)) {
    const name = match[1] as string;
    used.add(name);
    if (!definition.args.includes(name)) {
      const hint =
        definition.args.length > 0
          ? `its arguments are ${definition.args.join(', ')}`
          : 'it declares none';
      report(
        definition,
        'spl.macro.undeclaredArgument',
        `'$${name}$' is not an argument of '${definition.name}' (${hint}), so Splunk leaves it as written; declare it in 'args' or fix the name.`,
        index.definitionSpan(definition, match.index, match.index + match[0].length),
      );
    }
  }
  for (const match of (definition.validation ?? '').matchAll(ARGUMENT_TOKEN))
    used.add(match[1] as string);
  definition.args.forEach((name, i) => {
    if (used.has(name)) return;
    report(
      definition,
      'spl.macro.unusedArgument',
      `Argument '${name}' of '${definition.name}' is never used as $${name}$ in the definition; use it or remove it (callers must still pass it).`,
      definition.argRanges?.[i] ?? definition.nameRange,
    );
  });
}

/** Each call that closes a cycle, found by depth-first search over the call graph. */
function cycles(
  callsOf: ReadonlyMap<MacroDefinition, readonly { call: ScannedCall; target: MacroDefinition }[]>,
): { definition: MacroDefinition; call: ScannedCall; chain: MacroDefinition[] }[] {
  const found: { definition: MacroDefinition; call: ScannedCall; chain: MacroDefinition[] }[] = [];
  const state = new Map<MacroDefinition, 'active' | 'done'>();
  const path: MacroDefinition[] = [];
  const visit = (definition: MacroDefinition): void => {
    state.set(definition, 'active');
    path.push(definition);
    for (const { call, target } of callsOf.get(definition) ?? []) {
      const targetState = state.get(target);
      if (targetState === 'active') {
        found.push({ definition, call, chain: [...path.slice(path.indexOf(target)), target] });
      } else if (targetState === undefined) {
        visit(target);
      }
    }
    path.pop();
    state.set(definition, 'done');
  };
  for (const definition of callsOf.keys()) if (!state.has(definition)) visit(definition);
  return found;
}
