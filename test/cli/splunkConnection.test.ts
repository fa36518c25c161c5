import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { splunkConnectionOf } from '../../server/src/cli/splunkConnection';

describe('splunkConnectionOf', () => {
  it('takes the URL from the flag over the environment and the token only from the environment', () => {
    const warnings: string[] = [];
    const connection = splunkConnectionOf(
      { splunkUrl: 'https://flag:8089' },
      30_000,
      { SPL_SPLUNK_URL: 'https://env:8089', SPL_SPLUNK_TOKEN: 't0k' },
      (w) => warnings.push(w),
    );
    assert.deepEqual(connection, {
      baseUrl: 'https://flag:8089',
      token: 't0k',
      verifyTls: true,
      timeoutMs: 30_000,
    });
    assert.deepEqual(warnings, []);
  });

  it('turns TLS verification off only on request, with a warning', () => {
    for (const [flags, env] of [
      [{ insecure: true }, {}],
      [{}, { SPL_SPLUNK_INSECURE: '1' }],
    ] as const) {
      const warnings: string[] = [];
      const connection = splunkConnectionOf(
        flags,
        undefined,
        { SPL_SPLUNK_URL: 'https://s:8089', SPL_SPLUNK_TOKEN: 't', ...env },
        (w) => warnings.push(w),
      );
      assert.equal(typeof connection === 'string' ? connection : connection.verifyTls, false);
      assert.match(warnings.join(), /TLS verification is off/);
    }
  });

  it('says what is missing as a usage message', () => {
    const noUrl = splunkConnectionOf({}, undefined, { SPL_SPLUNK_TOKEN: 't' }, () => {});
    assert.match(String(noUrl), /--splunk-url or SPL_SPLUNK_URL/);
    const noToken = splunkConnectionOf({}, undefined, { SPL_SPLUNK_URL: 'https://s' }, () => {});
    assert.match(String(noToken), /SPL_SPLUNK_TOKEN/);
  });
});
