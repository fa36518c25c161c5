/** CIM data models for tstats: definitions and mappings read from data files, then compiled. */
import { join } from 'node:path';
import { didYouMean } from '../../text/didYouMean';
import { findResourcesDir } from '../fields/resources';
import { readDataModelFiles } from './readDataModels';
import type { DataModelCatalog, DataModelProblem, DatasetDefinition } from './types';

export { compileDataset, INHERITED_FIELDS, type CompiledDataset } from './compileDataset';
export { readDataModelFiles } from './readDataModels';
export type * from './types';

let builtIn: { catalog: DataModelCatalog; problems: DataModelProblem[] } | undefined;

/** The built-in folder (server/resources/datamodels), where the bundle and the sources find it. */
export function builtInDataModelDir(): string | undefined {
  const resources = findResourcesDir();
  return resources === undefined ? undefined : join(resources, 'datamodels');
}

/**
 * The built-in data models and mappings, then the user's files on top (`dataModelPaths`). The
 * built-in set is read once per process; user files are read on every call, so edits show.
 */
export function loadDataModels(userPaths: readonly string[] = []): {
  catalog: DataModelCatalog;
  problems: DataModelProblem[];
} {
  if (userPaths.length === 0) {
    const dir = builtInDataModelDir();
    builtIn ??= dir
      ? readDataModelFiles([dir])
      : {
          catalog: { models: new Map(), mappings: [] },
          problems: [{ file: 'server/resources/datamodels', message: 'the folder was not found.' }],
        };
    return builtIn;
  }
  const dir = builtInDataModelDir();
  return readDataModelFiles(dir ? [dir, ...userPaths] : userPaths);
}

/**
 * The dataset `datamodel=Model.Dataset` names, or `datamodel=Model` with `nodename=Dataset`, or
 * a model's only dataset. An error message (with did-you-mean) when it names none.
 */
export function resolveDataset(
  catalog: DataModelCatalog,
  datamodel: string,
  nodename: string | undefined,
): { dataset: DatasetDefinition; child?: string } | { error: string } {
  const [model = '', ...path] = datamodel.split('.');
  const datasets = catalog.models.get(model);
  if (!datasets) {
    const suggestion = didYouMean(model, catalog.models.keys());
    const known = [...catalog.models.keys()].join(', ');
    return {
      error:
        `No data model '${model}' is defined` +
        (suggestion ? `; did you mean '${suggestion}'?` : ` (known: ${known}).`) +
        ' Add its definition and mappings through dataModelPaths.',
    };
  }
  const fromPath = path.join('.');
  if (nodename !== undefined && fromPath !== '' && !nodename.startsWith(fromPath)) {
    return { error: `nodename=${nodename} is not inside ${datamodel}.` };
  }
  const node = nodename ?? fromPath;
  const datasetName = node.split('.')[0] ?? '';
  if (datasetName === '') {
    if (datasets.size === 1) return { dataset: [...datasets.values()][0] as DatasetDefinition };
    return {
      error: `${model} has several datasets (${[...datasets.keys()].join(', ')}); name one: datamodel=${model}.<dataset>.`,
    };
  }
  const dataset = datasets.get(datasetName);
  if (!dataset) {
    const suggestion = didYouMean(datasetName, datasets.keys());
    return {
      error:
        `${model} has no dataset '${datasetName}'` +
        (suggestion
          ? `; did you mean '${suggestion}'?`
          : ` (it has ${[...datasets.keys()].join(', ')}).`),
    };
  }
  const [, childName, ...deeper] = node.split('.');
  if (childName === undefined) return { dataset };
  const child = dataset.children.get(childName);
  if (child === undefined || deeper.length > 0) {
    const known = [...dataset.children.keys()].map((name) => `${datasetName}.${name}`);
    return {
      error: `${model} has no dataset '${node}'${known.length > 0 ? ` (it has ${known.join(', ')})` : ''}.`,
    };
  }
  return { dataset, child };
}
