import type { Diagnostic } from '../../text/diagnostic';
import { embeddedSplFrom, type EmbeddedSpl } from './embeddedSpl';
import { isTopLevelMap, parseYaml, topLevelValue, type ParsedYaml } from './yamlDocument';

/** Reads the SPL under a top-level key (`search` in detections, `definition` in macro files). */
export function readYamlScalar(
  fileText: string,
  key: string,
): { spl?: EmbeddedSpl; diagnostics: Diagnostic[] } {
  const parsed = parseYaml(fileText);
  const diagnostics = [...parsed.diagnostics];
  const spl = splUnderKey(parsed, key, diagnostics);
  return spl ? { spl, diagnostics } : { diagnostics };
}

export function splUnderKey(
  parsed: ParsedYaml,
  key: string,
  diagnostics: Diagnostic[],
): EmbeddedSpl | undefined {
  if (parsed.document && !isTopLevelMap(parsed)) {
    diagnostics.push({
      severity: 'error',
      code: 'yaml-not-mapping',
      message: `Expected a mapping of keys at the top of the file (such as \`${key}: ...\`).`,
      range: parsed.lineIndex.range(0, 0),
      source: 'yaml',
    });
    return undefined;
  }
  const node = topLevelValue(parsed, key);
  return node ? embeddedSplFrom(node, key, parsed.lineIndex, diagnostics) : undefined;
}
