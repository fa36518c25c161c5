import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildMacroIndex } from '../../server/src/core/macros';
import { locateServerMessage, prepareRemoteSearch } from '../../server/src/splunk';

const { index } = buildMacroIndex([
  {
    path: 'macros.conf',
    text: `[sysmon]
definition = index=main sourcetype=sysmon

[extract_user]
definition = rex field=_raw "(?<user>\\w+"

[to_stats]
definition = statz count by user
`,
  },
]);

/** The user's text at a located span, to assert what the position points at. */
function at(search: string, span: { start: number; end: number } | undefined): string {
  assert.ok(span, 'no position found');
  return search.slice(span.start, span.end);
}

describe('prepareRemoteSearch', () => {
  it('sends the search as written for server-macros, offsets unchanged', () => {
    const search = '`sysmon` | stats count';
    const remote = prepareRemoteSearch(search, 'server-macros', index);
    assert.equal(remote.text, search);
    assert.equal(remote.toUserOffset(11), 11);
    assert.equal(remote.toUserOffset(search.length + 1), undefined);
    assert.deepEqual(remote.diagnostics, []);
  });

  it('sends our expansion for local-expansion and maps offsets back to the user text', () => {
    const search = '`sysmon` | stats count';
    const remote = prepareRemoteSearch(search, 'local-expansion', index);
    assert.equal(remote.text, 'index=main sourcetype=sysmon | stats count');
    // `stats` in the expansion maps to `stats` in the user's text; macro text maps to the call.
    assert.equal(remote.toUserOffset(remote.text.indexOf('stats')), search.indexOf('stats'));
    assert.equal(remote.toUserOffset(3), 0);
    assert.deepEqual(remote.toUserSpan(0, 5), { start: 0, end: 8 });
  });

  it('reports expansion problems at their place in the user text', () => {
    const search = 'index=a | `nope`';
    const remote = prepareRemoteSearch(search, 'local-expansion', index);
    const undefinedMacro = remote.diagnostics.find((d) => d.code === 'spl.macro.undefined');
    assert.ok(undefinedMacro);
    assert.equal(undefinedMacro.range.start.offset, search.indexOf('`nope`'));
  });
});

describe('locateServerMessage', () => {
  it("finds the command word of Splunk's unknown-command message", () => {
    const search = 'index=main | statz count';
    const remote = prepareRemoteSearch(search, 'server-macros', index);
    const span = locateServerMessage("Unknown search command 'statz'.", remote, search);
    assert.equal(at(search, span), 'statz');
    assert.equal(span?.start, search.indexOf('statz'));
  });

  it("narrows 'Error in X command' to the term the message quotes, in that command's stage", () => {
    const search = 'index=main (?<user>\\w+ | rex field=_raw "(?<user>\\w+" | stats count';
    const remote = prepareRemoteSearch(search, 'server-macros', index);
    const message =
      "Error in 'rex' command: Encountered the following error while compiling the regex '(?<user>\\w+': Regex: missing closing parenthesis.";
    const span = locateServerMessage(message, remote, search);
    // The same text in the leading search is not the rex stage's.
    assert.equal(span?.start, search.indexOf('"(?<') + 1);
    assert.equal(at(search, span), '(?<user>\\w+');
  });

  it('falls back to the whole stage of the named command, subsearches included', () => {
    const search = 'index=a [ search index=b | eval x=1 ] | stats count';
    const remote = prepareRemoteSearch(search, 'server-macros', index);
    const span = locateServerMessage(
      "Error in 'eval' command: The expression is malformed.",
      remote,
      search,
    );
    assert.equal(at(search, span), 'eval x=1');
  });

  it('finds the call of a macro the server cannot find, with its arity', () => {
    const search = '`sysmon` | `ctime(a)` | `ctime(a, b)`';
    const remote = prepareRemoteSearch(search, 'server-macros', index);
    const one = locateServerMessage(
      "Error in 'SearchParser': The search specifies a macro 'ctime(2)' that cannot be found.",
      remote,
      search,
    );
    assert.equal(at(search, one), '`ctime(a, b)`');
    const plain = locateServerMessage(
      "Error in 'SearchParser': The search specifies a macro 'ctime' that cannot be found.",
      remote,
      search,
    );
    assert.equal(at(search, plain), '`ctime(a)`');
  });

  it('maps a position inside our expansion back to the macro call the user wrote', () => {
    const search = 'index=a | `to_stats`';
    const remote = prepareRemoteSearch(search, 'local-expansion', index);
    const span = locateServerMessage("Unknown search command 'statz'.", remote, search);
    assert.equal(at(search, span), '`to_stats`');
    const rex = prepareRemoteSearch('index=a | `extract_user`', 'local-expansion', index);
    const inMacro = locateServerMessage(
      "Error in 'rex' command: bad regex '(?<user>\\w+'.",
      rex,
      'index=a | `extract_user`',
    );
    assert.equal(at('index=a | `extract_user`', inMacro), '`extract_user`');
  });

  it('returns undefined when the message names no place it can find', () => {
    const search = 'index=a | stats count';
    const remote = prepareRemoteSearch(search, 'server-macros', index);
    assert.equal(locateServerMessage('Search process died.', remote, search), undefined);
    assert.equal(
      locateServerMessage("Unknown search command 'nothere'.", remote, search),
      undefined,
    );
  });
});
