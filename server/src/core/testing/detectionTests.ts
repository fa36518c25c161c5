import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { readDetectionYaml, type EmbeddedSpl } from '../syntax/documents';
import { parseYaml, topLevelValue, type ParsedYaml } from '../syntax/documents/yamlDocument';
import type { Diagnostic } from '../text/diagnostic';
import type { LineIndex } from '../text/lineIndex';
import type { SourceRange } from '../text/range';
import { keepTopLevelKeys } from './topLevelKeys';

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

/** A detection's name and tests, without its search: what a list of tests shows. */
export interface DetectionTestOutline {
  readonly name?: string;
  readonly tests: readonly DetectionTestCase[];
}

export interface DetectionTestFile extends DetectionTestOutline {
  readonly search?: EmbeddedSpl;
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
  const diagnostics: Diagnostic[] = [...detection.diagnostics];
  return {
    ...(detection.name === undefined ? {} : { name: detection.name }),
    ...(detection.search ? { search: detection.search } : {}),
    tests: testsOf(parsed, diagnostics),
    lineIndex: parsed.lineIndex,
    diagnostics,
  };
}

/**
 * The name and tests alone, for listing a whole workspace: only the `name:` and `tests:` blocks
 * are parsed (the search and descriptions are most of a detection's text), at their own offsets.
 */
export function readDetectionTestOutline(fileText: string): DetectionTestOutline {
  const parsed = parseYaml(keepTopLevelKeys(fileText, ['name', 'tests']));
  const nameNode = topLevelValue(parsed, 'name');
  const name = scalarText(nameNode);
  return { ...(name === undefined ? {} : { name }), tests: testsOf(parsed, []) };
}

function testsOf(parsed: ParsedYaml, diagnostics: Diagnostic[]): DetectionTestCase[] {
  const rangeOf = (node: unknown): SourceRange => {
    const [start, end] = (node as Node | undefined)?.range ?? [0, 0];
    return parsed.lineIndex.range(start, end);
  };
  const problem = (node: unknown, code: string, message: string) =>
    diagnostics.push({ severity: 'error', code, message, range: rangeOf(node), source: 'testing' });

  const testsNode = topLevelValue(parsed, 'tests');
  const tests: DetectionTestCase[] = [];
  if (testsNode !== undefined && !isSeq(testsNode)) {
    problem(testsNode, 'spl.test.shape', '`tests:` must be a list of tests, each `- name: ...`.');
  }
  for (const [index, item] of (isSeq(testsNode) ? testsNode.items : []).entries()) {
    if (!isMap(item)) {
      problem(
        item,
        'spl.test.shape',
        'Each test must be a mapping with `name:` and `attack_data:`.',
      );
      continue;
    }
    const name = scalarText(item.get('name', true)) ?? `test ${index + 1}`;
    tests.push({ name, range: rangeOf(item), datasets: datasetsOf(item.get('attack_data', true)) });
  }
  return tests;

  function datasetsOf(attackData: unknown): TestDataset[] {
    if (!isSeq(attackData)) return [];
    return attackData.items.flatMap((entry) => {
      const dataNode = isMap(entry) ? entry.get('data', true) : undefined;
      const data = scalarText(dataNode)?.trim();
      if (!isMap(entry) || data === undefined || data === '') {
        problem(
          isScalar(dataNode) ? dataNode : entry,
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
          range: rangeOf(dataNode),
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
