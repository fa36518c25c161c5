import { readFileSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  lintDocumentKind,
  lintMacroFiles,
  lintSearchDocument,
  type LintDocumentKind,
  type LintTimings,
} from '../../core/analysis/lintDocument';
import { loadMacroFiles, type FileDiagnostic, type MacroIndex } from '../../core/macros';
import type { Diagnostic } from '../../core/text/diagnostic';
import { cliMacroEvaluator } from '../io';
import { defaultMacroPaths } from '../macroPaths';
import type { LintConfig } from './config';
import { applySafeFixes, type AppliedFix } from './fixes';

export interface FileReport {
  /** Absolute path. */
  readonly file: string;
  readonly kind: LintDocumentKind;
  readonly diagnostics: readonly Diagnostic[];
  readonly fixes: readonly AppliedFix[];
}

export interface LintTotals extends LintTimings {
  readMs: number;
  macrosMs: number;
  fixMs: number;
}

export interface LintRun {
  readonly reports: FileReport[];
  /** `file: reason` for files that could not be read or written. */
  readonly failures: string[];
  readonly timings: LintTotals;
  /** Threads that shared the work; their timings are added up. */
  readonly threads: number;
}

export interface LintRunOptions {
  readonly fix: boolean;
  readonly onProgress?: (done: number, total: number) => void;
}

interface LoadedMacros {
  readonly index: MacroIndex;
  readonly problems: readonly FileDiagnostic[];
  /** Filled on first use: macro-file problems by absolute file path. */
  byFile?: Map<string, FileDiagnostic[]>;
}

/**
 * Lints each file with the macros it sees: the config's macroPaths, else the nearest macros/
 * folder or macros.conf above it (as every other command finds them). Indexes are shared
 * between files that see the same macro paths, so a whole repository loads its macros once.
 */
export function lintFiles(
  files: readonly string[],
  config: LintConfig,
  options: LintRunOptions,
): LintRun {
  const timings: LintTotals = { readMs: 0, macrosMs: 0, parseMs: 0, rulesMs: 0, fixMs: 0 };
  const indexes = new Map<string, LoadedMacros>();
  const evaluateEval = cliMacroEvaluator();
  const macrosFor = (paths: readonly string[]): LoadedMacros => {
    const key = paths.join('\0');
    let loaded = indexes.get(key);
    if (!loaded) {
      const start = performance.now();
      const read = loadMacroFiles(paths);
      loaded = { index: read.index, problems: read.diagnostics };
      indexes.set(key, loaded);
      timings.macrosMs += performance.now() - start;
    }
    return loaded;
  };
  const defaultPaths = new Map<string, string[]>();
  const macroPathsOf = (file: string): readonly string[] => {
    if (config.macroPaths.length > 0) return config.macroPaths;
    const folder = dirname(file);
    let paths = defaultPaths.get(folder);
    if (!paths) defaultPaths.set(folder, (paths = defaultMacroPaths(file)));
    return paths;
  };
  const reports: FileReport[] = [];
  const failures: string[] = [];
  files.forEach((file, i) => {
    options.onProgress?.(i, files.length);
    const readStart = performance.now();
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      failures.push(`${file}: cannot read: ${(error as Error).message}`);
      return;
    }
    timings.readMs += performance.now() - readStart;
    const kind = lintDocumentKind(file, text);
    const paths = macroPathsOf(file);
    if (kind === 'other') {
      reports.push({ file, kind, diagnostics: [], fixes: [] });
    } else if (kind === 'macroYaml' || kind === 'macrosConf') {
      const covering = paths.some((p) => file === p || file.startsWith(p + sep))
        ? paths
        : [...paths, file];
      const macros = macrosFor(covering);
      const start = performance.now();
      macros.byFile ??= byAbsolutePath(lintMacroFiles(macros.index, macros.problems, config.rules));
      timings.rulesMs += performance.now() - start;
      reports.push({ file, kind, diagnostics: macros.byFile.get(file) ?? [], fixes: [] });
    } else {
      const { index } = macrosFor(paths);
      const context = { index, severities: config.rules, evaluateEval };
      let lint = lintSearchDocument(file, text, context, timings);
      let fixes: AppliedFix[] = [];
      if (options.fix) {
        const start = performance.now();
        const fixed = applySafeFixes(file, text, lint);
        timings.fixMs += performance.now() - start;
        if ('failure' in fixed) failures.push(fixed.failure);
        else if (fixed.fixes.length > 0) {
          fixes = fixed.fixes;
          lint = lintSearchDocument(file, fixed.text, context, timings);
        }
      }
      reports.push({ file, kind, diagnostics: lint.diagnostics, fixes });
    }
  });
  options.onProgress?.(files.length, files.length);
  return { reports, failures, timings, threads: 1 };
}

function byAbsolutePath(problems: Map<string, FileDiagnostic[]>): Map<string, FileDiagnostic[]> {
  const result = new Map<string, FileDiagnostic[]>();
  for (const [file, list] of problems) {
    const path = resolve(file);
    result.set(path, [...(result.get(path) ?? []), ...list]);
  }
  return result;
}
