import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { DEFAULT_LIMITS, type RunLimits } from '../../core/engine/plan/limits';
import { runSearch, type RunMessage, type RunResult } from '../../core/engine/run';
import { loadMacroFiles } from '../../core/macros';
import { detectionFilterMacroName } from '../../core/syntax/documents';
import type { Diagnostic } from '../../core/text/diagnostic';
import { cliMacroEvaluator, readInput } from '../io';
import { formatCsv } from '../csv';
import { formatDiagnostic } from '../report';
import { defaultLookupPaths, testDatasets } from '../runInputs';
import { splSourceOf, type SplSource } from '../splSource';
import { formatTable, truncate } from '../table';
import { defaultMacroPaths } from '../macroPaths';
import { addSplunkOptions, serverFlagWithoutServer, type SplunkOptions } from '../splunkConnection';
import { splunkCompareCommand } from '../splunkCompare';
import { splunkRunCommand } from '../splunkRun';
import type { RemoteRunInput } from '../splunkSession';

interface RunOptions extends SplunkOptions {
  data?: string[];
  macros?: string[];
  props?: string[];
  lookups?: string[];
  datamodels?: string[];
  datasetRoot?: string;
  format: string;
  explain?: boolean;
  tz: string;
  maxEvents?: string;
  maxResults?: string;
  timeout?: string;
}

export function registerRun(program: Command): void {
  const run = program
    .command('run')
    .description(
      'Run a search or a detection locally over event files (or on a Splunk server with --splunk) and print its results.',
    )
    .argument('<file>', 'a .spl file, a detection .yml (its search:), or - for standard input')
    .option('--data <paths...>', "event files or folders (default: the detection's test data)")
    .option(
      '--macros <paths...>',
      'macros.conf, macro .yml files or folders (default: the nearest macros/ folder or macros.conf)',
    )
    .option('--props <paths...>', 'props.conf/transforms.conf files with search-time fields')
    .option(
      '--lookups <paths...>',
      'CSV lookup files or folders (default: the nearest lookups/ folder)',
    )
    .option(
      '--datamodels <paths...>',
      'data model files (YAML/JSON) added to the built-in CIM models that tstats reads',
    )
    .option(
      '--dataset-root <dir>',
      "where attack_data URLs in a detection's tests: resolve (default: the nearest attack_data/ folder)",
    )
    .option('--format <format>', 'table, json or csv', 'table')
    .option(
      '--explain',
      'print the events in and out of every stage (on standard error with json and csv; the table always shows them)',
    )
    .option('--tz <zone>', 'IANA time zone for ctime and strftime', 'UTC')
    .option(
      '--max-events <n>',
      `events taken from the data, after the literal pre-filter (default ${DEFAULT_LIMITS.maxEventsRead})`,
    )
    .option(
      '--max-results <n>',
      `result rows returned at most (default ${DEFAULT_LIMITS.maxResultRows})`,
    )
    .option(
      '--timeout <seconds>',
      `wall time of the run (default ${DEFAULT_LIMITS.timeLimitMs / 1000})`,
    );
  addSplunkOptions(run).action(async (file: string, options: RunOptions) => {
    process.exitCode = await runCommand(file, options);
  });
}

function usageError(message: string): number {
  process.stderr.write(`spl run: ${message}\n`);
  return 2;
}

