/** The `search:` of every detection in ../shared's security_content corpus, read in place. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import { parseDocument } from 'yaml';

const repoRoot = resolve(__dirname, '../..');
const detectionsDir = join(repoRoot, '../shared/corpus/security_content/detections');

export interface CorpusSearch {
  readonly file: string;
  readonly search: string;
}

export interface Corpus {
  readonly files: number;
  readonly searches: CorpusSearch[];
  /** Files whose YAML is itself broken (the `search:` text the YAML reader recovers is cut short). */
  readonly invalidYaml: string[];
}

/** Every detection, or every `step`-th one (property tests sample the corpus). */
export function readCorpus(step = 1): Corpus {
  const files = globSync('**/*.yml', { cwd: detectionsDir })
    .sort()
    .filter((_, index) => index % step === 0);
  const searches: CorpusSearch[] = [];
  const invalidYaml: string[] = [];
  for (const file of files) {
    const document = parseDocument(readFileSync(join(detectionsDir, file), 'utf8'));
    const search: unknown = document.get('search');
    if (document.errors.length > 0) invalidYaml.push(file);
    else if (typeof search === 'string') searches.push({ file, search });
  }
  return { files: files.length, searches, invalidYaml };
}
