import { basename, dirname, resolve } from 'node:path';
import type { DatasetSpec } from '../engine/input';
import type { RunLimits } from '../engine/plan/limits';
import { runSearch, type RunResult, type RunStage } from '../engine/run';
import type { MacroIndex } from '../macros';
import { detectionFilterMacroName, type EmbeddedSpl } from '../syntax/documents';
import type { LineIndex } from '../text/lineIndex';
import type { SourceRange } from '../text/range';
import { checkExpectations } from './checkExpectations';
import { findDatasetRoot, locateDataset } from './datasetLocation';
import { readDetectionTests, type DetectionTestCase } from './detectionTests';
import { loadExpectations, type Expectations } from './expectations';
import { explainNoResults, runErrors, type RunExplanation } from './explainRun';

export type TestStatus = 'pass' | 'fail' | 'skip';

/** Why a test failed or was skipped, at the place in a file that explains it. */
export interface TestReason {
  readonly code: string;
  readonly message: string;
  readonly file: string;
  /** In `file`'s coordinates; absent when the reason concerns no particular place. */
  readonly range?: SourceRange;
}

export interface TestOutcome {
  readonly name: string;
  /** The test's entry in the detection's `tests:` list. */
  readonly range: SourceRange;
  readonly status: TestStatus;
  readonly reasons: readonly TestReason[];
  readonly resultCount: number;
  /** Per-stage counts, ranges in the detection file. */
  readonly stages: readonly RunStage[];
  readonly ms: number;
}

export interface DetectionTestReport {
  readonly path: string;
  /** The detection's `name:`, else its file name. */
  readonly name: string;
  readonly expectationsPath?: string;
  readonly outcomes: readonly TestOutcome[];
}

export interface DetectionTestOptions {
  readonly macroIndex?: MacroIndex;
  /** Where URLs into splunk/attack_data resolve; default: the nearest `attack_data/` folder. */
  readonly datasetRoot?: string;
  readonly lookupPaths?: readonly string[];
  readonly limits?: Partial<RunLimits>;
  readonly signal?: AbortSignal;
  /** Run only the test with this name. */
  readonly testName?: string;
}

/**
 * Runs each of a detection's tests on its datasets, as security_content's unit test does: a test
 * passes when the search returns at least one result, or, when `<detection>.expected.yml` exists,
 * when the results meet it. Never throws for bad input: every problem is a reason with a place.
 */
export async function runDetectionTests(
  path: string,
  fileText: string,
  options: DetectionTestOptions = {},
): Promise<DetectionTestReport> {
  const detectionPath = resolve(path);
  const file = readDetectionTests(fileText);
  const expected = loadExpectations(detectionPath);
  const expectationsPath = expected.path;
  const fileProblems: TestReason[] = [
    ...file.diagnostics
      .filter((d) => d.severity === 'error')
      .map((d) => ({ code: d.code, message: d.message, file: detectionPath, range: d.range })),
    ...expected.diagnostics
      .filter((d) => d.severity === 'error')
      .map((d) => ({
        code: d.code,
        message: d.message,
        file: expectationsPath ?? detectionPath,
        range: d.range,
      })),
  ];
  const context: TestContext = {
    detectionPath,
    search: file.search,
    lineIndex: file.lineIndex,
    expectations: expected.expectations,
    fileProblems,
    options,
    datasetRoot: options.datasetRoot ?? findDatasetRoot(dirname(detectionPath)),
  };
  const outcomes: TestOutcome[] = [];
  for (const test of file.tests) {
    if (options.testName !== undefined && test.name !== options.testName) continue;
    outcomes.push(await runOne(test, context));
  }
  return {
    path: detectionPath,
    name: file.name ?? basename(detectionPath),
    ...(expectationsPath === undefined ? {} : { expectationsPath }),
    outcomes,
  };
}

interface TestContext {
  readonly detectionPath: string;
  readonly search: EmbeddedSpl | undefined;
  readonly lineIndex: LineIndex;
  readonly expectations: Expectations | undefined;
  readonly fileProblems: readonly TestReason[];
  readonly options: DetectionTestOptions;
  readonly datasetRoot: string | undefined;
}

