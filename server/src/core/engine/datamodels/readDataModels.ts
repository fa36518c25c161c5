import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parse } from 'yaml';
import type {
  DataModelCatalog,
  DataModelProblem,
  DatasetDefinition,
  DatasetMapping,
} from './types';

/** Data model files larger than this are refused: real definitions are a few kilobytes. */
export const MAX_DATAMODEL_FILE_BYTES = 1_000_000;
const EXTENSIONS = new Set(['.yml', '.yaml', '.json']);

/**
 * Reads data model files (YAML or JSON; a folder means every such file in it, in name order).
 * A file may define a model (`datamodel:` and `datasets:`, or a list of them under `models:`) and
 * may list `mappings:`. Later files
 * add datasets and mappings to earlier ones; a dataset defined twice keeps the later fields.
 * Nothing throws: unreadable files and malformed entries come back as problems.
 */
export function readDataModelFiles(paths: readonly string[]): {
  catalog: DataModelCatalog;
  problems: DataModelProblem[];
} {
  const models = new Map<string, Map<string, DatasetDefinition>>();
  const mappings: DatasetMapping[] = [];
  const problems: DataModelProblem[] = [];
  for (const file of paths.flatMap((path) => filesAt(path, problems))) {
    const document = readDocument(file, problems);
    if (document === undefined) continue;
    const defined =
      isRecord(document) && Array.isArray(document.models) ? document.models : [document];
    for (const model of defined) readModel(model, file, models, problems);
    readMappings(document, file, mappings, problems);
  }
  return { catalog: { models, mappings }, problems };
}

function filesAt(path: string, problems: DataModelProblem[]): string[] {
  try {
    if (!statSync(path).isDirectory()) return [path];
    return readdirSync(path)
      .filter((name) => EXTENSIONS.has(extname(name).toLowerCase()))
      .sort()
      .map((name) => join(path, name));
  } catch (error) {
    problems.push({ file: path, message: `cannot read it: ${(error as Error).message}` });
    return [];
  }
}

function readDocument(file: string, problems: DataModelProblem[]): unknown {
  try {
    if (statSync(file).size > MAX_DATAMODEL_FILE_BYTES) {
      problems.push({
        file,
        message: `it is larger than ${MAX_DATAMODEL_FILE_BYTES} bytes; split it into smaller files.`,
      });
      return undefined;
    }
    const document: unknown = parse(readFileSync(file, 'utf8'));
    if (isRecord(document)) return document;
    problems.push({ file, message: 'expected a mapping with datamodel/datasets or mappings.' });
  } catch (error) {
    problems.push({ file, message: `cannot read it: ${(error as Error).message}` });
  }
  return undefined;
}

function readModel(
  document: unknown,
  file: string,
  models: Map<string, Map<string, DatasetDefinition>>,
  problems: DataModelProblem[],
): void {
  if (!isRecord(document) || document.datamodel === undefined) return;
  const model = document.datamodel;
  if (typeof model !== 'string' || !/^\w+$/.test(model)) {
    problems.push({ file, message: "'datamodel' must be a name such as Endpoint." });
    return;
  }
  if (!isRecord(document.datasets)) {
    problems.push({ file, message: `'datasets' of ${model} must map dataset names to fields.` });
    return;
  }
  const datasets = models.get(model) ?? new Map<string, DatasetDefinition>();
  models.set(model, datasets);
  for (const [name, body] of Object.entries(document.datasets)) {
    const fields = isRecord(body) ? body.fields : undefined;
    if (!/^\w+$/.test(name) || !isStringList(fields)) {
      problems.push({
        file,
        message: `dataset '${model}.${name}' needs a name of letters, digits and _ and a 'fields' list of names.`,
      });
      continue;
    }
    const children = readChildren(isRecord(body) ? body.children : undefined);
    if (!children) {
      problems.push({
        file,
        message: `'children' of ${model}.${name} must map child dataset names to a search.`,
      });
      continue;
    }
    datasets.set(name, { model, name, fields, children, file });
  }
}

function readMappings(
  document: unknown,
  file: string,
  mappings: DatasetMapping[],
  problems: DataModelProblem[],
): void {
  if (!isRecord(document) || document.mappings === undefined) return;
  if (!Array.isArray(document.mappings)) {
    problems.push({ file, message: "'mappings' must be a list." });
    return;
  }
  document.mappings.forEach((entry: unknown, index) => {
    const where = `mapping ${index + 1}`;
    if (!isRecord(entry) || typeof entry.dataset !== 'string' || !entry.dataset.includes('.')) {
      problems.push({ file, message: `${where} needs 'dataset: Model.Dataset'.` });
      return;
    }
    if (typeof entry.constraint !== 'string' || entry.constraint.trim() === '') {
      problems.push({
        file,
        message: `${where} (${entry.dataset}) needs a 'constraint' search, e.g. EventCode=1.`,
      });
      return;
    }
    const fields = new Map<string, string>();
    const given = entry.fields ?? {};
    if (!isRecord(given)) {
      problems.push({ file, message: `${where}: 'fields' must map field names to eval text.` });
      return;
    }
    for (const [name, text] of Object.entries(given)) {
      if (typeof text === 'string' || typeof text === 'number') fields.set(name, String(text));
      else problems.push({ file, message: `${where}: field '${name}' needs eval text.` });
    }
    mappings.push({ dataset: entry.dataset, constraint: entry.constraint, fields, file });
  });
}

function readChildren(value: unknown): Map<string, string> | undefined {
  if (value === undefined) return new Map();
  if (!isRecord(value)) return undefined;
  const children = new Map<string, string>();
  for (const [name, constraint] of Object.entries(value)) {
    if (typeof constraint !== 'string') return undefined;
    children.set(name, constraint);
  }
  return children;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
