import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildMacroIndex } from '../../server/src/core/macros';
import {
  diffUsedMacros,
  fetchServerMacros,
  macrosFromConfEntries,
  type ServerMacro,
} from '../../server/src/splunk';
import { MOCK_TOKEN, startMockSplunk, type MockSplunk } from './mockSplunk';

let mock: MockSplunk;
before(async () => {
  mock = await startMockSplunk();
});
after(async () => {
  await mock.stop();
});

const localConf = `[sysmon]
definition = index=main sourcetype=XmlWinEventLog:Microsoft-Windows-Sysmon/Operational

[security_content_ctime(1)]
args = field
definition = convert timeformat="%Y-%m-%dT%H:%M:%S" \\
  ctime($field$)

[only_here]
definition = \`sysmon\` EventCode=1

[unused]
definition = index=nothing
`;
const { index } = buildMacroIndex([{ path: 'macros.conf', text: localConf }]);

function server(name: string, definition: string, args: string[] = []): ServerMacro {
  return { name, definition, args, iseval: false, app: 'search' };
}

describe('fetchServerMacros', () => {
  it('reads every enabled stanza of the conf-macros listing with its app, args and iseval', async () => {
    const result = await fetchServerMacros({
      baseUrl: mock.baseUrl,
      token: MOCK_TOKEN,
      verifyTls: true,
    });
    assert.ok(result.ok);
    assert.deepEqual(
      result.macros.map((m) => [m.name, m.args, m.iseval, m.app]),
      [
        ['sysmon', [], false, 'DA-ESS-ContentUpdate'],
        ['security_content_ctime(1)', ['field'], false, 'DA-ESS-ContentUpdate'],
      ],
    );
    const sent = mock.requests.at(-1)!;
    assert.equal(sent.path, '/servicesNS/-/-/configs/conf-macros');
    assert.equal(sent.authorization, `Bearer ${MOCK_TOKEN}`);
  });

  it('returns a refused token as an auth error without the token', async () => {
    const token = 'wrong-token-4711';
    const result = await fetchServerMacros({ baseUrl: mock.baseUrl, token, verifyTls: true });
    assert.equal(result.ok, false);
    assert.equal(result.ok ? '' : result.error.kind, 'auth');
    assert.ok(!JSON.stringify(result).includes(token));
  });

  it('reports an unreachable server and a base URL that is not http(s)', async () => {
    const refused = await fetchServerMacros({
      baseUrl: 'http://127.0.0.1:1',
      token: MOCK_TOKEN,
      verifyTls: true,
    });
    assert.equal(refused.ok ? '' : refused.error.kind, 'unreachable');
    const ftp = await fetchServerMacros({ baseUrl: 'ftp://x', token: MOCK_TOKEN, verifyTls: true });
    assert.equal(ftp.ok ? '' : ftp.error.kind, 'input');
  });

  it('reads flags given as text or booleans and a comma-separated args list', () => {
    const macros = macrosFromConfEntries({
      entry: [
        {
          name: 'a(2)',
          acl: { app: 'x' },
          content: { definition: 'd', args: 'p, q', iseval: 'true' },
        },
        { name: 'b', acl: {}, content: { definition: 'e', iseval: true, disabled: '1' } },
        { name: 'c', content: { definition: 'f', iseval: 0 } },
        { content: { definition: 'no name' } },
      ],
    });
    assert.deepEqual(macros, [
      { name: 'a(2)', definition: 'd', args: ['p', 'q'], iseval: true, app: 'x' },
      { name: 'c', definition: 'f', args: [], iseval: false },
    ]);
    assert.equal(macrosFromConfEntries({ messages: [] }), undefined);
  });
});

describe('diffUsedMacros', () => {
  it('compares only the macros the search uses, through nested definitions', () => {
    const differences = diffUsedMacros(
      '`only_here` | `security_content_ctime(firstTime)` | `missing_everywhere`',
      index,
      [
        server(
          'sysmon',
          'index=sysmon sourcetype=XmlWinEventLog:Microsoft-Windows-Sysmon/Operational',
        ),
        // Same definition on one line: continuation lines are not a difference.
        server(
          'security_content_ctime(1)',
          'convert timeformat="%Y-%m-%dT%H:%M:%S" ctime($field$)',
          ['field'],
        ),
        server('unused', 'index=other'),
      ],
    );
    assert.deepEqual(differences, [
      { name: 'only_here', kind: 'missing-on-server', local: '`sysmon` EventCode=1' },
      {
        name: 'sysmon',
        kind: 'differs',
        local: 'index=main sourcetype=XmlWinEventLog:Microsoft-Windows-Sysmon/Operational',
        server: 'index=sysmon sourcetype=XmlWinEventLog:Microsoft-Windows-Sysmon/Operational',
      },
    ]);
  });

  it('reports a macro only the server has, and a difference in declared arguments', () => {
    const differences = diffUsedMacros('`server_only` `security_content_ctime(x)`', index, [
      server('server_only', 'index=a'),
      server('security_content_ctime(1)', 'convert ctime($field$)', ['f']),
    ]);
    assert.deepEqual(
      differences.map((d) => [d.name, d.kind]),
      [
        ['server_only', 'missing-locally'],
        ['security_content_ctime(1)', 'differs'],
      ],
    );
  });

  it('counts a stanza as the same when any app on the server has the same definition', () => {
    const differences = diffUsedMacros('`unused`', index, [
      { ...server('unused', 'index=other'), app: 'a' },
      { ...server('unused', 'index=nothing'), app: 'b' },
    ]);
    assert.deepEqual(differences, []);
  });
});
