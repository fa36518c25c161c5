import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createToken, EmbeddedActionsParser, type IToken } from 'chevrotain';
import { defineLeanRule, type RuleBody } from '../../server/src/core/syntax/grammar/leanRule';

const A = createToken({ name: 'A' });

const tokenA: IToken = {
  image: 'a',
  startOffset: 0,
  endOffset: 0,
  tokenType: A,
  tokenTypeIdx: A.tokenTypeIdx as number,
};

class LeanParser extends EmbeddedActionsParser {
  constructor() {
    super([A], { maxLookahead: 1 });
    this.performSelfAnalysis();
  }

  protected defineRule(name: string, body: RuleBody): unknown {
    return defineLeanRule(this, name, body);
  }

  private readonly joined = this.RULE(
    'joined',
    (a: string, b: string, c: string, d: string) => `${this.CONSUME(A).image}:${a}${b}${c}${d}`,
  );

  readonly top = this.RULE('top', () => this.SUBRULE(this.joined, { ARGS: ['w', 'x', 'y', 'z'] }));

  parse(tokens: IToken[]): unknown {
    this.input = tokens;
    return this.top();
  }
}

test('lean rules receive their arguments and keep Chevrotain recognition errors', () => {
  const parser = new LeanParser();
  assert.equal(parser.parse([tokenA]), 'a:wxyz');
  assert.deepEqual(parser.errors, []);
  // A token missing: the top rule gives no value and Chevrotain records the error, as with its
  // own wrapper.
  assert.equal(parser.parse([]), undefined);
  assert.equal(parser.errors.length, 1);
});

test('a rule with more parameters than the lean wrapper passes is refused at definition', () => {
  class TooMany extends LeanParser {
    readonly five = this.RULE('five', (a: number, b: number, c: number, d: number, e: number) =>
      String(a + b + c + d + e),
    );
  }
  assert.throws(() => new TooMany(), /more than 4 parameters/);
});
