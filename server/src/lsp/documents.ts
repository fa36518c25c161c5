import { fileURLToPath } from 'node:url';
import { readConf } from '../core/conf/readConf';
import { readDetectionYaml, readYamlScalar } from '../core/syntax/documents';
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
  /**
   * Set for a macro definition (macros.conf `definition =`, macro YAML `definition:`): a fragment
   * with `$arg$` placeholders, checked for syntax only (the macro rules run on the macro files).
   */
  readonly macroDefinition?: true;
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
  return {
    ...mappedSpl(search.text, (offset) => search.toFileOffset(offset), search.range.start.offset),
    detectionFileName,
    diagnostics: detection.diagnostics,
  };
}

function mappedSpl(
  spl: string,
  toFileOffset: (offset: number) => number,
  emptyAt: number,
): Pick<DocumentSpl, 'spl' | 'toDocumentOffset' | 'toSplOffset'> {
  const fileOffsets = Array.from({ length: spl.length }, (_, i) => toFileOffset(i));
  return {
    spl,
    toDocumentOffset: (offset) =>
      offset < fileOffsets.length
        ? toFileOffset(offset)
        : (fileOffsets[fileOffsets.length - 1] ?? emptyAt - 1) + 1,
    toSplOffset: (offset) => splOffsetOf(fileOffsets, offset),
  };
}

const macrosConf = /(^|[\\/])macros\.conf$/i;
const definitionKey = /^definition[ \t]*:/m;
const trueWords = /^(1|true|t|yes|y)$/i;

/**
 * Every piece of SPL a document holds: the one search of a .spl file or detection, or each
 * macro definition of a macros.conf (except `iseval` ones, which are eval expressions) or of a
 * macro YAML file.
 */
export function documentSplsOf(uri: string, languageId: string, text: string): DocumentSpl[] {
  if (macrosConf.test(uri)) {
    return readConf(text).stanzas.flatMap((stanza) => {
      const definition = stanza.settings.get('definition');
      if (!definition || trueWords.test(stanza.settings.get('iseval')?.value ?? '')) return [];
      return [
        {
          ...mappedSpl(definition.value, definition.toFile, definition.valueRange.start.offset),
          diagnostics: [],
          macroDefinition: true as const,
        },
      ];
    });
  }
  if (yamlExtensions.test(uri) && !searchKey.test(text) && definitionKey.test(text)) {
    const { spl } = readYamlScalar(text, 'definition');
    if (!spl) return [];
    const source = mappedSpl(
      spl.text,
      (offset) => spl.toFileOffset(offset),
      spl.range.start.offset,
    );
    return [{ ...source, diagnostics: [], macroDefinition: true }];
  }
  const single = documentSplOf(uri, languageId, text);
  return single ? [single] : [];
}

/** The SPL of a document that holds the document offset (the piece right before it, at its end). */
export function documentSplAt(
  sources: readonly DocumentSpl[],
  documentOffset: number,
): { source: DocumentSpl; offset: number } | undefined {
  for (const source of sources) {
    const offset = source.toSplOffset(documentOffset);
    if (offset !== undefined) return { source, offset };
  }
  return undefined;
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
