/**
 * The output columns of one stats, eventstats or streamstats: a fixed column per plain aggregation, and for a wildcard
 * aggregation (`values(*) as *`, `latest(user.*)`) one column per matching field, decided as rows
 * arrive because only the data says which fields exist.
 *
 * Splunk's rules, in our words: the stats syntax (SPL Search Reference, "stats", help.splunk.com)
 * lets an aggregation take a wildcarded field and an `AS` name with wildcards; a `*` stands for
 * any run of characters, each matching field is aggregated on its own and named `fn(field)`, and
 * with a `*` in the `AS` name the text the field's `*` matched takes its place. As for `rename`
 * (same reference: both names must hold the same number of wildcards), an `AS` name whose number
 * of `*` differs from the field's is refused. The choices below could not be checked against
 * Splunk's documentation and follow what the corpus detections rely on (`stats min(_time) as
 * _time values(*) as *`, `stats count min(firstTime) as firstTime values(*) AS * by ...`); each is
 * tested as an unverified choice in test/engine/operators/statsWildcard.test.ts:
 * - the by-fields are never expanded (their value is the group's);
 * - fields starting with `_` (`_raw`, `_time`) match only a pattern that itself starts with `_`;
 * - a column that a plain aggregation or a by-field names is not produced by an expansion;
 * - the expanded columns of one aggregation come in lexicographic order of the field;
 * - `count(*)` expands like any other function (a count per field).
 * The eventstats and streamstats syntax (same reference, "eventstats", "streamstats") takes the
 * same wildcarded aggregation terms as stats; they use these columns unchanged (unverified: that
 * Splunk applies the same exclusions there), tested in test/engine/operators/eventstatsWildcard.test.ts.
 */
import type { Aggregation, FieldName } from '../../syntax/ast';
import type { Diagnostic } from '../../text/diagnostic';
import {
  aggregationOutputName,
  createAggregator,
  createFieldAggregator,
  wildcardArgument,
  type Aggregator,
} from '../aggregations';
import type { EvalContext } from '../expressions';
import { engineDiagnostic, type ExecutionContext, type PlanningContext } from '../plan/types';
import type { FieldValue, Row } from '../value';
import { isAggregator } from './grouping';
import { fieldPattern } from './wildcard';

/** Field names remembered as not matching, per aggregation; past this they are tested again. */
const REJECTED_MEMORY = 10_000;

type ColumnSpec =
  | { readonly kind: 'fixed'; readonly aggregation: Aggregation; readonly name: string }
  | {
      readonly kind: 'wildcard';
      readonly aggregation: Aggregation;
      readonly pattern: RegExp;
      readonly matchesInternal: boolean;
      readonly alias: string | undefined;
    };

export interface StatsColumnPlan {
  readonly specs: readonly ColumnSpec[];
}

/** Checks every aggregation at plan time; undefined (with diagnostics) when one cannot run. */
export function planStatsColumns(
  aggregations: readonly Aggregation[],
  planning: PlanningContext,
): StatsColumnPlan | undefined {
  const specs: ColumnSpec[] = [];
  const problems: Diagnostic[] = [];
  for (const aggregation of aggregations) {
    const wildcard = wildcardArgument(aggregation);
    const probe = wildcard
      ? createFieldAggregator(aggregation, wildcard)
      : createAggregator(aggregation, planning.evalContext);
    if (!isAggregator(probe)) {
      problems.push(probe);
      continue;
    }
    if (!wildcard) {
      specs.push({ kind: 'fixed', aggregation, name: aggregationOutputName(aggregation) });
      continue;
    }
    const alias = aggregation.alias;
    if (alias && starCount(alias.name) !== starCount(wildcard)) {
      problems.push(
        engineDiagnostic(
          'error',
          'spl.engine.wildcard-alias',
          `'${alias.name}' must hold as many * as '${wildcard}' (${starCount(wildcard)}), so that each ` +
            `matching field gets its own name: e.g. ${aggregation.function}(${wildcard}) AS ${wildcard}, or drop AS`,
          alias.range,
        ),
      );
      continue;
    }
    specs.push({
      kind: 'wildcard',
      aggregation,
      pattern: fieldPattern(wildcard),
      matchesInternal: wildcard.startsWith('_'),
      alias: alias?.name,
    });
  }
  planning.diagnostics.push(...problems);
  return problems.length === 0 ? { specs } : undefined;
}

/** One group's aggregators: one per fixed column, one map (field to aggregator) per wildcard. */
export interface GroupColumns {
  readonly fixed: Aggregator[];
  readonly expanded: Map<string, Aggregator>[];
}

interface Expansion {
  readonly spec: Extract<ColumnSpec, { kind: 'wildcard' }>;
  /** Matching field to its output name, in the order the fields first appeared. */
  readonly fields: Map<string, string>;
  readonly rejected: Set<string>;
  /** `fields` in lexicographic order of the field; undefined after a field is added. */
  sorted: readonly (readonly [string, string])[] | undefined;
}

/** The columns of one run of one stats: which fields each wildcard has expanded to so far. */
export class StatsColumns {
  private readonly fixed: Extract<ColumnSpec, { kind: 'fixed' }>[] = [];
  private readonly expansions: Expansion[] = [];
  /** The aggregations in the order written, as indexes into `fixed` or `expansions`. */
  private readonly order: { readonly wildcard: boolean; readonly index: number }[] = [];
  private readonly byFields: Set<string>;
  /** Names no expansion may take: the by-fields and the fixed columns. */
  private readonly reserved: Set<string>;
  private expandedCount = 0;
  private capReported = false;

