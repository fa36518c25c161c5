import type { GenericCommand } from '../../syntax/ast';
import { toNumber } from '../expressions/coerce';
import { optionBoolean, optionText, reportUnsupportedOptions } from '../plan/options';
import { engineDiagnostic, type Operator, type PlanningContext } from '../plan/types';
import { valuesOf } from '../value';
import { fieldPattern } from './wildcard';

/**
 * `addtotals [fieldname=Total] [fields...]`: each row gets the sum of its numeric values in the
 * listed fields (wildcards allowed; all fields when none is listed), in `fieldname` (Search
 * Reference, addtotals). The column-totals row (`col=true`) is not produced here.
 */
export function addtotalsOperator(
  command: GenericCommand,
  planning: PlanningContext,
): Operator | undefined {
  reportUnsupportedOptions(command, ['fieldname', 'row', 'col'], planning);
  if (
    optionBoolean(command, 'row', planning) === false ||
    optionBoolean(command, 'col', planning)
  ) {
    planning.diagnostics.push(
      engineDiagnostic(
        'error',
        'spl.engine.unsupported-option',
        'addtotals runs here only with row totals (row=true, col=false); remove row=/col= or run the search in Splunk.',
        command.range,
      ),
    );
    return undefined;
  }
  // `fieldname=Score, a, b`: the comma separates the list but the grammar keeps it in the value.
  const target = (optionText(command, 'fieldname') ?? 'Total').replace(/,$/, '');
  const patterns = command.args.flatMap((a) =>
    a.kind === 'literal' ? [fieldPattern(a.value)] : [],
  );
  return {
    command: 'addtotals',
    range: command.range,
    async *run(rows) {
      for await (const row of rows) {
        let total: number | undefined;
        for (const [field, value] of row) {
          if (field === target || (patterns.length > 0 && !patterns.some((p) => p.test(field))))
            continue;
          for (const item of valuesOf(value)) {
            const number = toNumber(item);
            if (number !== undefined) total = (total ?? 0) + number;
          }
        }
        if (total !== undefined) row.set(target, total);
        yield row;
      }
    },
  };
}
