/**
 * The 2,000-line document the parser and language-server benchmarks use: searches one stage per
 * line, chained with `append [ ... ]` until the document has `minLines` lines or more.
 */
export function appendChain(searches: readonly string[], minLines = 2000): string {
  const lines: string[] = [];
  for (let index = 0; lines.length < minLines; index++) {
    const search = (searches[index % searches.length] as string).replace(/\s+\|\s+/g, '\n| ');
    const body = search.split('\n');
    if (index === 0) lines.push(...body);
    else lines.push('| append [', ...body, ']');
  }
  return lines.join('\n');
}
