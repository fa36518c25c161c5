/** A function's name, display signature and argument counts; the prose lives in the docs files. */
export interface FunctionFacts<Name extends string = string> {
  readonly name: Name;
  readonly aliases: readonly string[];
  readonly signature: string;
  readonly minArgs: number;
  /** `Infinity` for variadic functions. */
  readonly maxArgs: number;
}

export function functionFacts<const Name extends string>(
  name: Name,
  signature: string,
  minArgs: number,
  maxArgs: number,
  aliases: readonly string[] = [],
): FunctionFacts<Name> {
  return { name, aliases, signature, minArgs, maxArgs };
}
