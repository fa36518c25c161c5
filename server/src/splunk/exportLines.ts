import type { SplunkMessage } from './types';

/** One line of the export endpoint's newline-delimited JSON stream, as we use it. */
export interface ExportLine {
  result?: Record<string, unknown>;
  preview: boolean;
  lastrow: boolean;
  messages: SplunkMessage[];
}

/** Splits a byte stream into complete lines; a partial last line waits for the next chunk. */
export class LineSplitter {
  private pending = '';

  push(chunk: string): string[] {
    this.pending += chunk;
    const lines = this.pending.split('\n');
    this.pending = lines.pop() ?? '';
    return lines.filter((line) => line.trim() !== '');
  }

  /** What is left when the stream ends (a last line without a newline). */
  flush(): string[] {
    const rest = this.pending.trim();
    this.pending = '';
    return rest === '' ? [] : [rest];
  }
}

/** Parses one stream line; undefined when it is not a JSON object. */
export function parseExportLine(line: string): ExportLine | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!isRecord(parsed)) return undefined;
  return {
    result: isRecord(parsed.result) ? parsed.result : undefined,
    preview: parsed.preview === true,
    lastrow: parsed.lastrow === true,
    messages: readMessages(parsed.messages),
  };
}

/** Reads Splunk's `messages` array ([{type, text}]) from any response body. */
export function readMessages(value: unknown): SplunkMessage[] {
  if (!Array.isArray(value)) return [];
  const messages: SplunkMessage[] = [];
  for (const item of value) {
    if (isRecord(item) && typeof item.text === 'string') {
      messages.push({ type: typeof item.type === 'string' ? item.type : 'INFO', text: item.text });
    }
  }
  return messages;
}

/** Messages from an error body, which may be JSON or (from proxies) plain text. */
export function messagesFromBody(body: string): SplunkMessage[] {
  try {
    const parsed: unknown = JSON.parse(body);
    if (isRecord(parsed)) return readMessages(parsed.messages);
  } catch {
    // not JSON: fall through to the raw text
  }
  const text = body.trim().slice(0, 2000);
  return text === '' ? [] : [{ type: 'ERROR', text }];
}

export function isFatal(message: SplunkMessage): boolean {
  return message.type === 'FATAL' || message.type === 'ERROR';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
