import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  boundedRegexInput,
  compileUserRegex,
  USER_REGEX_INPUT_LIMIT,
} from '../../../server/src/core/engine/regex';

function compiled(pattern: string, flags = ''): RegExp {
  const result = compileUserRegex(pattern, flags);
  if ('error' in result) assert.fail(`${pattern} was rejected: ${result.error}`);
  return result.regex;
}

function rejection(pattern: string): string {
  const result = compileUserRegex(pattern);
  assert.ok('error' in result, `${pattern} should be rejected`);
  return result.error;
}

describe('PCRE to JavaScript translation', () => {
  // [pattern, input, expected match (group 0 or a named group), group name]
  const cases: [string, string, string | null, string?][] = [
    ['(?P<user>\\w+)@', 'bob@example', 'bob', 'user'],
    ["(?'user'\\w+)@", 'bob@example', 'bob', 'user'],
    ['(?<user>\\w+)=(?P=user)', 'ab=ab', 'ab=ab'],
    ['(?<user>\\w+)=\\k{user}', 'ab=ab', 'ab=ab'],
    ['(?i)WERMGR\\.EXE', 'c:\\x\\wermgr.exe', 'wermgr.exe'],
    ['(?s)a.b', 'a\nb', 'a\nb'],
    ['(?m)^b$', 'a\nb\nc', 'b'],
    ['(?x) a \\  b # comment', 'a b', 'a b'],
    ['\\Aab', 'ab', 'ab'],
    ['\\Aab', 'xab', null],
    ['ab\\z', 'ab\n', null],
    ['ab\\Z', 'ab\n', 'ab'],
    // PCRE's `$` also matches before a final newline.
    ['ab$', 'ab\n', 'ab'],
    ['[[:digit:]]+', 'x42', '42'],
    ['[^[:space:]]+', '  word ', 'word'],
    ['[]a]+', ']a]', ']a]'],
    ['\\Q.*\\E', 'a.*b', '.*'],
    ['\\x{41}\\h\\e?', 'A ', 'A '],
    ['(?#note)abc', 'abc', 'abc'],
    ['(?:ab|cd)+', 'xxabcdab', 'abcdab'],
  ];
  for (const [pattern, input, expected, group] of cases) {
    test(`${pattern} on ${JSON.stringify(input)}`, () => {
      const match = compiled(pattern).exec(input);
      const actual = match ? (group ? match.groups?.[group] : match[0]) : null;
      assert.equal(actual ?? null, expected);
    });
  }

  test('extra flags (g for replace-all) are kept', () => {
    assert.equal('aXbX'.replace(compiled('X', 'g'), '-'), 'a-b-');
  });
});

describe('PCRE constructs without a JavaScript equivalent are rejected with advice', () => {
  const cases: [string, RegExp][] = [
    ['a++', /possessive quantifier \+\+.*use \+ without/],
    ['a{2,3}+', /possessive/],
    ['(?>ab)', /atomic group.*\(\?:\.\.\.\)/],
    ['a(?i)b', /inline option group.*very start/],
    ['(?i:a)', /inline option group/],
    ['\\p{L}', /Unicode property/],
    ['a\\Kb', /\\K/],
    ['(?(1)a|b)', /conditional group/],
    ['(a(?R)?b)', /recursive pattern/],
    ['(*UTF)a', /control verb/],
    ['(?<1st>x)', /invalid group name '1st'.*start with a letter/],
    ['(?U)a+', /inline option \(\?U\)/],
    ['[a', /unterminated character class/],
    ['a\\', /lone backslash/],
    ['(a', /invalid regular expression/],
  ];
  for (const [pattern, message] of cases) {
    test(pattern, () => assert.match(rejection(pattern), message));
  }
});

describe('catastrophic backtracking', () => {
  const dangerous = [
    '(a+)+$',
    '(a|a)*b',
    '(.*)*x',
    '(\\w+\\s?)*$',
    '(?:a|ab)*c',
    '(\\d|\\w)+!',
    '(.+,)*x',
    '(x{1,100})*y',
    '(a?a?)*b',
    '(a{1,3})*b',
    '(?:\\\\?[^\\\\]+)*$',
    // From security_content: `n*` overlaps the `n` that starts each repetition.
    '(?i)[-]e(nc*o*d*e*d*c*o*m*m*a*n*d*)*\\s+[^-]',
  ];
  for (const pattern of dangerous) {
    test(`rejects ${pattern}`, () =>
      assert.match(rejection(pattern), /exponential time.*make the repetition unambiguous/));
  }

  const safe = [
    '([^\\\\]+\\\\)*file',
    '(\\d+\\.)+\\d+',
    '(\\d{1,3}\\.){3}\\d{1,3}',
    '(?:foo|bar)*',
    '(?:ab|ac)*',
    '(?<ext>\\.[^.]+)$',
    '(a?)*b',
    '([a-z]\\d?)+',
    '(ab?)*',
    '.*\\\\(?<name>[^\\\\]+)$',
    '(?:\\\\x[0-9a-f]{2}|\\\\u[0-9a-f]{4})+',
  ];
  for (const pattern of safe) {
    test(`accepts ${pattern}`, () => assert.ok(compiled(pattern)));
  }
});

test('compiled regexes are cached per pattern and flags', () => {
  assert.equal(compiled('cache-me'), compiled('cache-me'));
  assert.notEqual(compiled('cache-me'), compiled('cache-me', 'g'));
});

test('user regexes run on at most USER_REGEX_INPUT_LIMIT characters', () => {
  const long = 'a'.repeat(USER_REGEX_INPUT_LIMIT + 10);
  assert.equal(boundedRegexInput(long).length, USER_REGEX_INPUT_LIMIT);
  assert.equal(boundedRegexInput('short'), 'short');
});

test('any pattern text gives a regex or an error, never an exception (property)', () => {
  const pieces = fc.constantFrom(
    'a',
    '.',
    '*',
    '+',
    '?',
    '|',
    '(',
    ')',
    '[',
    ']',
    '{2,}',
    '{',
    '}',
    '^',
    '$',
    '\\',
    '\\d',
    '\\1',
    '(?<n>',
    '(?P<n>',
    '(?P=n)',
    '(?:',
    '(?=',
    '(?<=',
    '(?i)',
    '\\k<n>',
    '[^a]',
    '\\Q',
    '\\E',
    '#',
    ' ',
  );
  fc.assert(
    fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
      const result = compileUserRegex(parts.join(''));
      assert.ok('regex' in result || typeof result.error === 'string');
    }),
    { numRuns: 3000 },
  );
});
