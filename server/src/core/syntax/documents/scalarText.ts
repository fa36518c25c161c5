/**
 * A decoded YAML scalar: its value and, for every character of it, the file offset of the
 * character that produced it. `offsets` has one extra entry, the end of the scalar's content, so
 * an offset just past the text still maps somewhere sensible.
 */
export interface ScalarText {
  readonly text: string;
  readonly offsets: readonly number[];
}

/** Collects characters with their file offsets; `trimmable` marks whitespace a fold may drop. */
export class ScalarBuilder {
  private readonly chars: string[] = [];
  private readonly offsets: number[] = [];
  private readonly trimmable: boolean[] = [];

  push(char: string, fileOffset: number, trimmable = false): void {
    this.chars.push(char);
    this.offsets.push(fileOffset);
    this.trimmable.push(trimmable);
  }

  /** Drops trailing whitespace that came from the file as-is (never escaped characters). */
  trimTrailingWhitespace(): void {
    while (this.trimmable.at(-1) === true) {
      this.chars.pop();
      this.offsets.pop();
      this.trimmable.pop();
    }
  }

  finish(endOffset: number): ScalarText {
    return { text: this.chars.join(''), offsets: [...this.offsets, endOffset] };
  }
}

export function isBlank(char: string | undefined): boolean {
  return char === ' ' || char === '\t';
}

/** Length of the line break at `index` (2 for `\r\n`), or 0 when there is none. */
export function lineBreakLength(source: string, index: number): number {
  if (source[index] === '\r') return source[index + 1] === '\n' ? 2 : 1;
  return source[index] === '\n' ? 1 : 0;
}
