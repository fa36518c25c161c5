/** Argument pieces every command grammar reads: options, field names, literals, field lists. */
import type { IOrAlt } from 'chevrotain';
import type { CommandOption, FieldName, Literal } from '../ast';
import { unquote } from './context';
import { readMacro } from './macroCall';
import { SearchRules } from './searchRules';
import { Comma, Compare, LParen, Macro, StringLiteral, Word, type SplToken } from './tokens';
import { startOffsetOf, endOffsetOf } from '../../text/lineIndex';

/** Constant SUBRULE options, so hot calls allocate nothing. */
const withCommas = { ARGS: [true] as [boolean] };
const withoutCommas = { ARGS: [false] as [boolean] };
const afterAs = { ARGS: ['as'] as [string] };

export abstract class ArgRules extends SearchRules {
  /** Consumes through the `)` matching the `(` just consumed; returns the end offset. */
  protected skipBalanced(open: SplToken): number {
    let depth = 1;
    while (depth > 0 && !this.atStageEnd()) {
      const token = this.peek() as SplToken;
      this.SKIP_TOKEN();
      if (token.kind === 'lparen') depth++;
      else if (token.kind === 'rparen') depth--;
    }
    if (depth > 0)
      this.error(
        'spl.syntax.unbalanced-paren',
        "unbalanced parenthesis: this '(' is never closed",
        open.startOffset,
        open.end,
      );
    return this.previousEnd();
  }

  protected rawLiteral(start: number, end: number): Literal {
    const raw = this.context.text.slice(start, end);
    return { kind: 'literal', value: raw, quoted: false, raw, range: this.range(start, end) };
  }

  /** Tokens of the unquoted literal next; `_raw!="x"` keeps the quoted value glued to its operator. */
  private literalLength(stopAtComma: boolean): number {
    const length = this.chunkLength(stopAtComma, true);
    if (length === 0) return 0;
    const withString =
      this.peek(length)?.kind === 'compare' &&
      this.peek(length + 1)?.kind === 'string' &&
      this.glued(length + 1);
    return withString ? length + 1 : length;
  }

  private quotedLiteral(token: SplToken): Literal {
    if (token.unclosed) {
      this.error(
        'spl.syntax.unclosed-quote',
        'unclosed quote starting here: end the value with another "',
        token.startOffset,
        token.startOffset + 1,
      );
    }
    const range = this.range(token.startOffset, token.end);
    return { kind: 'literal', value: unquote(token.image), quoted: true, raw: token.image, range };
  }

  /** The choice `literal` makes, as the recorder sees it. */
  private readonly literalAlternatives: IOrAlt<undefined>[] = [
    { ALT: () => void this.CONSUME(StringLiteral) },
    { ALT: () => void this.consumeAny(1) },
    { ALT: () => undefined },
  ];

  /**
   * A double-quoted string or a glued word, consumed; undefined if neither starts here. The
   * hottest rule: plain code decides at parse time, as a gated OR allocates on every call.
   */
  readonly literal = this.RULE('literal', (stopAtComma: boolean): Literal | undefined =>
    this.RECORDING_PHASE ? this.OR(this.literalAlternatives) : this.readLiteral(stopAtComma),
  );

  /** The parse-time body of `literal`, also run directly where a rule only wraps it. */
  private readLiteral(stopAtComma: boolean): Literal | undefined {
    if (this.atStageEnd()) return undefined;
    if (this.atKind('string')) return this.quotedLiteral(this.CONSUME(StringLiteral) as SplToken);
    const length = this.literalLength(stopAtComma);
    if (length === 0) return undefined;
    const first = this.consumeAny(1);
    const last = length > 1 ? (this.skipTokens(length - 1) as SplToken) : first;
    return this.rawLiteral(first.startOffset, last.end);
  }

  /**
   * A field name (`dest`, `Processes.*`, `"my field"`), consumed. At parse time it reads the
   * literal without a SUBRULE hop: `literal` holds no decision Chevrotain has to track.
   */
  readonly fieldName = this.RULE('fieldName', (): FieldName | undefined => {
    if (this.RECORDING_PHASE) {
      this.SUBRULE(this.literal, withCommas);
      return undefined;
    }
    const literal = this.readLiteral(true);
    if (!literal) return undefined;
    // Splunk joins a quoted part and the characters glued to it into one argument, so the CIM
    // macro call drop_dm_object_name("Processes") gives the field `Processes.*`.
    const suffix = literal.quoted && this.glued(1) ? this.chunkLength(true) : 0;
    if (suffix === 0)
      return { kind: 'field', name: literal.value, quoted: literal.quoted, range: literal.range };
    const end = (this.skipTokens(suffix) as SplToken).end;
    const name = literal.value + this.context.text.slice(endOffsetOf(literal.range), end);
    return {
      kind: 'field',
      name,
      quoted: true,
      range: this.range(startOffsetOf(literal.range), end),
    };
  });

