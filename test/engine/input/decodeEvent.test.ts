import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeXmlWinEvent } from '../../../server/src/core/engine/input';
import { sysmonLine } from './helpers';

describe('decodeXmlWinEvent', () => {
  it('names fields as the add-ons do, keeps entities and drops empty values', () => {
    const raw = sysmonLine(4, 'C:\\a & b.exe').replace(
      "<Data Name='RuleName'>-</Data>",
      "<Data Name='RuleName'></Data><Data Name='Empty'/>",
    );
    const decoded = decodeXmlWinEvent(raw);
    assert.ok(decoded.ok);
    // sysmon-fields.md "Raw fields": EventCode = EventID; &amp; stays encoded; empty gives no field.
    assert.equal(decoded.fields.get('EventCode'), '1');
    assert.equal(decoded.fields.get('Image'), 'C:\\a &amp; b.exe');
    assert.equal(decoded.fields.has('RuleName'), false);
    assert.equal(decoded.fields.has('Empty'), false);
    assert.equal(decoded.fields.get('ProcessID'), '3184');
    assert.equal(decoded.fields.get('UserID'), 'S-1-5-18');
  });

  it('says where XML is malformed', () => {
    const decoded = decodeXmlWinEvent("<Event xmlns='x'><System><EventID>1</EventID></Event>");
    assert.equal(decoded.ok, false);
    assert.match(decoded.ok ? '' : decoded.message, /^malformed XML at 1:\d+: /);
  });

  it('refuses XML that is not a Windows event', () => {
    const decoded = decodeXmlWinEvent('<Other/>');
    assert.deepEqual(decoded, {
      ok: false,
      message: 'not a Windows event: no <Event><System> element',
    });
  });
});
