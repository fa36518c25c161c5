import type { MacroCallSite } from './types';

/** One macro call being expanded, linked to the call it is nested in. */
export interface CallFrame {
  readonly site: MacroCallSite;
  readonly parent?: CallFrame;
  /** The outermost call's span in the user's text. */
  readonly userStart: number;
  readonly userEnd: number;
  readonly depth: number;
}

/**
 * Where a run of characters came from: the user's text or a definition (within a call frame).
 * A `point` origin maps the whole run to one place (a comment's space, an iseval result).
 */
export type SpanOrigin =
  | { readonly kind: 'user'; readonly offset: number; readonly point: boolean }
  | {
      readonly kind: 'definition';
      readonly frame: CallFrame;
      readonly offset: number;
      readonly point: boolean;
    };

export interface Span {
  readonly start: number;
  readonly origin: SpanOrigin;
}

/** Text whose every character knows its origin. */
export interface MappedText {
  readonly text: string;
  readonly spans: readonly Span[];
}

export function spanIndexAt(spans: readonly Span[], index: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((spans[mid] as Span).start <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function shifted(origin: SpanOrigin, by: number): SpanOrigin {
  return origin.point || by === 0 ? origin : { ...origin, offset: origin.offset + by };
}

export function originAt(mapped: MappedText, index: number): SpanOrigin | undefined {
  const span = mapped.spans[spanIndexAt(mapped.spans, index)];
  return span && shifted(span.origin, index - span.start);
}

export function callChain(frame: CallFrame): MacroCallSite[] {
  const chain: MacroCallSite[] = [];
  for (let f: CallFrame | undefined = frame; f; f = f.parent) chain.unshift(f.site);
  return chain;
}

/** Accumulates mapped text, merging runs whose origins continue each other. */
export class MappedTextBuilder {
  private readonly parts: string[] = [];
  private readonly spanList: Span[] = [];
  private size = 0;

  get length(): number {
    return this.size;
  }

  append(text: string, origin: SpanOrigin): void {
    if (text.length === 0) return;
    const last = this.spanList[this.spanList.length - 1];
    if (!last || !continues(last, this.size, origin))
      this.spanList.push({ start: this.size, origin });
    this.parts.push(text);
    this.size += text.length;
  }

  appendSlice(mapped: MappedText, from: number, to: number): void {
    if (to <= from) return;
    let i = spanIndexAt(mapped.spans, from);
    let position = from;
    while (position < to) {
      const span = mapped.spans[i] as Span;
      const next = mapped.spans[i + 1];
      const runEnd = Math.min(to, next ? next.start : mapped.text.length);
      this.append(mapped.text.slice(position, runEnd), shifted(span.origin, position - span.start));
      position = runEnd;
      i += 1;
    }
  }

  build(): MappedText {
    return { text: this.parts.join(''), spans: this.spanList };
  }
}

function continues(last: Span, at: number, origin: SpanOrigin): boolean {
  const prev = last.origin;
  if (prev.kind !== origin.kind || prev.point || origin.point) return false;
  if (prev.kind === 'definition' && origin.kind === 'definition' && prev.frame !== origin.frame)
    return false;
  return origin.offset === prev.offset + (at - last.start);
}

export function userText(text: string): MappedText {
  return { text, spans: [{ start: 0, origin: { kind: 'user', offset: 0, point: false } }] };
}
