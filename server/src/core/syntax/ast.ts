/**
 * The SPL syntax tree. Every node carries its exact source range in the text that was parsed, so
 * hovers, go-to-definition, formatting and evaluation results can point back at the user's text.
 * Unions are discriminated by `kind`; commands are further discriminated by `name` (the canonical,
 * lower-case command name after alias resolution).
 */
import type { SourceRange } from '../text/range';

interface NodeBase {
  readonly range: SourceRange;
}

// ---------------------------------------------------------------------------------------------
// Shared pieces

/** A macro call in backticks, kept unexpanded: `name`, `name(a, "b,c", key=value)`. */
export interface MacroCall extends NodeBase {
  readonly kind: 'macro';
  readonly name: string;
  readonly nameRange: SourceRange;
  readonly args: readonly MacroArgument[];
  /** True when the call was written with parentheses, even empty ones. */
  readonly hasParens: boolean;
}

export interface MacroArgument extends NodeBase {
  /** Set for `key=value` arguments. */
  readonly name?: string;
  /** The argument as written, without surrounding whitespace (quotes kept). */
  readonly value: string;
}

/** A field name as written: `dest`, `Processes.dest`, `'my field'`, `foo*` (where wildcards are allowed). */
export interface FieldName extends NodeBase {
  readonly kind: 'field';
  readonly name: string;
  /** True when written in single quotes (eval) or double quotes (some commands allow it). */
  readonly quoted: boolean;
}

/** A literal argument value: a word, a number or a double-quoted string (unescaped in `value`). */
export interface Literal extends NodeBase {
  readonly kind: 'literal';
  readonly value: string;
  readonly quoted: boolean;
  /** The text exactly as written, quotes and escapes included. */
  readonly raw: string;
}

/** `key=value` command options such as `limit=10`, `datamodel=Endpoint.Processes`. */
export interface CommandOption extends NodeBase {
  readonly kind: 'option';
  readonly name: string;
  readonly nameRange: SourceRange;
  readonly value: Literal | MacroCall;
}

export interface Comment extends NodeBase {
  readonly kind: 'comment';
  /** 'backticks' for ```...```, 'macro' for the legacy `comment("...")`. */
  readonly style: 'backticks' | 'macro';
  readonly text: string;
}

// ---------------------------------------------------------------------------------------------
// Pipelines

/** A search or a subsearch: stages separated by `|`. */
export interface Pipeline extends NodeBase {
  readonly kind: 'pipeline';
  /** True when the text starts with `|` (a generating command comes first). */
  readonly leadingPipe: boolean;
  readonly stages: readonly Stage[];
}

export type Stage = Command | MacroStage;

/** A whole stage that is a macro call: `| `security_content_ctime(firstTime)``. */
export interface MacroStage extends NodeBase {
  readonly kind: 'macroStage';
  readonly macro: MacroCall;
}

interface CommandBase extends NodeBase {
  readonly kind: 'command';
  /** Range of the command word; absent for the implicit leading `search`. */
  readonly nameRange?: SourceRange;
  /** Every option (`k=v`) the command was given, in order, including the ones a grammar names. */
  readonly options: readonly CommandOption[];
}

export type Command =
  | SearchCommand
  | WhereCommand
  | EvalCommand
  | StatsCommand
  | TstatsCommand
  | FieldListCommand
  | RenameCommand
  | SortCommand
  | DedupCommand
  | HeadTailCommand
  | RexCommand
  | ConvertCommand
  | FillnullCommand
  | LookupCommand
  | InputlookupCommand
  | OutputlookupCommand
  | MakemvCommand
  | MvexpandCommand
  | BinCommand
  | TopRareCommand
  | SubpipelineCommand
  | SpathCommand
  | ReturnCommand
  | FormatCommand
  | IplocationCommand
  | GenericCommand;

/** `search <expr>`, the implicit first stage, and `regex` is NOT this (see GenericCommand). */
export interface SearchCommand extends CommandBase {
  readonly name: 'search';
  readonly implicit: boolean;
  /** Absent for an empty search (`search` alone, or a pipeline that starts with `|`). */
  readonly expression?: SearchExpression;
}

