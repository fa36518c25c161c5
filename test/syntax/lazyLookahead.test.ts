import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  createToken,
  EmbeddedActionsParser,
  LLkLookaheadStrategy,
  type ILookaheadStrategy,
  type IToken,
  type TokenType,
} from 'chevrotain';
import { LazyLookaheadStrategy } from '../../server/src/core/syntax/grammar/lazyLookahead';

const A = createToken({ name: 'A' });
const B = createToken({ name: 'B' });

function tokenOf(type: TokenType, offset: number): IToken {
  return {
    image: type.name,
    startOffset: offset,
    endOffset: offset,
    tokenType: type,
    tokenTypeIdx: type.tokenTypeIdx as number,
  };
}

/** A gated alternation and an option, parsed with the lookahead strategy given. */
class ChoiceParser extends EmbeddedActionsParser {
  gateOpen = false;

  constructor(lookaheadStrategy: ILookaheadStrategy) {
    super([A, B], { maxLookahead: 1, lookaheadStrategy });
    this.performSelfAnalysis();
  }

  readonly top = this.RULE('top', (): string => {
    const chosen = this.OR([
      { GATE: () => this.gateOpen, ALT: () => (this.CONSUME(A), 'gated A') },
      { ALT: () => (this.CONSUME2(A), 'A') },
      { ALT: () => (this.CONSUME(B), 'B') },
      { ALT: () => 'nothing' },
    ]);
    const trailing = this.OPTION(() => (this.CONSUME2(B), ' then B')) ?? '';
    return chosen + trailing;
  });

  parse(types: TokenType[], gateOpen: boolean): string {
    this.gateOpen = gateOpen;
    this.input = types.map(tokenOf);
    return this.top();
  }
}

const inputs: [TokenType[], boolean][] = [
  [[A], true],
  [[A], false],
  [[B], true],
  [[], false],
  [[A, B], true],
  [[B, B], false],
];

// The strategy must choose exactly as Chevrotain's own: first alternative whose GATE holds and
// whose lookahead matches; an empty alternative matches anything.
test('lazy lookahead chooses as Chevrotain LL(1) does, gated or not', () => {
  const lazy = new ChoiceParser(new LazyLookaheadStrategy(1));
  const eager = new ChoiceParser(new LLkLookaheadStrategy({ maxLookahead: 1 }));
  const chosen = inputs.map(([types, gate]) => lazy.parse(types, gate));
  assert.deepEqual(
    chosen,
    inputs.map(([types, gate]) => eager.parse(types, gate)),
  );
  assert.deepEqual(chosen, ['gated A', 'A', 'B', 'nothing', 'gated A then B', 'B then B']);
});
