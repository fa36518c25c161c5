/**
 * Facts about SPL's commands and functions, written by us from ../shared/reference. Names and
 * aliases are Splunk's; every summary, syntax line and example is in our own words.
 */
export type CommandKind =
  'generating' | 'streaming' | 'transforming' | 'dataset' | 'orchestrating' | 'other';

export interface OptionInfo {
  readonly name: string;
  readonly summary: string;
  /** The kind of value it takes, for completion and hover: 'bool', 'number', 'field', 'string', 'time', ... */
  readonly value: string;
}

export interface CommandInfo {
  readonly name: string;
  readonly aliases: readonly string[];
  /** Splunk's category label from the reference (e.g. 'results::filter'). */
  readonly category: string;
  /** 'public' | 'internal' | 'deprecated' | 'debug' */
  readonly usage: string;
  readonly kind: CommandKind;
  /** True when the command can start a search after a leading `|`. */
  readonly generating: boolean;
  readonly summary: string;
  readonly syntax: string;
  readonly example: string;
  readonly options: readonly OptionInfo[];
}

export interface FunctionInfo {
  readonly name: string;
  readonly aliases: readonly string[];
  /** Display signature, e.g. `if(condition, then, else)`. */
  readonly signature: string;
  readonly minArgs: number;
  /** `Infinity` for variadic functions. */
  readonly maxArgs: number;
  readonly summary: string;
  readonly example: string;
}

/** The hover prose of a command, kept apart from its facts so each file stays readable. */
export type CommandDoc = Pick<CommandInfo, 'summary' | 'syntax' | 'example' | 'options'>;

/** The hover prose of a function. */
export type FunctionDoc = Pick<FunctionInfo, 'summary' | 'example'>;
