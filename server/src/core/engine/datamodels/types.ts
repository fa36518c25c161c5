/**
 * CIM data models as the local evaluator sees them: each dataset's fields, and mappings that say
 * which events populate a dataset and how each of its fields is computed from an event.
 */

/** A dataset of a data model (`Endpoint.Processes`): tstats names its fields `Processes.<field>`. */
export interface DatasetDefinition {
  readonly model: string;
  readonly name: string;
  readonly fields: readonly string[];
  /** Child datasets (`nodename=Parent.Child`): each a search over the parent's prefixed fields. */
  readonly children: ReadonlyMap<string, string>;
  /** The file that defined it, for messages. */
  readonly file: string;
}

/** Events that populate one dataset: a search-command constraint and eval text per field. */
export interface DatasetMapping {
  /** `Model.Dataset`. */
  readonly dataset: string;
  readonly constraint: string;
  readonly fields: ReadonlyMap<string, string>;
  readonly file: string;
}

export interface DataModelCatalog {
  /** Keyed by model name, then dataset name. */
  readonly models: ReadonlyMap<string, ReadonlyMap<string, DatasetDefinition>>;
  readonly mappings: readonly DatasetMapping[];
}

/** A problem with a data model file; the caller words where it points. */
export interface DataModelProblem {
  readonly file: string;
  readonly message: string;
}
