/**
 * The stats functions' accumulators. Each sees the values of its argument in one event (several
 * for a multivalue field, none when absent) and can be cloned for streamstats/eventstats.
 */
import type { FieldValue, Scalar } from '../value';
import { fromList, text, toNumber } from '../expressions/coerce';

/** list()'s default cap (limits.conf `list_maxsize`). */
export const LIST_MAX_VALUES = 100;

export interface Accumulator {
  /** True when add() needs the event's _time (reading it costs a parse per event). */
  readonly usesTime?: boolean;
  add(values: readonly Scalar[], time: number | undefined): void;
  result(): FieldValue | undefined;
  clone(): Accumulator;
}

/** Events with at least one value (`count(x)`); `count` alone gets one value per event. */
export class CountAccumulator implements Accumulator {
  constructor(private count = 0) {}
  add(values: readonly Scalar[]): void {
    if (values.some((v) => v !== false)) this.count++;
  }
  result(): FieldValue {
    return this.count;
  }
  clone(): Accumulator {
    return new CountAccumulator(this.count);
  }
}

export class DistinctAccumulator implements Accumulator {
  constructor(private readonly seen = new Set<string>()) {}
  add(values: readonly Scalar[]): void {
    for (const v of values) this.seen.add(text(v));
  }
  result(): FieldValue {
    return this.seen.size;
  }
  clone(): Accumulator {
    return new DistinctAccumulator(new Set(this.seen));
  }
}

export type MomentKind = 'sum' | 'avg' | 'stdev' | 'stdevp' | 'var' | 'varp' | 'sumsq' | 'range';

/** Numeric summaries; non-numeric values are ignored, no numeric value gives null. */
export class MomentAccumulator implements Accumulator {
  private n = 0;
  private mean = 0;
  private m2 = 0;
  private sum = 0;
  private sumsq = 0;
  private min = Infinity;
  private max = -Infinity;
  constructor(private readonly kind: MomentKind) {}
  add(values: readonly Scalar[]): void {
    for (const v of values) {
      const x = toNumber(v);
      if (x === undefined) continue;
      // Welford's update keeps the variance accurate for large values.
      this.n++;
      const delta = x - this.mean;
      this.mean += delta / this.n;
      this.m2 += delta * (x - this.mean);
      this.sum += x;
      this.sumsq += x * x;
      this.min = Math.min(this.min, x);
      this.max = Math.max(this.max, x);
    }
  }
  result(): FieldValue | undefined {
    if (this.n === 0) return undefined;
    switch (this.kind) {
      case 'sum':
        return this.sum;
      case 'avg':
        return this.mean;
      case 'sumsq':
        return this.sumsq;
      case 'range':
        return this.max - this.min;
      case 'varp':
        return this.m2 / this.n;
      case 'stdevp':
        return Math.sqrt(this.m2 / this.n);
      case 'var':
        return this.n < 2 ? undefined : this.m2 / (this.n - 1);
      case 'stdev':
        return this.n < 2 ? undefined : Math.sqrt(this.m2 / (this.n - 1));
    }
  }
  clone(): Accumulator {
    return Object.assign(new MomentAccumulator(this.kind), this);
  }
}

/** min/max: numeric when every value is numeric, else lexicographic over all values (Splunk's rule). */
export class ExtremeAccumulator implements Accumulator {
  private numeric: number | undefined;
  private lexical: string | undefined;
  private allNumeric = true;
  constructor(private readonly sign: 1 | -1) {}
  add(values: readonly Scalar[]): void {
    for (const v of values) {
      const x = toNumber(v);
      const s = text(v);
      if (x === undefined) this.allNumeric = false;
      else if (this.numeric === undefined || (x - this.numeric) * this.sign > 0) this.numeric = x;
      if (this.lexical === undefined || isTextAfter(s, this.lexical, this.sign)) {
        this.lexical = s;
      }
    }
  }
  result(): FieldValue | undefined {
    return this.allNumeric ? this.numeric : this.lexical;
  }
  clone(): Accumulator {
    return Object.assign(new ExtremeAccumulator(this.sign), this);
  }
}

/** Plain code-unit order, so that "10" < "9" when the comparison is lexicographic. */
function isTextAfter(a: string, b: string, sign: 1 | -1): boolean {
  return (a < b ? -1 : a > b ? 1 : 0) * sign > 0;
}

