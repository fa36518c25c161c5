/** Time, hashing, network and JSON functions, and commands(). */
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { valuesOf, type Scalar } from '../../value';
import { relativeTime, strftime, strptime } from '../../time';
import { fromList, text } from '../coerce';
import type { FunctionSpec, Value } from '../context';
import { mapText, num, str } from './args';

function hash(algorithm: string): FunctionSpec {
  return { minArgs: 1, maxArgs: 1, apply: ([v]) => mapText(v, (t) => createHash(algorithm).update(t, 'utf8').digest('hex')) };
}

function ipv4ToBigInt(ip: string): bigint {
  return ip.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

function ipv6ToBigInt(ip: string): bigint | undefined {
  let address = ip;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (v4) {
    const n = ipv4ToBigInt(v4[1] as string);
    address = `${address.slice(0, -(v4[1] as string).length)}${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`;
  }
  const [head = '', tail] = address.split('::');
  const headParts = head === '' ? [] : head.split(':');
  const tailParts = tail === undefined || tail === '' ? [] : tail.split(':');
  const missing = 8 - headParts.length - tailParts.length;
  if (tail === undefined ? missing !== 0 : missing < 0) return undefined;
  const parts = [...headParts, ...Array<string>(missing).fill('0'), ...tailParts];
  return parts.reduce((acc, part) => (acc << 16n) | BigInt(parseInt(part, 16)), 0n);
}

/** cidrmatch("10.0.0.0/8", ip) for IPv4 and IPv6; an address or subnet that does not parse is false. */
export function cidrMatch(cidr: string, ip: string): boolean {
  const [network = '', bitsText] = cidr.trim().split('/');
  const version = isIP(network);
  if (version === 0 || isIP(ip.trim()) !== version) return false;
  const width = version === 4 ? 32 : 128;
  const bits = bitsText === undefined ? width : Number(bitsText);
  if (!Number.isInteger(bits) || bits < 0 || bits > width) return false;
  const toBig = version === 4 ? ipv4ToBigInt : ipv6ToBigInt;
  const a = toBig(network);
  const b = toBig(ip.trim());
  if (a === undefined || b === undefined) return false;
  const shift = BigInt(width - bits);
  return a >> shift === b >> shift;
}

/** Splits a search string at top-level pipes and takes each stage's first word. */
function commands(search: string): Value {
  const names: string[] = [];
  let depth = 0;
  let quoted = false;
  let stage = '';
  const flush = (): void => {
    const word = /^\s*([A-Za-z_][\w-]*)/.exec(stage)?.[1];
    if (word) names.push(word.toLowerCase());
    stage = '';
  };
  for (let i = 0; i < search.length; i++) {
    const ch = search[i] as string;
    if (ch === '\\' && quoted) {
      stage += ch + (search[++i] ?? '');
      continue;
    }
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '[') depth++;
    else if (!quoted && ch === ']') depth--;
    if (ch === '|' && !quoted && depth === 0) flush();
    else stage += ch;
  }
  flush();
  return fromList(names);
}

/** Reads a dotted path with `{}` array steps (`a.b{}.c`, `a{0}`) from parsed JSON. */
function jsonPath(root: unknown, path: string): unknown[] {
  let current: unknown[] = [root];
  for (const step of path.split('.').filter((s) => s !== '')) {
    const match = /^([^{]*)((?:\{\d*\})*)$/.exec(step);
    if (!match) return [];
    const next: unknown[] = [];
    for (const node of current) {
      let found: unknown[] = [node];
      if (match[1] !== '') {
        found = node !== null && typeof node === 'object' && !Array.isArray(node) && match[1] as string in node
          ? [(node as Record<string, unknown>)[match[1] as string]]
          : [];
      }
      for (const index of (match[2] as string).match(/\{\d*\}/g) ?? []) {
        const i = index.slice(1, -1);
        found = found.flatMap((f) => (Array.isArray(f) ? (i === '' ? f : f[Number(i)] === undefined ? [] : [f[Number(i)]]) : []));
      }
      next.push(...found);
    }
    current = next;
  }
  return current;
}

function jsonScalar(value: unknown): Scalar {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
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
  return fromList(jsonPath(parsed.value, path).filter((v) => v !== null).map(jsonScalar));
}

export const miscFunctions: Record<string, FunctionSpec> = {
  now: { minArgs: 0, maxArgs: 0, apply: (_, env) => env.ctx.now },
  time: { minArgs: 0, maxArgs: 0, apply: () => Date.now() / 1000 },
  relative_time: {
    minArgs: 2,
    maxArgs: 2,
    apply: ([t, modifier], env) => {
      const epoch = num(t);
      const m = str(modifier);
      return epoch === undefined || m === undefined ? undefined : relativeTime(epoch, m, env.ctx.timezone);
    },
  },
  strftime: {
    minArgs: 2,
    maxArgs: 2,
    apply: ([t, format], env) => {
      const epoch = num(t);
      const f = str(format);
      return epoch === undefined || f === undefined ? undefined : strftime(epoch, f, env.ctx.timezone);
    },
  },
  strptime: {
    minArgs: 2,
    maxArgs: 2,
    apply: ([t, format], env) => {
      const value = str(t);
      const f = str(format);
      return value === undefined || f === undefined ? undefined : strptime(value, f, env.ctx.timezone);
    },
  },
  md5: hash('md5'),
  sha1: hash('sha1'),
  sha256: hash('sha256'),
  sha512: hash('sha512'),
  cidrmatch: {
    minArgs: 2,
    maxArgs: 2,
    apply: ([cidr, ip]) => {
      const c = str(cidr);
      return c === undefined ? undefined : valuesOf(ip).some((v) => cidrMatch(c, text(v)));
    },
  },
  commands: { minArgs: 1, maxArgs: 1, apply: ([v]) => { const s = str(v); return s === undefined ? undefined : commands(s); } },
  spath: { minArgs: 2, maxArgs: 2, apply: ([v, path]) => extract(v, str(path)) },
  json_extract: {
    minArgs: 1,
    maxArgs: Infinity,
    apply: ([v, ...paths]) => {
      if (paths.length === 0) return extract(v, undefined);
      return fromList(paths.flatMap((p) => valuesOf(extract(v, str(p)))));
    },
  },
  json_valid: { minArgs: 1, maxArgs: 1, apply: ([v]) => { const s = str(v); return s === undefined ? undefined : parseJson(s).ok; } },
};
