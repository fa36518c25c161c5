import type { DetectionTestReport, TestReason } from './runDetectionTests';

/**
 * JUnit XML as CI servers read it: one `<testsuite>` per detection, one `<testcase>` per test,
 * `<failure>` or `<skipped>` with every reason. `displayPath` names files as the user gave them.
 */
export function toJunitXml(
  reports: readonly DetectionTestReport[],
  displayPath: (path: string) => string,
): string {
  const all = reports.flatMap((report) => report.outcomes);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="spl test"${counts(all)}>`,
  ];
  for (const report of reports) {
    const file = displayPath(report.path);
    lines.push(
      `  <testsuite name="${xml(report.name)}" file="${xml(file)}"${counts(report.outcomes)}>`,
    );
    for (const outcome of report.outcomes) {
      const opening =
        `    <testcase name="${xml(outcome.name)}" classname="${xml(report.name)}" ` +
        `file="${xml(file)}" line="${outcome.range.start.line + 1}" time="${seconds(outcome.ms)}"`;
      if (outcome.status === 'pass') {
        lines.push(`${opening}/>`);
        continue;
      }
      const element = outcome.status === 'fail' ? 'failure' : 'skipped';
      const first = outcome.reasons[0];
      const body = outcome.reasons.map((reason) => reasonLine(reason, displayPath)).join('\n');
      lines.push(
        `${opening}>`,
        `      <${element} message="${xml(first?.message ?? '')}" type="${xml(first?.code ?? '')}">${xml(body)}</${element}>`,
        '    </testcase>',
      );
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}

export function reasonLine(reason: TestReason, displayPath: (path: string) => string): string {
  const where = reason.range
    ? `${displayPath(reason.file)}:${reason.range.start.line + 1}:${reason.range.start.column + 1}`
    : displayPath(reason.file);
  return `${where} ${reason.code} ${reason.message}`;
}

function counts(outcomes: readonly { status: string; ms: number }[]): string {
  const failures = outcomes.filter((o) => o.status === 'fail').length;
  const skipped = outcomes.filter((o) => o.status === 'skip').length;
  const ms = outcomes.reduce((sum, o) => sum + o.ms, 0);
  return ` tests="${outcomes.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${seconds(ms)}"`;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

/** Escapes markup and drops the characters XML 1.0 cannot hold at all (event data may have them). */
export function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
