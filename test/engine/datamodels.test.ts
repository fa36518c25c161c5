import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  compileDataset,
  loadDataModels,
  readDataModelFiles,
  resolveDataset,
  type DatasetDefinition,
} from '../../server/src/core/engine/datamodels';

let dir = '';
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'spl-datamodels-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function dataset(result: ReturnType<typeof resolveDataset>): DatasetDefinition {
  assert.ok('dataset' in result, 'error' in result ? result.error : '');
  return result.dataset;
}

describe('data model files', () => {
  it('the built-in models define the four Sysmon-mapped datasets, with no problems', () => {
    const { catalog, problems } = loadDataModels();
    assert.deepEqual(problems, []);
    for (const name of [
      'Endpoint.Processes',
      'Endpoint.Filesystem',
      'Endpoint.Registry',
      'Network_Traffic.All_Traffic',
    ]) {
      const definition = dataset(resolveDataset(catalog, name, undefined));
      const compiled = compileDataset(catalog, definition);
      assert.deepEqual(compiled.problems, [], name);
      assert.equal(compiled.dataset.mappingCount, 1, name);
    }
  });

  it('returns problems as data: unreadable files, bad entries, bad expressions', () => {
    const paths = [
      join(dir, 'missing.yml'),
      file('broken.yml', 'datamodel: [unclosed'),
      file('nofields.yml', 'datamodel: Bad\ndatasets:\n  Things: {}\n'),
      file(
        'mappings.yml',
        [
          'datamodel: Good',
          'datasets:',
          '  Things:',
          '    fields: [a]',
          'mappings:',
          '  - dataset: Good.Things',
          '  - dataset: Good.Things',
          '    constraint: x=1',
          '    fields:',
          '      a: if(',
          '      b: x',
        ].join('\n'),
      ),
    ];
    const { catalog, problems } = readDataModelFiles(paths);
    const messages = problems.map((p) => `${p.file.slice(dir.length + 1)}: ${p.message}`);
    assert.match(messages[0] ?? '', /^missing\.yml: cannot read it/);
    assert.match(messages[1] ?? '', /^broken\.yml: cannot read it/);
    assert.match(messages[2] ?? '', /^nofields\.yml: dataset 'Bad\.Things' needs .* 'fields' list/);
    assert.match(
      messages[3] ?? '',
      /^mappings\.yml: mapping 1 \(Good\.Things\) needs a 'constraint'/,
    );
    assert.equal(messages.length, 4);

    const compiled = compileDataset(
      catalog,
      dataset(resolveDataset(catalog, 'Good.Things', undefined)),
    );
    assert.equal(compiled.dataset.mappingCount, 0);
    assert.deepEqual(
      compiled.problems.map((p) => p.message.slice(0, 40)),
      ['Good.Things.a: expected an argument', "Good.Things has no field 'b'; add it to "],
    );
  });

  it('resolves datasets by name, by nodename, by a single root, and children', () => {
    const { catalog } = loadDataModels();
    assert.equal(dataset(resolveDataset(catalog, 'Endpoint', 'Registry')).name, 'Registry');
    assert.equal(dataset(resolveDataset(catalog, 'Network_Resolution', undefined)).name, 'DNS');
    const child = resolveDataset(catalog, 'Authentication', 'Authentication.Failed_Authentication');
    assert.ok('child' in child);
    assert.equal(child.child, 'Authentication.action=failure');

    const errors = [
      resolveDataset(catalog, 'Endpoin.Processes', undefined),
      resolveDataset(catalog, 'Endpoint', undefined),
      resolveDataset(catalog, 'Endpoint.Processes', 'Registry'),
      resolveDataset(catalog, 'Authentication', 'Authentication.Nope'),
    ].map((r) => ('error' in r ? r.error : 'resolved'));
    assert.match(errors[0] ?? '', /No data model 'Endpoin' is defined; did you mean 'Endpoint'\?/);
    assert.match(errors[1] ?? '', /Endpoint has several datasets \(.*Processes.*\); name one/);
    assert.match(errors[2] ?? '', /nodename=Registry is not inside Endpoint\.Processes/);
    assert.match(
      errors[3] ?? '',
      /no dataset 'Authentication\.Nope' \(it has .*Failed_Authentication/,
    );
  });

  it('a child dataset keeps only the parent rows its constraint matches', () => {
    const mapping = file(
      'auth.yml',
      'mappings:\n  - dataset: Authentication.Authentication\n    constraint: EventCode=4625 OR EventCode=4624\n' +
        '    fields:\n      action: if(EventCode==4625, "failure", "success")\n',
    );
    const { catalog, problems } = loadDataModels([mapping]);
    assert.deepEqual(problems, []);
    const resolved = resolveDataset(
      catalog,
      'Authentication',
      'Authentication.Failed_Authentication',
    );
    assert.ok('child' in resolved);
    const failed = compileDataset(catalog, resolved.dataset, resolved.child);
    assert.deepEqual(failed.problems, []);
    const context = { now: 0, timezone: 'UTC' };
    const project = (code: string) =>
      failed.dataset.project(
        new Map([
          ['EventCode', code],
          ['user', 'bob'],
        ]),
        context,
      );
    assert.deepEqual(
      project('4625'),
      new Map([
        ['Authentication.action', 'failure'],
        ['Authentication.user', 'bob'],
      ]),
    );
    assert.equal(project('4624'), undefined);
    assert.equal(project('1'), undefined);
  });
});
