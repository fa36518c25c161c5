/** A line that starts a top-level mapping entry: `key:` at column 0. */
const topLevelKey = /^([A-Za-z_][\w-]*)[ \t]*:/;

/**
 * The text with every top-level block blanked out except those of `keys`: each other character
 * becomes a space and line breaks stay, so offsets, lines and columns are those of the file. A
 * block runs until the next line that starts at column 0 with anything but `-` (a block sequence
 * may sit at its key's indentation) or `#`.
 */
export function keepTopLevelKeys(fileText: string, keys: readonly string[]): string {
  const lines = fileText.split(/(?<=\n)/);
  let keeping = false;
  return lines
    .map((line) => {
      const first = line[0];
      if (first !== undefined && !/[\s#-]/.test(first)) {
        const key = topLevelKey.exec(line)?.[1];
        keeping = key !== undefined && keys.includes(key);
      }
      return keeping ? line : line.replace(/[^\r\n]/g, ' ');
    })
    .join('');
}
