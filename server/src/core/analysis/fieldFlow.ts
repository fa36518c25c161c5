import type { Aggregation, Command, FieldName } from '../syntax';

/**
 * Which fields a result row can have after some stages. Events may carry any field, so the set
 * starts open; a transforming command (stats, tstats, top) closes it to the fields it outputs,
 * and later commands add, rename or drop names. Commands whose outputs depend on data (rex,
 * spath, lookup without OUTPUT, join, ...) open it again.
 */
export type FieldSet =
  { readonly open: true } | { readonly open: false; readonly names: ReadonlySet<string> };

export const openFields: FieldSet = { open: true };

/** The fields after one command; `text` is the text the command was parsed from. */
export function fieldsAfter(before: FieldSet, command: Command, text: string): FieldSet {
  if ('generic' in command) return openFields;
  switch (command.name) {
    case 'stats':
    case 'tstats':
      return closed([...aggregationNames(command.aggregations, text), ...fieldNames(command.by)]);
    case 'eventstats':
    case 'streamstats':
      return added(before, aggregationNames(command.aggregations, text));
    case 'top':
    case 'rare':
      return closed([...fieldNames(command.fields), ...fieldNames(command.by), 'count', 'percent']);
    case 'eval':
    case 'fieldformat':
      return added(
        before,
        command.assignments.map((a) => a.field.name),
      );
    case 'convert':
      return added(
        before,
        command.conversions.map((c) => (c.alias ?? c.field).name),
      );
    case 'fillnull':
      return added(before, fieldNames(command.fields));
    case 'bin':
      return added(before, command.alias ? [command.alias.name] : []);
    case 'rename':
      return command.renames.reduce((set, r) => renamed(set, r.from.name, r.to.name), before);
    case 'lookup':
      return command.outputs.length === 0
        ? openFields
        : added(
            before,
            command.outputs.map((o) => (o.alias ?? o.field).name),
          );
    case 'table':
    case 'fields':
      return command.mode === 'keep'
        ? kept(before, fieldNames(command.fields))
        : removed(before, fieldNames(command.fields));
    case 'search':
    case 'where':
    case 'sort':
    case 'dedup':
    case 'head':
    case 'tail':
    case 'makemv':
    case 'mvexpand':
      return before;
    default:
      return openFields;
  }
}

/** Splunk names an aggregation without `as` exactly as written, e.g. `min(_time)`. */
function aggregationNames(aggregations: readonly Aggregation[], text: string): string[] {
  return aggregations.map(
    (a) => a.alias?.name ?? text.slice(a.range.start.offset, a.range.end.offset).trim(),
  );
}

function fieldNames(fields: readonly FieldName[]): string[] {
  return fields.map((f) => f.name);
}

function closed(names: readonly string[]): FieldSet {
  return names.some(hasWildcard) ? openFields : { open: false, names: new Set(names) };
}

function added(set: FieldSet, names: readonly string[]): FieldSet {
  if (set.open) return set;
  if (names.some(hasWildcard)) return openFields;
  return { open: false, names: new Set([...set.names, ...names]) };
}

function renamed(set: FieldSet, from: string, to: string): FieldSet {
  if (set.open) return set;
  const pattern = globPattern(from);
  const names = new Set<string>();
  for (const name of set.names) {
    const match = pattern.exec(name);
    if (!match) names.add(name);
    else names.add(hasWildcard(to) ? to.replace('*', match[1] ?? '') : to);
  }
  return { open: false, names };
}

function kept(set: FieldSet, patterns: readonly string[]): FieldSet {
  if (set.open) return patterns.some(hasWildcard) ? set : closed(patterns);
  const regexes = patterns.map(globPattern);
  return {
    open: false,
    names: new Set([...set.names].filter((n) => regexes.some((r) => r.test(n)))),
  };
}

function removed(set: FieldSet, patterns: readonly string[]): FieldSet {
  if (set.open) return set;
  const regexes = patterns.map(globPattern);
  return {
    open: false,
    names: new Set([...set.names].filter((n) => !regexes.some((r) => r.test(n)))),
  };
}

function hasWildcard(name: string): boolean {
  return name.includes('*');
}

/** `Processes.*` -> /^Processes\.(.*)$/ (the first `*` captured, as rename's wildcard substitution uses it). */
function globPattern(glob: string): RegExp {
  const parts = glob.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.map((p, i) => (i === 0 ? p : `(.*)${p}`)).join('')}$`);
}
