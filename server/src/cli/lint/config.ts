import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { macroRuleCatalog, type RuleSeverity } from '../../core/analysis';
import { didYouMean } from '../../core/text/didYouMean';

export const CONFIG_FILE_NAME = '.spl-toolkit.yml';

/** The repository's lint settings; paths are absolute, resolved from the config file's folder. */
export interface LintConfig {
  /** The config file, or undefined when none was found (then every default applies). */
  readonly file?: string;
  /** Where relative paths in reports start: the config file's folder, else the current one. */
  readonly root: string;
  readonly rules: Readonly<Record<string, RuleSeverity>>;
  readonly macroPaths: readonly string[];
  /** Globs relative to `root`. */
  readonly ignore: readonly string[];
}

export type ConfigOutcome = { config: LintConfig } | { errors: string[] };

const SEVERITIES: readonly RuleSeverity[] = ['error', 'warning', 'info', 'hint', 'off'];
const KEYS = ['rules', 'macroPaths', 'ignore'];
/**
 * Families whose codes are not all in the rule catalog (syntax and reading codes): a code there
 * is accepted unless it is a near miss of a catalogued one.
 */
const OPEN_CODE_FAMILIES = /^(spl\.syntax\.|spl\.macro\.|spl\.input\.|yaml-|detection-)/;

/** The config file at or above `from`: the first folder walking up that holds one. */
export function findConfigFile(from: string): string | undefined {
  let directory = resolve(from);
  while (true) {
    const candidate = join(directory, CONFIG_FILE_NAME);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(directory);
    if (parent === directory) return undefined;
    directory = parent;
  }
}

/** Reads and checks a config file; every problem names the file, line and column. */
export function readConfig(file: string | undefined, cwd: string): ConfigOutcome {
  if (file === undefined) return { config: { root: cwd, rules: {}, macroPaths: [], ignore: [] } };
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { errors: [`${file}: cannot read the config file: ${(error as Error).message}`] };
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const errors: string[] = [];
  const at = (offset: number, message: string): void => {
    const { line, col } = lineCounter.linePos(offset);
    errors.push(`${file}:${line}:${col} ${message}`);
  };
  const startOf = (node: Node | null | undefined): number => node?.range?.[0] ?? 0;
  for (const error of document.errors) at(error.pos[0], `invalid YAML: ${error.message}`);
  if (errors.length > 0) return { errors };
  const root = dirname(resolve(file));
  const contents = document.contents;
  if (contents === null) return { config: { file, root, rules: {}, macroPaths: [], ignore: [] } };
  if (!isMap(contents)) {
    at(startOf(contents), `the config must be a mapping with the keys ${KEYS.join(', ')}.`);
    return { errors };
  }
  const rules: Record<string, RuleSeverity> = {};
  let macroPaths: string[] = [];
  let ignore: string[] = [];
  const known = new Set(macroRuleCatalog.map((rule) => rule.code));
  for (const pair of contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as Node | null;
    if (key === 'rules') {
      if (!isMap(value)) {
        at(startOf(value ?? (pair.key as Node)), '`rules` must map rule codes to a severity.');
        continue;
      }
      for (const rule of value.items) {
        const code = isScalar(rule.key) ? String(rule.key.value) : '';
        const severity = isScalar(rule.value) ? String(rule.value.value) : '';
        const suggestion = known.has(code) ? undefined : didYouMean(code, known);
        if (!known.has(code) && (suggestion !== undefined || !OPEN_CODE_FAMILIES.test(code))) {
          at(
            startOf(rule.key as Node),
            `unknown rule code '${code}'${suggestion ? `; did you mean '${suggestion}'?` : '; codes look like spl.macro.undefined.'}`,
          );
        } else if (!(SEVERITIES as readonly string[]).includes(severity)) {
          at(
            startOf((rule.value ?? rule.key) as Node),
            `the severity of '${code}' must be one of ${SEVERITIES.join(', ')}, not '${severity}'.`,
          );
        } else rules[code] = severity as RuleSeverity;
      }
    } else if (key === 'macroPaths' || key === 'ignore') {
      const list = stringList(value);
      if (list === undefined) {
        at(startOf(value ?? (pair.key as Node)), `\`${key}\` must be a list of strings.`);
        continue;
      }
      if (key === 'ignore') ignore = list;
      else {
        macroPaths = list.map((path) => resolve(root, path));
        macroPaths.forEach((path, i) => {
          if (!existsSync(path)) at(startOf(value), `macroPaths: '${list[i]}' does not exist.`);
        });
      }
    } else {
      const suggestion = didYouMean(key, KEYS);
      at(
        startOf(pair.key as Node),
        `unknown key '${key}'${suggestion ? `; did you mean '${suggestion}'?` : `; the keys are ${KEYS.join(', ')}.`}`,
      );
    }
  }
  return errors.length > 0 ? { errors } : { config: { file, root, rules, macroPaths, ignore } };
}

function stringList(node: Node | null | undefined): string[] | undefined {
  if (!isSeq(node)) return undefined;
  const items = node.items.map((item) =>
    isScalar(item) && typeof item.value === 'string' ? item.value : undefined,
  );
  return items.every((item) => item !== undefined) ? (items as string[]) : undefined;
}