  constructor(
    plan: StatsColumnPlan,
    by: readonly FieldName[],
    private readonly ctx: ExecutionContext,
  ) {
    for (const spec of plan.specs) {
      if (spec.kind === 'fixed') {
        this.order.push({ wildcard: false, index: this.fixed.push(spec) - 1 });
      } else {
        const expansion = {
          spec,
          fields: new Map(),
          rejected: new Set<string>(),
          sorted: undefined,
        };
        this.order.push({ wildcard: true, index: this.expansions.push(expansion) - 1 });
      }
    }
    this.byFields = new Set(by.map((f) => f.name));
    this.reserved = new Set([...this.byFields, ...this.fixed.map((s) => s.name)]);
  }

  newGroup(evalContext: EvalContext): GroupColumns {
    return {
      fixed: this.fixed.map((s) => createAggregator(s.aggregation, evalContext) as Aggregator),
      expanded: this.expansions.map(() => new Map()),
    };
  }

  add(group: GroupColumns, row: Row): void {
    for (const aggregator of group.fixed) aggregator.add(row);
    this.expansions.forEach((expansion, i) => {
      const aggregators = group.expanded[i] as Map<string, Aggregator>;
      for (const field of row.keys()) {
        if (!this.accepts(expansion, field)) continue;
        let aggregator = aggregators.get(field);
        if (!aggregator) {
          aggregator = createFieldAggregator(expansion.spec.aggregation, field) as Aggregator;
          aggregators.set(field, aggregator);
        }
        aggregator.add(row);
      }
    });
  }

  /**
   * Writes a group's columns into its result row. Every group gets every expanded column: one
   * that never saw a field reports what the function gives for no values (0 for count and dc,
   * nothing for values), as Splunk's table has one set of columns for all rows.
   */
  writer(): (group: GroupColumns, row: Row) => void {
    const ordered = this.expansions.map((expansion) => {
      return sortedFields(expansion).map(([field, name]) => ({
        field,
        name,
        empty: (createFieldAggregator(expansion.spec.aggregation, field) as Aggregator).result(),
      }));
    });
    return (group, row) => {
      for (const { wildcard, index } of this.order) {
        if (!wildcard) {
          this.writeFixed(group, row, index);
          continue;
        }
        const aggregators = group.expanded[index] as Map<string, Aggregator>;
        for (const column of ordered[index] ?? []) {
          const aggregator = aggregators.get(column.field);
          setResult(row, column.name, aggregator ? aggregator.result() : column.empty);
        }
      }
    };
  }

  /** The result of the plain aggregation at `index` into its column. */
  private writeFixed(group: GroupColumns, row: Row, index: number): void {
    const name = (this.fixed[index] as { name: string }).name;
    setResult(row, name, (group.fixed[index] as Aggregator).result());
  }

  /**
   * Writes the columns a group has seen so far: the fixed ones, and the expanded fields the group
   * holds an aggregator for. For streamstats, whose events leave one by one, so an event gets no
   * column for a field that only later events (or other groups) hold.
   */
  writeSeen(group: GroupColumns, row: Row): void {
    for (const { wildcard, index } of this.order) {
      if (!wildcard) {
        this.writeFixed(group, row, index);
        continue;
      }
      const aggregators = group.expanded[index] as Map<string, Aggregator>;
      if (aggregators.size === 0) continue;
      for (const [field, name] of sortedFields(this.expansions[index] as Expansion)) {
        setResult(row, name, aggregators.get(field)?.result());
      }
    }
  }

  private accepts(expansion: Expansion, field: string): boolean {
    if (expansion.fields.has(field)) return true;
    if (expansion.rejected.has(field)) return false;
    const name = this.outputName(expansion.spec, field);
    if (name === undefined || this.byFields.has(field) || this.reserved.has(name)) {
      if (expansion.rejected.size < REJECTED_MEMORY) expansion.rejected.add(field);
      return false;
    }
    if (this.expandedCount >= this.ctx.limits.maxWildcardFields) {
      this.reportCap(expansion.spec.aggregation);
      if (expansion.rejected.size < REJECTED_MEMORY) expansion.rejected.add(field);
      return false;
    }
    this.expandedCount++;
    expansion.fields.set(field, name);
    expansion.sorted = undefined;
    return true;
  }

  /** `fn(field)`, or the AS name with each `*` replaced by what the pattern's `*` matched. */
  private outputName(
    spec: Extract<ColumnSpec, { kind: 'wildcard' }>,
    field: string,
  ): string | undefined {
    if (field.startsWith('_') && !spec.matchesInternal) return undefined;
    const match = spec.pattern.exec(field);
    if (!match) return undefined;
    if (spec.alias === undefined) return `${spec.aggregation.function}(${field})`;
    let star = 0;
    return spec.alias.replace(/\*/g, () => match[++star] as string);
  }

  private reportCap(aggregation: Aggregation): void {
    if (this.capReported) return;
    this.capReported = true;
    const limit = this.ctx.limits.maxWildcardFields;
    this.ctx.report(
      engineDiagnostic(
        'warning',
        'spl.engine.limit.wildcard-fields',
        `the wildcard aggregations of this command matched more than ${limit} fields (the wildcard-fields limit); ` +
          'only the first ones get a column. Narrow the pattern, or remove fields with `fields` before this command.',
        aggregation.argument?.range ?? aggregation.functionRange,
      ),
    );
  }
}

function sortedFields(expansion: Expansion): readonly (readonly [string, string])[] {
  expansion.sorted ??= [...expansion.fields].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return expansion.sorted;
}

function starCount(name: string): number {
  return name.split('*').length - 1;
}

function setResult(row: Row, name: string, value: FieldValue | undefined): void {
  if (value !== undefined) row.set(name, value);
}
