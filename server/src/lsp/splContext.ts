import { tokenize, type Token } from '../core/syntax/lexer';

/** What surrounds an offset of a search: the stage's command and the token under the cursor. */
export interface StageContext {
  /** The stage's command name as written (`search` for the implicit first stage). */
  readonly command: string;
  /** The token naming the command; absent for the implicit `search`. */
  readonly commandToken?: Token;
}

/**
 * The last text lexed and its tokens: hover and signature help ask again and again about the
 * same version of a document, and lexing a long one costs more than answering.
 */
let lastLexed: { spl: string; tokens: readonly Token[] } | undefined;

export function codeTokens(spl: string): readonly Token[] {
  if (lastLexed?.spl !== spl) {
    lastLexed = { spl, tokens: tokenize(spl).filter((token) => token.kind !== 'comment') };
  }
  return lastLexed.tokens;
}

export function tokenAt(tokens: readonly Token[], offset: number): Token | undefined {
  return tokens.find((token) => token.start <= offset && offset < token.end);
}

/**
 * Walks back from the token before `offset` to the pipe or subsearch bracket that opens its stage,
 * skipping whole subsearches on the way, and names the command that follows it.
 */
export function stageAt(tokens: readonly Token[], offset: number): StageContext {
  let depth = 0;
  let index = tokens.findIndex((token) => token.start >= offset);
  index = (index < 0 ? tokens.length : index) - 1;
  for (; index >= 0; index -= 1) {
    const kind = (tokens[index] as Token).kind;
    if (kind === 'rbracket') depth += 1;
    else if (kind === 'lbracket' && depth > 0) depth -= 1;
    else if (depth === 0 && (kind === 'lbracket' || kind === 'pipe')) break;
  }
  let next = index + 1;
  if (tokens[index]?.kind === 'lbracket' && tokens[next]?.kind === 'pipe') next += 1;
  const first = tokens[next];
  const opensStage = index >= 0 || first?.image.toLowerCase() === 'search';
  if (first?.kind === 'word' && opensStage) {
    return { command: first.image, commandToken: first };
  }
  return { command: 'search' };
}

const evalCommands = new Set(['eval', 'where', 'fieldformat']);
const statsCommands = new Set([
  'stats',
  'eventstats',
  'streamstats',
  'chart',
  'timechart',
  'tstats',
  'sistats',
  'sichart',
  'sitimechart',
  'geostats',
  'mstats',
]);

export function isEvalCommand(command: string): boolean {
  return evalCommands.has(command.toLowerCase());
}

export function isStatsCommand(command: string): boolean {
  return statsCommands.has(command.toLowerCase());
}

/** True once the stage has passed its `by` clause, where a stats command lists fields. */
export function isAfterBy(tokens: readonly Token[], stage: StageContext, offset: number): boolean {
  const from = stage.commandToken?.start ?? -1;
  return tokens.some(
    (token) =>
      token.start > from &&
      token.end <= offset &&
      token.kind === 'word' &&
      token.image.toLowerCase() === 'by',
  );
}
