/**
 * The Test Explorer's requests, shared by the server and the client. Plain types and names only:
 * the client may import this file, so it imports nothing.
 */

export const listDetectionTestsMethod = 'spl/listDetectionTests';
export const runDetectionTestMethod = 'spl/runDetectionTest';

export interface TestPosition {
  readonly line: number;
  readonly character: number;
}

export interface TestRange {
  readonly start: TestPosition;
  readonly end: TestPosition;
}

export interface ListDetectionTestsParams {
  /** Only these files (after they changed); absent: every detection of the workspace. */
  readonly uris?: readonly string[];
}

export interface DetectionTestEntry {
  readonly name: string;
  /** The test's entry in the detection's `tests:` list. */
  readonly range: TestRange;
}

export interface DetectionWithTests {
  readonly uri: string;
  /** The detection's `name:`, else its file name. */
  readonly name: string;
  readonly tests: readonly DetectionTestEntry[];
}

export interface ListDetectionTestsResult {
  /** Files asked for (or found) that hold no tests are absent. */
  readonly detections: readonly DetectionWithTests[];
  /** True when the workspace had more files than the server reads; the list is then partial. */
  readonly truncated: boolean;
}

export interface RunDetectionTestParams {
  readonly uri: string;
  /** Run only this test; absent: every test of the detection. */
  readonly test?: string;
  /** The attack_data clone that test data URLs map into; relative to the workspace folder. */
  readonly datasetRoot?: string;
}

export interface TestReasonItem {
  readonly code: string;
  readonly message: string;
  readonly uri: string;
  readonly range?: TestRange;
}

export interface TestOutcomeItem {
  readonly name: string;
  readonly range: TestRange;
  readonly status: 'pass' | 'fail' | 'skip';
  readonly reasons: readonly TestReasonItem[];
  readonly resultCount: number;
  readonly ms: number;
}

export interface RunDetectionTestResult {
  readonly outcomes: readonly TestOutcomeItem[];
}
