import { pathToFileURL } from 'node:url';
import type { Pipeline } from '../core/syntax';
import type { OffsetSpan } from './documents';
import type { FieldKnowledge } from './fieldKnowledge';
import { fieldNameAt, fieldsBefore } from './searchFields';

export interface FieldHover {
  readonly markdown: string;
  readonly span: OffsetSpan;
}

/**
 * Hover text for the field name at `offset`: which earlier stage of this search sets it, or
 * which search-time setting extracts it, and the values the sample events hold.
 */
export function fieldHoverAt(
  pipeline: Pipeline,
  spl: string,
  offset: number,
  knowledge: FieldKnowledge,
): FieldHover | undefined {
  const field = fieldNameAt(pipeline, offset);
  if (!field) return undefined;
  const { name } = field;
  const lines = [`**${name}** field`];
  const inSearch = fieldsBefore(pipeline, spl, offset).origins.get(name);
  if (inSearch) {
    const line = spl.slice(0, inSearch.stageStart).split('\n').length;
    lines.push(`Set by \`${inSearch.command}\` in this search (line ${line} of the search).`);
  }
  const summary = knowledge.sample.get(name);
  const origins = knowledge.config.originsOf(name, summary !== undefined);
  if (!inSearch && origins.length === 0 && !summary) return undefined;
  for (const origin of origins) {
    const file = origin.file.replace(/^.*[\\/]/, '');
    const link = `[${file}:${origin.line + 1}](${pathToFileURL(origin.file).href}#L${origin.line + 1})`;
    const detail = origin.detail ? `: \`${inline(origin.detail)}\`` : '';
    lines.push(`Extracted by \`${inline(origin.setting)}\` (${link})${detail}`);
  }
  if (summary) {
    const values = summary.topValues.map(({ value, count }) => `\`${inline(value)}\` (${count})`);
    lines.push(
      `In ${summary.events} of ${knowledge.sampleEvents} sample events. Most frequent values: ${values.join(', ')}`,
    );
  }
  return {
    markdown: lines.join('\n\n'),
    span: { start: field.range.start.offset, end: field.range.end.offset },
  };
}

/** A value shown in inline code: backticks and line breaks would end the code span. */
function inline(value: string): string {
  return value.replace(/[`\r\n]+/g, ' ');
}
