import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatSpl } from '../../server/src/core/format/index';

function formatted(text: string, indent?: string): string {
  const result = formatSpl(text, indent === undefined ? {} : { indent });
  assert.ok('text' in result, `expected ${JSON.stringify(text)} to format`);
  return result.text;
}

const cases: { name: string; input: string; output: string }[] = [
  {
    // spl-semantics.md "Lexical": `|` starts a new command.
    name: 'one stage per line',
    input: 'index=a    sourcetype=b |   stats count by host|sort - count',
    output: 'index=a sourcetype=b\n| stats count by host\n| sort - count',
  },
  {
    name: 'a leading pipe stays on the first line',
    input: '\n  | tstats count where index=a by host\n\n',
    output: '| tstats count where index=a by host',
  },
  {
    name: 'no spaces around = in options and eval assignments',
    input: '| eval x = 1 , y = "a b"\n| bin span = 1h _time',
    output: '| eval x=1, y="a b"\n| bin span=1h _time',
  },
  {
    name: 'one space after each comma of a list, none before',
    input: '| table a ,b,   c\n| stats count by a ,b',
    output: '| table a, b, c\n| stats count by a, b',
  },
  {
    name: 'strings are never touched',
    input: '| eval x="a  |  b ,  c = d"',
    output: '| eval x="a  |  b ,  c = d"',
  },
  {
    name: 'macro calls and comments are kept verbatim',
    input:
      '`sysmon`   EventCode=1 ```  odd   spacing | here ```\n| `security_content_ctime( firstTime )`',
    output:
      '`sysmon` EventCode=1 ```  odd   spacing | here ```\n| `security_content_ctime( firstTime )`',
  },
  {
    name: 'a comment on its own line keeps its line',
    input: 'index=a\n``` count per host ```\n| stats count by host',
    output: 'index=a\n``` count per host ```\n| stats count by host',
  },
  {
    name: 'a subsearch with stages is indented one level',
    input: 'index=a [search index=b | stats count by user | fields user] | stats count',
    output:
      'index=a [\n  search index=b\n  | stats count by user\n  | fields user\n]\n| stats count',
  },
  {
    name: 'nested subsearch pipelines indent further, with the indent asked for',
    input: '| append [| makeresults | join x [search a | head 1]]',
    output: '| append [\n\t| makeresults\n\t| join x [\n\t\tsearch a\n\t\t| head 1\n\t]\n]',
  },
  {
    name: 'a one-stage subsearch stays inline',
    input: 'index=a [search index=b user=c]',
    output: 'index=a [search index=b user=c]',
  },
  {
    // The parser glues touching tokens into one search term, so `C:\Windows\*` keeps no spaces.
    name: 'touching tokens stay touching',
    input: 'process_path=C:\\Windows\\*.exe  earliest=-24h@h',
    output: 'process_path=C:\\Windows\\*.exe earliest=-24h@h',
  },
];

for (const { name, input, output } of cases) {
  test(`format: ${name}`, () => {
    const indent = name.includes('indent asked for') ? '\t' : undefined;
    assert.equal(formatted(input, indent), output);
    assert.equal(formatted(output, indent), output, 'formatting again changes nothing');
  });
}

test('changed says whether the text was already formatted', () => {
  assert.deepEqual(formatSpl('index=a\n| head 1'), { text: 'index=a\n| head 1', changed: false });
  assert.deepEqual(formatSpl('index=a | head 1'), { text: 'index=a\n| head 1', changed: true });
});

test('a search with a syntax error is refused with the place of the error', () => {
  const result = formatSpl('index=a\n| eval x=(1');
  assert.ok('error' in result);
  assert.match(result.error, /line 2, column \d+/);
});

test('when tidy spacing would change a search term, only whitespace runs collapse', () => {
  // The parser glues touching characters into one search term (lexer.ts), so in `user=b,c` the
  // value is `b,c`, while `user=b, c` would search for `b,` and a separate bare term `c`.
  assert.equal(formatted('user=b,c    d=1 |  head 1'), 'user=b,c d=1\n| head 1');
});

test('whitespace the parser keeps inside a search term is kept as written', () => {
  // `a(  )` is one search term whose value holds the spaces, so they cannot be collapsed.
  assert.equal(formatted('x=a(  )   y=1 |  head 1'), 'x=a(  )   y=1\n| head 1');
});
