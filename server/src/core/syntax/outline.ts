/**
 * A readable outline of a parsed search, one line per stage (`spl parse` prints it): where the
 * stage starts (1-based line, 0-based column, as in `1:0`), its command, and a compact rendering
 * of what the grammar understood, so a reader can check precedence and grouping at a glance.
 */
import { LineIndex } from '../text/lineIndex';
import type {
  Aggregation,
  Command,
  EvalExpression,
  FieldName,
  MacroCall,
  SearchExpression,
  SearchValue,
  Stage,
} from './ast';

interface ParsedSearch {
  readonly pipeline: { readonly stages: readonly Stage[] };
}

const maxArgumentText = 160;

function macroText(macro: MacroCall): string {
  const args = macro.args.map((arg) =>
    arg.name === undefined ? arg.value : `${arg.name}=${arg.value}`,
  );
  return macro.hasParens ? `${macro.name}(${args.join(', ')})` : macro.name;
}

function valueText(value: SearchValue): string {
  return value.raw;
}

export function searchText(expression: SearchExpression): string {
  switch (expression.kind) {
    case 'and':
    case 'or':
      return `${expression.kind.toUpperCase()}(${expression.operands.map(searchText).join(', ')})`;
    case 'not':
      return `NOT(${searchText(expression.operand)})`;
    case 'compare':
      return `${expression.field.name}${expression.operator}${valueText(expression.value)}`;
    case 'in':
      return `${expression.field.name} IN(${expression.values.map(valueText).join(', ')})`;
    case 'term':
      return valueText(expression.value);
    case 'searchFunction':
      return `${expression.field ? `${expression.field.name}=` : ''}${expression.function}(${valueText(expression.value)})`;
    case 'subsearch':
      return `[subsearch: ${expression.pipeline.stages.length} stage(s)]`;
    case 'macro':
      return `\`${macroText(expression)}\``;
  }
}

export function evalText(expression: EvalExpression): string {
  switch (expression.kind) {
    case 'binary':
      return `(${evalText(expression.left)} ${expression.operator} ${evalText(expression.right)})`;
    case 'unary':
      return expression.operator === 'NOT'
        ? `NOT(${evalText(expression.operand)})`
        : `${expression.operator}${evalText(expression.operand)}`;
    case 'call':
      return `${expression.name}(${expression.args.map(evalText).join(', ')})`;
    case 'fieldRef':
      return expression.quoted ? `'${expression.name}'` : expression.name;
    case 'string':
      return JSON.stringify(expression.value);
    case 'number':
      return expression.raw;
    case 'evalIn':
      return `${evalText(expression.value)} IN(${expression.list.map(evalText).join(', ')})`;
    case 'like':
      return `${evalText(expression.value)} LIKE ${evalText(expression.pattern)}`;
    case 'macro':
      return `\`${macroText(expression)}\``;
  }
}

function fieldsText(fields: readonly FieldName[]): string {
  return fields.map((field) => field.name).join(', ');
}

function aggregationText(aggregation: Aggregation): string {
  const argument = aggregation.argument;
  const inner =
    argument === undefined
      ? ''
      : argument.kind === 'field'
        ? `(${argument.name})`
        : `(eval(${evalText(argument)}))`;
  return `${aggregation.function}${inner}${aggregation.alias ? ` as ${aggregation.alias.name}` : ''}`;
}

function collapse(text: string): string {
  const collapsed = text.replace(/\s+/g, ' ').trim();
  return collapsed.length > maxArgumentText
    ? `${collapsed.slice(0, maxArgumentText)}...`
    : collapsed;
}

function stageText(stage: Stage, text: string): string {
  if (stage.kind === 'macroStage') return `macro ${macroText(stage.macro)}`;
  if ('generic' in stage) return argumentsText(stage, text);
  switch (stage.name) {
    case 'search':
      return `search  ${stage.expression ? `expression: ${searchText(stage.expression)}` : '(empty)'}`;
    case 'where':
      return `where  ${stage.expression ? evalText(stage.expression) : '(empty)'}`;
    case 'eval':
    case 'fieldformat':
      return `${stage.name}  ${stage.assignments.map((a) => `${a.field.name}=${evalText(a.value)}`).join(', ')}`;
    case 'stats':
    case 'eventstats':
    case 'streamstats':
    case 'chart':
    case 'timechart':
    case 'tstats': {
      const from =
        stage.name === 'tstats' && stage.from
          ? ` from ${stage.from.kind === 'macro' ? macroText(stage.from) : stage.from.value}`
          : '';
      const where =
        stage.name === 'tstats' && stage.where ? ` where ${searchText(stage.where)}` : '';
      const by = stage.by.length > 0 ? ` by ${fieldsText(stage.by)}` : '';
      return `${stage.name}  ${stage.aggregations.map(aggregationText).join(', ')}${from}${where}${by}`;
    }
  }
  return argumentsText(stage, text);
}

/** The stage's own text after the command word, for commands without a richer rendering. */
function argumentsText(stage: Command, text: string): string {
  const argsStart = stage.nameRange ? stage.nameRange.end.offset : stage.range.start.offset;
  return `${stage.name}  ${collapse(text.slice(argsStart, stage.range.end.offset))}`;
}

/** One line per stage: `line:column command  details`. */
export function outline(result: ParsedSearch, text: string): string {
  const lines = new LineIndex(text);
  return result.pipeline.stages
    .map((stage) => {
      const start =
        stage.kind === 'command' && stage.nameRange ? stage.nameRange.start : stage.range.start;
      const position = lines.position(start.offset);
      return `${position.line + 1}:${position.column} ${stageText(stage, text)}`;
    })
    .join('\n');
}
