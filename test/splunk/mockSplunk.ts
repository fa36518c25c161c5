import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for Splunk's search export endpoint in tests, on loopback and an ephemeral port.
 * The response shapes follow Splunk's REST API documentation for `output_mode=json`: one JSON
 * object per line with `preview`, `offset`, `result` and, on the final row, `lastrow`; errors as
 * a JSON body `{"messages":[{"type","text"}]}`. The search text picks the behaviour:
 *   echoauth -> 400 quoting the Authorization header back;
 *   syntaxerror -> 400 with a FATAL message; streamfatal -> 200 then a FATAL message line;
 *   quota -> 503; slow -> headers, then nothing for a long time; drop -> 2 rows then the socket
 *   is destroyed; endless -> a row every 5 ms until the client goes away; count=N -> N rows;
 *   `| statz` -> 400 "Unknown search command"; badrex -> 400 "Error in 'rex' command"; a call to
 *   a macro the mock does not define -> 400 "Error in 'SearchParser'" (the server expands its
 *   own macros, so it refuses one it lacks).
 * It also lists its macros at GET /servicesNS/-/-/configs/conf-macros (see `confMacrosBody`).
 */
/** A stanza of the mock server's macros.conf. */
export interface MockMacro {
  name: string;
  definition: string;
  args?: string;
  iseval?: boolean;
  disabled?: boolean;
  app?: string;
}

export interface MockSplunkOptions {
  /** The server's macros (default `DEFAULT_SERVER_MACROS`). */
  macros?: MockMacro[];
}

/** Definitions a security_content deployment has, one of them tuned on the server. */
export const DEFAULT_SERVER_MACROS: MockMacro[] = [
  {
    name: 'sysmon',
    definition: 'index=sysmon sourcetype=XmlWinEventLog:Microsoft-Windows-Sysmon/Operational',
    app: 'DA-ESS-ContentUpdate',
  },
  {
    name: 'security_content_ctime(1)',
    definition: 'convert timeformat="%Y-%m-%dT%H:%M:%S" ctime($field$)',
    args: 'field',
    app: 'DA-ESS-ContentUpdate',
  },
  { name: 'old_macro', definition: 'index=old', disabled: true, app: 'search' },
];

export interface MockSplunk {
  baseUrl: string;
  /** Form fields and headers of every request received, in order. */
  requests: { path: string; authorization: string; form: URLSearchParams }[];
  /** Rows written by the `endless` behaviour so far. */
  endlessRowsWritten: () => number;
  stop: () => Promise<void>;
}

export const MOCK_TOKEN = 'mock-token-5f2c9a';
const EXPORT_PATHS = new Set(['/services/search/v2/jobs/export', '/services/search/jobs/export']);