export interface WhereCommand extends CommandBase {
  readonly name: 'where';
  readonly expression?: EvalExpression;
}

/** eval and fieldformat: `eval a=..., b=...`. */
export interface EvalCommand extends CommandBase {
  readonly name: 'eval' | 'fieldformat';
  readonly assignments: readonly EvalAssignment[];
}

export interface EvalAssignment extends NodeBase {
  readonly field: FieldName;
  readonly value: EvalExpression;
}

/** stats, eventstats, streamstats, chart, timechart, top-level aggregations. */
export interface StatsCommand extends CommandBase {
  readonly name: 'stats' | 'eventstats' | 'streamstats' | 'chart' | 'timechart';
  readonly aggregations: readonly Aggregation[];
  /** `by a b c` (stats family) or the split-by of chart/timechart. */
  readonly by: readonly FieldName[];
  /** chart's `over X` field. */
  readonly over?: FieldName;
}

/** `count`, `min(_time) as firstTime`, `count(eval(x>1)) as n`, `values(Processes.dest)`. */
export interface Aggregation extends NodeBase {
  readonly kind: 'aggregation';
  /** Lower-case function name as written (`perc95`, `p95`, `dc`, ...). */
  readonly function: string;
  readonly functionRange: SourceRange;
  /** The argument: a field (possibly wildcarded), an `eval(...)` expression, or none (`count`). */
  readonly argument?: FieldName | EvalExpression;
  readonly alias?: FieldName;
}

export interface TstatsCommand extends CommandBase {
  readonly name: 'tstats';
  readonly aggregations: readonly Aggregation[];
  /** `from datamodel=Endpoint.Processes` (also `from datamodel:Endpoint.Processes`). */
  readonly from?: Literal | MacroCall;
  /** The where clause, with search-command semantics. */
  readonly where?: SearchExpression;
  readonly by: readonly FieldName[];
  /** Macro calls written among the arguments (e.g. `security_content_summariesonly`). */
  readonly macros: readonly MacroCall[];
}

/** table and fields: `table a b c*`, `fields - _raw`, `fields + a`. */
export interface FieldListCommand extends CommandBase {
  readonly name: 'table' | 'fields';
  /** `fields -` removes; `table` and `fields`/`fields +` keep. */
  readonly mode: 'keep' | 'remove';
  readonly fields: readonly FieldName[];
}

export interface RenameCommand extends CommandBase {
  readonly name: 'rename';
  readonly renames: readonly {
    readonly from: FieldName;
    readonly to: FieldName;
    readonly range: SourceRange;
  }[];
}

export interface SortKey extends NodeBase {
  readonly field: FieldName;
  readonly descending: boolean;
  /** `num(x)`, `str(x)`, `ip(x)`, `auto(x)`. */
  readonly as?: 'num' | 'str' | 'ip' | 'auto';
}

export interface SortCommand extends CommandBase {
  readonly name: 'sort';
  /** `sort 0 ...` or `sort limit=N`; absent means Splunk's default limit. */
  readonly limit?: number;
  readonly keys: readonly SortKey[];
}

export interface DedupCommand extends CommandBase {
  readonly name: 'dedup';
  /** `dedup 3 x`: how many events to keep per combination. */
  readonly count?: number;
  readonly fields: readonly FieldName[];
  readonly sortBy: readonly SortKey[];
}

export interface HeadTailCommand extends CommandBase {
  readonly name: 'head' | 'tail';
  readonly count?: number;
  /** `head (x > 3)` or `head x>3`. */
  readonly condition?: EvalExpression;
}

export interface RexCommand extends CommandBase {
  readonly name: 'rex';
  /** The regular expression or sed expression, unescaped from its quotes. */
  readonly pattern: Literal;
  /** `field=` option, `_raw` when absent. */
  readonly field?: string;
  readonly mode?: 'sed';
}

export interface ConvertCommand extends CommandBase {
  readonly name: 'convert';
  readonly timeformat?: string;
  readonly conversions: readonly ConvertFunction[];
}

export interface ConvertFunction extends NodeBase {
  /** ctime, mktime, dur2sec, mstime, memk, rmcomma, rmunit, auto, num, none */
  readonly function: string;
  readonly functionRange: SourceRange;
  readonly field: FieldName;
  readonly alias?: FieldName;
}

