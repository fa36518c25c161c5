/**
 * The terms of the search command: bare terms, `field<op>value` comparisons (glued or spaced),
 * `field IN (...)`, `CASE()`/`TERM()`, quoted terms, and the unescaping of their values.
 */
import type { IOrAlt } from 'chevrotain';
import type { FieldName, SearchComparisonOperator, SearchExpression, SearchValue } from '../ast';
import { unescapeSearchString } from './context';
import { EvalRules } from './evalRules';
import { Compare, LParen, RParen, StringLiteral, Word, type SplToken } from './tokens';
import { startOffsetOf, endOffsetOf } from '../../text/lineIndex';

type Operand = SearchExpression | undefined;

function isOperatorWord(token: SplToken | undefined): boolean {
  return (
    token?.kind === 'word' &&
    (token.image === 'AND' || token.image === 'OR' || token.image === 'NOT')
  );
}

/** Constant SUBRULE options, so hot calls allocate nothing. */
const noField = { ARGS: [undefined] as [FieldName | undefined] };

export abstract class SearchTermRules extends EvalRules {
  protected quotedValue(token: SplToken): SearchValue {
    if (token.unclosed) {
      this.error(
        'spl.syntax.unclosed-quote',
        'unclosed quote starting here: end the value with another "',
        token.startOffset,
        token.startOffset + 1,
      );
    }
    const body = token.unclosed ? token.image.slice(1) : token.image.slice(1, -1);
    const range = this.range(token.startOffset, token.end);
    return { value: unescapeSearchString(body), quoted: true, raw: token.image, range };
  }

  protected chunkValue(start: number, end: number): SearchValue {
    const raw = this.context.text.slice(start, end);
    return { value: raw, quoted: false, raw, range: this.range(start, end) };
  }

  /** `"two words"`, or `"user.name"="x"`: a quoted field name (spaces and dots allowed). */
  protected readonly searchQuoted = this.RULE('searchQuoted', (): Operand => {
    const token = this.CONSUME(StringLiteral) as SplToken;
    return this.OR([
      {
        GATE: () => this.atKind('compare') && !token.unclosed,
        ALT: () =>
          this.SUBRULE(this.searchComparison, {
            ARGS: [token.startOffset, token.end, 0, this.quotedValue(token).value],
          }),
      },
      {
        ALT: () =>
          this.ACTION((): Operand => {
            const range = this.range(token.startOffset, token.end);
            return { kind: 'term', value: this.quotedValue(token), range };
          }),
      },
    ]);
  });

  /** `CASE(x)` / `TERM(x)` next, with the word glued to its parenthesis. */
  private searchFunctionAhead(): 'CASE' | 'TERM' | undefined {
    const word = this.peek();
    if (word?.kind !== 'word' || !this.atKind('lparen', 2) || !this.glued(2)) return undefined;
    const upper = word.image.toUpperCase();
    return upper === 'CASE' || upper === 'TERM' ? upper : undefined;
  }

  private readonly searchFunction = this.RULE(
    'searchFunction',
    (field: FieldName | undefined): SearchExpression => {
      const word = this.CONSUME(Word) as SplToken;
      const open = this.CONSUME(LParen) as SplToken;
      const name = word.image.toUpperCase() as 'CASE' | 'TERM';
      const value = this.OR([
        { ALT: () => this.quotedValue(this.CONSUME(StringLiteral) as SplToken) },
        {
          ALT: () => {
            const length = this.chunkLength(false);
            const first = this.OPTION({
              GATE: () => length > 0,
              DEF: () => this.consumeAny(1),
            });
            return this.ACTION(() => {
              if (!first) return this.chunkValue(open.end, open.end);
              const last = this.skipTokens(length - 1) as SplToken;
              return this.chunkValue(first.startOffset, last.end);
            });
          },
        },
      ]);
      let closed = false;
      this.OPTION2(() => {
        this.CONSUME(RParen);
        closed = true;
      });
      return this.ACTION((): SearchExpression => {
        if (!closed)
          this.error(
            'spl.syntax.unbalanced-paren',
            `unbalanced parenthesis: close ${name}( with ')'`,
            open.startOffset,
            open.end,
          );
        const start = field ? startOffsetOf(field.range) : word.startOffset;
        const range = this.range(start, this.previousEnd());
        return field
          ? { kind: 'searchFunction', function: name, field, value, range }
          : { kind: 'searchFunction', function: name, value, range };
      });
    },
  );

