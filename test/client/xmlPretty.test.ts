import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { prettyXml, type PrettyLine } from '../../client/webview/model/xmlPretty';
import { repoRoot } from './fixtures';

function render(lines: PrettyLine[]): string[] {
  return lines.map((l) => '  '.repeat(l.depth) + l.segments.map((s) => s.text).join(''));
}

test('a Sysmon event is indented by nesting with each Data element on one line', () => {
  const raw = readFileSync(
    resolve(repoRoot, 'sample-data/events/wermgr_ads_sysmon.log'),
    'utf8',
  ).split('\n')[0]!;
  const lines = render(prettyXml(raw));
  assert.match(lines[0]!, /^<Event xmlns=/);
  assert.equal(lines[1], '  <System>');
  assert.match(lines[2]!, /^ {4}<Provider Name='Microsoft-Windows-Sysmon' Guid='\{[^}]+\}'\/>$/);
  assert.equal(lines[3], '    <EventID>1</EventID>');
  assert.ok(lines.includes('  <EventData>'));
  assert.ok(lines.some((l) => /^ {4}<Data Name='Image'>[^<]+<\/Data>$/.test(l)));
  assert.equal(lines.at(-1), '</Event>');
  // Nothing is lost: the text without the added indentation is the event itself.
  assert.equal(lines.map((l) => l.trim()).join(''), raw.trim().replace(/>\s+</g, '><'));
});

test('quoted > in attributes, comments, CDATA and empty elements keep their shape', () => {
  const lines = render(prettyXml('<a x="1>2"><!-- c<d> --><b></b><![CDATA[<x>]]><?pi x?><c/></a>'));
  assert.deepEqual(lines, [
    '<a x="1>2">',
    '  <!-- c<d> -->',
    '  <b></b>',
    '  <![CDATA[<x>]]>',
    '  <?pi x?>',
    '  <c/>',
    '</a>',
  ]);
  assert.equal(prettyXml('<!-- open').at(0)?.segments[0]?.kind, 'comment');
});

test('broken or non-XML text comes back as text, never dropped', () => {
  assert.deepEqual(render(prettyXml('plain line 1\nline 2')), ['plain line 1', 'line 2']);
  assert.deepEqual(render(prettyXml('<a>x < y</a>')), ['<a>', '  x', '  < y', '</a>']);
  assert.deepEqual(render(prettyXml('<a><b unterminated')), ['<a>', '  <b unterminated']);
  assert.deepEqual(render(prettyXml('</a></b><c>')), ['</a>', '</b>', '<c>']);
});

test('very deep nesting is capped', () => {
  const deep = '<a>'.repeat(100) + 'x' + '</a>'.repeat(100);
  assert.ok(Math.max(...prettyXml(deep).map((l) => l.depth)) <= 32);
});
