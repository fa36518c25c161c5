import { didYouMean } from '../../text/didYouMean';
import { confDiagnostic, type FileDiagnostic } from './confFile';
import type { CompiledTransforms } from './compileTransforms';
import type { LookupStep } from './lookupTable';
import type { MergedStanza, PlacedSetting } from './mergeConf';
import {
  parseAliases,
  parseLookupClause,
  splitExtractSource,
  type CompileEval,
  type PropsStep,
} from './propsSteps';
import type { RegexTransform } from './regexExtraction';
import { compileSplunkRegex } from './splunkRegex';
import { stanzaMatcher, type StanzaMatcher } from './stanzaMatch';

export interface CompiledStanza {
  readonly matcher: StanzaMatcher;
  /** Keyed by setting name (`REPORT-x`, `EVAL-y`, ...), which is what precedence merges on. */
  readonly steps: Map<string, PropsStep>;
}

const SEARCH_TIME_PREFIXES = ['EXTRACT-', 'REPORT-', 'FIELDALIAS-', 'EVAL-', 'LOOKUP-'];

interface Context {
  readonly transforms: CompiledTransforms;
  readonly compileEval: CompileEval;
  readonly diagnostics: FileDiagnostic[];
}

function error(ctx: Context, setting: PlacedSetting, code: string, message: string): undefined {
  ctx.diagnostics.push(confDiagnostic(setting.file, 'error', code, message, setting.valueRange));
  return undefined;
}

function compileReport(ctx: Context, setting: PlacedSetting): PropsStep | undefined {
  const transforms: RegexTransform[] = [];
  for (const name of setting.value
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '')) {
    const transform = ctx.transforms.regexes.get(name);
    if (transform === undefined) {
      const hint = didYouMean(name, ctx.transforms.regexes.keys());
      return error(
        ctx,
        setting,
        'conf-unknown-transform',
        `no transforms.conf stanza [${name}] with a REGEX${hint ? `; did you mean ${hint}?` : ''}`,
      );
    }
    transforms.push(transform);
  }
  return { kind: 'report', transforms };
}

function compileLookupStep(ctx: Context, setting: PlacedSetting): PropsStep | undefined {
  const clause = parseLookupClause(setting.value);
  if ('error' in clause) return error(ctx, setting, 'conf-lookup', clause.error);
  const table = ctx.transforms.lookups.get(clause.name);
  if (table === undefined) {
    const hint = didYouMean(clause.name, ctx.transforms.lookups.keys());
    return error(
      ctx,
      setting,
      'conf-lookup',
      `no transforms.conf lookup [${clause.name}] with a filename${hint ? `; did you mean ${hint}?` : ''}`,
    );
  }
  const columnOf = (column: string) => table.columns.indexOf(column);
  const outputs =
    clause.outputs ??
    table.columns
      .filter((c) => !clause.inputs.some((i) => i.column === c))
      .map((c) => ({ column: c, field: c }));
  const missing = [...clause.inputs, ...outputs].find((c) => columnOf(c.column) < 0);
  if (missing !== undefined) {
    return error(
      ctx,
      setting,
      'conf-lookup',
      `lookup ${clause.name} has no column \`${missing.column}\` (columns: ${table.columns.join(', ')})`,
    );
  }
  const lookup: LookupStep = {
    table,
    inputColumns: clause.inputs.map((i) => columnOf(i.column)),
    inputFields: clause.inputs.map((i) => i.field),
    outputColumns: outputs.map((o) => columnOf(o.column)),
    outputFields: outputs.map((o) => o.field),
    onlyNew: clause.onlyNew,
  };
  return { kind: 'lookup', lookup };
}

function compileSetting(ctx: Context, setting: PlacedSetting): PropsStep | undefined {
  const key = setting.key;
  if (key.startsWith('EXTRACT-')) {
    const { pattern, sourceKey } = splitExtractSource(setting.value);
    const compiled = compileSplunkRegex(pattern);
    if ('error' in compiled)
      return error(ctx, setting, 'conf-regex', `EXTRACT regex does not compile: ${compiled.error}`);
    if (!/\(\?<[A-Za-z_]/.test(compiled.regex.source)) {
      return error(
        ctx,
        setting,
        'conf-regex',
        'EXTRACT needs named groups, e.g. `(?<field>\\d+)`, to name what it extracts',
      );
    }
    return { kind: 'extract', extraction: { regex: compiled.regex, sourceKey } };
  }
  if (key.startsWith('REPORT-')) return compileReport(ctx, setting);
  if (key.startsWith('FIELDALIAS-')) {
    const parsed = parseAliases(setting.value);
    return 'error' in parsed
      ? error(ctx, setting, 'conf-alias', parsed.error)
      : { kind: 'alias', pairs: parsed.pairs };
  }
  if (key.startsWith('EVAL-')) {
    const field = key.slice('EVAL-'.length);
    const program = ctx.compileEval(setting.value);
    if ('error' in program)
      return error(ctx, setting, 'conf-eval', `EVAL-${field}: ${program.error}`);
    return { kind: 'eval', field, program };
  }
  return compileLookupStep(ctx, setting);
}

export function compileProps(
  stanzas: Map<string, MergedStanza>,
  transforms: CompiledTransforms,
  compileEval: CompileEval,
  diagnostics: FileDiagnostic[],
): CompiledStanza[] {
  const ctx: Context = { transforms, compileEval, diagnostics };
  const compiled: CompiledStanza[] = [];
  for (const stanza of stanzas.values()) {
    const prioritySetting = stanza.settings.get('priority');
    const matcher = stanzaMatcher(stanza.name, Number(prioritySetting?.value ?? 0) || 0);
    if ('error' in matcher) {
      diagnostics.push(
        confDiagnostic(stanza.file, 'warning', 'conf-stanza', matcher.error, stanza.nameRange),
      );
      continue;
    }
    const steps = new Map<string, PropsStep>();
    for (const setting of stanza.settings.values()) {
      if (!SEARCH_TIME_PREFIXES.some((p) => setting.key.startsWith(p))) {
        if (setting.key !== 'priority') {
          diagnostics.push(
            confDiagnostic(
              setting.file,
              'info',
              'conf-unused',
              `\`${setting.key}\` is not a search-time setting the local evaluator uses`,
              setting.keyRange,
            ),
          );
        }
        continue;
      }
      const step = compileSetting(ctx, setting);
      if (step !== undefined) steps.set(setting.key, step);
    }
    compiled.push({ matcher, steps });
  }
  return compiled;
}
