/**
 * How much of the security_content corpus the local evaluator can run: every detection goes
 * through macro expansion, parsing and planning (no data is read), and counts as runnable when
 * planning reports no error. The rest are tallied by reason (the unsupported command, function or
 * option, or the error's code), most common first. Run: node --import tsx bench/coverage.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { macroEvaluator } from '../server/src/core/engine/macroEvaluation';
import { buildPlan } from '../server/src/core/engine/plan/build';
import { expandMacros, loadMacroFiles } from '../server/src/core/macros';
import { parseSpl } from '../server/src/core/syntax';
import { detectionFilterMacroName, readDetectionYaml } from '../server/src/core/syntax/documents';
import type { Diagnostic } from '../server/src/core/text/diagnostic';

const repoRoot = resolve(import.meta.dirname, '..');
const corpus = join(repoRoot, '../shared/corpus/security_content');
const TOP_REASONS = 40;

function detectionFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = join(directory, entry.name);
    if (entry.isDirectory()) return detectionFiles(full);
    return entry.name.endsWith('.yml') ? [full] : [];
  });
}

/** One line per reason: the thing the evaluator lacks, quoted from the message where it names one. */
function reasonOf(diagnostic: Diagnostic): string {
  const named = /'([^']+)'/.exec(diagnostic.message);
  const code = diagnostic.code.replace(/^spl\.(engine|syntax|macro)\./, '');
  if (diagnostic.code === 'spl.engine.unsupported-option') {
    const option = /option (\S+)=/.exec(diagnostic.message);
    return `${code} ${named?.[1] ?? ''} ${option?.[1] ?? ''}`.trim();
  }
  return named ? `${code} ${named[1]}` : `${code}: ${diagnostic.message.slice(0, 80)}`;
}

const { index } = loadMacroFiles([join(corpus, 'macros'), join(repoRoot, 'sample-data/macros')]);
const evalContext = { now: Date.now() / 1000, timezone: 'UTC' };
const files = detectionFiles(join(corpus, 'detections'));
const reasons = new Map<string, Set<string>>();
let runnable = 0;
let unreadable = 0;
for (const file of files) {
  const search = readDetectionYaml(readFileSync(file, 'utf8')).search;
  if (!search) {
    unreadable++;
    continue;
  }
  const expanded = expandMacros(search.text, index, {
    implicitFilterMacros: [detectionFilterMacroName(basename(file))],
    evaluateEval: macroEvaluator(evalContext),
  });
  const parsed = parseSpl(expanded.text);
  const planning = { evalContext, diagnostics: [] as Diagnostic[] };
  buildPlan(parsed.pipeline, planning, expanded.text);
  const errors = [...expanded.diagnostics, ...parsed.diagnostics, ...planning.diagnostics].filter(
    (d) => d.severity === 'error',
  );
  if (errors.length === 0) runnable++;
  for (const error of errors) {
    const reason = reasonOf(error);
    const detections = reasons.get(reason) ?? new Set<string>();
    detections.add(file);
    reasons.set(reason, detections);
  }
}

const total = files.length;
const percent = ((100 * runnable) / total).toFixed(1);
console.log(`runnable: ${runnable} of ${total} detections (${percent}%); goal 90%`);
if (unreadable > 0) console.log(`no readable search: ${unreadable}`);
console.log(`\nreasons (detections blocked by each; a detection may have several):`);
const sorted = [...reasons].sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0]));
for (const [reason, detections] of sorted.slice(0, TOP_REASONS)) {
  console.log(`${String(detections.size).padStart(6)}  ${reason}`);
}
if (sorted.length > TOP_REASONS) console.log(`  ... ${sorted.length - TOP_REASONS} more reasons`);
