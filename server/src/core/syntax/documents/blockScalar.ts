import { ScalarBuilder, isBlank, lineBreakLength, type ScalarText } from './scalarText';

interface SourceLine {
  /** Offset of the first character, relative to the content start. */
  readonly start: number;
  readonly text: string;
  /** Offset of the line break that ends the line, or undefined on a last line without one. */
  readonly breakAt: number | undefined;
}

interface BlockHeader {
  readonly folded: boolean;
  readonly chomping: 'strip' | 'clip' | 'keep';
  readonly indentIndicator: number | undefined;
}

function parseHeader(header: string): BlockHeader {
  const indicator = /[1-9]/.exec(header)?.[0];
  return {
    folded: header.startsWith('>'),
    chomping: header.includes('-') ? 'strip' : header.includes('+') ? 'keep' : 'clip',
    indentIndicator: indicator === undefined ? undefined : Number(indicator),
  };
}

function splitLines(content: string): SourceLine[] {
  const lines: SourceLine[] = [];
  let start = 0;
  for (let i = 0; i < content.length; i++) {
    const breakLength = lineBreakLength(content, i);
    if (breakLength === 0) continue;
    lines.push({ start, text: content.slice(start, i), breakAt: i });
    i += breakLength - 1;
    start = i + 1;
  }
  if (start < content.length) {
    lines.push({ start, text: content.slice(start), breakAt: undefined });
  }
  return lines;
}

function leadingSpaces(text: string): number {
  let count = 0;
  while (text[count] === ' ') count += 1;
  return count;
}

/** Indentation is made of spaces only; a tab after it is content (YAML 1.2 §6.1). */
function isSpaceOnly(text: string): boolean {
  return leadingSpaces(text) === text.length;
}

function isEmptyLine(line: SourceLine, indent: number): boolean {
  return line.text.length <= indent && isSpaceOnly(line.text);
}

/**
 * Decodes a literal (`|`) or folded (`>`) block scalar (YAML 1.2 §8.1). `content` is the text
 * after the header line, starting at `contentOffset` in the file; `parentIndent` is the
 * indentation of the node that owns the scalar, which an explicit indentation indicator adds to.
 */
export function decodeBlockScalar(
  header: string,
  content: string,
  contentOffset: number,
  parentIndent: number,
): ScalarText {
  const { folded, chomping, indentIndicator } = parseHeader(header);
  const lines = splitLines(content);
  const firstContent = lines.find((line) => !isSpaceOnly(line.text));
  // Without content lines, the longest empty line sets the indentation (YAML 1.2 §8.1.1.1).
  const indent =
    indentIndicator !== undefined
      ? parentIndent + indentIndicator
      : firstContent
        ? leadingSpaces(firstContent.text)
        : Math.max(0, ...lines.map((line) => line.text.length));
  const out = new ScalarBuilder();
  const at = (relative: number): number => contentOffset + relative;
  let lastContentBreak: number | undefined;
  let lastContentWasText = false;
  let seenContent = false;
  let emptyBreaks: number[] = [];

  for (const line of lines) {
    if (isEmptyLine(line, indent)) {
      if (line.breakAt !== undefined) emptyBreaks.push(line.breakAt);
      continue;
    }
    const isText = !isBlank(line.text[indent]);
    if (seenContent && lastContentBreak !== undefined) {
      const foldsToSpace = folded && lastContentWasText && isText;
      if (!foldsToSpace) out.push('\n', at(lastContentBreak));
      else if (emptyBreaks.length === 0) out.push(' ', at(lastContentBreak));
    }
    for (const breakAt of emptyBreaks) out.push('\n', at(breakAt));
    emptyBreaks = [];
    for (let column = indent; column < line.text.length; column++) {
      out.push(line.text[column] as string, at(line.start + column));
    }
    seenContent = true;
    lastContentWasText = isText;
    lastContentBreak = line.breakAt;
  }

  if (chomping !== 'strip' && seenContent && lastContentBreak !== undefined) {
    out.push('\n', at(lastContentBreak));
  }
  if (chomping === 'keep') {
    for (const breakAt of emptyBreaks) out.push('\n', at(breakAt));
  }
  return out.finish(at(content.length));
}
