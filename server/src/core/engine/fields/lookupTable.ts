import { parse } from 'csv-parse/sync';
import { scalarToString, valuesOf, type FieldValue, type Row } from '../value';

/** A CSV lookup table (transforms.conf stanza with `filename`). */
export class LookupTable {
  private readonly indexes = new Map<string, Map<string, number[]>>();

  private constructor(
    readonly name: string,
    readonly columns: readonly string[],
    private readonly rows: readonly (readonly string[])[],
    private readonly caseSensitive: boolean,
    private readonly maxMatches: number,
  ) {}

  static fromCsv(
    name: string,
    text: string,
    options: { caseSensitive: boolean; maxMatches: number },
  ): LookupTable | { error: string } {
    let records: string[][];
    try {
      records = parse(text, { relax_column_count: true, skip_empty_lines: true, bom: true });
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
    const [header, ...rows] = records;
    if (header === undefined || header.length === 0)
      return { error: 'the CSV file has no header row' };
    return new LookupTable(name, header, rows, options.caseSensitive, options.maxMatches);
  }

  private normalize(text: string): string {
    return this.caseSensitive ? text : text.toLowerCase();
  }

  private index(inputColumns: readonly number[]): Map<string, number[]> {
    const id = inputColumns.join(',');
    let index = this.indexes.get(id);
    if (index === undefined) {
      const built = new Map<string, number[]>();
      this.rows.forEach((record, rowNumber) => {
        const key = inputColumns.map((c) => this.normalize(record[c] ?? '')).join('\u0000');
        const list = built.get(key);
        if (list === undefined) built.set(key, [rowNumber]);
        else list.push(rowNumber);
      });
      this.indexes.set(id, built);
      index = built;
    }
    return index;
  }

  /**
   * Values of `outputColumns` for the rows matching the event's input values; a multivalue input
   * matches each of its values. Several matches (up to max_matches) give a multivalue result.
   */
  match(
    inputColumns: readonly number[],
    inputValues: readonly (FieldValue | undefined)[],
    outputColumns: readonly number[],
  ): (FieldValue | undefined)[] | undefined {
    if (inputValues.some((v) => v === undefined)) return undefined;
    const index = this.index(inputColumns);
    const keys =
      inputValues.length === 1
        ? valuesOf(inputValues[0]).map((v) => this.normalize(scalarToString(v)))
        : [
            inputValues
              .map((v) => this.normalize(scalarToString(valuesOf(v)[0] ?? '')))
              .join('\u0000'),
          ];
    const matched: number[] = [];
    for (const key of keys) {
      for (const rowNumber of index.get(key) ?? []) {
        if (matched.length < this.maxMatches) matched.push(rowNumber);
      }
    }
    if (matched.length === 0) return undefined;
    return outputColumns.map((column) => {
      const values = matched.map((r) => this.rows[r]?.[column] ?? '').filter((v) => v !== '');
      if (values.length === 0) return undefined;
      return values.length === 1 ? values[0] : values;
    });
  }
}

/** A LOOKUP- setting compiled against its table. */
export interface LookupStep {
  readonly table: LookupTable;
  readonly inputColumns: readonly number[];
  readonly inputFields: readonly string[];
  readonly outputColumns: readonly number[];
  readonly outputFields: readonly string[];
  /** OUTPUTNEW: only fields the event does not have yet are written. */
  readonly onlyNew: boolean;
}

export function applyLookup(step: LookupStep, row: Row): void {
  const results = step.table.match(
    step.inputColumns,
    step.inputFields.map((f) => row.get(f)),
    step.outputColumns,
  );
  if (results === undefined) return;
  results.forEach((value, i) => {
    const field = step.outputFields[i];
    if (field === undefined || value === undefined) return;
    if (step.onlyNew && row.has(field)) return;
    row.set(field, value);
  });
}
