import { ScalarBuilder, isBlank, lineBreakLength, type ScalarText } from './scalarText';

export type FlowStyle = 'plain' | 'single' | 'double';

const doubleQuotedEscapes: Readonly<Record<string, string>> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};
const hexEscapeLengths: Readonly<Record<string, number>> = { x: 2, u: 4, U: 8 };

/**
 * Decodes a plain, single- or double-quoted scalar whose raw text (quotes included) starts at
 * `fileOffset`. Line folding follows YAML 1.2 §6.5 and §7.3: whitespace around a line break is
 * dropped, a lone break becomes a space, and each empty line that follows becomes a newline.
 */
export function decodeFlowScalar(source: string, fileOffset: number, style: FlowStyle): ScalarText {
  const quoted = style !== 'plain';
  const start = quoted ? 1 : 0;
  const end = quoted ? source.length - 1 : source.length;
  const out = new ScalarBuilder();
  let i = start;
  while (i < end) {
    const char = source[i] as string;
    const breakLength = lineBreakLength(source, i);
    if (breakLength > 0) {
      out.trimTrailingWhitespace();
      i = foldLineBreak(source, i, end, fileOffset, out, ' ');
    } else if (style === 'single' && char === "'" && source[i + 1] === "'") {
      out.push("'", fileOffset + i);
      i += 2;
    } else if (style === 'double' && char === '\\') {
      i = decodeEscape(source, i, end, fileOffset, out);
    } else {
      out.push(char, fileOffset + i, isBlank(char));
      i += 1;
    }
  }
  return out.finish(fileOffset + end);
}

/**
 * Handles the break at `index` and any empty lines after it; returns where the next line's
 * content starts. `single` is what a lone break turns into: a space, or nothing after an escaped
 * break.
 */
function foldLineBreak(
  source: string,
  index: number,
  end: number,
  fileOffset: number,
  out: ScalarBuilder,
  single: string,
): number {
  let i = index + lineBreakLength(source, index);
  const emptyLineBreaks: number[] = [];
  for (;;) {
    while (i < end && isBlank(source[i])) i += 1;
    const breakLength = lineBreakLength(source, i);
    if (breakLength === 0 || i >= end) break;
    emptyLineBreaks.push(i);
    i += breakLength;
  }
  if (emptyLineBreaks.length === 0 && single !== '') out.push(single, fileOffset + index);
  for (const breakOffset of emptyLineBreaks) out.push('\n', fileOffset + breakOffset);
  return i;
}

function decodeEscape(
  source: string,
  index: number,
  end: number,
  fileOffset: number,
  out: ScalarBuilder,
): number {
  const code = source[index + 1];
  if (code === undefined || index + 1 >= end) {
    out.push('\\', fileOffset + index);
    return index + 1;
  }
  if (lineBreakLength(source, index + 1) > 0) {
    return foldLineBreak(source, index + 1, end, fileOffset, out, '');
  }
  const simple = doubleQuotedEscapes[code];
  if (simple !== undefined) {
    out.push(simple, fileOffset + index);
    return index + 2;
  }
  const hexLength = hexEscapeLengths[code];
  const hex = hexLength === undefined ? '' : source.slice(index + 2, index + 2 + hexLength);
  if (hexLength !== undefined && hex.length === hexLength && /^[0-9a-fA-F]+$/.test(hex)) {
    const decoded = String.fromCodePoint(parseInt(hex, 16));
    for (const unit of decoded.split('')) out.push(unit, fileOffset + index);
    return index + 2 + hexLength;
  }
  // An unknown escape is a YAML error that the parser reports; keep the text as written.
  out.push('\\', fileOffset + index);
  return index + 1;
}
