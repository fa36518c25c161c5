import type { FieldName, SearchExpression, TstatsCommand } from '../../syntax/ast';
import { searchTerms } from '../../syntax/searchTerms';
import { didYouMean } from '../../text/didYouMean';
import type { CompiledDataset } from '../datamodels';
import { engineDiagnostic, type PlanningContext } from '../plan/types';

/**
 * Warns about `Dataset.field` names the dataset does not define: tstats finds no value for them,
 * so a by-field drops every row and a where term matches nothing, with no other sign of why.
 */
export function reportUnknownDatasetFields(
  command: TstatsCommand,
  dataset: CompiledDataset,
  where: SearchExpression | undefined,
  planning: PlanningContext,
): void {
  const known = new Set(dataset.fields);
  const named = [
    ...command.by,
    ...command.aggregations.flatMap((a) => (a.argument?.kind === 'field' ? [a.argument] : [])),
    ...(where ? searchFields(where) : []),
  ];
  for (const field of named) {
    if (!field.name.startsWith(dataset.prefix) || field.name.includes('*')) continue;
    const name = field.name.slice(dataset.prefix.length);
    // `Parent.Child.field` belongs to a child dataset, whose own fields are not listed.
    if (known.has(name) || dataset.children.has(name.split('.')[0] ?? '')) continue;
    const suggestion = didYouMean(name, known);
    planning.diagnostics.push(
      engineDiagnostic(
        'warning',
        'spl.engine.datamodel-field',
        `${dataset.model}.${dataset.name} has no field '${name}', so '${field.name}' is always null` +
          (suggestion ? `; did you mean '${dataset.prefix}${suggestion}'?` : '.'),
        field.range,
      ),
    );
  }
}

function searchFields(expression: SearchExpression): FieldName[] {
  return searchTerms(expression).flatMap((term) =>
    term.kind === 'compare' || term.kind === 'in' ? [term.field] : [],
  );
}
