/** The `search:` of every detection in ../shared's security_content corpus, read in place. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { parseDocument } from 'yaml';

export const repoRoot = resolve(__dirname, '../..');
const detectionsDir = join(repoRoot, '../shared/corpus/security_content/detections');

export interface CorpusSearch {
  readonly file: string;
  readonly search: string;
}

/** A few corpus files carry YAML errors elsewhere in the document; their `search:` still reads. */
export function corpusSearches(): CorpusSearch[] {
  const files = globSync('**/*.yml', { cwd: detectionsDir }).sort();
  return files.flatMap((file) => {
    const search: unknown = parseDocument(readFileSync(join(detectionsDir, file), 'utf8')).get(
      'search',
    );
    return typeof search === 'string' ? [{ file, search }] : [];
  });
}
