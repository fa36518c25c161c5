/**
 * The function that runs one grammar rule at parse time, as Chevrotain 10.5 builds it
 * (`defineRule` in recognizer_engine.js: push the rule on the rule stack, run it, turn a
 * recognition error into the rule's recovery value, pop), but without the array Chevrotain's
 * version copies the call's arguments into on every call: a parse invokes some 25,000 rules per
 * 2,000 lines, and those arrays were the largest single source of garbage.
 *
 * Chevrotain's own `defineRule` still runs first, so the rule's name and short name are
 * registered exactly as it does; only the returned wrapper differs. It relies on Chevrotain
 * 10.5's internal names (the version is pinned); the syntax tests would fail at once if they moved.
 */
import { EmbeddedActionsParser } from 'chevrotain';

/** A rule's body: at most four parameters, passed positionally. */
export type RuleBody = (this: unknown, ...args: never[]) => unknown;

type PositionalBody = (this: unknown, a: unknown, b: unknown, c: unknown, d: unknown) => unknown;

/** The parts of Chevrotain's recognizer that a rule's wrapper uses. */
interface RuleMachinery {
  readonly fullRuleNameToShort: Record<string, number>;
  readonly subruleIdx: number;
  defineRule(name: string, body: RuleBody, config?: unknown): unknown;
  ruleInvocationStateUpdate(shortName: number, fullName: string, indexInCaller: number): void;
  invokeRuleCatch(error: unknown, resyncEnabled: boolean, recoveryValue: () => unknown): unknown;
  ruleFinallyStateUpdate(): void;
}

const chevrotainDefineRule = (EmbeddedActionsParser.prototype as unknown as RuleMachinery)
  .defineRule;

/** The recovery value Chevrotain's default rule configuration gives: none. */
const noRecoveryValue = (): undefined => undefined;

const maxRuleParameters = 4;

/** Registers rule `name` on `parser` and returns its parse-time function. */
export function defineLeanRule(parser: object, name: string, body: RuleBody): unknown {
  if (body.length > maxRuleParameters) {
    throw new Error(`rule '${name}' takes more than ${maxRuleParameters} parameters`);
  }
  chevrotainDefineRule.call(parser, name, body);
  const shortName = (parser as RuleMachinery).fullRuleNameToShort[name] as number;
  const positional = body as unknown as PositionalBody;
  function invokeRule(
    this: RuleMachinery,
    a: unknown,
    b: unknown,
    c: unknown,
    d: unknown,
  ): unknown {
    try {
      this.ruleInvocationStateUpdate(shortName, name, this.subruleIdx);
      return positional.call(this, a, b, c, d);
    } catch (error) {
      return this.invokeRuleCatch(error, true, noRecoveryValue);
    } finally {
      this.ruleFinallyStateUpdate();
    }
  }
  return Object.assign(invokeRule, { ruleName: name, originalGrammarAction: body });
}