export interface FillnullCommand extends CommandBase {
  readonly name: 'fillnull';
  /** `value=` option; Splunk's default is `0`. */
  readonly value?: string;
  readonly fields: readonly FieldName[];
}

export interface LookupFieldMapping extends NodeBase {
  readonly field: FieldName;
  readonly alias?: FieldName;
}

export interface LookupCommand extends CommandBase {
  readonly name: 'lookup';
  readonly table: Literal;
  readonly inputs: readonly LookupFieldMapping[];
  readonly outputMode?: 'OUTPUT' | 'OUTPUTNEW';
  readonly outputs: readonly LookupFieldMapping[];
}

export interface InputlookupCommand extends CommandBase {
  readonly name: 'inputlookup';
  readonly table: Literal;
  readonly where?: SearchExpression;
}

export interface OutputlookupCommand extends CommandBase {
  readonly name: 'outputlookup';
  readonly table: Literal;
}

export interface MakemvCommand extends CommandBase {
  readonly name: 'makemv';
  readonly delim?: string;
  readonly tokenizer?: string;
  readonly field: FieldName;
}

export interface MvexpandCommand extends CommandBase {
  readonly name: 'mvexpand';
  readonly field: FieldName;
  readonly limit?: number;
}

export interface BinCommand extends CommandBase {
  /** bucket is an alias of bin */
  readonly name: 'bin';
  readonly field: FieldName;
  readonly alias?: FieldName;
  /** `span=1h` etc. are in options. */
}

export interface TopRareCommand extends CommandBase {
  readonly name: 'top' | 'rare';
  readonly limit?: number;
  readonly fields: readonly FieldName[];
  readonly by: readonly FieldName[];
}

/** Commands whose argument is another pipeline in brackets: join, append, appendpipe, union. */
export interface SubpipelineCommand extends CommandBase {
  readonly name: 'join' | 'append' | 'appendpipe' | 'union' | 'appendcols';
  /** join's field list. */
  readonly fields: readonly FieldName[];
  readonly subsearches: readonly Subsearch[];
}

export interface SpathCommand extends CommandBase {
  readonly name: 'spath';
  /** A positional path (`spath path=a.b` is in options). */
  readonly path?: Literal;
}

export interface ReturnCommand extends CommandBase {
  readonly name: 'return';
  readonly count?: number;
  /** `return a`, `return x=a`, `return $a`. */
  readonly items: readonly {
    readonly alias?: string;
    readonly field: FieldName;
    readonly valueOnly: boolean;
    readonly range: SourceRange;
  }[];
}

export interface FormatCommand extends CommandBase {
  readonly name: 'format';
  /** The optional six positional strings (row prefix, column prefix, ...). */
  readonly strings: readonly Literal[];
}

export interface IplocationCommand extends CommandBase {
  readonly name: 'iplocation';
  readonly field: FieldName;
}

/**
 * Any other command of the catalog (and unknown ones, reported separately): options, positional
 * arguments, and `by`/`as` clauses kept in order.
 */
export interface GenericCommand extends CommandBase {
  /** Lower-case, after alias resolution for known commands; as written for unknown ones. */
  readonly name: string;
  readonly generic: true;
  readonly known: boolean;
  readonly args: readonly GenericArgument[];
}

export type GenericArgument =
  | CommandOption
  | Literal
  | MacroCall
  | Subsearch
  | { readonly kind: 'keyword'; readonly keyword: string; readonly range: SourceRange }
  | {
      readonly kind: 'call';
      readonly name: string;
      readonly args: readonly GenericArgument[];
      readonly range: SourceRange;
    }
  | EvalExpressionArgument;

/** An eval expression that a generic command takes in parentheses, e.g. `head (x>1)`. */
export interface EvalExpressionArgument extends NodeBase {
  readonly kind: 'evalArgument';
  readonly expression: EvalExpression;
}

// ---------------------------------------------------------------------------------------------
// The search command's expressions (search, tstats where, inputlookup where)

export type SearchExpression =
  | SearchAnd
  | SearchOr
  | SearchNot
  | SearchComparison
  | SearchIn
  | SearchTerm
  | SearchFunctionTerm
  | Subsearch
  | MacroCall;

