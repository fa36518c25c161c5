/**
 * Indents an event's raw XML for reading. It works on the text alone (no parser, no DOM), so a
 * hostile or broken event can only produce odd indentation, never markup: the view writes each
 * segment with textContent. Text that does not look like XML comes back line by line as it is.
 */

export type SegmentKind = 'tag' | 'text' | 'comment';

export interface PrettySegment {
  readonly kind: SegmentKind;
  readonly text: string;
}

export interface PrettyLine {
  readonly depth: number;
  readonly segments: readonly PrettySegment[];
}

/** Deeper nesting than this is drawn at this depth; real Sysmon events are 4 deep. */
const maxDepth = 32;

interface Token {
  kind: 'open' | 'close' | 'selfClosing' | 'comment' | 'text';
  text: string;
}

export function prettyXml(raw: string): PrettyLine[] {
  const trimmed = raw.trim();
  if (!trimmed.startsWith('<')) return plainLines(raw);
  const tokens = tokenize(trimmed);
  const lines: PrettyLine[] = [];
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token) continue;
    const next = tokens[i + 1];
    const after = tokens[i + 2];
    // <Data Name="x">value</Data> stays on one line: the usual shape of a Sysmon field.
    if (token.kind === 'open' && next?.kind === 'text' && after?.kind === 'close') {
      lines.push(
        line(depth, [
          { kind: 'tag', text: token.text },
          { kind: 'text', text: next.text },
          { kind: 'tag', text: after.text },
        ]),
      );
      i += 2;
      continue;
    }
    if (token.kind === 'open' && next?.kind === 'close') {
      lines.push(line(depth, [{ kind: 'tag', text: token.text + next.text }]));
      i += 1;
      continue;
    }
    if (token.kind === 'close') depth = Math.max(0, depth - 1);
    const kind: SegmentKind =
      token.kind === 'text' ? 'text' : token.kind === 'comment' ? 'comment' : 'tag';
    lines.push(line(depth, [{ kind, text: token.text }]));
    if (token.kind === 'open') depth++;
  }
  return lines;
}

function line(depth: number, segments: PrettySegment[]): PrettyLine {
  return { depth: Math.min(depth, maxDepth), segments };
}

function plainLines(raw: string): PrettyLine[] {
  return raw.split(/\r?\n/).map((text) => line(0, [{ kind: 'text', text }]));
}

/** Splits into tags, comments and trimmed text; an unterminated tag becomes text. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] !== '<') {
      const end = text.indexOf('<', i);
      const stop = end === -1 ? text.length : end;
      const content = text.slice(i, stop).trim();
      if (content !== '') tokens.push({ kind: 'text', text: content });
      i = stop;
      continue;
    }
    const special = specialEnd(text, i);
    if (special !== undefined) {
      const end = special === -1 ? text.length : special;
      const content = text.slice(i, end);
      tokens.push({ kind: content.startsWith('<!--') ? 'comment' : 'text', text: content });
      i = end;
      continue;
    }
    const end = tagEnd(text, i);
    if (end === -1) {
      // A stray '<' is text up to the next one, so the rest of the event still gets indented.
      const next = text.indexOf('<', i + 1);
      const stop = next === -1 ? text.length : next;
      tokens.push({ kind: 'text', text: text.slice(i, stop) });
      i = stop;
      continue;
    }
    const tag = text.slice(i, end);
    const kind = tag.startsWith('</') ? 'close' : tag.endsWith('/>') ? 'selfClosing' : 'open';
    tokens.push({ kind, text: tag });
    i = end;
  }
  return tokens;
}

/** End (exclusive) of a comment, CDATA, declaration or processing instruction at `i`. */
function specialEnd(text: string, i: number): number | undefined {
  const forms: [string, string][] = [
    ['<!--', '-->'],
    ['<![CDATA[', ']]>'],
    ['<?', '?>'],
    ['<!', '>'],
  ];
  for (const [open, close] of forms) {
    if (!text.startsWith(open, i)) continue;
    const end = text.indexOf(close, i + open.length);
    return end === -1 ? -1 : end + close.length;
  }
  return undefined;
}

/** End (exclusive) of the tag at `i`: the first `>` outside a quoted attribute value. */
function tagEnd(text: string, i: number): number {
  let quote: string | undefined;
  for (let j = i + 1; j < text.length; j++) {
    const c = text[j];
    if (quote) {
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return j + 1;
    } else if (c === '<') {
      return -1;
    }
  }
  return -1;
}
