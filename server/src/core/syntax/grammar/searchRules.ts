/**
 * The search command's expressions (search, tstats/inputlookup where). spl-semantics.md "The
 * search command": parentheses, then NOT, then OR, then AND (OR binds tighter than AND); AND is
 * implied between terms; `AND OR NOT` are operators only in upper case, and only standing alone
 * (a GATE checks that no adjacent token glues to them).
 */
import type { FieldName, SearchComparisonOperator, SearchExpression, SearchValue } from '../ast';
import { unescapeSearchString } from './context';
import { EvalRules } from './evalRules';
import { readMacro } from './macroCall';
import { Compare, LParen, Macro, RParen, StringLiteral, Word, type SplToken } from './tokens';

type Operand = SearchExpression | undefined;

function isOperatorWord(token: SplToken | undefined): boolean {
  return (
    token?.kind === 'word' &&
    (token.image === 'AND' || token.image === 'OR' || token.image === 'NOT')
  );
}

export abstract class SearchRules extends EvalRules {
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

  private chunkValue(start: number, end: number): SearchValue {
    const raw = this.context.text.slice(start, end);
    return { value: raw, quoted: false, raw, range: this.range(start, end) };
  }

  private atSearchOperator(operator: 'AND' | 'OR' | 'NOT'): boolean {
    const token = this.peek();
    // The cheap test first: most terms are not operators, and chunkLength walks the whole term.
    return token?.kind === 'word' && token.image === operator && this.chunkLength(false) === 1;
  }

  private atSearchEnd(depth: number, atBy: boolean): boolean {
    if (this.atStageEnd()) return true;
    if (depth > 0 && this.atKind('rparen')) return true;
    return atBy && this.atKeyword('by');
  }

  private combine(kind: 'and' | 'or', operands: SearchExpression[]): Operand {
    const first = operands[0];
    const last = operands[operands.length - 1];
    if (!first || !last || operands.length === 1) return first;
    const range = this.range(first.range.start.offset, last.range.end.offset);
    return { kind, operands, range } as SearchExpression;
  }

  /** A whole search expression up to the end of the stage (or `)`, or tstats' `by`). */
  readonly searchExpr = this.RULE('searchExpr', (atBy: boolean, depth: number): Operand => {
    const operands: SearchExpression[] = [];
    this.MANY({
      GATE: () => !this.atSearchEnd(depth, atBy),
      DEF: () =>
        this.OR([
          {
            GATE: () => this.atSearchOperator('AND'),
            ALT: () => {
              const and = this.CONSUME(Word) as SplToken;
              this.ACTION(() => {
                if (operands.length === 0 || this.atSearchEnd(depth, atBy))
                  this.error(
                    'spl.syntax.missing-operand',
                    "'AND' needs a search term on both sides",
                    and.startOffset,
                    and.end,
                  );
              });
            },
          },
          {
            ALT: () => {
              const before = this.LA(0);
              const operand = this.SUBRULE(this.searchOr, { ARGS: [atBy, depth] });
              this.ACTION(() => {
                if (operand) operands.push(operand);
                if (!this.movedPast(before)) this.skipRestOfStage('in the search');
              });
            },
          },
        ]),
    });
    return this.ACTION(() => this.combine('and', operands));
  });

  private readonly searchOr = this.RULE('searchOr', (atBy: boolean, depth: number): Operand => {
    const first = this.SUBRULE(this.searchNot, { ARGS: [atBy, depth] });
    const operands = [first];
    let stopped = false;
    this.MANY({
      GATE: () => !stopped && first !== undefined && this.atSearchOperator('OR'),
      DEF: () => {
        const or = this.CONSUME(Word) as SplToken;
        const next = this.OPTION({
          GATE: () => !this.atSearchEnd(depth, atBy),
          DEF: () => this.SUBRULE2(this.searchNot, { ARGS: [atBy, depth] }),
        });
        this.ACTION(() => {
          if (next) operands.push(next);
          else {
            this.error(
              'spl.syntax.missing-operand',
              "expected a search term after 'OR'",
              or.startOffset,
              or.end,
            );
            stopped = true;
          }
        });
      },
    });
    return this.ACTION(() =>
      first ? this.combine('or', operands as SearchExpression[]) : undefined,
    );
  });

