import { didYouMean } from '../text/didYouMean';
import { LineIndex } from '../text/lineIndex';
import type { SourceRange } from '../text/range';
import { readConfFile, type ConfFile } from './confReader';
import { fileDiagnostic, makeDefinition, type MacroSource } from './definition';
import { macroSourcesFromConf, macroSourceFromYaml } from './macroFiles';
import type { FileDiagnostic, MacroDefinition } from './types';

/** Macros by name and arity: `[foo]`, `[foo(1)]` and `[foo(2)]` are three macros. */
export class MacroIndex {
  private readonly byKey = new Map<string, MacroDefinition>();
  private readonly byName = new Map<string, MacroDefinition[]>();
  private readonly fileLines = new Map<string, LineIndex>();
  /** Sorted names, rebuilt after an add: did-you-mean asks for them on every unknown call. */
  private sortedNames: string[] | undefined;
  /** Did-you-mean answers by unknown name: a document calls the same missing macro many times. */
  private readonly closestNames = new Map<string, string | undefined>();

  /** The first definition of a name and arity wins; callers report the later ones. */
  add(definition: MacroDefinition, lines?: LineIndex): boolean {
    if (lines && !this.fileLines.has(definition.file)) this.fileLines.set(definition.file, lines);
    const key = `${definition.name}(${definition.arity})`;
    if (this.byKey.has(key)) return false;
    this.byKey.set(key, definition);
    this.sortedNames = undefined;
    this.closestNames.clear();
    const list = this.byName.get(definition.name) ?? [];
    list.push(definition);
    list.sort((a, b) => a.arity - b.arity);
    this.byName.set(definition.name, list);
    return true;
  }

  lookup(name: string, arity: number): MacroDefinition | undefined {
    return this.byKey.get(`${name}(${arity})`);
  }

  overloads(name: string): MacroDefinition[] {
    return [...(this.byName.get(name) ?? [])];
  }

  /** The defined name closest to `name` (see didYouMean), if one is close enough. */
  closestName(name: string): string | undefined {
    if (this.closestNames.has(name)) return this.closestNames.get(name);
    this.sortedNames ??= [...this.byName.keys()].sort();
    const closest = didYouMean(name, this.sortedNames);
    this.closestNames.set(name, closest);
    return closest;
  }

  all(): MacroDefinition[] {
    return [...this.byKey.values()];
  }

  names(): string[] {
    this.sortedNames ??= [...this.byName.keys()].sort();
    return [...this.sortedNames];
  }

  /** Where a span of a definition's text lies in its file (line and column included). */
  definitionSpan(definition: MacroDefinition, start: number, end: number): SourceRange {
    const lines = this.fileLines.get(definition.file);
    const fileStart = definition.definitionToFile(start);
    const fileEnd = end > start ? definition.definitionToFile(end - 1) + 1 : fileStart;
    if (lines) return lines.range(fileStart, fileEnd);
    // Definitions added without their file text: only the definition's own first position is known.
    return definition.definitionRange;
  }
}

export interface MacroFileText {
  readonly path: string;
  readonly text: string;
}

/**
 * Builds an index from file contents (an editor's open buffers, or files read from disk):
 * `*.conf` files are macros.conf, `*.yml`/`*.yaml` are security_content macro files. An app's
 * `local/macros.conf` layers over the `default/macros.conf` beside it.
 */
export function buildMacroIndex(files: readonly MacroFileText[]): {
  index: MacroIndex;
  diagnostics: FileDiagnostic[];
} {
  const diagnostics: FileDiagnostic[] = [];
  const confs = new Map<string, ConfFile>();
  for (const file of files) {
    if (isConf(file.path))
      confs.set(slashed(file.path), readConfFile(file.path, file.text, diagnostics));
  }
  const sources: MacroSource[] = [];
  for (const file of files) {
    const path = slashed(file.path);
    const conf = confs.get(path);
    if (!conf) {
      const source = macroSourceFromYaml(file.path, file.text, diagnostics);
      if (source) sources.push(source);
    } else if (!confs.has(siblingIn(path, 'default', 'local'))) {
      // A default/ file with a local/ sibling is read through that sibling.
      sources.push(...macroSourcesFromConf(conf, confs.get(siblingIn(path, 'local', 'default'))));
    }
  }
  const index = new MacroIndex();
  for (const source of sources) {
    const definition = makeDefinition(source, diagnostics);
    if (!definition) continue;
    if (index.add(definition, source.lines)) continue;
    const first = index.lookup(definition.name, definition.arity) as MacroDefinition;
    diagnostics.push({
      ...fileDiagnostic(
        source.file,
        'warning',
        'spl.macro.duplicate',
        `Macro '${definition.name}' with ${definition.arity} argument(s) is already defined in ${first.file}; this definition is ignored. Remove or rename one.`,
        definition.nameRange,
      ),
      related: [{ message: 'the definition in use', range: first.nameRange, uri: first.file }],
    });
  }
  return { index, diagnostics };
}

function isConf(path: string): boolean {
  return /\.conf$/i.test(path);
}

function slashed(path: string): string {
  return path.replace(/\\/g, '/');
}

/** `app/<from>/macros.conf` -> `app/<to>/macros.conf`; any other path -> '' (no sibling). */
function siblingIn(path: string, from: string, to: string): string {
  const pattern = new RegExp(`(^|/)${from}/([^/]+)$`);
  return pattern.test(path) ? path.replace(pattern, `$1${to}/$2`) : '';
}
