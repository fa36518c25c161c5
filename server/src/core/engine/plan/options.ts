import type { CommandOption } from '../../syntax/ast';
import { engineDiagnostic, type PlanningContext } from './types';

interface HasOptions {
  readonly options: readonly CommandOption[];
}

/** The last `name=value` option with that name (option names are case-insensitive). */
export function findOption(command: HasOptions, name: string): CommandOption | undefined {
  const lower = name.toLowerCase();
  let found: CommandOption | undefined;
  for (const option of command.options) if (option.name.toLowerCase() === lower) found = option;
  return found;
}

export function optionText(command: HasOptions, name: string): string | undefined {
  const option = findOption(command, name);
  if (!option || option.value.kind !== 'literal') return undefined;
  return option.value.value;
}

export function optionNumber(
  command: HasOptions,
  name: string,
  planning: PlanningContext,
): number | undefined {
  const option = findOption(command, name);
  const text = optionText(command, name);
  if (!option || text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) {
    planning.diagnostics.push(
      engineDiagnostic(
        'error',
        'spl.engine.invalid-option',
        `${name}= takes a number, not '${text}'.`,
        option.value.range,
      ),
    );
    return undefined;
  }
  return value;
}

const TRUE_WORDS = new Set(['true', 't', '1', 'yes']);
const FALSE_WORDS = new Set(['false', 'f', '0', 'no']);

export function optionBoolean(
  command: HasOptions,
  name: string,
  planning: PlanningContext,
): boolean | undefined {
  const option = findOption(command, name);
  const text = optionText(command, name)?.toLowerCase();
  if (!option || text === undefined) return undefined;
  if (TRUE_WORDS.has(text)) return true;
  if (FALSE_WORDS.has(text)) return false;
  planning.diagnostics.push(
    engineDiagnostic(
      'error',
      'spl.engine.invalid-option',
      `${name}= takes true or false, not '${text}'.`,
      option.value.range,
    ),
  );
  return undefined;
}

/**
 * Options the local evaluator does not implement are errors: ignoring one would give results
 * that differ from Splunk's without saying so.
 */
export function reportUnsupportedOptions(
  command: HasOptions & { readonly name: string },
  supported: readonly string[],
  planning: PlanningContext,
): void {
  const allowed = new Set(supported.map((s) => s.toLowerCase()));
  for (const option of command.options) {
    if (allowed.has(option.name.toLowerCase())) continue;
    planning.diagnostics.push(
      engineDiagnostic(
        'error',
        'spl.engine.unsupported-option',
        `'${command.name}' option ${option.name}= is not supported by the local evaluator; remove it or run the search in Splunk.`,
        option.nameRange,
      ),
    );
  }
}
