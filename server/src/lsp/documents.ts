import { fileURLToPath } from 'node:url';
import { readDetectionYaml } from '../core/syntax/documents';
import type { Diagnostic } from '../core/text/diagnostic';

/**
 * The SPL an open document holds and the way between its offsets and the document's. A .spl or
 * .splunk file is SPL as it is; a detection YAML holds it under `search:`.
 */
export interface DocumentSpl {
  readonly spl: string;
  /** The file name (`x.yml`) of a detection, which enables the `<name>_filter` convention. */
  readonly detectionFileName?: string;
  /** Problems reading the document itself (YAML syntax), in document offsets. */
  readonly diagnostics: readonly Diagnostic[];
  toDocumentOffset(splOffset: number): number;
  /** undefined when the document offset lies outside the SPL (another YAML key, the quotes). */
  toSplOffset(documentOffset: number): number | undefined;
}

export interface OffsetSpan {
  readonly start: number;
  readonly end: number;
}

const splExtensions = /\.(spl|splunk)$/i;
const yamlExtensions = /\.ya?ml$/i;
/** Macro YAML and other YAML files have no `search:` key; only detections are served. */
const searchKey = /^search[ \t]*:/m;

function isSplUri(uri: string, languageId: string): boolean {
  return languageId === 'spl' || splExtensions.test(uri);
}

export function documentSplOf(
  uri: string,
  languageId: string,
  text: string,
): DocumentSpl | undefined {
  if (isSplUri(uri, languageId)) {
    return {
      spl: text,
      diagnostics: [],
      toDocumentOffset: (offset) => offset,
      toSplOffset: (offset) => offset,
    };
  }
  if (!yamlExtensions.test(uri) || !searchKey.test(text)) return undefined;
  const detection = readDetectionYaml(text);
  const search = detection.search;
  const detectionFileName = fileNameOf(uri);
  if (!search) {
    // Only the YAML problems are shown; without a search there is no SPL to check.
    return {
      spl: '',
      diagnostics: detection.diagnostics,
      toDocumentOffset: () => 0,
      toSplOffset: () => undefined,
    };
  }
  const fileOffsets = Array.from({ length: search.text.length }, (_, i) => search.toFileOffset(i));
  return {
    spl: search.text,
    detectionFileName,
    diagnostics: detection.diagnostics,
    toDocumentOffset: (offset) =>
      offset < fileOffsets.length
        ? search.toFileOffset(offset)
        : (fileOffsets[fileOffsets.length - 1] ?? search.range.start.offset) + 1,
    toSplOffset: (offset) => splOffsetOf(fileOffsets, offset),
  };
}

/** The document span of an SPL span; the end is exclusive, so the last character is mapped. */
export function documentSpanOf(source: DocumentSpl, start: number, end: number): OffsetSpan {
  const documentStart = source.toDocumentOffset(start);
  return {
    start: documentStart,
    end: end > start ? source.toDocumentOffset(end - 1) + 1 : documentStart,
  };
}

/**
 * File offsets grow with SPL offsets, so a binary search finds the character at a file offset.
 * The offset just past the last character of a run still maps (a cursor at the end of a word).
 */
function splOffsetOf(fileOffsets: readonly number[], documentOffset: number): number | undefined {
  let low = 0;
  let high = fileOffsets.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((fileOffsets[middle] as number) <= documentOffset) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  if (found < 0) return undefined;
  const at = fileOffsets[found] as number;
  if (at === documentOffset) return found;
  return at + 1 === documentOffset ? found + 1 : undefined;
}

function fileNameOf(uri: string): string {
  const path = uri.startsWith('file:') ? fileURLToPath(uri) : uri;
  return path.replace(/^.*[\\/]/, '');
}
