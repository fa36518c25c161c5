import type { Severity } from '../core/text/diagnostic';

/** What the CLI needs to know about where it writes; tests pass their own. */
export interface OutputStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): unknown;
}

/**
 * Colour only on a terminal, never with NO_COLOR (no-color.org), and always with FORCE_COLOR set
 * to anything but 0 or false. Four ANSI codes do not justify a dependency.
 */
export function colourEnabled(stream: OutputStream, env: NodeJS.ProcessEnv = process.env): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0' && force !== 'false') return true;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return stream.isTTY === true;
}

export interface Palette {
  severity(severity: Severity, text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const SEVERITY_CODES: Readonly<Record<Severity, number>> = {
  error: 31,
  warning: 33,
  info: 36,
  hint: 36,
};

export function palette(enabled: boolean): Palette {
  const wrap = (code: number, text: string) => (enabled ? `\u001b[${code}m${text}\u001b[0m` : text);
  return {
    severity: (severity, text) => wrap(SEVERITY_CODES[severity], text),
    dim: (text) => wrap(2, text),
    bold: (text) => wrap(1, text),
  };
}

/** Runs shorter than this show no progress bar: it would only flicker. */
const PROGRESS_AFTER_MS = 400;
const PROGRESS_EVERY_MS = 100;

/**
 * A progress bar on standard error, drawn only on a terminal, only once a run has lasted a
 * moment, and erased at the end so that it never mixes with the report.
 */
export function progressBar(
  stream: OutputStream,
  label: string,
  now: () => number = Date.now,
): (done: number, total: number) => void {
  if (stream.isTTY !== true) return () => undefined;
  const started = now();
  let drawnAt = 0;
  let drawn = false;
  return (done, total) => {
    const time = now();
    if (done >= total) {
      if (drawn) stream.write('\r\u001b[2K');
      return;
    }
    if (time - started < PROGRESS_AFTER_MS || time - drawnAt < PROGRESS_EVERY_MS) return;
    drawnAt = time;
    drawn = true;
    const width = Math.max(10, Math.min(40, (stream.columns ?? 80) - label.length - 25));
    const filled = Math.round((done / Math.max(1, total)) * width);
    stream.write(
      `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`,
    );
  };
}
