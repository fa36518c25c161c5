import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { globSync } from 'tinyglobby';
import {
  ErrorCodes,
  RequestType,
  ResponseError,
  type CancellationToken,
  type Connection,
} from 'vscode-languageserver';
import { nearestLookupFolder } from '../core/engine/lookupFiles';
import type { MacroIndex } from '../core/macros';
import {
  isExpectationsPath,
  mayHoldDetectionTests,
  readDetectionTestOutline,
  runDetectionTests,
  type TestOutcome,
} from '../core/testing';
import { fileUriOf, lineColumnRange } from './ranges';
import {
  listDetectionTestsMethod,
  runDetectionTestMethod,
  type DetectionWithTests,
  type ListDetectionTestsParams,
  type ListDetectionTestsResult,
  type RunDetectionTestParams,
  type RunDetectionTestResult,
  type TestOutcomeItem,
} from '../protocol/detectionTests';

export const listDetectionTestsRequest = new RequestType<
  ListDetectionTestsParams,
  ListDetectionTestsResult,
  void
>(listDetectionTestsMethod);
export const runDetectionTestRequest = new RequestType<
  RunDetectionTestParams,
  RunDetectionTestResult,
  void
>(runDetectionTestMethod);

/** A security_content checkout has about 2,000 YAML files; a bigger tree is cut there. */
const maxListedFiles = 5_000;
/** Detections are a few kilobytes; a larger YAML file is not one. */
const maxDetectionBytes = 1_000_000;
const skippedFolders = ['**/node_modules/**', '**/.git/**'];
const filesPerTurn = 50;

/** What the requests need from the server around them. */
export interface DetectionTestingContext {
  folders(): readonly string[];
  /** The text of an open document, which wins over the file on disk. */
  openText(uri: string): string | undefined;
  macroIndex(): MacroIndex;
}

/** `spl/listDetectionTests` and `spl/runDetectionTest`, for the editor's Testing view. */
export function registerDetectionTesting(
  connection: Connection,
  context: DetectionTestingContext,
): void {
  connection.onRequest(listDetectionTestsRequest, (params) => listDetectionTests(params, context));
  connection.onRequest(runDetectionTestRequest, (params, token) =>
    runDetectionTest(params, context, token),
  );
}

export async function listDetectionTests(
  params: ListDetectionTestsParams,
  context: DetectionTestingContext,
): Promise<ListDetectionTestsResult> {
  let truncated = false;
  let paths: string[];
  if (params.uris) {
    paths = params.uris.flatMap((uri) => {
      const path = workspacePathOf(uri, context.folders());
      return path === undefined ? [] : [path];
    });
  } else {
    paths = context.folders().flatMap((folder) =>
      globSync(['**/*.yml', '**/*.yaml'], {
        cwd: folder,
        absolute: true,
        ignore: skippedFolders,
      }),
    );
    truncated = paths.length > maxListedFiles;
    paths = paths.sort().slice(0, maxListedFiles);
  }
  const detections: DetectionWithTests[] = [];
  for (const [index, path] of paths.entries()) {
    // A large workspace takes seconds to read: let the server answer the editor meanwhile.
    if (index % filesPerTurn === filesPerTurn - 1) await new Promise(setImmediate);
    const found = detectionAt(path, context);
    if (found) detections.push(found);
  }
  return { detections, truncated };
}

function detectionAt(
  path: string,
  context: DetectionTestingContext,
): DetectionWithTests | undefined {
  if (isExpectationsPath(path)) return undefined;
  const uri = pathToFileURL(path).href;
  const text = context.openText(uri) ?? readSmall(path);
  if (text === undefined || !mayHoldDetectionTests(text)) return undefined;
  const file = readDetectionTestOutline(text);
  if (file.tests.length === 0) return undefined;
  return {
    uri,
    name: file.name ?? basename(path),
    tests: file.tests.map((test) => ({ name: test.name, range: lineColumnRange(test.range) })),
  };
}

export async function runDetectionTest(
  params: RunDetectionTestParams,
  context: DetectionTestingContext,
  token?: CancellationToken,
): Promise<RunDetectionTestResult | ResponseError<void>> {
  const folders = context.folders();
  const path = workspacePathOf(params.uri, folders);
  const text = path === undefined ? undefined : (context.openText(params.uri) ?? readSmall(path));
  if (path === undefined || text === undefined) {
    return new ResponseError(
      ErrorCodes.InvalidParams,
      `${params.uri} is not a readable detection file inside the workspace.`,
    );
  }
  const controller = new AbortController();
  const cancellation = token?.onCancellationRequested(() => controller.abort());
  if (token?.isCancellationRequested) controller.abort();
  const folder = folders.find((f) => isInside(path, f)) ?? dirname(path);
  try {
    const report = await runDetectionTests(path, text, {
      macroIndex: context.macroIndex(),
      lookupPaths: nearestLookupFolder(
        dirname(path),
        (candidate) => candidate === folder || isInside(candidate, folder),
      ),
      signal: controller.signal,
      ...(params.datasetRoot ? { datasetRoot: resolve(folder, params.datasetRoot) } : {}),
      ...(params.test === undefined ? {} : { testName: params.test }),
    });
    return { outcomes: report.outcomes.map(toOutcomeItem) };
  } finally {
    cancellation?.dispose();
  }
}

function toOutcomeItem(outcome: TestOutcome): TestOutcomeItem {
  return {
    name: outcome.name,
    range: lineColumnRange(outcome.range),
    status: outcome.status,
    reasons: outcome.reasons.map((reason) => ({
      code: reason.code,
      message: reason.message,
      uri: fileUriOf(reason.file),
      ...(reason.range ? { range: lineColumnRange(reason.range) } : {}),
    })),
    resultCount: outcome.resultCount,
    ms: outcome.ms,
  };
}

/** The file behind a `file:` URI, when it lies in a workspace folder (files stay in the workspace). */
function workspacePathOf(uri: string, folders: readonly string[]): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  const path = fileURLToPath(uri);
  return folders.some((folder) => isInside(path, folder)) ? path : undefined;
}

function isInside(path: string, folder: string): boolean {
  const inner = relative(folder, path);
  return inner !== '' && !inner.startsWith('..') && !isAbsolute(inner);
}

function readSmall(path: string): string | undefined {
  try {
    return statSync(path).size > maxDetectionBytes ? undefined : readFileSync(path, 'utf8');
  } catch {
    // Deleted or unreadable since it was listed: it has no tests to offer.
    return undefined;
  }
}
