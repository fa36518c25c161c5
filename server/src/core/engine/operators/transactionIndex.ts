import type { Row } from '../value';

/** One transaction being built, from its newest event back in time. */
export interface OpenTransaction {
  /** Newest first, as the events arrive. */
  readonly events: Row[];
  /** The grouping fields' values this transaction has taken on (value keys). */
  readonly values: Map<string, string>;
  readonly latest: number;
  earliest: number;
  /** Grows each time the transaction takes an event: the most recently extended wins a tie. */
  order: number;
}

/**
 * The open transactions, indexed so that an event looks only at those it may join: with every
 * grouping field present, the transactions holding exactly its values plus those still missing
 * a field; otherwise those sharing one of its values (connected=true) or all (connected=false).
 */
export class OpenTransactions {
  private readonly all = new Set<OpenTransaction>();
  private readonly byValue = new Map<string, Set<OpenTransaction>>();
  private readonly byAllValues = new Map<string, Set<OpenTransaction>>();
  private readonly partial = new Set<OpenTransaction>();

  constructor(
    private readonly fields: readonly string[],
    private readonly connected: boolean,
  ) {}

  [Symbol.iterator](): Iterator<OpenTransaction> {
    return this.all[Symbol.iterator]();
  }

  add(transaction: OpenTransaction): void {
    this.all.add(transaction);
    this.partial.add(transaction);
  }

  /** Records the grouping values an event brought to the transaction. */
  learn(transaction: OpenTransaction, values: ReadonlyMap<string, string>): void {
    for (const [field, key] of values) {
      if (transaction.values.has(field)) continue;
      transaction.values.set(field, key);
      addTo(this.byValue, valueIndexKey(field, key), transaction);
    }
    const complete = this.fields.length > 0 && transaction.values.size === this.fields.length;
    if (complete && this.partial.delete(transaction)) {
      addTo(this.byAllValues, this.allValuesKey(transaction.values), transaction);
    }
  }

  remove(transaction: OpenTransaction): void {
    this.all.delete(transaction);
    if (!this.partial.delete(transaction)) {
      removeFrom(this.byAllValues, this.allValuesKey(transaction.values), transaction);
    }
    for (const [field, key] of transaction.values) {
      removeFrom(this.byValue, valueIndexKey(field, key), transaction);
    }
  }

  candidates(values: ReadonlyMap<string, string>): Iterable<OpenTransaction> {
    if (this.fields.length === 0) return this.all;
    if (values.size === this.fields.length) {
      const exact = this.byAllValues.get(this.allValuesKey(values)) ?? [];
      return [...exact, ...this.partial];
    }
    if (!this.connected) return this.all;
    const found = new Set<OpenTransaction>();
    for (const [field, key] of values) {
      for (const transaction of this.byValue.get(valueIndexKey(field, key)) ?? []) {
        found.add(transaction);
      }
    }
    return found;
  }

  private allValuesKey(values: ReadonlyMap<string, string>): string {
    return this.fields.map((field) => values.get(field)).join('\u0002');
  }
}

function valueIndexKey(field: string, key: string): string {
  return `${field}\u0003${key}`;
}

function addTo<K, V>(index: Map<K, Set<V>>, key: K, value: V): void {
  let holders = index.get(key);
  if (!holders) index.set(key, (holders = new Set()));
  holders.add(value);
}

function removeFrom<K, V>(index: Map<K, Set<V>>, key: K, value: V): void {
  const holders = index.get(key);
  holders?.delete(value);
  if (holders?.size === 0) index.delete(key);
}
