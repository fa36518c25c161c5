import { parse } from 'csv-parse/sync';
import { existsSync, statSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Row } from './value';

/** Lookup tables bigger than this are refused rather than read into memory. */
export const MAX_LOOKUP_BYTES = 64 * 1024 * 1024;

export type LookupLoad = { readonly rows: Row[] } | { readonly error: string };

/**
 * The nearest `lookups/` folder at or above `startFolder`, as security_content lays it out; the
 * walk stops at the first folder `mayRead` refuses (an editor keeps it inside the workspace).
 */
export function nearestLookupFolder(
  startFolder: string,
  mayRead: (folder: string) => boolean = () => true,
): string[] {
  let directory = resolve(startFolder);
  while (mayRead(directory)) {
    const folder = join(directory, 'lookups');
    if (existsSync(folder) && statSync(folder).isDirectory()) return [folder];
    const parent = dirname(directory);
    if (parent === directory) break;
    directory = parent;
  }
  return [];
}

/** security_content describes each lookup in `<name>.yml`, whose `filename:` names the CSV. */
async function csvNamedByYaml(folder: string, table: string): Promise<string | undefined> {
  for (const extension of ['.yml', '.yaml']) {
    const text = await readFile(join(folder, `${table}${extension}`), 'utf8').catch(
      () => undefined,
    );
    if (text === undefined) continue;
    let filename: unknown;
    try {
      filename = (parseYaml(text) as { filename?: unknown } | null)?.filename;
    } catch {
      return undefined;
    }
    if (typeof filename !== 'string' || !filename.toLowerCase().endsWith('.csv')) return undefined;
    const candidate = join(folder, basename(filename));
    return (await stat(candidate).catch(() => undefined))?.isFile() ? candidate : undefined;
  }
  return undefined;
}

/**
 * A lookup is named by its file or definition name, never by a path: a name with a separator or
 * `..` could reach files outside the lookup folders, and with `map` a name can come from event
 * data, which is attacker-controlled.
 */
function isPlainName(table: string): boolean {
  return table !== '' && !/[\\/]/.test(table) && table !== '..' && table !== '.';
}

/**
 * Finds a lookup's CSV file: each path is a CSV file (matched by its name, with or without
 * `.csv`) or a folder holding `<table>`, `<table>.csv`, or a `<table>.yml` that names the CSV.
 */
async function locate(table: string, paths: readonly string[]): Promise<string | undefined> {
  const names = table.toLowerCase().endsWith('.csv') ? [table] : [table, `${table}.csv`];
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (!info) continue;
    if (info.isFile()) {
      if (names.includes(basename(path))) return path;
      continue;
    }
    for (const name of names) {
      const candidate = join(path, name);
      if ((await stat(candidate).catch(() => undefined))?.isFile()) return candidate;
    }
    const described = await csvNamedByYaml(path, table);
    if (described) return described;
  }
  return undefined;
}

/** Reads a CSV lookup: the first line names the columns; empty cells give no field. */
export async function loadLookupTable(
  table: string,
  paths: readonly string[],
): Promise<LookupLoad> {
  if (!isPlainName(table)) {
    return {
      error: `The lookup name '${table}' is a path; name a lookup by its file or definition name (lookups are read from the lookup folders only).`,
    };
  }
  const file = await locate(table, paths);
  if (!file) {
    return {
      error:
        paths.length === 0
          ? `No lookup folder was given, so the lookup '${table}' cannot be read (give --lookups).`
          : `No CSV file for the lookup '${table}' in ${paths.join(', ')}.`,
    };
  }
  try {
    if ((await stat(file)).size > MAX_LOOKUP_BYTES) {
      return { error: `The lookup file ${file} is larger than ${MAX_LOOKUP_BYTES} bytes.` };
    }
    const records = parse(await readFile(file, 'utf8'), {
      columns: true,
      skip_empty_lines: true,
      bom: true,
      relax_column_count: true,
    }) as Record<string, string>[];
    return {
      rows: records.map((record) => {
        const row: Row = new Map();
        for (const [column, value] of Object.entries(record))
          if (value !== '') row.set(column, value);
        return row;
      }),
    };
  } catch (error) {
    return { error: `Cannot read the lookup file ${file}: ${(error as Error).message}` };
  }
}
