import type { Position } from 'vscode-languageserver';
import type { RunSearchResult, RunStageInfo } from '../protocol/runSearch';

const shownRows = 3;
const shownFields = 8;
const shownChars = 60;

/**
 * Markdown for a hover on a stage after a run: its counts and a few of its output rows. Values
 * are event data, so every one is escaped: the hover shows them as text, never as markup.
 */
export function stageHoverAt(run: RunSearchResult, position: Position): string | undefined {
  const stage = run.stages.find((s) => contains(s, position));
  if (!stage) return undefined;
  const header = `**${escape(stage.command)}** on sample data: ${stage.in} in, ${stage.out} out, ${stage.ms} ms`;
  if (stage.sampleRows.length === 0) return header;
  const fields = pickFields(stage, new Set(run.fields));
  const rows = stage.sampleRows.slice(0, shownRows);
  const table = [
    `| ${fields.map(escape).join(' | ')} |`,
    `|${fields.map(() => ' --- ').join('|')}|`,
    ...rows.map((row) => `| ${fields.map((f) => cell(row[f])).join(' | ')} |`),
  ];
  const more = stage.out > rows.length ? `\n\nFirst ${rows.length} of ${stage.out} rows.` : '';
  return `${header}\n\n${table.join('\n')}${more}`;
}

function contains(stage: RunStageInfo, p: Position): boolean {
  const { start, end } = stage.range;
  const after = p.line > start.line || (p.line === start.line && p.character >= start.character);
  const before = p.line < end.line || (p.line === end.line && p.character <= end.character);
  return after && before;
}

/**
 * The stage's fields that the search returns first (what the author cares about), then the
 * others, `_raw` and other internal ones last, since they say least at a glance.
 */
function pickFields(stage: RunStageInfo, returned: ReadonlySet<string>): string[] {
  const internal = (f: string) => f.startsWith('_') && f !== '_time';
  const fields = stage.sampleFields;
  return [
    ...fields.filter((f) => returned.has(f)),
    ...fields.filter((f) => !returned.has(f) && !internal(f)),
    ...fields.filter((f) => !returned.has(f) && internal(f)),
  ].slice(0, shownFields);
}

function cell(value: string | string[] | undefined): string {
  if (value === undefined) return '';
  const text = Array.isArray(value) ? value.join(', ') : value;
  return escape(text.length > shownChars ? `${text.slice(0, shownChars)}…` : text);
}

/**
 * Markdown specials that work inside a table cell are escaped and HTML's become entities, so a
 * value renders as the text it is; a newline would end the table row.
 */
function escape(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()#+!|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n|\r/g, ' ');
}