/** values(): distinct, in lexicographic order. */
export class ValuesAccumulator implements Accumulator {
  constructor(private readonly seen = new Map<string, Scalar>()) {}
  add(values: readonly Scalar[]): void {
    for (const v of values) {
      const key = text(v);
      if (!this.seen.has(key)) this.seen.set(key, v);
    }
  }
  result(): FieldValue | undefined {
    const keys = [...this.seen.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return fromList(keys.map((k) => this.seen.get(k) as Scalar));
  }
  clone(): Accumulator {
    return new ValuesAccumulator(new Map(this.seen));
  }
}

/** list(): every value in arrival order, up to LIST_MAX_VALUES. */
export class ListAccumulator implements Accumulator {
  constructor(private readonly items: Scalar[] = []) {}
  add(values: readonly Scalar[]): void {
    for (const v of values) if (this.items.length < LIST_MAX_VALUES) this.items.push(v);
  }
  result(): FieldValue | undefined {
    return fromList(this.items);
  }
  clone(): Accumulator {
    return new ListAccumulator([...this.items]);
  }
}

/** first/last in arrival order; earliest/latest (and their _time) by the event's _time. */
export class PositionAccumulator implements Accumulator {
  readonly usesTime: boolean;
  private value: FieldValue | undefined;
  private time: number | undefined;
  private seen = false;
  constructor(
    private readonly kind:
      'first' | 'last' | 'earliest' | 'latest' | 'earliest_time' | 'latest_time',
  ) {
    this.usesTime = kind !== 'first' && kind !== 'last';
  }
  add(values: readonly Scalar[], time: number | undefined): void {
    if (values.length === 0) return;
    const value = fromList(values);
    if (this.kind === 'first' || this.kind === 'last') {
      if (this.kind === 'last' || !this.seen) this.value = value;
      this.seen = true;
      return;
    }
    if (time === undefined) return;
    const wantsEarlier = this.kind === 'earliest' || this.kind === 'earliest_time';
    if (this.time === undefined || (wantsEarlier ? time < this.time : time >= this.time)) {
      this.time = time;
      this.value = value;
    }
  }
  result(): FieldValue | undefined {
    return this.kind === 'earliest_time' || this.kind === 'latest_time' ? this.time : this.value;
  }
  clone(): Accumulator {
    return Object.assign(new PositionAccumulator(this.kind), this);
  }
}

/** mode(): the most frequent value; ties go to the value seen first. */
export class ModeAccumulator implements Accumulator {
  constructor(private readonly counts = new Map<string, { value: Scalar; count: number }>()) {}
  add(values: readonly Scalar[]): void {
    for (const v of values) {
      const entry = this.counts.get(text(v));
      if (entry) entry.count++;
      else this.counts.set(text(v), { value: v, count: 1 });
    }
  }
  result(): FieldValue | undefined {
    let best: { value: Scalar; count: number } | undefined;
    for (const entry of this.counts.values()) if (!best || entry.count > best.count) best = entry;
    return best?.value;
  }
  clone(): Accumulator {
    return new ModeAccumulator(new Map([...this.counts].map(([k, v]) => [k, { ...v }])));
  }
}

export type PercentileMethod = 'nearest' | 'interpolate' | 'upper';

/**
 * median and perc<N>. Splunk approximates percentiles over large sets; locally they are exact.
 * `nearest` (perc, p, median) takes the value at rank floor(N/100 * n), which for median of an
 * even count is the higher middle value; `interpolate` (exactperc) interpolates between ranks;
 * `upper` (upperperc) takes the value at rank ceil(N/100 * (n - 1)).
 */
export class PercentileAccumulator implements Accumulator {
  constructor(
    private readonly percent: number,
    private readonly method: PercentileMethod,
    private readonly numbers: number[] = [],
  ) {}
  add(values: readonly Scalar[]): void {
    for (const v of values) {
      const x = toNumber(v);
      if (x !== undefined) this.numbers.push(x);
    }
  }
  result(): FieldValue | undefined {
    const n = this.numbers.length;
    if (n === 0) return undefined;
    const sorted = [...this.numbers].sort((a, b) => a - b);
    const at = (i: number): number => sorted[Math.max(0, Math.min(n - 1, i))] as number;
    if (this.method === 'nearest') return at(Math.floor((this.percent / 100) * n));
    const rank = (this.percent / 100) * (n - 1);
    if (this.method === 'upper') return at(Math.ceil(rank));
    const low = Math.floor(rank);
    return at(low) + (at(low + 1) - at(low)) * (rank - low);
  }
  clone(): Accumulator {
    return new PercentileAccumulator(this.percent, this.method, [...this.numbers]);
  }
}