async function runOne(test: DetectionTestCase, context: TestContext): Promise<TestOutcome> {
  const { detectionPath, search, options } = context;
  const outcome = (
    status: TestStatus,
    reasons: TestReason[],
    run?: RunResult,
    ms = 0,
  ): TestOutcome => ({
    name: test.name,
    range: test.range,
    status,
    reasons,
    resultCount: run?.results.length ?? 0,
    stages: (run?.stages ?? []).map((stage) => ({ ...stage, range: toFile(stage.range) })),
    ms,
  });
  const toFile = (range: SourceRange): SourceRange => fileRangeOf(range, search, context.lineIndex);
  const here = (explanation: RunExplanation): TestReason => ({
    code: explanation.code,
    message: explanation.message,
    file: detectionPath,
    ...(explanation.range ? { range: toFile(explanation.range) } : {}),
  });

  if (context.fileProblems.length > 0 || !search) {
    const noSearch = search
      ? []
      : [
          {
            code: 'spl.test.no-search',
            message: 'The detection has no `search:` to run.',
            file: detectionPath,
          },
        ];
    return outcome('fail', [...context.fileProblems, ...noSearch]);
  }
  if (test.datasets.length === 0) {
    return outcome('fail', [
      {
        code: 'spl.test.no-datasets',
        message: 'This test has no `attack_data:` entries to run the search on.',
        file: detectionPath,
        range: test.range,
      },
    ]);
  }
  const located = locateAll(test, context);
  if ('unavailable' in located) return outcome('skip', located.unavailable);

  const started = performance.now();
  const run = await runSearch({
    text: search.text,
    ...(options.macroIndex ? { macroIndex: options.macroIndex } : {}),
    implicitFilterMacros: [detectionFilterMacroName(basename(detectionPath))],
    datasets: located.datasets,
    lookupPaths: [...(options.lookupPaths ?? [])],
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const ms = Math.round(performance.now() - started);
  if (options.signal?.aborted) {
    return outcome(
      'skip',
      [{ code: 'spl.test.cancelled', message: 'The run was cancelled.', file: detectionPath }],
      run,
      ms,
    );
  }
  const errors = runErrors(run);
  if (errors.length > 0) return outcome('fail', errors.map(here), run, ms);

  const { expectations } = context;
  if (expectations) {
    const failures = checkExpectations(run.results, expectations);
    const noRows = expectations.count === undefined && run.results.length === 0;
    if (failures.length === 0 && !noRows) return outcome('pass', [], run, ms);
    const why = run.results.length === 0 ? explainNoResults(run).map(here) : [];
    const atExpected = failures.map((f) => ({ ...f, file: expectations.path }));
    return outcome(
      'fail',
      [...noResultsReason(run, noRows, detectionPath, test.range), ...atExpected, ...why],
      run,
      ms,
    );
  }
  if (run.results.length > 0) return outcome('pass', [], run, ms);
  return outcome(
    'fail',
    [...noResultsReason(run, true, detectionPath, test.range), ...explainNoResults(run).map(here)],
    run,
    ms,
  );
}

/** Reported at the test's entry: the test, not the search, is what asked for a result. */
function noResultsReason(
  run: RunResult,
  applies: boolean,
  file: string,
  range: SourceRange,
): TestReason[] {
  return applies && run.results.length === 0
    ? [
        {
          code: 'spl.test.no-results',
          message: 'The search returned no results; a detection test needs at least one.',
          file,
          range,
        },
      ]
    : [];
}

/** Every dataset's local file, or why some are not available here (the test is then skipped). */
function locateAll(
  test: DetectionTestCase,
  context: TestContext,
): { datasets: DatasetSpec[] } | { unavailable: TestReason[] } {
  const datasets: DatasetSpec[] = [];
  const unavailable: TestReason[] = [];
  const folder = dirname(context.detectionPath);
  for (const dataset of test.datasets) {
    const location = locateDataset(dataset.data, folder, context.datasetRoot);
    const at = { file: context.detectionPath, range: dataset.range };
    if (location.kind === 'found') {
      datasets.push({
        path: location.path,
        ...(dataset.source === undefined ? {} : { source: dataset.source }),
        ...(dataset.sourcetype === undefined ? {} : { sourcetype: dataset.sourcetype }),
      });
    } else if (location.kind === 'missing') {
      unavailable.push({
        ...at,
        code: 'spl.test.dataset-missing',
        message: `The dataset is not available locally: ${location.path} does not exist.`,
      });
    } else if (location.kind === 'no-root') {
      unavailable.push({
        ...at,
        code: 'spl.test.dataset-no-root',
        message: `The dataset is an attack_data URL and no dataset root is set: give the folder of an attack_data clone (it holds datasets/${location.relative}).`,
      });
    } else {
      unavailable.push({
        ...at,
        code: 'spl.test.dataset-unmapped',
        message:
          'Only URLs into splunk/attack_data and local paths can be mapped to a local file; download this one and give its path.',
      });
    }
  }
  return unavailable.length > 0 ? { unavailable } : { datasets };
}

/** A range in the search text -> the same characters in the detection file. */
function fileRangeOf(
  range: SourceRange,
  search: EmbeddedSpl | undefined,
  lineIndex: LineIndex,
): SourceRange {
  if (!search) return range;
  const start = search.toFileOffset(range.start.offset);
  // The end is exclusive: map the last character and step past it.
  const end =
    range.end.offset > range.start.offset ? search.toFileOffset(range.end.offset - 1) + 1 : start;
  return lineIndex.range(start, end);
}