  /** The choices of `searchChunk`, as the recorder sees them (the rule decides by plain code). */
  private readonly chunkAlternatives: IOrAlt<unknown>[] = [
    { ALT: () => this.SUBRULE(this.searchFunction, noField) },
    {
      ALT: () => {
        this.consumeAny(1);
        this.OR2(this.chunkEndAlternatives);
      },
    },
  ];

  private readonly chunkEndAlternatives: IOrAlt<unknown>[] = [
    { ALT: () => this.SUBRULE(this.searchComparison) },
    { ALT: () => this.SUBRULE(this.searchIn) },
    { ALT: () => undefined },
  ];

  /**
   * A glued run: a bare term, `field<op>value`, `field IN (...)`, or `field <op> value` spaced
   * out. Runs once per search term, so it decides by plain code over its recorded choices rather
   * than allocating OR alternatives per call.
   */
  protected readonly searchChunk = this.RULE('searchChunk', (): Operand => {
    if (this.RECORDING_PHASE) {
      this.OR(this.chunkAlternatives);
      return undefined;
    }
    if (this.searchFunctionAhead() !== undefined) return this.SUBRULE(this.searchFunction, noField);
    const chunk = this.tokensAhead(this.chunkLength(false, !isOperatorWord(this.peek())));
    let operatorIndex = -1;
    for (let i = 0, depth = 0; i < chunk.length && operatorIndex < 0; i++) {
      const kind = (chunk[i] as SplToken).kind;
      if (kind === 'lparen') depth++;
      else if (kind === 'rparen') depth--;
      else if (kind === 'compare' && depth === 0) operatorIndex = i;
    }
    const first = this.consumeAny(1);
    const fieldTokens = operatorIndex > 0 ? operatorIndex : chunk.length;
    const fieldEnd = (this.skipTokens(fieldTokens - 1) as SplToken).end;
    if (operatorIndex > 0 || (operatorIndex < 0 && this.atKind('compare'))) {
      const gluedValue = operatorIndex > 0 ? chunk.length - operatorIndex - 1 : 0;
      return this.SUBRULE(this.searchComparison, {
        ARGS: [first.startOffset, fieldEnd, gluedValue, undefined],
      });
    }
    if (operatorIndex < 0 && this.atKeyword('in') && this.atKind('lparen', 2))
      return this.SUBRULE(this.searchIn, { ARGS: [first.startOffset, fieldEnd] });
    if (operatorIndex < 0) {
      const range = this.range(first.startOffset, fieldEnd);
      return { kind: 'term', value: this.chunkValue(first.startOffset, fieldEnd), range };
    }
    const operator = chunk[0] as SplToken;
    this.error(
      'spl.syntax.missing-field',
      `expected a field name before '${operator.image}'`,
      operator.startOffset,
      operator.end,
    );
    return undefined;
  });

  private searchField(start: number, end: number, quotedName?: string): FieldName {
    const quoted = quotedName !== undefined;
    const name = quoted ? quotedName : this.context.text.slice(start, end);
    return { kind: 'field', name, quoted, range: this.range(start, end) };
  }

  /** What a comparison's value may be, as the recorder sees it. */
  private readonly comparisonValueAlternatives: IOrAlt<unknown>[] = [
    { ALT: () => this.consumeAny(1) },
    { ALT: () => this.SUBRULE(this.searchFunction) },
    { ALT: () => this.CONSUME(StringLiteral) },
    { ALT: () => undefined },
  ];

