import type { OutputlookupCommand } from '../../syntax/ast';
import { reportUnsupportedOptions } from '../plan/options';
import { engineDiagnostic, type Operator, type PlanningContext } from '../plan/types';

/** Options that change only what is written, never the rows the command passes on. */
const WRITE_OPTIONS = [
  'append',
  'create_empty',
  'override_if_empty',
  'createinapp',
  'max',
  'key_field',
];

/**
 * `outputlookup table`: Splunk writes the rows to the lookup and passes them on unchanged. A
 * local run passes them on the same way but never writes: running a detection on sample data
 * must not change the lookup files other searches read. The run says how many rows were kept
 * back.
 */
export function outputlookupOperator(
  command: OutputlookupCommand,
  planning: PlanningContext,
): Operator {
  reportUnsupportedOptions(command, WRITE_OPTIONS, planning);
  return {
    command: 'outputlookup',
    range: command.range,
    async *run(rows, ctx) {
      let count = 0;
      for await (const row of rows) {
        count++;
        yield row;
      }
      ctx.report(
        engineDiagnostic(
          'info',
          'spl.engine.outputlookup-not-written',
          `outputlookup passed its ${count} rows on without writing '${command.table.value}': ` +
            'local runs never change lookup files.',
          command.range,
        ),
      );
    },
  };
}
