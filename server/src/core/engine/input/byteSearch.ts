/** ASCII letters folded to lower case; every other byte maps to itself. */
const FOLD = new Uint8Array(256).map((_, b) => (b >= 65 && b <= 90 ? b + 32 : b));

function variants(folded: number): number[] {
  return folded >= 97 && folded <= 122 ? [folded, folded - 32] : [folded];
}

/**
 * Case-insensitive search for an ASCII literal in raw bytes, so the bytes never need decoding
 * into a string; a UTF-8 multi-byte character never matches an ASCII byte. Horspool's algorithm
 * on byte pairs: the shift comes from the last two bytes of the window, and pairs are rare
 * enough in text that most windows move by nearly the pattern's length.
 */
export class AsciiCaseInsensitiveSearch {
  private readonly pattern: Uint8Array;
  /** Shift for each folded byte pair ending the window; 0 means the window may match. */
  private readonly shift: Uint8Array | undefined;

  constructor(literal: string) {
    this.pattern = Uint8Array.from(literal, (c) => FOLD[c.charCodeAt(0)] as number);
    const n = this.pattern.length;
    if (n < 2 || n > 255) return;
    this.shift = new Uint8Array(65536).fill(n - 1);
    // Every case variant of a pair gets its entry, so the scan reads text bytes unfolded.
    for (let i = 0; i < n - 1; i++) {
      for (const a of variants(this.pattern[i] as number)) {
        for (const b of variants(this.pattern[i + 1] as number))
          this.shift[(a << 8) | b] = n - 2 - i;
      }
    }
  }

  private matchesAt(bytes: Uint8Array, pos: number): boolean {
    const pattern = this.pattern;
    for (let i = 0; i < pattern.length; i++) {
      if (FOLD[bytes[pos + i] as number] !== pattern[i]) return false;
    }
    return true;
  }

  /** Offset of the first match at or after `from` that ends by `to`, or -1. */
  indexIn(bytes: Uint8Array, from: number, to: number): number {
    const n = this.pattern.length;
    const shift = this.shift;
    if (shift === undefined) {
      for (let pos = from; pos + n <= to; pos++) if (this.matchesAt(bytes, pos)) return pos;
      return -1;
    }
    const end = to - n;
    let pos = from;
    while (pos <= end) {
      const step = shift[
        ((bytes[pos + n - 2] as number) << 8) | (bytes[pos + n - 1] as number)
      ] as number;
      if (step === 0) {
        if (this.matchesAt(bytes, pos)) return pos;
        pos++;
      } else {
        pos += step;
      }
    }
    return -1;
  }
}

export function isAsciiLiteral(text: string): boolean {
  return /^[\x20-\x7e]+$/.test(text);
}
