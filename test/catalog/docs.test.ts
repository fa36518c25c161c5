import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  allCommands,
  allEvalFunctions,
  allStatsFunctions,
  findCommand,
} from '../../server/src/core/syntax/catalog/index';

const valueKinds = new Set(['bool', 'number', 'field', 'string', 'time']);

/** The commands detections use most that take options; hover must explain those options. */
const commandsWithDocumentedOptions = [
  'search',
  'stats',
  'eventstats',
  'streamstats',
  'chart',
  'timechart',
  'tstats',
  'sort',
  'dedup',
  'head',
  'rex',
  'convert',
  'fillnull',
  'lookup',
  'inputlookup',
  'outputlookup',
  'makemv',
  'mvexpand',
  'mvcombine',
  'bin',
  'top',
  'rare',
  'join',
  'append',
  'appendpipe',
  'union',
  'spath',
  'format',
  'return',
  'iplocation',
  'makeresults',
  'rest',
  'transaction',
  'eventcount',
  'collect',
  'strcat',
  'xmlkv',
  'map',
  'extract',
  'metadata',
  'datamodel',
  'sendemail',
  'foreach',
];

function mentions(text: string, names: readonly string[]): boolean {
  return names.some((name) => new RegExp(`(^|[^\\w])${name}([^\\w]|$)`, 'i').test(text));
}

describe('command documentation', () => {
  it('gives every command a summary, a syntax line and an example that uses it', () => {
    for (const command of allCommands()) {
      const names = [command.name, ...command.aliases];
      assert.ok(command.summary.length > 20 && command.summary.length < 400, command.name);
      assert.ok(/^[A-Z`]/.test(command.summary) && command.summary.endsWith('.'), command.name);
      assert.ok(mentions(command.syntax, names), `${command.name} syntax: ${command.syntax}`);
      assert.ok(mentions(command.example, names), `${command.name} example: ${command.example}`);
    }
  });

  it('starts the syntax of generating-only commands with a pipe', () => {
    for (const name of ['inputlookup', 'makeresults', 'rest', 'metadata', 'mstats', 'datamodel']) {
      assert.ok(findCommand(name)?.syntax.startsWith(`| ${name}`), name);
      assert.ok(findCommand(name)?.example.startsWith(`| ${name}`), name);
    }
  });

  it('writes a leading pipe in the syntax of exactly the commands that start a search', () => {
    for (const command of allCommands()) {
      if (command.name === 'search') continue;
      assert.equal(command.syntax.startsWith('| '), command.generating, command.name);
    }
  });

  it('documents the options of the commands detections use most', () => {
    for (const name of commandsWithDocumentedOptions) {
      const command = findCommand(name);
      assert.ok(command && command.options.length > 0, name);
    }
    for (const command of allCommands()) {
      const names = command.options.map((option) => option.name);
      assert.equal(new Set(names).size, names.length, `${command.name} repeats an option`);
      for (const option of command.options) {
        assert.ok(valueKinds.has(option.value), `${command.name} ${option.name}: ${option.value}`);
        assert.ok(option.summary.endsWith('.'), `${command.name} ${option.name}`);
      }
    }
  });

  it('documents the options that change what tstats and join return', () => {
    const tstats = findCommand('tstats')?.options.map((option) => option.name);
    assert.ok(tstats?.includes('summariesonly') && tstats.includes('prestats'));
    const join = findCommand('join')?.options.find((option) => option.name === 'type');
    assert.match(join?.summary ?? '', /inner/);
  });
});

describe('function documentation', () => {
  it('gives every eval and stats function a summary and an example that calls it', () => {
    for (const fn of [...allEvalFunctions(), ...allStatsFunctions()]) {
      assert.ok(fn.summary.length > 10 && fn.summary.length < 400, fn.name);
      assert.ok(fn.summary.endsWith('.'), fn.name);
      const callee = fn.name === 'perc' ? 'perc\\d+' : fn.name;
      assert.match(fn.example, new RegExp(`(^|[^\\w])${callee}\\(`), fn.name);
    }
  });
});
