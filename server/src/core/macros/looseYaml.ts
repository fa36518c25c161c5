/**
 * A forgiving reader for flat macro YAML files that strict YAML 1.2 rejects. security_content's
 * build reads its files with PyYAML, which accepts a quoted scalar whose continuation lines start
 * at column 0 (corpus macros/base64decode.yml does this); the `yaml` package does not. Only the
 * shape macro files have is supported: top-level `key: value` entries and `- item` lists.
 */
export interface LooseEntry {
  readonly value: string;
  /** The value's source span (quotes included). */
  readonly start: number;
  readonly end: number;
  readonly items?: readonly LooseEntry[];
}

const TOP_LEVEL_KEY = /^([A-Za-z_][\w-]*):(?:[ \t]+|$)/;

/** undefined when some value is beyond this reader (an unclosed quote, a flow collection). */
export function readLooseYaml(text: string): Map<string, LooseEntry> | undefined {
  const entries = new Map<string, LooseEntry>();
  const keyLines: { key: string; valueStart: number; lineStart: number }[] = [];
  for (let lineStart = 0; lineStart < text.length;) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const match = TOP_LEVEL_KEY.exec(text.slice(lineStart, lineEnd));
    if (match)
      keyLines.push({
        key: match[1] as string,
        valueStart: lineStart + match[0].length,
        lineStart,
      });
    lineStart = lineEnd + 1;
  }
  for (const [i, entry] of keyLines.entries()) {
    const blockEnd = keyLines[i + 1]?.lineStart ?? text.length;
    const raw = text.slice(entry.valueStart, blockEnd);
    const start = entry.valueStart + (raw.length - raw.trimStart().length);
    const end = entry.valueStart + raw.trimEnd().length;
    const source = text.slice(start, end);
    const isList = source.startsWith('- ') || source.startsWith('-\n');
    const value = isList ? listEntry(text, start, end) : decodeScalar(source);
    if (value === undefined) return undefined;
    entries.set(entry.key, typeof value === 'string' ? { value, start, end } : value);
  }
  return entries;
}

function listEntry(text: string, start: number, end: number): LooseEntry | undefined {
  const items: LooseEntry[] = [];
  const pattern = /-[ \t]+([^\n]*)/g;
  const block = text.slice(start, end);
  for (let m = pattern.exec(block); m; m = pattern.exec(block)) {
    const itemStart = start + m.index + m[0].length - (m[1] as string).length;
    const source = (m[1] as string).trimEnd();
    const value = decodeScalar(source);
    if (value === undefined) return undefined;
    items.push({ value, start: itemStart, end: itemStart + source.length });
  }
  return { value: '', start, end, items };
}

/** PyYAML's folding: a line break between text becomes a space; an empty line becomes a break. */
function decodeScalar(source: string): string | undefined {
  const quote = source.charAt(0);
  if (quote === '[' || quote === '{') return undefined;
  const opensQuote = quote === "'" || quote === '"';
  const quoted = opensQuote && source.length > 1 && source.endsWith(quote);
  if (opensQuote && !quoted) return undefined;
  const body = quoted ? source.slice(1, -1) : source;
  const folded = fold(body);
  if (quote === "'" && quoted) return folded.replace(/''/g, "'");
  if (quote === '"' && quoted) return folded.replace(/\\(["\\/])/g, '$1');
  return folded;
}

function fold(body: string): string {
  const lines = body.split(/\r?\n/);
  let result = (lines[0] ?? '').trimEnd();
  let pendingBreaks = 0;
  for (const line of lines.slice(1)) {
    const content = line.trim();
    if (content === '') {
      pendingBreaks += 1;
      continue;
    }
    result += pendingBreaks > 0 ? '\n'.repeat(pendingBreaks) : ' ';
    result += content;
    pendingBreaks = 0;
  }
  return result;
}
