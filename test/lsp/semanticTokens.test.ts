/** Semantic tokens: the legend and the decoded token stream of .spl, YAML and macros.conf. */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { InitializeResult, SemanticTokens } from 'vscode-languageserver-protocol';
import { fileUri, LspSession } from './lspSession';
import { semanticTokenTypes } from '../../server/src/lsp/semanticTokens';

let session: LspSession;
before(async () => {
  session = await LspSession.start('sample-data');
});
after(() => session.stop());

/** `text [type]` per token, decoded from the relative five-integer encoding. */
function decode(text: string, tokens: SemanticTokens): string[] {
  const lines = text.split('\n');
  let line = 0;
  let character = 0;
  const out: string[] = [];
  for (let i = 0; i < tokens.data.length; i += 5) {
    const [deltaLine, deltaStart, length, type] = tokens.data.slice(i, i + 4) as number[];
    line += deltaLine!;
    character = deltaLine === 0 ? character + deltaStart! : deltaStart!;
    out.push(
      `${lines[line]!.slice(character, character + length!)} [${semanticTokenTypes[type!]}]`,
    );
  }
  return out;
}

async function tokensOf(uri: string, languageId: string, text: string): Promise<string[]> {
  await session.open(uri, languageId, text);
  const tokens: SemanticTokens = await session.request('textDocument/semanticTokens/full', {
    textDocument: { uri },
  });
  return decode(text, tokens);
}

test('the legend lists every token type the server sends', async () => {
  const probe = await LspSession.start();
  const result: InitializeResult = await probe.request('initialize', {
    processId: null,
    rootUri: null,
    capabilities: {},
  });
  await probe.stop();
  assert.deepEqual(result.capabilities.semanticTokensProvider, {
    legend: { tokenTypes: [...semanticTokenTypes], tokenModifiers: [] },
    full: true,
    range: true,
  });
});

test('commands, functions, fields, macros, operators, strings, numbers and comments', async () => {
  const text = [
    '`sysmon` EventCode=1 NOT user="SYSTEM" ```why```',
    '| eval n=len(Image) * 2',
    '| stats count min(_time) as first by host',
  ].join('\n');
  assert.deepEqual(await tokensOf(fileUri('scratch/tokens.spl'), 'spl', text), [
    '`sysmon` [macro]',
    'EventCode [property]',
    '= [operator]',
    '1 [number]',
    'NOT [operator]',
    'user [property]',
    '= [operator]',
    '"SYSTEM" [string]',
    '```why``` [comment]',
    '| [operator]',
    'eval [keyword]',
    'n [property]',
    '= [operator]',
    'len [function]',
    'Image [property]',
    '* [operator]',
    '2 [number]',
    '| [operator]',
    'stats [keyword]',
    'count [function]',
    'min [function]',
    '_time [property]',
    'as [keyword]',
    'first [property]',
    'by [keyword]',
    'host [property]',
  ]);
});

test('in a detection YAML the tokens sit at the file positions of the search, line by line', async () => {
  const text = "name: x\nsearch: '| tstats count\n  where x=1'\n";
  assert.deepEqual(await tokensOf(fileUri('scratch/tokens.yml'), 'yaml', text), [
    '| [operator]',
    'tstats [keyword]',
    'count [function]',
    'where [keyword]',
    'x [property]',
    '= [operator]',
    '1 [number]',
  ]);
});

test('a range request returns only the tokens of its lines', async () => {
  const uri = fileUri('scratch/range.spl');
  const text = 'index=a\n| head 5\n| table host';
  await session.open(uri, 'spl', text);
  const tokens: SemanticTokens = await session.request('textDocument/semanticTokens/range', {
    textDocument: { uri },
    range: { start: { line: 1, character: 0 }, end: { line: 1, character: 8 } },
  });
  assert.deepEqual(decode(text, tokens), ['| [operator]', 'head [keyword]', '5 [number]']);
});
