import type { Diagnostic, RelatedInformation } from '../text/diagnostic';
import { LineIndex } from '../text/lineIndex';
import type { SourceRange } from '../text/range';
import type { MacroIndex } from './macroIndex';
import { callChain, originAt, type CallFrame, type MappedText } from './mappedText';
import type { MacroCallSite, MacroDefinition } from './types';

export interface OriginalLocation {
  /** In the user's text: the outermost call's start when the character came from a macro. */
  readonly offset: number;
  readonly inMacro?: {
    /** The definition the character was written in (the innermost call). */
    readonly definition: MacroDefinition;
    readonly definitionOffset: number;
    /** The calls that led there, outermost (the one in the user's text) first. */
    readonly callChain: readonly MacroCallSite[];
  };
}

/** Maps offsets in the expanded text back to the user's document and the macro definitions. */
export class SourceMap {
  private lines: LineIndex | undefined;

  constructor(
    private readonly expanded: MappedText,
    private readonly userText: string,
    private readonly index: MacroIndex,
  ) {}

  /** Built on first use: most expansions are never asked for a line and column. */
  private get userLines(): LineIndex {
    this.lines ??= new LineIndex(this.userText);
    return this.lines;
  }

  toOriginal(expandedOffset: number): OriginalLocation {
    const { text } = this.expanded;
    if (text.length === 0) return { offset: 0 };
    const clamped = Math.max(0, Math.min(expandedOffset, text.length - 1));
    const origin = originAt(this.expanded, clamped);
    // The end of the expanded text maps just past the last character's origin.
    const beyond = expandedOffset >= text.length ? 1 : 0;
    if (!origin) return { offset: 0 };
    if (origin.kind === 'user') return { offset: origin.offset + (origin.point ? 0 : beyond) };
    const frame = origin.frame;
    return {
      offset: beyond ? frame.userEnd : frame.userStart,
      inMacro: {
        definition: frame.site.definition,
        definitionOffset: origin.offset + beyond,
        callChain: callChain(frame),
      },
    };
  }

  /** A range of the expanded text as a range of the user's text; expanded macros become their call. */
  toOriginalRange(start: number, end: number): SourceRange {
    const first = this.frameOrOffset(start, 'start');
    const last = end > start ? this.frameOrOffset(end - 1, 'end') : first;
    return this.userLines.range(first, Math.max(first, last));
  }

  /**
   * A diagnostic found in the expanded text (a parse error, a lint warning), moved to the user's
   * text; when it falls inside a macro, the definitions involved are added as related information.
   */
  toOriginalDiagnostic(diagnostic: Diagnostic): Diagnostic {
    const range = this.toOriginalRange(diagnostic.range.start.offset, diagnostic.range.end.offset);
    const location = this.toOriginal(diagnostic.range.start.offset);
    const related: RelatedInformation[] = [...(diagnostic.related ?? [])];
    if (location.inMacro) {
      const { definition, definitionOffset, callChain: chain } = location.inMacro;
      related.push({
        message: `inside the definition of \`${definition.name}\`${chain.length > 1 ? ` (via ${chain.map((c) => `\`${c.definition.name}\``).join(' -> ')})` : ''}`,
        range: this.index.definitionSpan(definition, definitionOffset, definitionOffset + 1),
        uri: definition.file,
      });
    }
    return { ...diagnostic, range, ...(related.length > 0 ? { related } : {}) };
  }

  private frameOrOffset(expandedOffset: number, side: 'start' | 'end'): number {
    const { text } = this.expanded;
    if (text.length === 0) return 0;
    const origin = originAt(this.expanded, Math.max(0, Math.min(expandedOffset, text.length - 1)));
    if (!origin) return 0;
    if (origin.kind === 'definition') return outermostEdge(origin.frame, side);
    return origin.offset + (side === 'end' ? 1 : 0);
  }
}

function outermostEdge(frame: CallFrame, side: 'start' | 'end'): number {
  return side === 'start' ? frame.userStart : frame.userEnd;
}
