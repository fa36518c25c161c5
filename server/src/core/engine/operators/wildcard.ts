function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A field-name pattern with `*` wildcards, matching whole names; captures what each `*` matched. */
export function fieldPattern(pattern: string): RegExp {
  return new RegExp(`^${pattern.split('*').map(escapeRegExp).join('(.*?)')}$`, 's');
}

export function hasWildcard(name: string): boolean {
  return name.includes('*');
}
