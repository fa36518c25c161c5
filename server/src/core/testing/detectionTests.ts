import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { readDetectionYaml, type EmbeddedSpl } from '../syntax/documents';
import { parseYaml, topLevelValue } from '../syntax/documents/yamlDocument';
import type { Diagnostic } from '../text/diagnostic';
import type { LineIndex } from '../text/lineIndex';
import type { SourceRange } from '../text/range';

/** One `attack_data` entry, with where its `data:` value sits in the YAML. */
export interface TestDataset {
  readonly data: string;
  readonly source?: string;
  readonly sourcetype?: string;
  readonly range: SourceRange;
}

/** One entry of a detection's `tests:` list. */
export interface DetectionTestCase {
  readonly name: string;
  /** The whole list entry in the YAML. */
  readonly range: SourceRange;
  readonly datasets: readonly TestDataset[];
}

export interface DetectionTestFile {
  readonly name?: string;
  readonly search?: EmbeddedSpl;
  readonly tests: readonly DetectionTestCase[];
  readonly lineIndex: LineIndex;
  /** Problems reading the YAML and its `tests:`, in file coordinates. */
  readonly diagnostics: readonly Diagnostic[];
}

/** Cheap check before parsing: does the text look like a detection with tests? */
export function mayHoldDetectionTests(fileText: string): boolean {
  return /^tests[ \t]*:/m.test(fileText) && /^search[ \t]*:/m.test(fileText);
}

/**
 * Reads a detection's `tests:` keeping the source range of every test and `data:` value, so a
 * problem or a failure can point at the line that causes it.
 */
export function readDetectionTests(fileText: string): DetectionTestFile {
  const detection = readDetectionYaml(fileText);
  const parsed = parseYaml(fileText);
  const { lineIndex } = parsed;
  const diagnostics: Diagnostic[] = [...detection.diagnostics];
  const rangeOf = (node: Node | undefined | null): SourceRange => {
    const [start, end] = node?.range ?? [0, 0];
    return lineIndex.range(start, end);
  };
  const problem = (node: Node | undefined | null, code: string, message: string) =>
    diagnostics.push({
      severity: 'error',
      code,
      message,
      range: rangeOf(node),
      source: 'testing',
    });

  const testsNode = topLevelValue(parsed, 'tests');
  const tests: DetectionTestCase[] = [];
  if (testsNode !== undefined && !isSeq(testsNode)) {
    problem(testsNode, 'spl.test.shape', '`tests:` must be a list of tests, each `- name: ...`.');
  }
  for (const [index, item] of (isSeq(testsNode) ? testsNode.items : []).entries()) {
    if (!isMap(item)) {
      problem(
        item as Node,
        'spl.test.shape',
        'Each test must be a mapping with `name:` and `attack_data:`.',
      );
      continue;
    }
    const name = scalarText(item.get('name', true)) ?? `test ${index + 1}`;
    tests.push({ name, range: rangeOf(item), datasets: datasetsOf(item.get('attack_data', true)) });
  }
  return {
    ...(detection.name === undefined ? {} : { name: detection.name }),
    ...(detection.search ? { search: detection.search } : {}),
    tests,
    lineIndex,
    diagnostics,
  };

  function datasetsOf(attackData: unknown): TestDataset[] {
    if (!isSeq(attackData)) return [];
    return attackData.items.flatMap((entry) => {
      const dataNode = isMap(entry) ? entry.get('data', true) : undefined;
      const data = scalarText(dataNode)?.trim();
      if (!isMap(entry) || data === undefined || data === '') {
        problem(
          (isScalar(dataNode) ? dataNode : entry) as Node,
          'spl.test.no-data',
          'This `attack_data` entry has no `data:`; give the URL or relative path of the events file.',
        );
        return [];
      }
      const source = scalarText(entry.get('source', true));
      const sourcetype = scalarText(entry.get('sourcetype', true));
      return [
        {
          data,
          range: rangeOf(dataNode as Node),
          ...(source === undefined ? {} : { source }),
          ...(sourcetype === undefined ? {} : { sourcetype }),
        },
      ];
    });
  }
}

function scalarText(node: unknown): string | undefined {
  return isScalar(node) && node.value !== null && typeof node.value !== 'object'
    ? String(node.value)
    : undefined;
}
