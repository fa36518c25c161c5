/**
 * Writing a search as a YAML literal block scalar (`|-`), and working out where the existing
 * scalar sits in the file and how the file indents.
 */
import { isMap, isSeq, type Document, type Scalar } from 'yaml';

/** The part of the file a new block scalar replaces, and what the scalar must keep. */
export interface ScalarSpan {
  readonly start: number;
  readonly end: number;
  /** A comment on the scalar's first line, kept on the new header line. */
  readonly comment?: string;
  /** Whether the replaced text ends with a line break the replacement must end with too. */
  readonly endsWithBreak: boolean;
  /** The content indentation of a block scalar, which the new block keeps. */
  readonly indent?: number;
}

/**
 * Where the scalar's source is, from the start of its value (after any tag or anchor) to its end.
 * A flow scalar ends at its closing quote, so what follows it on its line is taken in too: left
 * where it is, it would become part of the block's last line. Blanks there mean nothing to YAML
 * and are dropped; a comment moves to the block's header line.
 */
export function scalarSpan(fileText: string, scalar: Scalar): ScalarSpan | undefined {
  const [start, end] = scalar.range ?? [];
  const token = scalar.srcToken;
  if (start === undefined || end === undefined || !token) return undefined;
  if (token.type === 'block-scalar') {
    const comment = token.props.find((prop) => prop.type === 'comment');
    const firstContentLine = /^( *)[^ \r\n]/m.exec(token.source);
    return {
      start,
      end,
      ...(comment && 'source' in comment ? { comment: comment.source } : {}),
      endsWithBreak: /[\r\n]$/.test(fileText.slice(start, end)),
      ...(firstContentLine?.[1] ? { indent: firstContentLine[1].length } : {}),
    };
  }
  const rest = /^[ \t]*(#[^\r\n]*)?/.exec(fileText.slice(end))?.[0] ?? '';
  const comment = rest.trimStart();
  return {
    start,
    end: end + rest.length,
    ...(comment === '' ? {} : { comment }),
    endsWithBreak: false,
  };
}

/**
 * Spaces per nesting level, as the file's block mappings and sequences show it (the first nested
 * one under a top-level key); two when the file has none.
 */
export function indentStep(document: Document.Parsed): number {
  const contents = document.contents;
  if (!isMap(contents)) return 2;
  const base = contents.srcToken?.type === 'block-map' ? contents.srcToken.indent : 0;
  for (const pair of contents.items) {
    const token = isMap(pair.value) || isSeq(pair.value) ? pair.value.srcToken : undefined;
    if ((token?.type === 'block-map' || token?.type === 'block-seq') && token.indent > base) {
      return token.indent - base;
    }
  }
  return 2;
}

/** The top-level mapping's own indentation (0 in every ordinary file). */
export function mappingIndent(document: Document.Parsed): number {
  const token = document.contents?.srcToken;
  return token?.type === 'block-map' ? token.indent : 0;
}

/** The line break the file uses around `offset`: the one ending that line, else the first one. */
export function lineBreakNear(fileText: string, offset: number): string {
  const after = fileText.indexOf('\n', offset);
  const at = after >= 0 ? after : fileText.indexOf('\n');
  return at > 0 && fileText[at - 1] === '\r' ? '\r\n' : '\n';
}

/**
 * `|-` then every line of `text` indented by `indent` spaces (empty lines stay empty, so no
 * trailing spaces appear). Strip chomping (`-`) because a search has no final line break.
 */
export function literalBlockScalar(
  text: string,
  indent: number,
  lineBreak: string,
  span: ScalarSpan,
): string {
  const padding = ' '.repeat(indent);
  const header = span.comment === undefined ? '|-' : `|- ${span.comment}`;
  const lines = text.split('\n').map((line) => (line === '' ? '' : padding + line));
  return [header, ...lines].join(lineBreak) + (span.endsWithBreak ? lineBreak : '');
}