  private readonly searchNot = this.RULE('searchNot', (atBy: boolean, depth: number): Operand =>
    this.nested(() =>
    this.OR([
      {
        GATE: () => this.atSearchOperator('NOT'),
        ALT: () => {
          const not = this.CONSUME(Word) as SplToken;
          const operand = this.OPTION({
            GATE: () => !this.atSearchEnd(depth, atBy),
            DEF: () => this.SUBRULE(this.searchNot, { ARGS: [atBy, depth] }),
          });
          return this.ACTION((): Operand => {
            if (!operand) {
              this.error(
                'spl.syntax.missing-operand',
                "expected a search term after 'NOT'",
                not.startOffset,
                not.end,
              );
              return undefined;
            }
            const range = this.range(not.startOffset, operand.range.end.offset);
            return { kind: 'not', operand, range };
          });
        },
      },
      { ALT: () => this.SUBRULE(this.searchPrimary, { ARGS: [atBy, depth] }) },
    ]),
    ),
  );

  private readonly searchPrimary = this.RULE(
    'searchPrimary',
    (atBy: boolean, depth: number): Operand =>
      this.OR([
        {
          ALT: () => {
            const open = this.CONSUME(LParen) as SplToken;
            const inner = this.SUBRULE(this.searchExpr, { ARGS: [atBy, depth + 1] });
            let closed = false;
            this.OPTION(() => {
              this.CONSUME(RParen);
              closed = true;
            });
            return this.ACTION(() => {
              if (!closed)
                this.error(
                  'spl.syntax.unbalanced-paren',
                  "unbalanced parenthesis: this '(' is never closed",
                  open.startOffset,
                  open.end,
                );
              if (!inner)
                this.error(
                  'spl.syntax.empty-group',
                  'empty parentheses: put a search term inside or remove them',
                  open.startOffset,
                  this.previousEnd(),
                );
              return inner;
            });
          },
        },
        {
          ALT: () => {
            const close = this.CONSUME2(RParen) as SplToken;
            return this.ACTION((): Operand => {
              this.error(
                'spl.syntax.unbalanced-paren',
                "unbalanced parenthesis: no '(' before this ')'",
                close.startOffset,
                close.end,
              );
              return undefined;
            });
          },
        },
        { GATE: () => this.atKind('lbracket'), ALT: () => this.SUBRULE(this.subsearch) },
        {
          ALT: () => {
            const token = this.CONSUME(Macro) as SplToken;
            return this.ACTION((): Operand => {
              const macro = readMacro(this.context, token);
              return macro.kind === 'macro' ? macro : undefined;
            });
          },
        },
        {
          GATE: () => this.atKind('string'),
          ALT: () => this.SUBRULE(this.searchQuoted),
        },
        { ALT: () => this.SUBRULE(this.searchChunk) },
      ]),
  );

