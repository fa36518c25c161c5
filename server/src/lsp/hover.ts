import { pathToFileURL } from 'node:url';
import type { Position } from 'vscode-languageserver';
import { expandMacros, scanMacroText, type MacroIndex, type ScannedCall } from '../core/macros';
import {
  findCommand,
  findEvalFunction,
  findStatsFunction,
  type CommandInfo,
  type FunctionInfo,
} from '../core/syntax/catalog';
import type { Token } from '../core/syntax/lexer';
import { documentSpanOf, type OffsetSpan } from './documents';
import { fieldHoverAt } from './fieldHover';
import { toLspRange } from './ranges';
import type { ServerContext } from './serverContext';
import { codeTokens, isAfterBy, isStatsCommand, stageAt, tokenAt } from './splContext';

export interface SplHover {
  readonly markdown: string;
  /** The hovered word or macro call, in SPL offsets. */
  readonly span: OffsetSpan;
}

/** Hover text for the command, function or macro call at `offset` of a search. */
export function hoverAt(spl: string, offset: number, index: MacroIndex): SplHover | undefined {
  const call = scanMacroText(spl).find(
    (token): token is ScannedCall =>
      token.kind === 'call' && token.start <= offset && offset < token.end,
  );
  if (call) return { markdown: macroHover(spl, call, index), span: call };
  const tokens = codeTokens(spl);
  const token = tokenAt(tokens, offset);
  if (token?.kind !== 'word') return undefined;
  const stage = stageAt(tokens, offset);
  if (stage.commandToken === token) {
    const command = findCommand(token.image);
    return command && { markdown: commandHover(command), span: token };
  }
  const position = tokens.indexOf(token);
  if (tokens[position + 1]?.kind === 'lparen') {
    const fn = functionFor(token, stage.command);
    return fn && { markdown: functionHover(fn), span: token };
  }
  // `stats count` needs no parentheses; a word after `as` or `by` is a field name.
  const previous = tokens[position - 1]?.image.toLowerCase();
  if (!isStatsCommand(stage.command) || previous === 'as' || isAfterBy(tokens, stage, offset)) {
    return undefined;
  }
  const aggregation = findStatsFunction(token.image);
  return aggregation && { markdown: functionHover(aggregation), span: token };
}

/** A stats command reads `count(x)` as an aggregation; everywhere else a call is eval's. */
function functionFor(token: Token, command: string): FunctionInfo | undefined {
  return isStatsCommand(command)
    ? (findStatsFunction(token.image) ?? findEvalFunction(token.image))
    : (findEvalFunction(token.image) ?? findStatsFunction(token.image));
}

function commandHover(command: CommandInfo): string {
  const aliases = command.aliases.length > 0 ? ` (also ${command.aliases.join(', ')})` : '';
  return [
    `**${command.name}** command${aliases}`,
    command.summary,
    fence(command.syntax),
    `Example:\n${fence(command.example)}`,
  ].join('\n\n');
}

function functionHover(fn: FunctionInfo): string {
  return [fence(fn.signature), fn.summary, `Example:\n${fence(fn.example)}`].join('\n\n');
}

function macroHover(spl: string, call: ScannedCall, index: MacroIndex): string {
  const arity = call.args.length;
  const definition = index.lookup(call.name, arity);
  if (!definition) {
    const arities = index.overloads(call.name).map((d) => d.arity);
    return arities.length === 0
      ? `No macro \`${call.name}\` is defined in the workspace's macro files.`
      : `\`${call.name}\` is defined with ${arities.join(' or ')} argument(s), not ${arity}.`;
  }
  const signature = arity === 0 ? call.name : `${call.name}(${definition.args.join(', ')})`;
  const place = definition.nameRange.start.line + 1;
  const link = `[${definition.file.replace(/^.*[\\/]/, '')}:${place}](${pathToFileURL(definition.file).href}#L${place})`;
  const expanded = expandMacros(spl.slice(call.start, call.end), index).text;
  return [
    `**\`${signature}\`** macro${definition.iseval ? ' (iseval)' : ''}`,
    ...(definition.description ? [definition.description] : []),
    ...(arity > 0 ? [`Arguments: ${definition.args.map((a) => `\`${a}\``).join(', ')}`] : []),
    `Defined in ${link}`,
    `Definition:\n${fence(definition.definition)}`,
    `Expands to:\n${fence(expanded)}`,
  ].join('\n\n');
}

function fence(code: string): string {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  return `${ticks}spl\n${code}\n${ticks}`;
}

/**
 * Hover for commands, functions and macros, else for the field name under the cursor. `more`
 * adds markdown from other features (a run's stage counts) below it.
 */
export function registerHover(
  context: ServerContext,
  more: (uri: string, position: Position) => string | undefined = () => undefined,
): void {
  context.connection.onHover(({ textDocument, position }) => {
    const extra = more(textDocument.uri, position);
    const at = context.splAt(textDocument.uri, position);
    const hover =
      at &&
      (hoverAt(at.source.spl, at.offset, context.macros) ??
        fieldHoverAt(
          context.pipelineOf(at.document, at.source),
          at.source.spl,
          at.offset,
          context.fields,
        ));
    if (!at || !hover) return extra ? { contents: { kind: 'markdown', value: extra } } : null;
    return {
      contents: {
        kind: 'markdown',
        value: extra ? `${hover.markdown}\n\n---\n\n${extra}` : hover.markdown,
      },
      range: toLspRange(at.document, documentSpanOf(at.source, hover.span.start, hover.span.end)),
    };
  });
}