  /** A field name that must come next; reports "expected a field name after '<after>'". */
  readonly expectFieldName = this.RULE(
    'expectFieldName',
    (after: string): FieldName | undefined => {
      const name = this.SUBRULE(this.fieldName);
      this.ACTION(() => {
        if (name) return;
        const token = this.peek();
        const at = token && !this.atStageEnd() ? token : undefined;
        const start = at ? at.startOffset : this.previousEnd();
        this.error(
          'spl.syntax.missing-field',
          `expected a field name after '${after}'`,
          start,
          at ? at.end : start,
        );
      });
      return name;
    },
  );

  private readonly optionValueAlternatives: IOrAlt<CommandOption['value'] | undefined>[] = [
    {
      ALT: () => {
        // Some commands take a parenthesised value (`transaction startswith=(x=1)`): kept as written.
        const open = this.CONSUME(LParen) as SplToken;
        return this.ACTION(() => this.rawLiteral(open.startOffset, this.skipBalanced(open)));
      },
    },
    {
      ALT: () => {
        const token = this.CONSUME(Macro) as SplToken;
        return this.ACTION(() => {
          const macro = readMacro(this.context, token);
          return macro.kind === 'macro' ? macro : undefined;
        });
      },
    },
    { ALT: () => this.SUBRULE(this.literal, withoutCommas) },
  ];

  /**
   * The alternative every option loop starts with: at `name=`, read the option into `options`.
   * One per OR; a rule that reads options in two loops uses `SUBRULE2` in its second one.
   */
  protected optionInto(options: CommandOption[]): IOrAlt<void> {
    return {
      GATE: () => this.atOption(),
      ALT: () => {
        const option = this.SUBRULE(this.commandOption);
        this.ACTION(() => options.push(option));
      },
    };
  }

  /** `name=value` (callers check `atOption()` first). */
  readonly commandOption = this.RULE('commandOption', (): CommandOption => {
    const name = this.CONSUME(Word) as SplToken;
    const equals = this.CONSUME(Compare) as SplToken;
    const value: CommandOption['value'] | undefined = this.OR(this.optionValueAlternatives);
    return this.ACTION((): CommandOption => {
      let written = value;
      if (!written) {
        this.error(
          'spl.syntax.missing-value',
          `expected a value after '${name.image}='`,
          name.startOffset,
          equals.end,
        );
        written = this.rawLiteral(equals.end, equals.end);
      }
      return {
        kind: 'option',
        name: name.image,
        nameRange: this.range(name.startOffset, name.end),
        value: written,
        range: this.range(name.startOffset, endOffsetOf(written.range)),
      };
    });
  });

  /** A whole number written as one token (`sort 0`, `head 20`), consumed. */
  readonly count = this.RULE('count', (): number | undefined => {
    // Optional by plain code (hot, and decided by one token); the recorder sees the token.
    if (this.RECORDING_PHASE) {
      this.consumeAny(1);
      return undefined;
    }
    const token = this.peek();
    if (token?.kind !== 'number' || !/^\d+$/.test(token.image)) return undefined;
    return Number(this.consumeAny(1).image);
  });

  /**
   * Fields (and options) until the stage ends or one of `stopWords` (lower case) comes. Commas
   * between fields are optional, as Splunk accepts both `a, b` and `a b`.
   */
  readonly fieldList = this.RULE(
    'fieldList',
    (options: CommandOption[], stopWords: readonly string[]): FieldName[] => {
      const fields: FieldName[] = [];
      if (this.RECORDING_PHASE) {
        // The loop below, as the recorder must see it: a comma, an option or a field.
        this.OR(this.fieldListAlternatives);
        return fields;
      }
      // A plain loop (not MANY): this runs once per field of every stage and closures per call
      // cost more than the parse. Each step is one of the alternatives recorded above.
      while (!this.atStageEnd() && !this.atStopWord(stopWords)) {
        if (this.atKind('comma')) this.CONSUME(Comma);
        else if (this.atOption()) options.push(this.SUBRULE(this.commandOption));
        else {
          const name = this.SUBRULE(this.fieldName);
          if (!name) break;
          fields.push(name);
        }
      }
      return fields;
    },
  );

  private readonly fieldListAlternatives: IOrAlt<unknown>[] = [
    { ALT: () => this.CONSUME(Comma) },
    { ALT: () => this.SUBRULE(this.commandOption) },
    { ALT: () => this.SUBRULE(this.fieldName) },
  ];

  protected atStopWord(stopWords: readonly string[] | undefined): boolean {
    const token = this.peek();
    return token?.kind === 'word' && (stopWords ?? []).includes(token.image.toLowerCase());
  }

  /** `as <field>` next, when present. */
  readonly alias = this.RULE('alias', (): FieldName | undefined => {
    // Optional by plain code (hot, and decided by one token); the recorder sees the sequence.
    if (!this.RECORDING_PHASE && !this.atKeyword('as')) return undefined;
    this.CONSUME(Word);
    return this.SUBRULE(this.expectFieldName, afterAs);
  });
}
