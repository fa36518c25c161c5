import type { SplunkRunOptions } from './types';

/** The streaming endpoint: results arrive as the search finds them, with no job to poll. */
export const EXPORT_PATH = '/services/search/v2/jobs/export';

/** The search as the export endpoint wants it: a generating `search` unless it starts with `|`. */
export function exportSearchText(search: string): string {
  const trimmed = search.trim();
  return trimmed.startsWith('|') || /^search\b/.test(trimmed) ? trimmed : `search ${trimmed}`;
}

export function exportRequestBody(options: SplunkRunOptions): string {
  const form = new URLSearchParams({
    output_mode: 'json',
    search: exportSearchText(options.search),
  });
  if (options.earliest !== undefined) form.set('earliest_time', options.earliest);
  if (options.latest !== undefined) form.set('latest_time', options.latest);
  return form.toString();
}
