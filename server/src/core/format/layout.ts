import type { Token } from '../syntax/lexer';

/**
 * How far whitespace is normalised: 'tidy' also drops the spaces around `=` and before `,` and
 * puts one space after `,`; 'plain' only collapses each run of whitespace to one space;
 * 'verbatim' keeps the whitespace inside stages as written (the parser keeps it in a few
 * search terms, such as `a( )`), and only puts each stage on its own line.
 */
export type LayoutStyle = 'tidy' | 'plain' | 'verbatim';

/**
 * Re-emits the tokens of a search with normalised whitespace: one stage per line, pipelines of
 * subsearches indented one level. Tokens are copied from the text untouched, and tokens that
 * touch in the text still touch, because the parser glues touching tokens into one search term
 * (`C:\Windows\*`); a gap only ever becomes a different gap.
 */
export function layoutTokens(
  text: string,
  tokens: readonly Token[],
  indent: string,
  style: LayoutStyle,
): string {
  const blocks = blockBrackets(tokens);
  const parts: string[] = [];
  let level = 0;
  let previous: Token | undefined;
  for (const [position, token] of tokens.entries()) {
    if (token.kind === 'rbracket' && blocks.closers.has(position)) level -= 1;
    const newline = `\n${indent.repeat(level)}`;
    if (previous) {
      const gap = text.slice(previous.end, token.start);
      parts.push(separator(previous, token, gap, style, newline, blocks, position));
    }
    parts.push(token.image);
    if (token.kind === 'lbracket' && blocks.openers.has(position)) level += 1;
    previous = token;
  }
  return parts.join('');
}

interface BlockBrackets {
  /** Token positions of `[` that open a subsearch with more than one stage. */
  readonly openers: Set<number>;
  /** Token positions of the `]` that close them. */
  readonly closers: Set<number>;
}

/** Only subsearches with a pipe of their own get lines; `[search a=b]` stays inline. */
function blockBrackets(tokens: readonly Token[]): BlockBrackets {
  const openers = new Set<number>();
  const closers = new Set<number>();
  const open: { position: number; piped: boolean }[] = [];
  for (const [position, token] of tokens.entries()) {
    if (token.kind === 'lbracket') open.push({ position, piped: false });
    else if (token.kind === 'pipe' && open.length > 0)
      (open.at(-1) as { piped: boolean }).piped = true;
    else if (token.kind === 'rbracket') {
      const bracket = open.pop();
      if (bracket?.piped) {
        openers.add(bracket.position);
        closers.add(position);
      }
    }
  }
  return { openers, closers };
}

function separator(
  previous: Token,
  token: Token,
  gap: string,
  style: LayoutStyle,
  newline: string,
  blocks: BlockBrackets,
  position: number,
): string {
  const opensBlock = previous.kind === 'lbracket' && blocks.openers.has(position - 1);
  const closesBlock = token.kind === 'rbracket' && blocks.closers.has(position);
  // Every pipe sits in a block or at the top: a bracket holding a pipe is a block.
  if (opensBlock || closesBlock || token.kind === 'pipe') return newline;
  // A comment the author put on its own line explains what follows; it keeps its own line.
  if (gap.includes('\n') && (token.kind === 'comment' || previous.kind === 'comment')) {
    return newline;
  }
  if (previous.kind === 'pipe') return ' ';
  if (style === 'verbatim') return gap;
  if (style === 'tidy') {
    if (isEquals(token) || isEquals(previous) || token.kind === 'comma') return '';
    if (previous.kind === 'comma') return ' ';
  }
  return gap === '' ? '' : ' ';
}

function isEquals(token: Token): boolean {
  return token.kind === 'compare' && token.image === '=';
}