/** Exit 0 when the search ran (even with no rows), 1 when it has errors, 2 on usage or IO errors. */
async function runCommand(file: string, options: RunOptions): Promise<number> {
  if (!['table', 'json', 'csv'].includes(options.format)) {
    return usageError(`--format takes table, json or csv, not '${options.format}'.`);
  }
  const limits = limitsOf(options);
  if (typeof limits === 'string') return usageError(limits);
  const missing = (options.data ?? []).find((path) => !existsSync(path));
  if (missing !== undefined) return usageError(`the data path ${missing} does not exist.`);
  let source: SplSource;
  try {
    source = splSourceOf(readInput(file));
  } catch (error) {
    return usageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const remoteOnly = serverFlagWithoutServer(options);
  if (remoteOnly === '--compare-fields') return usageError('--compare-fields needs --compare.');
  if (remoteOnly !== undefined) return usageError(`${remoteOnly} needs --splunk or --compare.`);
  const macros = loadMacroFiles(options.macros ?? defaultMacroPaths(file));
  const implicitFilterMacros = source.detectionName
    ? [detectionFilterMacroName(source.detectionName)]
    : [];
  const remoteInput: RemoteRunInput = {
    source,
    macros: macros.index,
    expandOptions: { implicitFilterMacros, evaluateEval: cliMacroEvaluator() },
    flags: options,
    ...(limits.timeLimitMs !== undefined ? { timeoutMs: limits.timeLimitMs } : {}),
  };
  if (options.splunk === true || options.compare === true) {
    // The server needs our macros only when it gets our expansion or our rows.
    const usesMacros = options.sendExpanded === true || options.compare === true;
    const problems = [...(usesMacros ? macros.diagnostics : []), ...source.diagnostics];
    printInputDiagnostics(problems, source);
    if (problems.some((d) => d.severity === 'error')) return 1;
  }
  if (options.splunk === true && options.compare !== true) {
    return splunkRunCommand(remoteInput, options.format);
  }
  const result = await runSearch({
    text: source.spl,
    macroIndex: macros.index,
    implicitFilterMacros,
    datasets: options.data
      ? options.data.map((path) => ({ path }))
      : testDatasets(source.path, source.tests, options.datasetRoot),
    fieldConfigFiles: options.props ?? [],
    lookupPaths: options.lookups ?? defaultLookupPaths(file),
    ...(options.datamodels ? { dataModelPaths: options.datamodels } : {}),
    timezone: options.tz,
    limits,
  });
  if (options.compare === true) {
    for (const message of result.messages) {
      process.stderr.write(`${formatMessage(message, source)}\n`);
    }
    if (result.messages.some((m) => m.severity === 'error')) {
      process.stderr.write('spl run: the local run failed, so there is nothing to compare.\n');
      return 1;
    }
    return splunkCompareCommand(remoteInput, result, options.format, options.compareFields);
  }
  const width = process.stdout.columns ?? 100;
  if (options.format === 'table') process.stdout.write(formatReport(result, source, width));
  else {
    process.stdout.write(
      options.format === 'json'
        ? `${JSON.stringify(toJson(result, source))}\n`
        : formatCsv(result.fields, result.results),
    );
    // Standard output stays one machine-readable document; people read the rest on stderr.
    if (options.explain === true && result.stages.length > 0)
      process.stderr.write(formatStages(result, source, process.stderr.columns ?? 100));
    if (options.format === 'csv') {
      for (const message of result.messages)
        process.stderr.write(`${formatMessage(message, source)}\n`);
    }
  }
  printInputDiagnostics([...macros.diagnostics, ...source.diagnostics], source);
  const failed = [...result.messages, ...source.diagnostics, ...macros.diagnostics].some(
    (m) => m.severity === 'error',
  );
  return failed ? 1 : 0;
}

/** Problems reading the file or the macro files, each in its own file's coordinates. */
function printInputDiagnostics(diagnostics: readonly Diagnostic[], source: SplSource): void {
  for (const d of diagnostics) {
    process.stderr.write(`${formatDiagnostic('file' in d ? String(d.file) : source.path, d)}\n`);
  }
}

/** The limits given on the command line, or the message for one that is not a positive number. */
function limitsOf(options: RunOptions): Partial<RunLimits> | string {
  const limits: { -readonly [K in keyof RunLimits]?: number } = {};
  const given: [string | undefined, string, (n: number) => void][] = [
    [options.maxEvents, '--max-events', (n) => (limits.maxEventsRead = n)],
    [options.maxResults, '--max-results', (n) => (limits.maxResultRows = n)],
    [options.timeout, '--timeout', (n) => (limits.timeLimitMs = n * 1000)],
  ];
  for (const [text, flag, set] of given) {
    if (text === undefined) continue;
    const value = Number(text);
    if (!Number.isFinite(value) || value <= 0)
      return `${flag} takes a positive number, not '${text}'.`;
    set(value);
  }
  return limits;
}

/** `spl run --format json`: exactly fields, results, stages and messages; ranges in the file. */
function toJson(result: RunResult, source: SplSource) {
  return {
    fields: result.fields,
    results: result.results,
    stages: result.stages.map((s) => ({ command: s.command, in: s.in, out: s.out, ms: s.ms })),
    messages: result.messages.map((m) => ({
      severity: m.severity,
      code: m.code,
      message: m.message,
      range: m.range ? source.toFileRange(m.range) : null,
    })),
  };
}

function formatMessage(message: RunMessage, source: SplSource): string {
  if (!message.range)
    return `${source.path}: ${message.severity} ${message.code} ${message.message}`;
  const { line, column } = source.toFileRange(message.range).start;
  return `${source.path}:${line + 1}:${column + 1} ${message.severity} ${message.code} ${message.message}`;
}

/** Per-stage counts, each with the stage as the user wrote it (a macro call stays a call). */
function formatStages(result: RunResult, source: SplSource, width: number): string {
  const commandWidth = Math.max(7, ...result.stages.map((s) => s.command.length));
  const line = (command: string, rowsIn: string, out: string, ms: string) =>
    `  ${command.padEnd(commandWidth)}  ${rowsIn.padStart(9)}  ${out.padStart(9)}  ${ms.padStart(9)}`;
  const textWidth = Math.max(10, width - line('', '', '', '').length - 2);
  const rows = result.stages.map((s) => {
    const text = source.spl.slice(s.range.start.offset, s.range.end.offset);
    return `${line(s.command, String(s.in), String(s.out), s.ms.toFixed(1))}  ${truncate(text.replace(/\s+/g, ' '), textWidth)}`;
  });
  return `Stages:\n${line('command', 'in', 'out', 'ms')}  stage\n${rows.join('\n')}\n`;
}

/** The results table, then the per-stage counts, then the messages. */
function formatReport(result: RunResult, source: SplSource, width: number): string {
  const parts: string[] = [];
  if (result.stages.length > 0) {
    parts.push(
      formatTable(result.fields, result.results, width),
      formatStages(result, source, width),
    );
  }
  if (result.messages.length > 0) {
    parts.push(`Messages:\n${result.messages.map((m) => formatMessage(m, source)).join('\n')}\n`);
  }
  return parts.join('\n');
}
