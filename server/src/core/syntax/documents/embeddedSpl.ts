import { isScalar, type Node, type Scalar } from 'yaml';
import type { Diagnostic } from '../../text/diagnostic';
import type { LineIndex } from '../../text/lineIndex';
import type { SourceRange } from '../../text/range';
import { decodeBlockScalar } from './blockScalar';
import { decodeFlowScalar, type FlowStyle } from './flowScalar';
import type { ScalarText } from './scalarText';

/** SPL taken out of a YAML scalar, with the way back to the file. */
export interface EmbeddedSpl {
  readonly text: string;
  /** offset in `text` -> offset in the file */
  toFileOffset(offset: number): number;
  /** The scalar in the file, quotes or block header included. */
  readonly range: SourceRange;
}

const flowStyles: Readonly<Record<string, FlowStyle>> = {
  scalar: 'plain',
  'single-quoted-scalar': 'single',
  'double-quoted-scalar': 'double',
};

/**
 * The `yaml` package gives a scalar's value and the range of the whole scalar, not where each
 * character of the value came from; quoting, escapes and folding make those differ. So we decode
 * the scalar's raw source (its CST token) ourselves, recording an offset for every character.
 */
function decodeScalar(scalar: Scalar): ScalarText | undefined {
  const token = scalar.srcToken;
  if (!token) return undefined;
  if (token.type === 'block-scalar') {
    const header = token.props.find((prop) => prop.type === 'block-scalar-header');
    const contentOffset = Math.max(
      token.offset,
      ...token.props.map((prop) => ('source' in prop ? prop.offset + prop.source.length : 0)),
    );
    if (!header || !('source' in header)) return undefined;
    return decodeBlockScalar(header.source, token.source, contentOffset, token.indent);
  }
  const style = flowStyles[token.type];
  return 'source' in token && style
    ? decodeFlowScalar(token.source, token.offset, style)
    : undefined;
}

/**
 * Turns the value of `key` into EmbeddedSpl. Should our decoding ever disagree with the parser's
 * value, the parser wins and every offset maps to the scalar's start, with a diagnostic saying so.
 */
export function embeddedSplFrom(
  node: Node,
  key: string,
  lineIndex: LineIndex,
  diagnostics: Diagnostic[],
): EmbeddedSpl | undefined {
  const [start, end] = node.range ?? [0, 0];
  const range = lineIndex.range(start, end);
  if (!isScalar(node) || node.value === null || typeof node.value === 'object') {
    diagnostics.push({
      severity: 'error',
      code: 'yaml-not-text',
      message: `\`${key}:\` must hold SPL as text (a quoted string or a block scalar).`,
      range,
      source: 'yaml',
    });
    return undefined;
  }
  const decoded = decodeScalar(node);
  // A plain scalar such as `0` or `true` resolves to a number or boolean; its SPL is the source.
  const value = typeof node.value === 'string' ? node.value : (decoded?.text ?? String(node.value));
  if (decoded && decoded.text === value) {
    const { offsets } = decoded;
    return {
      text: value,
      range,
      toFileOffset: (offset) =>
        offsets[Math.max(0, Math.min(Math.trunc(offset), offsets.length - 1))] ?? start,
    };
  }
  diagnostics.push({
    severity: 'info',
    code: 'yaml-positions-approximate',
    message: `Positions inside \`${key}:\` point at the start of the value: its quoting could not be mapped character by character.`,
    range,
    source: 'yaml',
  });
  return { text: value, range, toFileOffset: () => start };
}
