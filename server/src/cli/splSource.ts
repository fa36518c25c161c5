import { basename, extname } from 'node:path';
import { readDetectionYaml, type DetectionTest } from '../core/syntax/documents';
import type { Diagnostic } from '../core/text/diagnostic';
import { LineIndex } from '../core/text/lineIndex';
import type { SourceRange } from '../core/text/range';
import type { InputDocument } from './io';

/**
 * The SPL a CLI command works on: a .spl file as it is, or the `search:` of a detection YAML.
 * Ranges found in the SPL text are mapped back to the file so every message names the file's
 * own line and column.
 */
export interface SplSource {
  readonly path: string;
  readonly spl: string;
  /** The detection's file name without extension, for the `_filter` macro convention. */
  readonly detectionName?: string;
  readonly tests: readonly DetectionTest[];
  /** Problems reading the file itself (YAML syntax, missing `search:`), in file coordinates. */
  readonly diagnostics: readonly Diagnostic[];
  toFileRange(range: SourceRange): SourceRange;
}

export function isYamlPath(path: string): boolean {
  return /\.ya?ml$/i.test(path);
}

export function splSourceOf(input: InputDocument): SplSource {
  if (!isYamlPath(input.path)) {
    return { path: input.path, spl: input.text, tests: [], diagnostics: [], toFileRange: (r) => r };
  }
  const detection = readDetectionYaml(input.text);
  const fileIndex = new LineIndex(input.text);
  const search = detection.search;
  const diagnostics = [...detection.diagnostics];
  if (!search) {
    diagnostics.push({
      severity: 'error',
      code: 'spl.input.no-search',
      message: 'This YAML file has no `search:` key: a detection keeps its SPL there.',
      range: fileIndex.range(0, 0),
      source: 'input',
    });
  }
  return {
    path: input.path,
    spl: search?.text ?? '',
    detectionName: basename(input.path, extname(input.path)),
    tests: detection.tests,
    diagnostics,
    toFileRange: (range) =>
      search
        ? fileIndex.range(
            search.toFileOffset(range.start.offset),
            // The end is exclusive: map the last character and step past it.
            range.end.offset > range.start.offset
              ? search.toFileOffset(range.end.offset - 1) + 1
              : search.toFileOffset(range.start.offset),
          )
        : range,
  };
}
