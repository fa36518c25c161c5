/**
 * Which props.conf stanzas apply to an event, and in which order they win (props.conf stanza
 * precedence): `[source::...]` over `[host::...]` over `[<sourcetype>]` over `[default]`; among
 * source (or host) stanzas a literal name beats a pattern, then a higher `priority`, then the
 * pattern first in ASCII order.
 */
export type StanzaKind = 'source' | 'host' | 'sourcetype' | 'default';

export interface StanzaMatcher {
  readonly kind: StanzaKind;
  readonly name: string;
  readonly literal: boolean;
  readonly priority: number;
  matches(sourcetype: string, source: string, host: string): boolean;
}

const KIND_RANK: Record<StanzaKind, number> = { source: 0, host: 1, sourcetype: 2, default: 3 };

/**
 * `...` matches any run of characters, `*` any run without a path separator (`/` or `\`);
 * a leading `(?i)` makes the match case-insensitive.
 */
export function wildcardToRegExp(pattern: string): RegExp {
  let body = pattern;
  let flags = '';
  if (body.startsWith('(?i)')) {
    body = body.slice(4);
    flags = 'i';
  }
  let source = '';
  for (let i = 0; i < body.length;) {
    if (body.startsWith('...', i)) {
      source += '.*';
      i += 3;
    } else if (body[i] === '*') {
      source += '[^/\\\\]*';
      i++;
    } else {
      source += (body[i] ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      i++;
    }
  }
  return new RegExp(`^${source}$`, flags);
}

export function stanzaMatcher(name: string, priority: number): StanzaMatcher | { error: string } {
  const prefix = /^(source|host)::/.exec(name);
  if (prefix) {
    const kind = prefix[1] as 'source' | 'host';
    const pattern = name.slice(prefix[0].length);
    const literal =
      !pattern.includes('*') && !pattern.includes('...') && !pattern.startsWith('(?i)');
    const regex = wildcardToRegExp(pattern);
    return {
      kind,
      name,
      literal,
      priority,
      matches: (_sourcetype, source, host) => regex.test(kind === 'source' ? source : host),
    };
  }
  if (/^(rule|delayedrule)::/.test(name)) {
    return {
      error: `[${name}]: rule-based sourcetype stanzas are not supported; name the sourcetype instead`,
    };
  }
  if (name === 'default') {
    return { kind: 'default', name, literal: true, priority, matches: () => true };
  }
  return {
    kind: 'sourcetype',
    name,
    literal: true,
    priority,
    matches: (sourcetype) => sourcetype === name,
  };
}

/** Sorts matching stanzas so that the first one holding a setting is the one that wins. */
export function compareStanzaPrecedence(a: StanzaMatcher, b: StanzaMatcher): number {
  return (
    KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
    Number(b.literal) - Number(a.literal) ||
    b.priority - a.priority ||
    (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
  );
}
