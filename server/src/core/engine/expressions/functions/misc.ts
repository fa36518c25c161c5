/** Time, hashing and network functions, and commands(). */
import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { valuesOf } from '../../value';
import { relativeTime, strftime, strptime } from '../../time';
import { fromList, text } from '../coerce';
import type { FunctionSpec, Value } from '../context';
import { mapText, num, str } from './args';

function hash(algorithm: string): FunctionSpec {
  return {
    minArgs: 1,
    maxArgs: 1,
    apply: ([v]) => mapText(v, (t) => createHash(algorithm).update(t, 'utf8').digest('hex')),
  };
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

/** ipmask("255.255.255.0", ip): the IPv4 address with the mask applied. */
function ipmask(mask: string, ip: string): string | undefined {
  if (isIP(mask) !== 4 || isIP(ip) !== 4) return undefined;
  const maskParts = mask.split('.').map(Number);
  return ip
    .split('.')
    .map((part, i) => Number(part) & (maskParts[i] as number))
    .join('.');
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
      return epoch === undefined || m === undefined
        ? undefined
        : relativeTime(epoch, m, env.ctx.timezone);
    },
  },
  strftime: {
    minArgs: 2,
    maxArgs: 2,
    apply: ([t, format], env) => {
      const epoch = num(t);
      const f = str(format);
      return epoch === undefined || f === undefined
        ? undefined
        : strftime(epoch, f, env.ctx.timezone);
    },
  },
  strptime: {
    minArgs: 2,
    maxArgs: 2,
    apply: ([t, format], env) => {
      const value = str(t);
      const f = str(format);
      return value === undefined || f === undefined
        ? undefined
        : strptime(value, f, env.ctx.timezone);
    },
  },
  ipmask: {
    minArgs: 2,
    maxArgs: 2,
    apply: ([mask, ip]) => {
      const m = str(mask);
      return m === undefined ? undefined : mapText(ip, (address) => ipmask(m, address.trim()));
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
  commands: {
    minArgs: 1,
    maxArgs: 1,
    apply: ([v]) => {
      const s = str(v);
      return s === undefined ? undefined : commands(s);
    },
  },
};
