/** JSON functions over JSON text: extraction by path, validation, and building objects and arrays. */
import { valuesOf, type Scalar } from '../../value';
import { fromList, toNumber } from '../coerce';
import type { FunctionSpec, Value } from '../context';
import { str } from './args';

/** Reads a dotted path with `{}` array steps (`a.b{}.c`, `a{0}`) from parsed JSON. */
export function jsonPath(root: unknown, path: string): unknown[] {
  let current: unknown[] = [root];
  for (const step of path.split('.').filter((s) => s !== '')) {
    const match = /^([^{]*)((?:\{\d*\})*)$/.exec(step);
    if (!match) return [];
    const next: unknown[] = [];
    for (const node of current) {
      let found: unknown[] = [node];
      if (match[1] !== '') {
        found =
          node !== null &&
          typeof node === 'object' &&
          !Array.isArray(node) &&
          (match[1] as string) in node
            ? [(node as Record<string, unknown>)[match[1] as string]]
            : [];
      }
      for (const index of (match[2] as string).match(/\{\d*\}/g) ?? []) {
        const i = index.slice(1, -1);
        found = found.flatMap((f) =>
          Array.isArray(f) ? (i === '' ? f : f[Number(i)] === undefined ? [] : [f[Number(i)]]) : [],
        );
      }
      next.push(...found);
    }
    current = next;
  }
  return current;
}

export function jsonScalar(value: unknown): Scalar {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return value;
  return JSON.stringify(value);
}

function parseJson(textValue: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(textValue) };
  } catch {
    return { ok: false };
  }
}

function extract(source: Value, path: string | undefined): Value {
  const json = str(source);
  if (json === undefined) return undefined;
  const parsed = parseJson(json);
  if (!parsed.ok) return undefined;
  if (path === undefined || path === '') return jsonScalar(parsed.value);
  return fromList(
    jsonPath(parsed.value, path)
      .filter((v) => v !== null)
      .map(jsonScalar),
  );
}

/** A field value as JSON: a multivalue field is an array; numeric text stays a number. */
function toJsonValue(value: Value, inferTypes: boolean): unknown {
  const convert = (s: Scalar): unknown =>
    inferTypes && typeof s === 'string' ? (toNumber(s) ?? s) : s;
  if (value === undefined) return null;
  if (Array.isArray(value)) return value.map(convert);
  return convert(value as Scalar);
}

function parsedJson(value: Value): unknown {
  const text = str(value);
  if (text === undefined) return undefined;
  const parsed = parseJson(text);
  return parsed.ok ? parsed.value : undefined;
}

function jsonShape(value: Value, shape: 'array' | 'object'): boolean {
  const parsed = parsedJson(value);
  if (parsed === null || typeof parsed !== 'object') return false;
  return Array.isArray(parsed) === (shape === 'array');
}

export const jsonFunctions: Record<string, FunctionSpec> = {
  spath: { minArgs: 2, maxArgs: 2, apply: ([v, path]) => extract(v, str(path)) },
  json_extract: {
    minArgs: 1,
    maxArgs: Infinity,
    apply: ([v, ...paths]) => {
      if (paths.length === 0) return extract(v, undefined);
      return fromList(paths.flatMap((p) => valuesOf(extract(v, str(p)))));
    },
  },
  json_valid: {
    minArgs: 1,
    maxArgs: 1,
    apply: ([v]) => {
      const s = str(v);
      return s === undefined ? undefined : parseJson(s).ok;
    },
  },
  json_object: {
    minArgs: 0,
    maxArgs: Infinity,
    acceptsNull: true,
    apply: (args) => {
      if (args.length % 2 !== 0) return undefined;
      const object: Record<string, unknown> = {};
      for (let i = 0; i < args.length; i += 2) {
        const key = str(args[i]);
        if (key === undefined) return undefined;
        object[key] = toJsonValue(args[i + 1], false);
      }
      return JSON.stringify(object);
    },
  },
  json_array: {
    minArgs: 0,
    maxArgs: Infinity,
    acceptsNull: true,
    apply: (args) => JSON.stringify(args.map((a) => toJsonValue(a, false))),
  },
  json_keys: {
    minArgs: 1,
    maxArgs: 1,
    apply: ([v]) => {
      const parsed = parsedJson(v);
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
      return JSON.stringify(Object.keys(parsed));
    },
  },
  json_has_key: {
    minArgs: 2,
    maxArgs: 2,
    apply: ([v, path]) => {
      const parsed = parsedJson(v);
      const p = str(path);
      if (parsed === undefined || p === undefined) return undefined;
      return jsonPath(parsed, p).length > 0;
    },
  },
  json_array_to_mv: {
    minArgs: 1,
    maxArgs: 2,
    apply: ([v]) => {
      const parsed = parsedJson(v);
      if (!Array.isArray(parsed)) return undefined;
      return fromList(parsed.filter((item) => item !== null).map(jsonScalar));
    },
  },
  mv_to_json_array: {
    minArgs: 1,
    maxArgs: 2,
    acceptsNull: true,
    apply: ([v, infer]) => {
      if (v === undefined) return undefined;
      const items = valuesOf(v).map((s) => toJsonValue(s, infer === true || str(infer) === 'true'));
      return JSON.stringify(items);
    },
  },
  isarray: { minArgs: 1, maxArgs: 1, acceptsNull: true, apply: ([v]) => jsonShape(v, 'array') },
  isobject: { minArgs: 1, maxArgs: 1, acceptsNull: true, apply: ([v]) => jsonShape(v, 'object') },
};
