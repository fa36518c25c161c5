import { parseSearchExpression, type EvalExpression, type SearchExpression } from '../../syntax';
import { compileEvalText, evaluate, matchesSearch, type EvalContext } from '../expressions';
import type { Row } from '../value';
import type { DataModelCatalog, DataModelProblem, DatasetDefinition } from './types';

/** Fields every dataset row carries unprefixed, as Splunk's data models inherit them. */
export const INHERITED_FIELDS = ['_time', 'host', 'source', 'sourcetype'] as const;

interface CompiledMapping {
  readonly constraint: SearchExpression;
  /** For each dataset field, its expression; absent means the event field of the same name. */
  readonly expressions: ReadonlyMap<string, EvalExpression>;
}

/** A dataset ready to turn events into the rows tstats aggregates. */
export interface CompiledDataset {
  readonly model: string;
  readonly name: string;
  /** `Processes.`: the prefix of every dataset field in tstats. */
  readonly prefix: string;
  readonly fields: readonly string[];
  /** Names of the child datasets (`nodename=Parent.Child`). */
  readonly children: ReadonlySet<string>;
  readonly mappingCount: number;
  /** The dataset's row for the event, or undefined when no mapping's constraint takes it. */
  project(event: Row, context: EvalContext): Row | undefined;
}

/**
 * Compiles the dataset's mappings. A mapping whose constraint or field expression cannot be read
 * is left out and reported, so one bad user mapping does not stop the others.
 */
export function compileDataset(
  catalog: DataModelCatalog,
  definition: DatasetDefinition,
  childConstraint?: string,
): { dataset: CompiledDataset; problems: DataModelProblem[] } {
  const problems: DataModelProblem[] = [];
  const qualified = `${definition.model}.${definition.name}`;
  const child = childConstraint === undefined ? undefined : readConstraint(childConstraint);
  if (child && 'error' in child) {
    problems.push({ file: definition.file, message: `a child of ${qualified}: ${child.error}` });
  }
  const known = new Set(definition.fields);
  const mappings: CompiledMapping[] = [];
  for (const mapping of catalog.mappings) {
    if (mapping.dataset !== qualified) continue;
    const constraint = readConstraint(mapping.constraint);
    if ('error' in constraint) {
      problems.push({ file: mapping.file, message: `${qualified}: ${constraint.error}` });
      continue;
    }
    const expressions = new Map<string, EvalExpression>();
    let valid = true;
    for (const [field, text] of mapping.fields) {
      if (!known.has(field)) {
        problems.push({
          file: mapping.file,
          message: `${qualified} has no field '${field}'; add it to the dataset's fields or remove it from the mapping.`,
        });
        continue;
      }
      const compiled = compileEvalText(text);
      if ('error' in compiled) {
        problems.push({ file: mapping.file, message: `${qualified}.${field}: ${compiled.error}` });
        valid = false;
      } else expressions.set(field, compiled.expression);
    }
    if (valid) mappings.push({ constraint: constraint.expression, expressions });
  }
  const prefix = `${definition.name}.`;
  const { fields } = definition;
  return {
    dataset: {
      model: definition.model,
      name: definition.name,
      prefix,
      fields,
      children: new Set(definition.children.keys()),
      mappingCount: mappings.length,
      project(event, context) {
        const mapping = mappings.find((m) => matchesSearch(m.constraint, event, context));
        if (!mapping) return undefined;
        const row: Row = new Map();
        for (const field of INHERITED_FIELDS) {
          const value = event.get(field);
          if (value !== undefined) row.set(field, value);
        }
        for (const field of fields) {
          const expression = mapping.expressions.get(field);
          const value = expression ? evaluate(expression, event, context) : event.get(field);
          if (value !== undefined) row.set(prefix + field, value);
        }
        if (child && !('error' in child) && !matchesSearch(child.expression, row, context))
          return undefined;
        return row;
      },
    },
    problems,
  };
}

function readConstraint(text: string): { expression: SearchExpression } | { error: string } {
  const parsed = parseSearchExpression(text);
  const syntaxError = parsed.diagnostics.find((d) => d.severity === 'error');
  if (parsed.expression && !syntaxError) return { expression: parsed.expression };
  return {
    error: `the constraint '${text}' cannot be read: ${syntaxError?.message ?? 'it is empty'}.`,
  };
}
