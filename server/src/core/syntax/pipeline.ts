/** Pipelines and stages: splits at `|`, dispatches each stage to its command's grammar. */
import { didYouMean } from '../text/didYouMean';
import type { Pipeline, Stage, Subsearch } from './ast';
import { allCommands, findCommand } from './catalog/index';
import { commandGrammars, parseGenericCommand } from './commands/index';
import type { TokenCursor } from './cursor';
import { findAddonCommand } from './addonCommands';
import type { Token } from './lexer';
import { readMacro } from './macroCall';
import { parseSearchExpr } from './searchExpression';

let commandNames: string[] | undefined;

/** Every command name and alias, for did-you-mean; built on first use. */
function knownCommandNames(): string[] {
  commandNames ??= allCommands().flatMap((command) => [command.name, ...command.aliases]);
  return commandNames;
}

/**
 * foreach and map write a command in brackets without a `|` (`foreach * [eval <<FIELD>>=...]`):
 * a bracket that starts with a command name (not followed by an operator) is read as that command.
 */
function startsCommandTemplate(cursor: TokenCursor): boolean {
  const word = cursor.peek() as Token;
  return findCommand(word.image) !== undefined && !cursor.atKind('compare', 1);
}

function parseImplicitSearch(cursor: TokenCursor, start: number): Stage {
  const expression = parseSearchExpr(cursor);
  const end = expression ? expression.range.end.offset : start;
  return {
    kind: 'command',
    name: 'search',
    implicit: true,
    options: [],
    ...(expression && { expression }),
    range: cursor.range(start, end),
  };
}

function dropRepeatedDiagnostics(cursor: TokenCursor, from: number): void {
  const seen = new Set<string>();
  const kept = cursor.diagnostics.slice(from).filter((diagnostic) => {
    const key = `${diagnostic.code} ${diagnostic.range.start.offset} ${diagnostic.range.end.offset}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  cursor.diagnostics.splice(from, Infinity, ...kept);
}

function parseCommandStage(cursor: TokenCursor, nameToken: Token): Stage {
  const info = findCommand(nameToken.image);
  const grammar = info && commandGrammars[info.name];
  const nameRange = cursor.range(nameToken.start, nameToken.end);
  if (grammar) {
    const afterName = cursor.pos;
    const reported = cursor.diagnostics.length;
    const command = grammar(cursor, { name: info.name, start: nameToken.start, nameRange });
    if (command) return command;
    // A required part is missing: read the stage generically, keeping what the grammar reported
    // once (the generic reading reports problems in options again).
    cursor.pos = afterName;
    const generic = parseGenericCommand(
      cursor,
      { name: info.name, start: nameToken.start, nameRange },
      true,
    );
    dropRepeatedDiagnostics(cursor, reported);
    return generic;
  }
  const addon = info ? undefined : findAddonCommand(nameToken.image);
  if (addon) {
    cursor.report(
      'info',
      'spl.syntax.addon-command',
      `'${nameToken.image}' is not a built-in Splunk command; it comes from ${addon}`,
      nameToken.start,
      nameToken.end,
    );
  } else if (!info) {
    const suggestion = didYouMean(nameToken.image, knownCommandNames());
    cursor.error(
      'spl.syntax.unknown-command',
      `unknown command '${nameToken.image}'` +
        (suggestion ? `; did you mean '${suggestion}'?` : ''),
      nameToken.start,
      nameToken.end,
    );
  }
  const name = info ? info.name : nameToken.image;
  return parseGenericCommand(
    cursor,
    { name, start: nameToken.start, nameRange },
    info !== undefined || addon !== undefined,
  );
}

/** One stage after a `|` (or the explicit first one); undefined when the stage is empty. */
function parseStage(cursor: TokenCursor, pipeEnd: number): Stage | undefined {
  const token = cursor.peek();
  if (!token || cursor.atStageEnd()) {
    if (cursor.hasCommentBetween(pipeEnd, token?.start ?? cursor.text.length)) return undefined;
    cursor.error(
      'spl.syntax.empty-stage',
      "empty stage: write a command after '|' or remove the '|'",
      pipeEnd - 1,
      pipeEnd,
    );
    return undefined;
  }
  if (token.kind === 'macro') {
    cursor.next();
    const macro = readMacro(cursor, token);
    const stage: Stage = { kind: 'macroStage', macro, range: macro.range };
    cursor.skipRestOfStage('after a macro stage: start a new stage with |');
    return stage;
  }
  if (token.kind !== 'word') {
    cursor.skipRestOfStage("where a command name should be: write a command after '|'");
    return undefined;
  }
  cursor.next();
  const stage = parseCommandStage(cursor, token);
  cursor.skipRestOfStage(`in '${token.image}'`);
  return stage;
}

/**
 * Stages up to the end of the text, or up to the `]` closing a subsearch. A stray `]` at the top
 * level is reported and skipped so the stages after it still parse.
 */
export function parsePipeline(cursor: TokenCursor, inSubsearch: boolean): Pipeline {
  const stages: Stage[] = [];
  const first = cursor.peek();
  const startOffset = first?.start ?? cursor.previousEnd();
  const leadingPipe = first?.kind === 'pipe';
  if (first && !leadingPipe && !(inSubsearch && first.kind === 'rbracket')) {
    if (
      first.kind === 'word' &&
      (cursor.atKeyword('search') || (inSubsearch && startsCommandTemplate(cursor)))
    ) {
      cursor.next();
      const explicit = parseCommandStage(cursor, first);
      cursor.skipRestOfStage("in 'search'");
      stages.push(explicit);
    } else {
      stages.push(parseImplicitSearch(cursor, first.start));
    }
  }
  while (true) {
    const token = cursor.peek();
    if (!token) break;
    if (token.kind === 'rbracket') {
      if (inSubsearch) break;
      cursor.next();
      cursor.error(
        'spl.syntax.unbalanced-bracket',
        "unexpected ']' with no '[' before it",
        token.start,
        token.end,
      );
      continue;
    }
    if (token.kind !== 'pipe') {
      cursor.skipRestOfStage("after the search: separate stages with '|'");
      continue;
    }
    cursor.next();
    const stage = parseStage(cursor, token.end);
    if (stage) stages.push(stage);
  }
  return {
    kind: 'pipeline',
    leadingPipe,
    stages,
    range: cursor.range(startOffset, Math.max(startOffset, cursor.previousEnd())),
  };
}

/** `[ ... ]` at the cursor: a nested pipeline. An unclosed `[` is reported where it opens. */
export function parseSubsearch(cursor: TokenCursor): Subsearch {
  const open = cursor.next();
  const entered = cursor.enter(open);
  const pipeline = parsePipeline(cursor, true);
  if (entered) cursor.leave();
  if (cursor.atKind('rbracket')) cursor.next();
  else
    cursor.error(
      'spl.syntax.unclosed-bracket',
      "unclosed '[': end the subsearch with ']'",
      open.start,
      open.end,
    );
  if (pipeline.stages.length === 0) {
    cursor.error(
      'spl.syntax.empty-subsearch',
      'empty subsearch: write a search between the brackets',
      open.start,
      cursor.previousEnd(),
    );
  }
  return { kind: 'subsearch', pipeline, range: cursor.range(open.start, cursor.previousEnd()) };
}
