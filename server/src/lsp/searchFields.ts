import { fieldsAfter, openFields, type FieldSet } from '../core/analysis/fieldFlow';
import type { Pipeline, Stage } from '../core/syntax';
import type { SourceRange } from '../core/text/range';

/** A field an earlier stage of the search sets, and the command that sets it. */
export interface SearchFieldOrigin {
  readonly command: string;
  /** Offset of the stage's start in the search. */
  readonly stageStart: number;
}

const rexGroup = /\(\?P?<([A-Za-z_]\w*)>/g;

/** Names a stage sets: eval targets, aggregation results, renames, rex groups, lookup outputs. */
function fieldsSetBy(stage: Stage, spl: string): string[] {
  if (stage.kind !== 'command') return [];
  switch (stage.name) {
    case 'eval':
    case 'fieldformat':
      return 'assignments' in stage ? stage.assignments.map((a) => a.field.name) : [];
    case 'stats':
    case 'eventstats':
    case 'streamstats':
    case 'chart':
    case 'timechart':
    case 'tstats':
      return 'aggregations' in stage
        ? stage.aggregations.map((a) =>
            a.alias
              ? a.alias.name
              : spl.slice(a.range.start.offset, a.range.end.offset).replace(/\s+/g, ''),
          )
        : [];
    case 'rename':
      return 'renames' in stage ? stage.renames.map((r) => r.to.name) : [];
    case 'rex':
      return 'pattern' in stage
        ? [...stage.pattern.value.matchAll(rexGroup)].map((m) => m[1] as string)
        : [];
    case 'lookup':
      return 'outputs' in stage ? stage.outputs.map((o) => (o.alias ?? o.field).name) : [];
    case 'convert':
      return 'conversions' in stage
        ? stage.conversions.flatMap((c) => (c.alias ? [c.alias.name] : []))
        : [];
    default:
      return [];
  }
}

/** The stage of the top-level pipeline that holds `offset`, or the last one before it. */
function stageIndexAt(pipeline: Pipeline, offset: number): number {
  let found = 0;
  pipeline.stages.forEach((stage, i) => {
    if (stage.range.start.offset <= offset) found = i;
  });
  return found;
}

/**
 * What the stages before the one at `offset` leave: which fields a row can have (closed after
 * stats and the like) and which of them the search itself sets, with the last stage setting each.
 */
export function fieldsBefore(
  pipeline: Pipeline,
  spl: string,
  offset: number,
): { set: FieldSet; origins: Map<string, SearchFieldOrigin> } {
  const origins = new Map<string, SearchFieldOrigin>();
  let set: FieldSet = openFields;
  const until = stageIndexAt(pipeline, offset);
  for (const stage of pipeline.stages.slice(0, until)) {
    for (const name of fieldsSetBy(stage, spl)) {
      origins.set(name, {
        command: stage.kind === 'command' ? stage.name : `\`${stage.macro.name}\``,
        stageStart: stage.range.start.offset,
      });
    }
    if (stage.kind === 'command') set = fieldsAfter(set, stage, spl);
  }
  return { set, origins };
}

/** The field name written at `offset`, from the syntax tree: where a field stands, not a value. */
export function fieldNameAt(
  pipeline: Pipeline,
  offset: number,
): { name: string; range: SourceRange } | undefined {
  let found: { name: string; range: SourceRange } | undefined;
  const visit = (value: unknown): void => {
    if (found || typeof value !== 'object' || value === null) return;
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    const node = value as { kind?: unknown; name?: unknown; range?: SourceRange };
    const range = node.range;
    if (range && (range.start.offset > offset || range.end.offset < offset)) return;
    if ((node.kind === 'field' || node.kind === 'fieldRef') && typeof node.name === 'string') {
      if (range) found = { name: node.name, range };
      return;
    }
    for (const key in node) if (key !== 'range') visit((node as Record<string, unknown>)[key]);
  };
  visit(pipeline);
  return found;
}
