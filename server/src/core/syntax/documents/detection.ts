import { isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Diagnostic } from '../../text/diagnostic';
import type { EmbeddedSpl } from './embeddedSpl';
import { splUnderKey } from './yamlScalar';
import { parseYaml, topLevelValue } from './yamlDocument';

/** One `attack_data` entry of a detection test: a data file and how Splunk should ingest it. */
export interface DetectionDataset {
  readonly data: string;
  readonly source?: string;
  readonly sourcetype?: string;
}

export interface DetectionTest {
  readonly name: string;
  readonly datasets: DetectionDataset[];
}

export interface DetectionYaml {
  name?: string;
  search?: EmbeddedSpl;
  tests: DetectionTest[];
  diagnostics: Diagnostic[];
}

function textOf(node: unknown, key: string): string | undefined {
  if (!isMap(node)) return undefined;
  const value = node.get(key, true);
  return isScalar(value) && value.value !== null ? String(value.value) : undefined;
}

function datasetsOf(test: Node): DetectionDataset[] {
  if (!isMap(test)) return [];
  const attackData = test.get('attack_data', true);
  if (!isSeq(attackData)) return [];
  return attackData.items.flatMap((item) => {
    const data = textOf(item, 'data');
    if (data === undefined) return [];
    const source = textOf(item, 'source');
    const sourcetype = textOf(item, 'sourcetype');
    return [
      {
        data: data.trim(),
        ...(source === undefined ? {} : { source }),
        ...(sourcetype === undefined ? {} : { sourcetype }),
      },
    ];
  });
}

/** Reads a security_content detection: its name, its SPL and the datasets its tests replay. */
export function readDetectionYaml(fileText: string): DetectionYaml {
  const parsed = parseYaml(fileText);
  const diagnostics = [...parsed.diagnostics];
  const search = splUnderKey(parsed, 'search', diagnostics);
  if (!search && parsed.document && diagnostics.length === 0) {
    diagnostics.push({
      severity: 'warning',
      code: 'detection-no-search',
      message: 'This detection has no `search:` key; a detection keeps its SPL under `search:`.',
      range: parsed.lineIndex.range(0, 0),
      source: 'yaml',
    });
  }
  const nameNode = topLevelValue(parsed, 'name');
  const name = isScalar(nameNode) && nameNode.value !== null ? String(nameNode.value) : undefined;
  const testsNode = topLevelValue(parsed, 'tests');
  const tests = isSeq(testsNode)
    ? testsNode.items.flatMap((test) =>
        isMap(test) ? [{ name: textOf(test, 'name') ?? '', datasets: datasetsOf(test) }] : [],
      )
    : [];
  return {
    ...(name === undefined ? {} : { name }),
    ...(search ? { search } : {}),
    tests,
    diagnostics,
  };
}

/**
 * The filter macro every security_content detection calls last (spl-semantics.md, macros.conf):
 * the file's base name without `.yml`, lower-cased, with spaces, `-`, `.` and `/` made `_`, plus
 * `_filter`.
 */
export function detectionFilterMacroName(fileName: string): string {
  const stem = fileName.replace(/\.ya?ml$/i, '');
  return `${stem.toLowerCase().replace(/[ ./-]/g, '_')}_filter`;
}
