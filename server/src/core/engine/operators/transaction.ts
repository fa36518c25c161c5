import type { GenericCommand } from '../../syntax/ast';
import type { EvalContext } from '../expressions';
import {
  bufferLimitReached,
  engineDiagnostic,
  type Operator,
  type PlanningContext,
} from '../plan/types';
import { scalarToString, valuesOf, type FieldValue, type Row, type Scalar } from '../value';
import { numericValue, valueKey } from './order';
import { OpenTransactions, type OpenTransaction } from './transactionIndex';
import { transactionOptions, type TransactionOptions } from './transactionOptions';

/** Open transactions are checked for expiry after this many events. */
const EXPIRY_SWEEP_EVERY = 1024;

interface TimedRow {
  readonly row: Row;
  readonly time: number;
}

/**
 * `transaction [field...] [maxspan=] [maxpause=] [maxevents=] [startswith=] [endswith=]
 * [connected=] [keepevicted=]`: groups events into transactions.
 *
 * Search Reference, transaction (help.splunk.com spl-search-reference/10.0/search-commands/
 * transaction) and "About transactions" in the Search Manual, in our words:
 * - events are grouped by the values of the fields; Splunk reads them newest first, so a
 *   transaction meets its endswith event before its startswith event, and the startswith event
 *   closes it;
 * - connected=true (the default): an event joins an open transaction only when it shares a value
 *   of at least one field with it and contradicts none; connected=false: no shared value is
 *   needed, so an event missing a field may join;
 * - a transaction splits when the span from its first to its last event would exceed maxspan, the
 *   gap to the next event would exceed maxpause, or it holds maxevents events;
 * - the output: `_time` of the earliest event, `duration` (last minus first `_time`),
 *   `eventcount`, `_raw` of the events joined by newlines, every other field as the set of its
 *   values (mvlist=false); with keepevicted=true, evicted transactions are kept and `closed_txn`
 *   says 1 (closed) or 0 (evicted).
 * Unverified (Splunk's exact behaviour not confirmed): a transaction that never sees its
 * startswith event is evicted; with endswith, an event before any endswith event of its group is
 * an orphan and dropped; events with none of the fields are dropped; a span or pause equal to the
 * limit still joins; multivalue fields sort their values as text; the output is newest first.
 */
export function transactionOperator(
  command: GenericCommand,
  planning: PlanningContext,
): Operator | undefined {
  const options = transactionOptions(command, planning);
  if (!options) return undefined;
  return {
    command: 'transaction',
    range: command.range,
    async *run(input, ctx) {
      const events: TimedRow[] = [];
      let untimed = 0;
      for await (const row of input) {
        if (bufferLimitReached(ctx, events.length, 'transaction', command.range)) break;
        const time = numericValue(valuesOf(row.get('_time'))[0] ?? '');
        if (time === undefined) untimed++;
        else events.push({ row, time });
      }
      if (untimed > 0) {
        ctx.report(
          engineDiagnostic(
            'warning',
            'spl.engine.transaction-untimed',
            `'transaction' skipped ${untimed} ${untimed === 1 ? 'row' : 'rows'} without _time; give those events a _time (e.g. with eval) to include them.`,
            command.range,
          ),
        );
      }
      events.sort((a, b) => b.time - a.time);
      const grouper = new TransactionGrouper(options, ctx.evalContext);
      for (const event of events) {
        if (ctx.shouldStop()) break;
        grouper.add(event);
      }
      yield* grouper.finish();
    },
  };
}

class TransactionGrouper {
  private readonly open: OpenTransactions;
  private readonly done: { transaction: OpenTransaction; closed: boolean }[] = [];
  private addedEvents = 0;

  constructor(
    private readonly options: TransactionOptions,
    private readonly evalContext: EvalContext,
  ) {
    this.open = new OpenTransactions(options.fields, options.connected);
  }