export async function startMockSplunk(options: MockSplunkOptions = {}): Promise<MockSplunk> {
  const macros = options.macros ?? DEFAULT_SERVER_MACROS;
  const requests: MockSplunk['requests'] = [];
  let endlessRows = 0;
  const timers = new Set<NodeJS.Timeout>();
  const later = (ms: number, run: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timers.add(timer);
  };

  const server = http.createServer((request, response) => {
    let raw = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (raw += chunk));
    request.on('end', () => {
      const form = new URLSearchParams(raw);
      const authorization = request.headers.authorization ?? '';
      const path = (request.url ?? '').split('?')[0] ?? '';
      requests.push({ path, authorization, form });
      const search = form.get('search') ?? '';
      const known = EXPORT_PATHS.has(path) || path === CONF_MACROS_PATH;
      if (!known) return sendJson(response, 404, 'ERROR', 'Unknown endpoint.');
      if (authorization !== `Bearer ${MOCK_TOKEN}`) {
        return sendJson(response, 401, 'WARN', 'call not properly authenticated');
      }
      if (path === CONF_MACROS_PATH) {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify(confMacrosBody(macros)));
        return;
      }
      const parseError = searchParserError(search, macros);
      if (parseError !== undefined) return sendJson(response, 400, 'FATAL', parseError);
      if (search.includes('echoauth')) {
        // Some proxies echo request headers in error pages; the client must redact them.
        return sendJson(response, 400, 'ERROR', `bad request with header ${authorization}`);
      }
      if (search.includes('syntaxerror')) {
        return sendJson(
          response,
          400,
          'FATAL',
          "Error in 'search' command: Unable to parse the search: unknown term syntaxerror.",
        );
      }
      if (search.includes('quota')) {
        return sendJson(
          response,
          503,
          'ERROR',
          'Search not executed: the maximum number of concurrent searches has been reached.',
        );
      }
      response.writeHead(200, { 'Content-Type': 'application/json' });
      if (search.includes('slow')) {
        later(10_000, () => response.end());
        return;
      }
      if (search.includes('streamfatal')) {
        response.write(row(0, { a: '1' }, false));
        response.end(
          JSON.stringify({ messages: [{ type: 'FATAL', text: 'Search process died.' }] }) + '\n',
        );
        return;
      }
      if (search.includes('endless')) {
        const tick = (): void => {
          if (response.destroyed || request.socket.destroyed) return;
          response.write(row(endlessRows, { n: String(endlessRows) }, false));
          endlessRows++;
          later(5, tick);
        };
        tick();
        return;
      }
      const count = Number(/count=(\d+)/.exec(search)?.[1] ?? '3');
      const dropAfter = search.includes('drop') ? 2 : undefined;
      // A preview row first: clients that stream final results must skip it.
      response.write(
        JSON.stringify({ preview: true, offset: 0, result: { preview: 'yes' } }) + '\n',
      );
      const writeRow = (index: number): void => {
        if (dropAfter !== undefined && index === dropAfter) {
          request.socket.destroy();
          return;
        }
        if (index >= count) {
          response.end();
          return;
        }
        // Split a line across two writes so the client has to join partial chunks.
        const line = row(
          index,
          { index: String(index), host: `host${index}` },
          index === count - 1,
        );
        const middle = Math.floor(line.length / 2);
        response.write(line.slice(0, middle));
        later(2, () => {
          response.write(line.slice(middle));
          later(2, () => writeRow(index + 1));
        });
      };
      writeRow(0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    endlessRowsWritten: () => endlessRows,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const CONF_MACROS_PATH = '/servicesNS/-/-/configs/conf-macros';

/**
 * The listing's shape as Splunk's REST API Reference describes configs/conf-{file} with
 * output_mode=json: feed metadata, then `entry` with one object per stanza (`name`, `id`,
 * `acl` with the owning app, and the stanza's settings under `content`, flags as text).
 */
function confMacrosBody(macros: readonly MockMacro[]): unknown {
  return {
    links: { create: '/servicesNS/-/-/configs/conf-macros/_new' },
    origin: 'https://127.0.0.1:8089/servicesNS/-/-/configs/conf-macros',
    generator: { build: 'mock', version: 'mock' },
    entry: macros.map((macro) => ({
      name: macro.name,
      id: `https://127.0.0.1:8089/servicesNS/nobody/${macro.app ?? 'search'}/configs/conf-macros/${encodeURIComponent(macro.name)}`,
      author: 'nobody',
      acl: { app: macro.app ?? 'search', owner: 'nobody', sharing: 'global' },
      content: {
        definition: macro.definition,
        ...(macro.args !== undefined ? { args: macro.args } : {}),
        iseval: macro.iseval ? '1' : '0',
        disabled: macro.disabled ?? false,
        'eai:appName': macro.app ?? 'search',
      },
    })),
    paging: { total: macros.length, perPage: 0, offset: 0 },
    messages: [],
  };
}

/** The parse errors the mock gives, in the forms Splunk words them. */
function searchParserError(search: string, macros: readonly MockMacro[]): string | undefined {
  for (const call of search.matchAll(/`([\w-]+)(?:\(([^`]*)\))?`/g)) {
    const arity = call[2] === undefined ? 0 : call[2].split(',').length;
    const stanza = arity === 0 ? call[1] : `${call[1]}(${arity})`;
    if (!macros.some((macro) => macro.name === stanza && macro.disabled !== true)) {
      return `Error in 'SearchParser': The search specifies a macro '${call[1]}' that cannot be found.`;
    }
  }
  const unknown = /\|\s*(statz)\b/.exec(search);
  if (unknown) return `Unknown search command '${unknown[1]}'.`;
  if (search.includes('badrex')) {
    return "Error in 'rex' command: Encountered the following error while compiling the regex '(?<user>\\w+': Regex: missing closing parenthesis.";
  }
  return undefined;
}

function row(offset: number, result: Record<string, string>, lastrow: boolean): string {
  return JSON.stringify({ preview: false, offset, ...(lastrow ? { lastrow } : {}), result }) + '\n';
}

function sendJson(response: http.ServerResponse, status: number, type: string, text: string): void {
  response.writeHead(status, { 'Content-Type': 'application/json' });
  response.end(JSON.stringify({ messages: [{ type, text }] }));
}
