import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadFieldConfig, type CompileEval } from '../../../server/src/core/engine/fields';
import type { FieldValue, Row } from '../../../server/src/core/engine/value';

/**
 * A stand-in for the eval language: `field(X)` reads field X, `"text"` is a literal; anything
 * else does not compile. Enough to test how EVAL- settings are applied.
 */
export const fakeCompileEval: CompileEval = (text) => {
  const field = /^field\((\w+)\)$/.exec(text);
  if (field) return { evaluate: (row) => row.get(field[1]!) };
  const literal = /^"(.*)"$/.exec(text);
  if (literal) return { evaluate: () => literal[1]! };
  return { error: `fake evaluator cannot read \`${text}\`` };
};

/** Writes the given files (name -> text) into a fresh folder and loads them (no built-in files). */
export function loadConf(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'spl-fields-'));
  const paths = Object.entries(files).map(([name, text]) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  });
  const confPaths = paths.filter((p) => p.endsWith('.conf'));
  return {
    dir,
    ...loadFieldConfig({ builtin: false, files: confPaths, compileEval: fakeCompileEval }),
  };
}

export function event(fields: Record<string, FieldValue>): Row {
  return new Map(
    Object.entries({ sourcetype: 'st', source: '/var/log/app.log', host: 'h1', ...fields }),
  );
}
