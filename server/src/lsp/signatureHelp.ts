import type {
  ParameterInformation,
  SignatureHelp,
  SignatureInformation,
} from 'vscode-languageserver';
import type { MacroIndex, ScannedCall } from '../core/macros';
import { findEvalFunction, findStatsFunction } from '../core/syntax/catalog';
import type { Token } from '../core/syntax/lexer';
import { macroCallAt } from './definition';
import { codeTokens, isStatsCommand, stageAt } from './splContext';

export const signatureTriggerCharacters = ['(', ','];

/** The signature of the macro call or function call the cursor is in, with the argument at it. */
export function signatureHelpAt(
  spl: string,
  offset: number,
  index: MacroIndex,
): SignatureHelp | undefined {
  const call = macroCallAt(spl, offset);
  if (call) return call.hasParens ? macroSignatures(spl, offset, call, index) : undefined;
  return functionSignature(spl, offset);
}

function macroSignatures(
  spl: string,
  offset: number,
  call: ScannedCall,
  index: MacroIndex,
): SignatureHelp | undefined {
  const open = spl.indexOf('(', call.nameEnd);
  if (open < 0 || offset <= open) return undefined;
  const overloads = index.overloads(call.name).filter((d) => d.arity > 0);
  if (overloads.length === 0) return undefined;
  const argument = argumentIndex(spl.slice(open + 1, offset));
  const signatures = overloads.map((definition): SignatureInformation => {
    const label = `${definition.name}(${definition.args.join(', ')})`;
    return {
      label,
      ...(definition.description && { documentation: definition.description }),
      parameters: parameterSpans(label, definition.args),
    };
  });
  // The overload whose arity fits the arguments written so far, else the smallest that can grow.
  const written = Math.max(call.args.length, argument + 1);
  const exact = overloads.findIndex((d) => d.arity === call.args.length);
  const fitting = overloads.findIndex((d) => d.arity >= written);
  const activeSignature = exact >= 0 ? exact : Math.max(fitting, 0);
  return { signatures, activeSignature, activeParameter: argument };
}

/** Commas at depth zero before the cursor, outside quotes: the 0-based argument index. */
function argumentIndex(textBeforeCursor: string): number {
  let depth = 0;
  let commas = 0;
  let quoted = false;
  for (let i = 0; i < textBeforeCursor.length; i += 1) {
    const ch = textBeforeCursor[i];
    if (quoted) {
      if (ch === '\\') i += 1;
      else if (ch === '"') quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === '(') depth += 1;
    else if (ch === ')') depth -= 1;
    else if (ch === ',' && depth === 0) commas += 1;
  }
  return commas;
}

interface OpenCall {
  readonly name?: Token;
  commas: number;
}

function functionSignature(spl: string, offset: number): SignatureHelp | undefined {
  const tokens = codeTokens(spl);
  const open: OpenCall[] = [];
  let previous: Token | undefined;
  for (const token of tokens) {
    if (token.start >= offset) break;
    if (token.kind === 'lparen') {
      open.push({ ...(previous?.kind === 'word' && { name: previous }), commas: 0 });
    } else if (token.kind === 'rparen') open.pop();
    else if (token.kind === 'comma' && open.length > 0) (open.at(-1) as OpenCall).commas += 1;
    previous = token;
  }
  // A parenthesis without a name before it groups an expression; the call is further out.
  const call = open.findLast((candidate) => candidate.name !== undefined);
  if (!call?.name) return undefined;
  const command = stageAt(tokens, call.name.start).command;
  const fn = isStatsCommand(command)
    ? (findStatsFunction(call.name.image) ?? findEvalFunction(call.name.image))
    : findEvalFunction(call.name.image);
  if (!fn) return undefined;
  const parameters = parameterSpans(fn.signature, parameterNames(fn.signature));
  // A signature ending in `...` repeats its last parameters; the last one stands for the rest.
  const activeParameter = Math.min(call.commas, Math.max(parameters.length - 1, 0));
  return {
    signatures: [{ label: fn.signature, documentation: fn.summary, parameters }],
    activeSignature: 0,
    activeParameter,
  };
}

/** The words inside a catalog signature's parentheses: `mvindex(field, start [, end])`. */
function parameterNames(signature: string): string[] {
  const open = signature.indexOf('(');
  const close = signature.lastIndexOf(')');
  if (open < 0 || close < open) return [];
  return [...signature.slice(open + 1, close).matchAll(/[A-Za-z_][\w-]*/g)].map((m) => m[0]);
}

/** Parameters as offsets into the label, so repeated names each point at their own place. */
function parameterSpans(label: string, names: readonly string[]): ParameterInformation[] {
  const parameters: ParameterInformation[] = [];
  let from = label.indexOf('(') + 1;
  for (const name of names) {
    const start = label.indexOf(name, from);
    if (start < 0) break;
    parameters.push({ label: [start, start + name.length] });
    from = start + name.length;
  }
  return parameters;
}