/** Implicit or explicit AND. */
export interface SearchAnd extends NodeBase {
  readonly kind: 'and';
  readonly operands: readonly SearchExpression[];
}

export interface SearchOr extends NodeBase {
  readonly kind: 'or';
  readonly operands: readonly SearchExpression[];
}

export interface SearchNot extends NodeBase {
  readonly kind: 'not';
  readonly operand: SearchExpression;
}

/** A value in the search command: quoted or not, with wildcards `*`; `value` is unescaped. */
export interface SearchValue extends NodeBase {
  readonly value: string;
  readonly quoted: boolean;
  readonly raw: string;
}

export type SearchComparisonOperator = '=' | '!=' | '<' | '<=' | '>' | '>=' | '==';

/** `field=value`, `field!=value`, `field>5`, `earliest=-24h@h` (time modifiers are comparisons too). */
export interface SearchComparison extends NodeBase {
  readonly kind: 'compare';
  readonly field: FieldName;
  readonly operator: SearchComparisonOperator;
  readonly value: SearchValue;
}

/** `field IN (a, b, "c*")` */
export interface SearchIn extends NodeBase {
  readonly kind: 'in';
  readonly field: FieldName;
  readonly values: readonly SearchValue[];
}

/** A bare term matched against _raw: `wermgr.exe`, `"two words"`, `*foo*`. */
export interface SearchTerm extends NodeBase {
  readonly kind: 'term';
  readonly value: SearchValue;
}

/** `CASE(x)` and `TERM(x)`, standing alone or as a comparison's value. */
export interface SearchFunctionTerm extends NodeBase {
  readonly kind: 'searchFunction';
  readonly function: 'CASE' | 'TERM';
  readonly field?: FieldName;
  readonly value: SearchValue;
}

/** `[ search ... ]` */
export interface Subsearch extends NodeBase {
  readonly kind: 'subsearch';
  readonly pipeline: Pipeline;
}

// ---------------------------------------------------------------------------------------------
// eval expressions (eval, where, fieldformat, eval() in stats, if/case arguments)

export type EvalExpression =
  | EvalBinary
  | EvalUnary
  | EvalCall
  | EvalFieldRef
  | EvalString
  | EvalNumber
  | EvalIn
  | EvalLike
  | MacroCall;

export type EvalBinaryOperator =
  | 'OR'
  | 'XOR'
  | 'AND'
  | '='
  | '=='
  | '!='
  | '<'
  | '<='
  | '>'
  | '>='
  | '+'
  | '-'
  | '*'
  | '/'
  | '%'
  | '.';

export interface EvalBinary extends NodeBase {
  readonly kind: 'binary';
  readonly operator: EvalBinaryOperator;
  readonly left: EvalExpression;
  readonly right: EvalExpression;
}

export interface EvalUnary extends NodeBase {
  readonly kind: 'unary';
  readonly operator: 'NOT' | '-' | '+';
  readonly operand: EvalExpression;
}

export interface EvalCall extends NodeBase {
  readonly kind: 'call';
  /** Lower-case function name. */
  readonly name: string;
  readonly nameRange: SourceRange;
  readonly args: readonly EvalExpression[];
}

/** A field reference: `dest`, `'my field'`, `Processes.dest`. */
export interface EvalFieldRef extends NodeBase {
  readonly kind: 'fieldRef';
  readonly name: string;
  readonly quoted: boolean;
}

export interface EvalString extends NodeBase {
  readonly kind: 'string';
  /** Unescaped value. */
  readonly value: string;
}

export interface EvalNumber extends NodeBase {
  readonly kind: 'number';
  readonly value: number;
  readonly raw: string;
}

/** `x IN ("a", "b")` in eval/where (no wildcards there). */
export interface EvalIn extends NodeBase {
  readonly kind: 'evalIn';
  readonly value: EvalExpression;
  readonly list: readonly EvalExpression[];
}

/** `x LIKE "a%"` */
export interface EvalLike extends NodeBase {
  readonly kind: 'like';
  readonly value: EvalExpression;
  readonly pattern: EvalExpression;
}
