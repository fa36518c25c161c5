import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runStages } from './harness';

const cloudtrail = JSON.stringify({
  eventName: 'PutBucketPolicy',
  userIdentity: { arn: 'arn:aws:iam::1:user/bob', type: 'IAMUser' },
  requestParameters: [{ bucketName: 'logs' }, { bucketName: 'backups' }],
  errorCode: null,
});

describe('spath', () => {
  it('extracts a path into the output field, several values as a multivalue field', async () => {
    // Search Reference, spath: path= (or the positional path) selects the value; `{}` walks an
    // array; output= names the field, else the path does.
    const { rows, diagnostics } = await runStages(
      '| spath output=user userIdentity.arn | spath input=_raw path=requestParameters{}.bucketName',
      [{ _raw: cloudtrail }],
    );
    assert.deepEqual(diagnostics, []);
    assert.equal(rows[0]?.user, 'arn:aws:iam::1:user/bob');
    assert.deepEqual(rows[0]?.['requestParameters{}.bucketName'], ['logs', 'backups']);
  });

  it('without a path, every leaf becomes a field named by its path; nulls give no field', async () => {
    const { rows } = await runStages('| spath input=doc | fields - doc', [{ doc: cloudtrail }]);
    assert.deepEqual(rows, [
      {
        eventName: 'PutBucketPolicy',
        'userIdentity.arn': 'arn:aws:iam::1:user/bob',
        'userIdentity.type': 'IAMUser',
        'requestParameters{}.bucketName': ['logs', 'backups'],
      },
    ]);
  });

  it('leaves rows whose input is not JSON as they are, and says so once for XML', async () => {
    const { rows, diagnostics } = await runStages('| spath input=x output=y path=a', [
      { x: '<Event><a>1</a></Event>' },
      { x: '<Event><a>2</a></Event>' },
      { x: 'plain text' },
    ]);
    assert.deepEqual(rows, [
      { x: '<Event><a>1</a></Event>' },
      { x: '<Event><a>2</a></Event>' },
      { x: 'plain text' },
    ]);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['spl.engine.spath-xml'],
    );
  });
});