  add({ row, time }: TimedRow): void {
    const values = this.fieldValues(row);
    if (this.options.fields.length > 0 && values.size === 0) return;
    const { startswith, endswith } = this.options;
    const isEnd = endswith?.(row, this.evalContext) ?? false;
    let transaction = this.joinable(values);
    if (transaction && (isEnd || this.mustSplit(transaction, time))) {
      this.close(transaction, startswith === undefined);
      transaction = undefined;
    }
    if (!transaction) {
      if (endswith && !isEnd) return;
      transaction = { events: [], values: new Map(), latest: time, earliest: time, order: 0 };
      this.open.add(transaction);
    }
    transaction.events.push(row);
    transaction.earliest = time;
    transaction.order = this.addedEvents++;
    if (this.addedEvents % EXPIRY_SWEEP_EVERY === 0) this.closeExpired(time);
    this.open.learn(transaction, values);
    if (startswith?.(row, this.evalContext)) this.close(transaction, true);
  }

  /**
   * The transactions kept (closed ones, and evicted ones with keepevicted), newest first. Those
   * still open close now, or are evicted when they needed a startswith event.
   */
  *finish(): Iterable<Row> {
    for (const transaction of [...this.open]) {
      this.close(transaction, this.options.startswith === undefined);
    }
    const kept = this.done.filter((d) => d.closed || this.options.keepevicted);
    kept.sort((a, b) => b.transaction.earliest - a.transaction.earliest);
    for (const { transaction, closed } of kept) yield this.outputRow(transaction, closed);
  }

  private fieldValues(row: Row): Map<string, string> {
    const values = new Map<string, string>();
    for (const field of this.options.fields) {
      const value = row.get(field);
      if (value !== undefined) values.set(field, valueKey(value));
    }
    return values;
  }

  /** The most recently extended open transaction the event may join. */
  private joinable(values: ReadonlyMap<string, string>): OpenTransaction | undefined {
    let best: OpenTransaction | undefined;
    for (const transaction of this.open.candidates(values)) {
      let shared = false;
      let conflict = false;
      for (const [field, key] of values) {
        const own = transaction.values.get(field);
        if (own === undefined) continue;
        if (own === key) shared = true;
        else conflict = true;
      }
      if (conflict || (this.options.connected && !shared && this.options.fields.length > 0)) {
        continue;
      }
      if (!best || transaction.order > best.order) best = transaction;
    }
    return best;
  }

  private mustSplit(transaction: OpenTransaction, time: number): boolean {
    const { maxspan, maxpause, maxevents } = this.options;
    if (maxspan !== undefined && transaction.latest - time > maxspan) return true;
    if (maxpause !== undefined && transaction.earliest - time > maxpause) return true;
    return transaction.events.length >= maxevents;
  }

  /**
   * Events come newest first, so a transaction past maxspan or maxpause at this time can take no
   * more events: closing it keeps the open set (and the candidates of each event) small.
   */
  private closeExpired(time: number): void {
    const { maxspan, maxpause, startswith } = this.options;
    if (maxspan === undefined && maxpause === undefined) return;
    for (const transaction of [...this.open]) {
      const expired =
        (maxspan !== undefined && transaction.latest - time > maxspan) ||
        (maxpause !== undefined && transaction.earliest - time > maxpause);
      if (expired) this.close(transaction, startswith === undefined);
    }
  }

  private close(transaction: OpenTransaction, closed: boolean): void {
    this.open.remove(transaction);
    this.done.push({ transaction, closed });
  }

  private outputRow(transaction: OpenTransaction, closed: boolean): Row {
    const oldestFirst = [...transaction.events].reverse();
    const merged = new Map<string, Map<string, Scalar>>();
    const raws: string[] = [];
    for (const event of oldestFirst) {
      for (const [field, value] of event) {
        if (field === '_time') continue;
        if (field === '_raw') {
          raws.push(...valuesOf(value).map(scalarToString));
          continue;
        }
        let distinct = merged.get(field);
        if (!distinct) merged.set(field, (distinct = new Map()));
        for (const scalar of valuesOf(value)) distinct.set(scalarToString(scalar), scalar);
      }
    }
    const row: Row = new Map<string, FieldValue>([['_time', transaction.earliest]]);
    for (const [field, distinct] of merged) {
      const sorted = [...distinct.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const values = sorted.map(([, scalar]) => scalar);
      row.set(field, values.length === 1 ? (values[0] as Scalar) : values);
    }
    if (raws.length > 0) row.set('_raw', raws.join('\n'));
    row.set('duration', transaction.latest - transaction.earliest);
    row.set('eventcount', transaction.events.length);
    if (this.options.keepevicted) row.set('closed_txn', closed ? 1 : 0);
    return row;
  }
}