  /** `"two words"`, or `"user.name"="x"`: a quoted field name (spaces and dots allowed). */
  private readonly searchQuoted = this.RULE('searchQuoted', (): Operand => {
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
        const start = field ? field.range.start.offset : word.startOffset;
        const range = this.range(start, this.previousEnd());
        return field
          ? { kind: 'searchFunction', function: name, field, value, range }
          : { kind: 'searchFunction', function: name, value, range };
      });
    },
  );

  /** A glued run: a bare term, `field<op>value`, `field IN (...)`, or `field <op> value` spaced out. */
  private readonly searchChunk = this.RULE('searchChunk', (): Operand =>
    this.OR([
      {
        GATE: () => this.searchFunctionAhead() !== undefined,
        ALT: () => this.SUBRULE(this.searchFunction, { ARGS: [undefined] }),
      },
      {
        ALT: () => {
          const chunk = this.tokensAhead(
            this.chunkLength(false, !isOperatorWord(this.peek())),
          );
          let operatorIndex = -1;
          for (let i = 0, depth = 0; i < chunk.length && operatorIndex < 0; i++) {
            const kind = (chunk[i] as SplToken).kind;
            if (kind === 'lparen') depth++;
            else if (kind === 'rparen') depth--;
            else if (kind === 'compare' && depth === 0) operatorIndex = i;
          }
          const first = this.consumeAny(1);
          const fieldEnd = this.ACTION(() => {
            const fieldTokens = operatorIndex > 0 ? operatorIndex : chunk.length;
            return (this.skipTokens(fieldTokens - 1) as SplToken).end;
          });
          const gluedValue = chunk.length - operatorIndex - 1;
          return this.OR2([
            {
              GATE: () => operatorIndex > 0 || (operatorIndex < 0 && this.atKind('compare')),
              ALT: () =>
                this.SUBRULE(this.searchComparison, {
                  ARGS: [first.startOffset, fieldEnd, operatorIndex > 0 ? gluedValue : 0, undefined],
                }),
            },
            {
              GATE: () => operatorIndex < 0 && this.atKeyword('in') && this.atKind('lparen', 2),
              ALT: () => this.SUBRULE(this.searchIn, { ARGS: [first.startOffset, fieldEnd] }),
            },
            {
              ALT: () =>
                this.ACTION((): Operand => {
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
                }),
            },
          ]);
        },
      },
    ]),
  );

  private searchField(start: number, end: number, quotedName?: string): FieldName {
    const quoted = quotedName !== undefined;
    const name = quoted ? quotedName : this.context.text.slice(start, end);
    return { kind: 'field', name, quoted, range: this.range(start, end) };
  }

  /** The operator and value after a field; `gluedValue` tokens of the value are glued to it. */
  private readonly searchComparison = this.RULE(
    'searchComparison',
    (fieldStart: number, fieldEnd: number, gluedValue: number, quotedName?: string): Operand => {
      const name = this.ACTION(() => this.searchField(fieldStart, fieldEnd, quotedName));
      const operator = this.CONSUME(Compare) as SplToken;
      let value: SearchValue | undefined;
      const withFunction: Operand = this.OR<Operand>([
        {
          GATE: () => gluedValue > 0,
          ALT: () => {
            const first = this.consumeAny(1);
            this.ACTION(() => {
              const last = this.skipTokens(gluedValue - 1) as SplToken;
              value = this.chunkValue(first.startOffset, last.end);
            });
            return undefined;
          },
        },
        {
          GATE: () => this.searchFunctionAhead() !== undefined,
          ALT: () => this.SUBRULE(this.searchFunction, { ARGS: [name] }),
        },
        {
          ALT: () => {
            const token = this.CONSUME(StringLiteral) as SplToken;
            this.ACTION(() => (value = this.quotedValue(token)));
            return undefined;
          },
        },
        {
          GATE: () => {
            const token = this.peek();
            return (
              token !== undefined &&
              token.kind !== 'lparen' &&
              token.kind !== 'rparen' &&
              token.kind !== 'lbracket' &&
              !this.atStageEnd()
            );
          },
          ALT: () => {
            const length = this.chunkLength(false, true);
            const first = this.consumeAny(2);
            this.ACTION(() => {
              const last = length > 1 ? (this.skipTokens(length - 1) as SplToken) : first;
              value = this.chunkValue(first.startOffset, last.end);
            });
            return undefined;
          },
        },
        { ALT: () => undefined },
      ]);
      return this.ACTION((): Operand => {
        if (withFunction) return withFunction;
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
          range: this.range(fieldStart, value.range.end.offset),
        };
      });
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
