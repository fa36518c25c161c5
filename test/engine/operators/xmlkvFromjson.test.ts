import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runStages } from './harness';

describe('xmlkv and fromjson', () => {
  it('xmlkv turns each innermost element of the field into a field; repeated tags are multivalue', async () => {
    // Search Reference, xmlkv: <foo>bar</foo> gives foo=bar.
    const message =
      "<Task><Name id='1'>\\Updater</Name><Exec><Command>rundll32.exe</Command><Arguments>a.dll,Run</Arguments>" +
      '<Arguments>b.dll</Arguments></Exec><Empty></Empty></Task>';
    const { rows, diagnostics } = await runStages('| xmlkv Message | fields - Message', [
      { Message: message },
    ]);
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(rows, [
      { Name: '\\Updater', Command: 'rundll32.exe', Arguments: ['a.dll,Run', 'b.dll'] },
    ]);
  });

  it('xmlkv reads only the first maxinputs rows', async () => {
    const { rows } = await runStages('| xmlkv maxinputs=1', [
      { _raw: '<a>1</a>' },
      { _raw: '<a>2</a>' },
    ]);
    assert.deepEqual(rows, [{ _raw: '<a>1</a>', a: '1' }, { _raw: '<a>2</a>' }]);
  });

  it('fromjson makes fields of the top-level keys, arrays multivalue, objects as JSON text', async () => {
    // Search Reference, fromjson: top-level keys become fields; prefix= is prepended.
    const data = JSON.stringify({
      user: 'bob',
      roles: ['admin', 'dev'],
      meta: { id: 7 },
      gone: null,
    });
    const { rows } = await runStages('| fromjson Data prefix=d_ | fields - Data', [
      { Data: data },
      { Data: 'not json' },
    ]);
    assert.deepEqual(rows, [{ d_user: 'bob', d_roles: ['admin', 'dev'], d_meta: '{"id":7}' }, {}]);
  });
});
