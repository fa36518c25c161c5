import { Range } from 'vscode';
import type { TestRange } from '../../../server/src/protocol/detectionTests';

export function toRange(range: TestRange): Range {
  return new Range(range.start.line, range.start.character, range.end.line, range.end.character);
}
