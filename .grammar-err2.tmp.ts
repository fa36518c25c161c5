import { splParser, parseSplWithChevrotain } from './server/src/core/syntax/grammar/index';
parseSplWithChevrotain(process.env.TEXT ?? '');
const p = splParser();
for (const e of p.errors) console.log(e.name, e.message.slice(0, 300), e.context.ruleStack.join('>'));
