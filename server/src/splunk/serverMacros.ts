import { scanMacroText, type MacroDefinition, type MacroIndex } from '../core/macros';
import type { SplunkConnection } from './connection';
import { splunkError } from './errors';
import { restGetJson } from './restGet';
import type { SplunkError } from './types';

/** One `macros.conf` stanza as the server has it. */
export interface ServerMacro {
  /** The stanza name, with `(N)` for a macro of N arguments. */
  name: string;
  definition: string;
  args: string[];
  iseval: boolean;
  /** The app whose configuration holds it. */
  app?: string;
}

export interface MacroDifference {
  /** Stanza name, e.g. "sysmon" or "security_content_ctime(1)". */
  name: string;
  kind: 'differs' | 'missing-on-server' | 'missing-locally';
  /** The definitions, verbatim. */
  local?: string;
  server?: string;
}

/**
 * Every app's macros visible to the token, enabled stanzas only: `-/-` is the wildcard user and
 * app namespace, `count=0` turns paging off.
 */
export const SERVER_MACROS_PATH = '/servicesNS/-/-/configs/conf-macros?output_mode=json&count=0';

export async function fetchServerMacros(
  connection: SplunkConnection,
  signal?: AbortSignal,
): Promise<{ ok: true; macros: ServerMacro[] } | { ok: false; error: SplunkError }> {
  const answer = await restGetJson(connection, SERVER_MACROS_PATH, signal);
  if (!answer.ok) return answer;
  const macros = macrosFromConfEntries(answer.body);
  if (macros) return { ok: true, macros };
  return {
    ok: false,
    error: splunkError(
      'protocol',
      'Splunk answered the macro listing without an `entry` list.',
      'Check that the base URL points at the Splunk management port.',
    ),
  };
}

/**
 * Reads the `configs/conf-macros` listing. Its shape is the one Splunk's REST API Reference
 * ("Configuration endpoint descriptions", configs/conf-{file}) and the REST API User Manual's
 * JSON output format describe: `entry` holds one object per stanza with `name`, `acl.app` and
 * the settings under `content`, where `args` is one comma-separated string and flags such as
 * `iseval` may come as "0"/"1" text or as booleans. Undefined when `entry` is missing.
 */
export function macrosFromConfEntries(body: unknown): ServerMacro[] | undefined {
  if (!isRecord(body) || !Array.isArray(body.entry)) return undefined;
  const macros: ServerMacro[] = [];
  for (const entry of body.entry) {
    if (!isRecord(entry) || typeof entry.name !== 'string' || !isRecord(entry.content)) continue;
    const content = entry.content;
    if (truthy(content.disabled)) continue;
    const app =
      isRecord(entry.acl) && typeof entry.acl.app === 'string' ? entry.acl.app : undefined;
    macros.push({
      name: entry.name,
      definition: typeof content.definition === 'string' ? content.definition : '',
      args:
        typeof content.args === 'string'
          ? content.args
              .split(',')
              .map((arg) => arg.trim())
              .filter((arg) => arg !== '')
          : [],
      iseval: truthy(content.iseval),
      ...(app !== undefined ? { app } : {}),
    });
  }
  return macros;
}

/**
 * The macros `searchText` calls, directly and through the definitions they expand to (ours
 * first; the server's for a macro only it has), compared with the server's. A macro defined
 * nowhere is left to the lint rules. With the same stanza in several apps, matching any of them
 * counts as the same: which one a search sees depends on the app it runs in.
 */
export function diffUsedMacros(
  searchText: string,
  macros: MacroIndex,
  server: readonly ServerMacro[],
): MacroDifference[] {
  const serverByStanza = new Map<string, ServerMacro[]>();
  for (const macro of server) {
    const list = serverByStanza.get(macro.name);
    if (list) list.push(macro);
    else serverByStanza.set(macro.name, [macro]);
  }
  const differences: MacroDifference[] = [];
  const seen = new Set<string>();
  const pending = [searchText];
  for (let text = pending.pop(); text !== undefined; text = pending.pop()) {
    for (const token of scanMacroText(text)) {
      if (token.kind !== 'call' || !token.wellFormed || token.name === '') continue;
      const arity = token.hasParens ? token.args.length : 0;
      const stanza = arity === 0 ? token.name : `${token.name}(${arity})`;
      if (seen.has(stanza)) continue;
      seen.add(stanza);
      const local = macros.lookup(token.name, arity);
      const onServer = serverByStanza.get(stanza) ?? [];
      const first = onServer[0];
      if (local) pending.push(local.definition);
      else if (first) pending.push(first.definition);
      if (local && !first) {
        differences.push({ name: stanza, kind: 'missing-on-server', local: local.definition });
      } else if (!local && first) {
        differences.push({ name: stanza, kind: 'missing-locally', server: first.definition });
      } else if (local && first && !onServer.some((macro) => sameMacro(local, macro))) {
        differences.push({
          name: stanza,
          kind: 'differs',
          local: local.definition,
          server: first.definition,
        });
      }
    }
  }
  return differences;
}

/** Whitespace runs count as one space: Splunk joins continuation lines its own way. */
function sameMacro(local: MacroDefinition, server: ServerMacro): boolean {
  return (
    normalized(local.definition) === normalized(server.definition) &&
    local.iseval === server.iseval &&
    local.args.join(',') === server.args.join(',')
  );
}

function normalized(definition: string): string {
  return definition
    .replace(/\\\r?\n/g, '\n')
    .replace(/\s+/g, ' ')
    .trim();
}

function truthy(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  return typeof value === 'string' && /^(1|true|t|yes|y)$/i.test(value.trim());
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
