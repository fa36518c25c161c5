import { parseDocument, isMap, isScalar, type Document, type Node } from 'yaml';
import type { Diagnostic } from '../../text/diagnostic';
import { LineIndex } from '../../text/lineIndex';

/** Files larger than this are not parsed; detections and macro files are a few kilobytes. */
export const maxYamlLength = 2_000_000;

export interface ParsedYaml {
  readonly document?: Document.Parsed;
  readonly lineIndex: LineIndex;
  readonly diagnostics: Diagnostic[];
}

/** Parses one YAML document, keeping CST tokens so scalars can be mapped back to the file. */
export function parseYaml(fileText: string): ParsedYaml {
  const lineIndex = new LineIndex(fileText);
  if (fileText.length > maxYamlLength) {
    return {
      lineIndex,
      diagnostics: [
        {
          severity: 'error',
          code: 'yaml-too-large',
          message: `The file has ${fileText.length} characters, more than the ${maxYamlLength} this reader accepts; split it or check that it is the intended file.`,
          range: lineIndex.range(0, 0),
          source: 'yaml',
        },
      ],
    };
  }
  const document = parseDocument(fileText, { keepSourceTokens: true, prettyErrors: false });
  const diagnostics: Diagnostic[] = [
    ...document.errors.map((error) => ({ error, severity: 'error' as const })),
    ...document.warnings.map((error) => ({ error, severity: 'warning' as const })),
  ].map(({ error, severity }) => ({
    severity,
    code: `yaml-${error.code.toLowerCase().replaceAll('_', '-')}`,
    message: `YAML: ${error.message.split('\n')[0] ?? error.message}`,
    range: lineIndex.range(error.pos[0], Math.max(error.pos[0], error.pos[1])),
    source: 'yaml',
  }));
  return { document, lineIndex, diagnostics };
}

/** The value under a top-level mapping key, or undefined (with a diagnostic if the shape is wrong). */
export function topLevelValue(
  parsed: ParsedYaml,
  key: string,
): { node?: Node; keyRange?: [number, number] } {
  const contents = parsed.document?.contents;
  if (!isMap(contents)) return {};
  for (const pair of contents.items) {
    if (!isScalar(pair.key) || pair.key.value !== key) continue;
    const keyRange = pair.key.range;
    const node = pair.value ?? undefined;
    return {
      ...(node ? { node } : {}),
      ...(keyRange ? { keyRange: [keyRange[0], keyRange[1]] } : {}),
    };
  }
  return {};
}

export function isTopLevelMap(parsed: ParsedYaml): boolean {
  return isMap(parsed.document?.contents);
}
