import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileDiagnostic } from './definition';
import { buildMacroIndex, type MacroFileText, type MacroIndex } from './macroIndex';
import type { FileDiagnostic } from './types';

/** Walking stops after this many macro files, with a diagnostic, so a wrong path cannot stall. */
export const maxMacroFiles = 20_000;

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);
const ORIGIN = { offset: 0, line: 0, column: 0 };
const FILE_START = { start: ORIGIN, end: ORIGIN };

/**
 * Reads macro files from disk. A file path is read whatever its name; a directory is walked for
 * `macros.conf` and for `*.yml`/`*.yaml` files that have a top-level `definition:` (so detections
 * living beside macros are skipped). Paths given first win when a macro is defined twice.
 */
export function loadMacroFiles(paths: readonly string[]): {
  index: MacroIndex;
  diagnostics: FileDiagnostic[];
} {
  const diagnostics: FileDiagnostic[] = [];
  const files: MacroFileText[] = [];
  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      diagnostics.push(
        fileDiagnostic(
          path,
          'error',
          'spl.macro.readError',
          `Cannot read macro path '${path}'; check that it exists.`,
          FILE_START,
        ),
      );
      continue;
    }
    if (!isDirectory) {
      const text = readText(path, diagnostics);
      if (text !== undefined) files.push({ path, text });
      continue;
    }
    for (const file of walk(path, diagnostics)) {
      const text = readText(file, diagnostics);
      if (text === undefined) continue;
      if (file.endsWith('.conf') || /^definition\s*:/m.test(text)) files.push({ path: file, text });
      if (files.length >= maxMacroFiles) {
        diagnostics.push(
          fileDiagnostic(
            path,
            'warning',
            'spl.macro.tooManyFiles',
            `Stopped after ${maxMacroFiles} macro files under '${path}'; point --macros at a narrower folder.`,
            FILE_START,
          ),
        );
        break;
      }
    }
  }
  const built = buildMacroIndex(files);
  return { index: built.index, diagnostics: [...diagnostics, ...built.diagnostics] };
}

function readText(path: string, diagnostics: FileDiagnostic[]): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    diagnostics.push(
      fileDiagnostic(
        path,
        'error',
        'spl.macro.readError',
        `Cannot read '${path}': ${(error as Error).message}`,
        FILE_START,
      ),
    );
    return undefined;
  }
}

function walk(directory: string, diagnostics: FileDiagnostic[]): string[] {
  const found: string[] = [];
  const pending = [directory];
  while (pending.length > 0 && found.length < maxMacroFiles) {
    const current = pending.pop() as string;
    let entries;
    try {
      entries = readdirSync(current, { withFileTypes: true });
    } catch (error) {
      diagnostics.push(
        fileDiagnostic(
          current,
          'error',
          'spl.macro.readError',
          `Cannot list '${current}': ${(error as Error).message}`,
          FILE_START,
        ),
      );
      continue;
    }
    for (const entry of entries) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) pending.push(full);
      } else if (entry.name === 'macros.conf' || /\.ya?ml$/i.test(entry.name)) {
        found.push(full);
      }
    }
  }
  return found.sort();
}
