import { readFileSync } from 'node:fs';

/** A document the CLI works on: `-` reads standard input. */
export interface InputDocument {
  readonly path: string;
  readonly text: string;
}

export function readInput(path: string): InputDocument {
  if (path === '-') return { path: '<stdin>', text: readFileSync(0, 'utf8') };
  return { path, text: readFileSync(path, 'utf8') };
}
