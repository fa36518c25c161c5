import type { EvalContext } from './expressions';
import { evalCompiler, loadFieldConfig } from './fields';
import type { RunMessage } from './runMessages';
import type { Row } from './value';

export interface FieldExtraction {
  readonly extract: (row: Row) => Row;
  /** Problems in the configuration files; they point into those files, not the search. */
  readonly messages: RunMessage[];
  /**
   * True when a field's values are copied verbatim from `_raw`, so that a search on it can be
   * pre-filtered by its literal text (see searchLiterals).
   */
  readonly fieldValueInRaw: (field: string) => boolean;
}

/** Index-time fields: set by the reader, never copied verbatim from an event's text. */
const METADATA_FIELDS = new Set([
  'host',
  'source',
  'sourcetype',
  'index',
  'linecount',
  'splunk_server',
]);

/**
 * Search-time field extraction for a run: the built-in Sysmon configuration plus the given
 * props.conf/transforms.conf files. A field counts as verbatim in `_raw` only when its name is
 * an event's own (Sysmon's EventData names start with a capital letter) and no configuration
 * computes it; that keeps the literal pre-filter from dropping events it should keep.
 */
export function createFieldExtraction(
  files: readonly string[],
  context: EvalContext,
): FieldExtraction {
  const { extractor, diagnostics } = loadFieldConfig({
    builtin: true,
    files: [...files],
    compileEval: evalCompiler(context),
  });
  const computed = extractor.computedFields();
  return {
    extract: (row) => {
      extractor.apply(row);
      return row;
    },
    messages: diagnostics.map((d) => ({
      severity: d.severity,
      code: d.code,
      message: `${d.file}:${d.range.start.line + 1}:${d.range.start.column + 1}: ${d.message}`,
    })),
    fieldValueInRaw: (field) =>
      /^[A-Z]/.test(field) && !computed.has(field) && !METADATA_FIELDS.has(field),
  };
}
