import { expandMacros, type MacroIndex, type ScannedToken } from '../macros';
import { parseSpl, type Pipeline, type Stage } from '../syntax';
import type { Diagnostic } from '../text/diagnostic';
import { didYouMean } from '../text/didYouMean';
import type { LineIndex } from '../text/lineIndex';
import { fieldsAfter, openFields, type FieldSet } from './fieldFlow';
import { defaultSeverity } from './rules';

function lint(
  code: string,
  message: string,
  lines: LineIndex,
  start: number,
  end: number,
): Diagnostic {
  return {
    severity: defaultSeverity(code),
    code,
    message,
    range: lines.range(start, end),
    source: 'lint',
  };
}

/**
 * security_content's convention (spl-semantics.md, macros.conf): every detection ends with
 * `| `<file name>_filter``, the hook users tune without editing the detection.
 */
export function filterMacroRules(
  text: string,
  tokens: readonly ScannedToken[],
  pipeline: Pipeline,
  filterName: string,
  lines: LineIndex,
): Diagnostic[] {
  const calls = tokens.filter((t) => t.kind === 'call' && t.name === filterName);
  const call = calls[calls.length - 1];
  if (!call) {
    const end = text.trimEnd().length;
    return [
      lint(
        'spl.detection.filterMissing',
        `This detection does not call \`${filterName}\`; end the search with '| \`${filterName}\`' so users can tune it without editing the search.`,
        lines,
        end,
        end,
      ),
    ];
  }
  const before = text.slice(0, call.start).trimEnd();
  if (!before.endsWith('|')) {
    return [
      lint(
        'spl.detection.filterNoPipe',
        `Put a '|' before \`${filterName}\`: without it, the filter's 'search ...' becomes part of the previous command.`,
        lines,
        call.start,
        call.end,
      ),
    ];
  }
  const last = pipeline.stages[pipeline.stages.length - 1];
  const isLast =
    last?.kind === 'macroStage' &&
    last.macro.name === filterName &&
    last.range.start.offset <= call.start;
  if (isLast) return [];
  return [
    lint(
      'spl.detection.filterNotLast',
      `\`${filterName}\` must be the last stage so that its tuning applies to the final results; move it to the end.`,
      lines,
      call.start,
      call.end,
    ),
  ];
}

const CTIME = 'security_content_ctime';

/**
 * `security_content_ctime(x)` converts x in place (spl-semantics.md: it is `convert ... ctime($field$)`);
 * when no earlier stage produces x, it silently does nothing. The classic cause is
 * `min(_time)` without `as firstTime`.
 */
export function ctimeFieldRule(
  text: string,
  pipeline: Pipeline,
  index: MacroIndex,
  lines: LineIndex,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  let fields: FieldSet = openFields;
  // Stages after the last conversion cannot matter, and following a macro stage costs an expansion.
  const lastCtime = pipeline.stages.findLastIndex((stage) => isCtimeCall(stage));
  for (const stage of pipeline.stages.slice(0, lastCtime + 1)) {
    if (
      stage.kind === 'macroStage' &&
      stage.macro.name === CTIME &&
      stage.macro.args.length === 1
    ) {
      const arg = stage.macro.args[0] as (typeof stage.macro.args)[number];
      if (!fields.open && !fields.names.has(arg.value)) {
        const suggestion = didYouMean(arg.value, fields.names);
        diagnostics.push(
          lint(
            'spl.detection.ctimeUnknownField',
            `No earlier stage produces '${arg.value}', so \`${CTIME}(${arg.value})\` converts nothing${suggestion ? ` (there is '${suggestion}')` : ''}; name the field with 'as ${arg.value}' in stats or tstats, or convert a field that exists.`,
            lines,
            arg.range.start.offset,
            arg.range.end.offset,
          ),
        );
      }
      continue;
    }
    fields = fieldsAfterStage(fields, stage, text, index);
  }
  return diagnostics;
}

function isCtimeCall(stage: Stage): boolean {
  return stage.kind === 'macroStage' && stage.macro.name === CTIME && stage.macro.args.length === 1;
}

function fieldsAfterStage(
  fields: FieldSet,
  stage: Stage,
  text: string,
  index: MacroIndex,
): FieldSet {
  if (stage.kind === 'command') return fieldsAfter(fields, stage, text);
  // A macro stage: follow what its expansion does (e.g. drop_dm_object_name renames Processes.*).
  const call = text.slice(stage.macro.range.start.offset, stage.macro.range.end.offset);
  const expanded = expandedStage(call, index);
  if (!expanded) return openFields;
  return expanded.pipeline.stages.reduce<FieldSet>(
    (set, inner) => fieldsAfterStage(set, inner, expanded.text, index),
    fields,
  );
}

interface ExpandedStage {
  readonly text: string;
  readonly pipeline: Pipeline;
}

/** Per index, the same few macro stages recur in most detections: expand and parse each once. */
const MAX_CACHED_STAGES = 10_000;
const expandedStages = new WeakMap<MacroIndex, Map<string, ExpandedStage | undefined>>();

function expandedStage(call: string, index: MacroIndex): ExpandedStage | undefined {
  let cache = expandedStages.get(index);
  if (!cache) expandedStages.set(index, (cache = new Map()));
  if (cache.has(call)) return cache.get(call);
  // An editor's index lives long and sees every half-typed call: keep the cache bounded.
  if (cache.size >= MAX_CACHED_STAGES) cache.clear();
  let result: ExpandedStage | undefined;
  const expansion = expandMacros(call, index);
  if (!expansion.diagnostics.some((d) => d.severity === 'error')) {
    const text = `| ${expansion.text}`;
    const parsed = parseSpl(text);
    if (!parsed.diagnostics.some((d) => d.severity === 'error'))
      result = { text, pipeline: parsed.pipeline };
  }
  cache.set(call, result);
  return result;
}
