import {
  parseDocument,
  isMap,
  isNode,
  isScalar,
  type Document,
  type Node,
  type YAMLError,
} from 'yaml';
import type { Diagnostic } from '../../text/diagnostic';
import { LineIndex } from '../../text/lineIndex';

/** Files larger than this are not parsed; detections and macro files are a few kilobytes. */
export const maxYamlLength = 2_000_000;

export interface ParsedYaml {
  readonly document?: Document.Parsed;
  readonly lineIndex: LineIndex;
  readonly diagnostics: Diagnostic[];
}

/** What to do about the parser errors detection authors meet most; yaml's own text says what. */
const fixHints: Readonly<Partial<Record<string, string>>> = {
  MISSING_CHAR: 'Close the quote or bracket; inside single quotes, write a quote as two quotes.',
  MULTILINE_IMPLICIT_KEY: 'Indent the continuation lines of the value above further than its key.',
  DUPLICATE_KEY: 'Keep only one entry for this key.',
  TAB_AS_INDENT: 'Indent with spaces: YAML does not allow tabs in indentation.',
  BAD_INDENT: 'Align this line with its siblings, or indent it under its parent key.',
};

function messageOf(error: YAMLError): string {
  const hint = fixHints[error.code];
  const firstLine = (error.message.split('\n')[0] ?? error.message).replace(/\.$/, '');
  const text = `YAML: ${firstLine}`;
  return hint ? `${text}. ${hint}` : `${text}.`;
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
    message: messageOf(error),
    range: lineIndex.range(error.pos[0], Math.max(error.pos[0], error.pos[1])),
    source: 'yaml',
  }));
  return { document, lineIndex, diagnostics };
}

/** The value under a top-level mapping key; undefined when the key is absent or empty. */
export function topLevelValue(parsed: ParsedYaml, key: string): Node | undefined {
  const contents = parsed.document?.contents;
  if (!isMap(contents)) return undefined;
  const pair = contents.items.find((item) => isScalar(item.key) && item.key.value === key);
  return isNode(pair?.value) ? pair.value : undefined;
}

export function isTopLevelMap(parsed: ParsedYaml): boolean {
  return isMap(parsed.document?.contents);
}
