import type { SearchExpression } from '../syntax/ast';
import type { Diagnostic } from '../text/diagnostic';
import { searchLiterals } from './expressions';
import { createInputReport, readEvents, type DatasetSpec } from './input';
import { engineDiagnostic } from './plan/types';

/**
 * When the literal pre-filter let no event through, the search stage never saw the events and
 * cannot say which term lost them. This re-reads the data once, only noting which literals occur,
 * and names every top-level term whose literal text is in no event.
 */
export async function explainEmptyPrefilter(
  expression: SearchExpression,
  datasets: readonly DatasetSpec[],
  fieldValueInRaw: (field: string) => boolean,
  signal: AbortSignal,
  sourceText: string,
): Promise<Diagnostic[]> {
  const conjuncts = expression.kind === 'and' ? expression.operands : [expression];
  const literalsByTerm = conjuncts.map((c) => searchLiterals(c, { fieldValueInRaw }));
  const wanted = new Set(literalsByTerm.flat());
  const found = new Set<string>();
  const report = createInputReport();
  const rawFilter = (raw: string): boolean => {
    const lower = raw.toLowerCase();
    for (const literal of wanted)
      if (!found.has(literal) && lower.includes(literal)) found.add(literal);
    return false;
  };
  for (const dataset of datasets) {
    if (found.size === wanted.size || signal.aborted) break;
    for await (const event of readEvents(dataset, { signal, rawFilter }, report)) void event;
  }
  const diagnostics: Diagnostic[] = [];
  conjuncts.forEach((conjunct, i) => {
    const missing = (literalsByTerm[i] ?? []).filter((literal) => !found.has(literal));
    if (missing.length === 0) return;
    const term = sourceText
      .slice(conjunct.range.start.offset, conjunct.range.end.offset)
      .replace(/\s+/g, ' ');
    diagnostics.push(
      engineDiagnostic(
        'warning',
        'spl.engine.term-never-matched',
        `No event matched '${term.length > 80 ? `${term.slice(0, 79)}…` : term}': no event of the ` +
          `${report.events} read contains '${missing[0]}'.`,
        conjunct.range,
      ),
    );
  });
  return diagnostics;
}
