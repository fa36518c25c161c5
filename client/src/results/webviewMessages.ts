import type { WebviewMessage } from '../../webview/messages';

/** Bounds a message from the webview must respect: it may only point into the run on show. */
export interface MessageBounds {
  readonly rowCount: number;
  readonly stageCount: number;
}

/**
 * Checks a message posted by the webview and returns it typed, or undefined when it is not one
 * this host sends for; the webview shows attacker-controlled data, so nothing is trusted.
 */
export function parseWebviewMessage(
  value: unknown,
  bounds: MessageBounds,
): WebviewMessage | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const message = value as Record<string, unknown>;
  switch (message.type) {
    case 'ready':
      return { type: 'ready' };
    case 'rerun':
      return { type: 'rerun' };
    case 'revealStage':
      return isIndex(message.index, bounds.stageCount)
        ? { type: 'revealStage', index: message.index }
        : undefined;
    case 'export': {
      const format = message.format;
      if (format !== 'csv' && format !== 'json') return undefined;
      const indices = message.rowIndices;
      if (!Array.isArray(indices) || indices.length > bounds.rowCount) return undefined;
      if (!indices.every((i) => isIndex(i, bounds.rowCount))) return undefined;
      return { type: 'export', format, rowIndices: indices as number[] };
    }
    default:
      return undefined;
  }
}

function isIndex(value: unknown, count: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < count;
}
