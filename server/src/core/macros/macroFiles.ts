import { LineIndex } from '../text/lineIndex';
import { parseDocument, isMap, isScalar, isSeq, type Node, type Scalar } from 'yaml';
import type { SourceRange } from '../text/range';
import type { ConfFile, ConfStanza } from './confReader';
import { fileDiagnostic, type LocatedValue, type MacroSource } from './definition';
import { offsetMapper } from '../text/offsetMapper';
import { alignValueWithSource } from './offsetMap';
import { readLooseYaml, type LooseEntry } from './looseYaml';
import type { FileDiagnostic } from './types';

const STANZA_WITH_ARITY = /^(.*?)\s*\(\s*(\d+)\s*\)$/;

/**
 * The macro stanzas of a macros.conf, and of its `default/` counterpart when `local/` overrides
 * it: Splunk layers the two key by key, local winning.
 */
export function macroSourcesFromConf(local: ConfFile, fallback?: ConfFile): MacroSource[] {
  const fallbackByHeader = new Map<string, ConfStanza>();
  for (const stanza of fallback?.stanzas ?? []) fallbackByHeader.set(stanza.header, stanza);
  const sources: MacroSource[] = [];
  for (const stanza of local.stanzas) {
    const under = fallbackByHeader.get(stanza.header);
    fallbackByHeader.delete(stanza.header);
    sources.push(layered(stanza, local, under, fallback));
  }
  for (const stanza of fallbackByHeader.values())
    sources.push(layered(stanza, fallback as ConfFile));
  return sources;
}

function layered(
  top: ConfStanza,
  topFile: ConfFile,
  under?: ConfStanza,
  underFile?: ConfFile,
): MacroSource {
  const pick = (
    key: string,
  ): { value: LocatedValue; file: ConfFile; stanza: ConfStanza } | undefined => {
    const own = top.values.get(key);
    if (own) return { value: own, file: topFile, stanza: top };
    const inherited = under?.values.get(key);
    return inherited && under && underFile
      ? { value: inherited, file: underFile, stanza: under }
      : undefined;
  };
  const definition = pick('definition');
  const home = definition ?? { file: topFile, stanza: top };
  const args = pick('args');
  const match = STANZA_WITH_ARITY.exec(top.header);
  const text = (key: string): string | undefined => pick(key)?.value.value;
  return {
    file: home.file.path,
    lines: home.file.lines,
    name: match ? (match[1] as string) : top.header,
    nameRange: home.stanza.headerRange,
    ...(match ? { declaredArity: Number(match[2]) } : {}),
    // Argument ranges only make sense in the file that holds the definition.
    ...(args && args.file === home.file ? { args: args.value } : {}),
    ...(args && args.file !== home.file
      ? {
          argList: argNames(args.value.value).map((name) => ({
            name,
            range: home.stanza.headerRange,
          })),
        }
      : {}),
    ...(definition ? { definition: definition.value } : {}),
    ...optional('iseval', text('iseval')),
    ...optional('validation', text('validation')),
    ...optional('errormsg', text('errormsg')),
    ...optional('description', text('description')),
  };
}

function argNames(value: string): string[] {
  return value
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, string>);
}

/** A security_content macro file: `name`, `definition`, optional `description` and `arguments`. */
export function macroSourceFromYaml(
  path: string,
  text: string,
  diagnostics: FileDiagnostic[],
): MacroSource | undefined {
  const lines = new LineIndex(text);
  const document = parseDocument(text, { keepSourceTokens: false, prettyErrors: false });
  if (document.errors.length > 0) {
    const first = document.errors[0] as (typeof document.errors)[number];
    const loose = looseMacroSource(path, text, lines);
    if (loose) {
      diagnostics.push(
        fileDiagnostic(
          path,
          'warning',
          'spl.macro.yamlLenient',
          `Not valid YAML (${first.message.split('\n')[0] ?? ''}); read the way security_content's build (PyYAML) reads it. Indent continuation lines to fix it.`,
          lines.range(first.pos[0], first.pos[1]),
        ),
      );
      return loose;
    }
    for (const error of document.errors) {
      const [start, end] = error.pos;
      diagnostics.push(
        fileDiagnostic(
          path,
          'error',
          'spl.macro.yamlSyntax',
          `YAML error: ${error.message.split('\n')[0] ?? ''}`,
          lines.range(start, end),
        ),
      );
    }
    return undefined;
  }
  const root = document.contents;
  if (!isMap(root)) {
    diagnostics.push(
      fileDiagnostic(
        path,
        'error',
        'spl.macro.yamlShape',
        'A macro file must be a mapping with name and definition.',
        lines.range(0, 0),
      ),
    );
    return undefined;
  }
  const name = scalarValue(root.get('name', true), text, lines);
  if (!name) {
    diagnostics.push(
      fileDiagnostic(
        path,
        'error',
        'spl.macro.yamlShape',
        "The macro file has no 'name'; add one.",
        lines.range(0, 0),
      ),
    );
    return undefined;
  }
  const definition = scalarValue(root.get('definition', true), text, lines);
  const argumentsNode = root.get('arguments', true) as Node | undefined;
  const argList: { name: string; range: SourceRange }[] = [];
  if (isSeq(argumentsNode)) {
    for (const item of argumentsNode.items) {
      const arg = scalarValue(item as Node, text, lines);
      if (arg) argList.push({ name: arg.value, range: arg.range });
    }
  }
  const description = scalarValue(root.get('description', true), text, lines);
  return {
    file: path,
    lines,
    name: name.value,
    nameRange: name.range,
    argList,
    ...(definition ? { definition } : {}),
    ...(description ? { description: description.value } : {}),
  };
}

function scalarValue(node: unknown, text: string, lines: LineIndex): LocatedValue | undefined {
  if (!isScalar(node) || node.value === null || node.value === undefined) return undefined;
  const scalar = node as Scalar;
  const value = String(scalar.value);
  const [start, end] = scalar.range ?? [0, 0];
  const toFile = offsetMapper(alignValueWithSource(value, text.slice(start, end), start));
  return { value, range: lines.range(start, end), toFile };
}

function looseMacroSource(path: string, text: string, lines: LineIndex): MacroSource | undefined {
  const entries = readLooseYaml(text);
  if (!entries) return undefined;
  const located = (entry: LooseEntry | undefined): LocatedValue | undefined =>
    entry && {
      value: entry.value,
      range: lines.range(entry.start, entry.end),
      toFile: offsetMapper(
        alignValueWithSource(entry.value, text.slice(entry.start, entry.end), entry.start),
      ),
    };
  const name = located(entries.get('name'));
  const definition = located(entries.get('definition'));
  if (!name || !definition) return undefined;
  const description = entries.get('description')?.value;
  return {
    file: path,
    lines,
    name: name.value,
    nameRange: name.range,
    definition,
    argList: (entries.get('arguments')?.items ?? []).map((item) => ({
      name: item.value,
      range: lines.range(item.start, item.end),
    })),
    ...(description !== undefined ? { description } : {}),
  };
}