  /** The value of a comparison when it is not glued to the operator: a word run or a macro. */
  private atSpacedValue(): boolean {
    const token = this.peek();
    return (
      token !== undefined &&
      token.kind !== 'lparen' &&
      token.kind !== 'rparen' &&
      token.kind !== 'lbracket' &&
      !this.atStageEnd()
    );
  }

  /**
   * The operator and value after a field; `gluedValue` tokens of the value are glued to it.
   * Decided by plain code over the recorded choices, like `searchChunk` (hot).
   */
  private readonly searchComparison = this.RULE(
    'searchComparison',
    (fieldStart: number, fieldEnd: number, gluedValue: number, quotedName?: string): Operand => {
      const operator = this.CONSUME(Compare) as SplToken;
      if (this.RECORDING_PHASE) {
        this.OR(this.comparisonValueAlternatives);
        return undefined;
      }
      const name = this.searchField(fieldStart, fieldEnd, quotedName);
      let value: SearchValue | undefined;
      if (gluedValue > 0) {
        const first = this.consumeAny(1);
        const last = this.skipTokens(gluedValue - 1) as SplToken;
        value = this.chunkValue(first.startOffset, last.end);
      } else if (this.searchFunctionAhead() !== undefined) {
        return this.SUBRULE(this.searchFunction, { ARGS: [name] });
      } else if (this.atKind('string')) {
        value = this.quotedValue(this.CONSUME(StringLiteral) as SplToken);
      } else if (this.atSpacedValue()) {
        const length = this.chunkLength(false, true);
        const first = this.consumeAny(1);
        const last = length > 1 ? (this.skipTokens(length - 1) as SplToken) : first;
        value = this.chunkValue(first.startOffset, last.end);
      }
      if (!value) {
        this.error(
          'spl.syntax.missing-value',
          `expected a value after '${name.name}${operator.image}'`,
          operator.startOffset,
          operator.end,
        );
        return undefined;
      }
      return {
        kind: 'compare',
        field: name,
        operator: operator.image as SearchComparisonOperator,
        value,
        range: this.range(fieldStart, endOffsetOf(value.range)),
      };
    },
  );

  /** `field IN (a, "b c", c*)`. */
  private readonly searchIn = this.RULE(
    'searchIn',
    (fieldStart: number, fieldEnd: number): SearchExpression => {
      this.CONSUME(Word);
      const open = this.CONSUME(LParen) as SplToken;
      const values: SearchValue[] = [];
      this.MANY({
        GATE: () => !this.atKind('rparen') && !this.atStageEnd(),
        DEF: () =>
          this.OR([
            { GATE: () => this.atKind('comma'), ALT: () => this.consumeAny(1) },
            {
              ALT: () => {
                const token = this.CONSUME(StringLiteral) as SplToken;
                this.ACTION(() => values.push(this.quotedValue(token)));
              },
            },
            {
              ALT: () => {
                const length = Math.max(this.chunkLength(true), 1);
                const first = this.consumeAny(2);
                this.ACTION(() => {
                  const last = length > 1 ? (this.skipTokens(length - 1) as SplToken) : first;
                  values.push(this.chunkValue(first.startOffset, last.end));
                });
              },
            },
          ]),
      });
      let closed = false;
      this.OPTION(() => {
        this.CONSUME(RParen);
        closed = true;
      });
      return this.ACTION((): SearchExpression => {
        if (!closed)
          this.error(
            'spl.syntax.unbalanced-paren',
            "unbalanced parenthesis: close the IN list with ')'",
            open.startOffset,
            open.end,
          );
        return {
          kind: 'in',
          field: this.searchField(fieldStart, fieldEnd),
          values,
          range: this.range(fieldStart, this.previousEnd()),
        };
      });
    },
  );
}
