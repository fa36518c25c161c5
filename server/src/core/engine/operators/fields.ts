import type { FieldListCommand, RenameCommand } from '../../syntax/ast';
import type { Operator } from '../plan/types';
import type { FieldValue, Row } from '../value';
import { fieldPattern, hasWildcard } from './wildcard';

/** Splunk keeps these on events through `fields` unless they are removed by name. */
const INTERNAL_KEPT_BY_FIELDS = new Set(['_time', '_raw']);

function matcher(names: readonly string[]): (field: string) => boolean {
  const exact = new Set(names.filter((n) => !hasWildcard(n)));
  const patterns = names.filter(hasWildcard).map(fieldPattern);
  return (field) => exact.has(field) || patterns.some((p) => p.test(field));
}

/**
 * `table a b*`: only the listed fields, in the order listed (a wildcard's matches in the order the
 * row has them). `fields a b` keeps them in the row's order plus _time and _raw; `fields - a` drops.
 */
export function fieldListOperator(command: FieldListCommand): Operator {
  const names = command.fields.map((f) => f.name);
  const selects = matcher(names);
  const patterns = names.map((n) => (hasWildcard(n) ? fieldPattern(n) : n));
  return {
    command: command.name,
    range: command.range,
    async *run(input) {
      for await (const row of input) {
        if (command.mode === 'remove') {
          for (const field of [...row.keys()]) if (selects(field)) row.delete(field);
          yield row;
        } else if (command.name === 'table') {
          yield tableRow(row, patterns);
        } else {
          for (const field of [...row.keys()]) {
            if (!selects(field) && !INTERNAL_KEPT_BY_FIELDS.has(field)) row.delete(field);
          }
          yield row;
        }
      }
    },
  };
}

function tableRow(row: Row, patterns: readonly (string | RegExp)[]): Row {
  const out: Row = new Map();
  for (const pattern of patterns) {
    if (typeof pattern === 'string') {
      const value = row.get(pattern);
      if (value !== undefined) out.set(pattern, value);
      continue;
    }
    for (const [field, value] of row) if (pattern.test(field)) out.set(field, value);
  }
  return out;
}

/**
 * `rename a AS b, Processes.* AS *`: a wildcard source's matched parts fill the target's
 * wildcards. A rename replaces any existing field of the new name.
 */
export function renameOperator(command: RenameCommand): Operator {
  const renames = command.renames.map(({ from, to }) => ({
    from: from.name,
    to: to.name,
    pattern: hasWildcard(from.name) ? fieldPattern(from.name) : undefined,
  }));
  return {
    command: 'rename',
    range: command.range,
    async *run(input) {
      for await (let row of input) {
        for (const rename of renames) row = applyRename(row, rename);
        yield row;
      }
    },
  };
}

function applyRename(
  row: Row,
  rename: { from: string; to: string; pattern: RegExp | undefined },
): Row {
  const moves = new Map<string, string>();
  if (!rename.pattern) {
    if (row.has(rename.from)) moves.set(rename.from, rename.to);
  } else {
    for (const field of row.keys()) {
      const match = rename.pattern.exec(field);
      if (!match) continue;
      let part = 0;
      moves.set(
        field,
        rename.to.replace(/\*/g, () => match[++part] ?? ''),
      );
    }
  }
  if (moves.size === 0) return row;
  // Rebuild so a renamed field keeps its position, as Splunk's field order does.
  const targets = new Set(moves.values());
  const out: Row = new Map();
  for (const [field, value] of row) {
    const target = moves.get(field);
    if (target !== undefined) out.set(target, value as FieldValue);
    else if (!targets.has(field)) out.set(field, value);
  }
  return out;
}
