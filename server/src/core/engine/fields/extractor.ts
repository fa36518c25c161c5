import { scalarToString, valuesOf, type FieldValue, type Row } from '../value';
import type { CompiledStanza } from './compileProps';
import { applyLookup, type LookupStep } from './lookupTable';
import type { AliasPair, EvalProgram, PropsStep } from './propsSteps';
import { applyInlineExtraction, applyRegexTransform } from './regexExtraction';
import { compareStanzaPrecedence } from './stanzaMatch';

/** The steps that apply to one (sourcetype, source, host), in Splunk's search-time order. */
interface Plan {
  readonly extractions: readonly PropsStep[];
  readonly aliases: readonly (readonly AliasPair[])[];
  readonly evals: readonly { field: string; program: EvalProgram }[];
  readonly lookups: readonly LookupStep[];
}

/** Plans are cached per metadata triple; a dataset has few. The cap bounds memory on odd data. */
const MAX_CACHED_PLANS = 1000;

function text(value: FieldValue | undefined): string {
  const first = valuesOf(value)[0];
  return first === undefined ? '' : scalarToString(first);
}

function byKey<T>(entries: [string, T][]): T[] {
  return entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
}

/**
 * Adds search-time fields to events as props.conf/transforms.conf describe them, in Splunk's
 * order (sysmon-fields.md "Order at search time"): EXTRACT-/REPORT- in ASCII order of their
 * setting names, then FIELDALIAS-, then EVAL- (all computed from the fields as they were before
 * any EVAL ran), then LOOKUP-.
 */
export class FieldExtractor {
  private readonly plans = new Map<string, Plan>();
  /** Consecutive events nearly always share their metadata: remember the last plan used. */
  private last: { sourcetype: string; source: string; host: string; plan: Plan } | undefined;

  /** Without [host::] stanzas the host cannot change the plan, so it is left out of the key. */
  private readonly hostMatters: boolean;

  constructor(private readonly stanzas: readonly CompiledStanza[]) {
    this.hostMatters = stanzas.some((s) => s.matcher.kind === 'host');
  }

  /**
   * Every field an EVAL-, FIELDALIAS- or LOOKUP- names, inputs included: their values are
   * computed, so their text need not appear in `_raw`. Naming inputs too only pre-filters less.
   */
  computedFields(): Set<string> {
    const names = new Set<string>();
    for (const stanza of this.stanzas) {
      for (const step of stanza.steps.values()) {
        if (step.kind === 'eval') names.add(step.field);
        else if (step.kind === 'alias') {
          for (const pair of step.pairs) names.add(pair.from).add(pair.to);
        } else if (step.kind === 'lookup') {
          for (const field of [...step.lookup.inputFields, ...step.lookup.outputFields]) {
            names.add(field);
          }
        }
      }
    }
    return names;
  }

  apply(row: Row): void {
    const sourcetype = text(row.get('sourcetype'));
    const source = text(row.get('source'));
    const host = this.hostMatters ? text(row.get('host')) : '';
    const last = this.last;
    const plan =
      last !== undefined &&
      last.sourcetype === sourcetype &&
      last.source === source &&
      last.host === host
        ? last.plan
        : this.cachedPlan(sourcetype, source, host);
    for (const step of plan.extractions) {
      if (step.kind === 'extract') applyInlineExtraction(step.extraction, row);
      else if (step.kind === 'report') for (const t of step.transforms) applyRegexTransform(t, row);
    }
    for (const pairs of plan.aliases) applyAliases(pairs, row);
    if (plan.evals.length > 0) {
      const results = plan.evals.map((e) => e.program.evaluate(row));
      plan.evals.forEach(({ field }, i) => {
        const value = results[i];
        if (value === undefined) row.delete(field);
        else row.set(field, value);
      });
    }
    for (const lookup of plan.lookups) applyLookup(lookup, row);
  }

  private cachedPlan(sourcetype: string, source: string, host: string): Plan {
    const key = `${sourcetype}\u0000${source}\u0000${host}`;
    let plan = this.plans.get(key);
    if (plan === undefined) {
      if (this.plans.size >= MAX_CACHED_PLANS) this.plans.clear();
      plan = this.plan(sourcetype, source, host);
      this.plans.set(key, plan);
    }
    this.last = { sourcetype, source, host, plan };
    return plan;
  }

  private plan(sourcetype: string, source: string, host: string): Plan {
    const matching = this.stanzas
      .filter((s) => s.matcher.matches(sourcetype, source, host))
      .sort((a, b) => compareStanzaPrecedence(a.matcher, b.matcher));
    const winners = new Map<string, PropsStep>();
    for (const stanza of matching) {
      for (const [key, step] of stanza.steps) if (!winners.has(key)) winners.set(key, step);
    }
    const entries = [...winners];
    const ofKind = <K extends PropsStep['kind']>(kind: K) =>
      entries.filter((e): e is [string, Extract<PropsStep, { kind: K }>] => e[1].kind === kind);
    return {
      extractions: byKey(entries.filter(([, s]) => s.kind === 'extract' || s.kind === 'report')),
      aliases: byKey(ofKind('alias')).map((s) => s.pairs),
      evals: byKey(ofKind('eval')).map((s) => ({ field: s.field, program: s.program })),
      lookups: byKey(ofKind('lookup')).map((s) => s.lookup),
    };
  }
}

/**
 * FIELDALIAS: `AS` copies the value, and clears the alias when the original field is absent;
 * `ASNEW` only fills an alias the event does not have.
 */
function applyAliases(pairs: readonly AliasPair[], row: Row): void {
  for (const { from, to, onlyNew } of pairs) {
    const value = row.get(from);
    if (onlyNew) {
      if (value !== undefined && !row.has(to)) row.set(to, value);
    } else if (value !== undefined) row.set(to, value);
    else row.delete(to);
  }
}
