import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { compileProps } from './compileProps';
import { compileTransforms } from './compileTransforms';
import { confDiagnostic, parseConf, type ConfFile, type FileDiagnostic } from './confFile';
import { evalCompiler } from './evalCompiler';
import { FieldExtractor } from './extractor';
import { mergeConfFiles } from './mergeConf';
import type { CompileEval } from './propsSteps';
import { builtinConfFiles, findResourcesDir } from './resources';

export interface FieldConfigOptions {
  /** Include the built-in Sysmon configuration (server/resources/sysmon). Default true. */
  builtin?: boolean;
  /** More props.conf / transforms.conf files (the name must end so); later files override earlier. */
  files?: string[];
  /** Compiles EVAL- settings; the project's eval evaluator (evalCompiler()) by default. */
  compileEval?: CompileEval;
}

const ZERO = { offset: 0, line: 0, column: 0 };
const WHOLE_FILE = { start: ZERO, end: ZERO };

function readConf(path: string, diagnostics: FileDiagnostic[]): ConfFile | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    diagnostics.push(
      confDiagnostic(
        path,
        'error',
        'conf-file',
        `cannot read configuration file: ${reason}`,
        WHOLE_FILE,
      ),
    );
    return undefined;
  }
  const parsed = parseConf(path, text);
  diagnostics.push(...parsed.diagnostics);
  return parsed.conf;
}

/**
 * Loads search-time field extraction from Splunk's configuration format. Problems in the files
 * are returned as diagnostics; the settings that did compile still work.
 */
export function loadFieldConfig(options: FieldConfigOptions): {
  extractor: FieldExtractor;
  diagnostics: FileDiagnostic[];
} {
  const diagnostics: FileDiagnostic[] = [];
  const paths: string[] = [];
  if (options.builtin ?? true) {
    const resources = findResourcesDir();
    if (resources === undefined) {
      diagnostics.push(
        confDiagnostic(
          'server/resources',
          'error',
          'conf-file',
          'built-in configuration not found: server/resources must sit beside dist/ or server/src',
          WHOLE_FILE,
        ),
      );
    } else paths.push(...builtinConfFiles(resources));
  }
  paths.push(...(options.files ?? []));
  const props: ConfFile[] = [];
  const transforms: ConfFile[] = [];
  for (const path of paths) {
    const name = basename(path);
    const target = name.endsWith('props.conf')
      ? props
      : name.endsWith('transforms.conf')
        ? transforms
        : undefined;
    if (target === undefined) {
      diagnostics.push(
        confDiagnostic(
          path,
          'error',
          'conf-file',
          'configuration file names must end in props.conf or transforms.conf',
          WHOLE_FILE,
        ),
      );
      continue;
    }
    const conf = readConf(path, diagnostics);
    if (conf) target.push(conf);
  }
  const compiledTransforms = compileTransforms(mergeConfFiles(transforms), diagnostics);
  const stanzas = compileProps(
    mergeConfFiles(props),
    compiledTransforms,
    options.compileEval ?? evalCompiler(),
    diagnostics,
  );
  return { extractor: new FieldExtractor(stanzas), diagnostics };
}
