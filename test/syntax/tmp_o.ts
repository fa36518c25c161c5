import { readFileSync } from 'node:fs';
import { parseSpl, outline } from '../../server/src/core/syntax/index';
const texts = [readFileSync('sample-data/detections/windows_wermgr_alternate_data_stream_in_temp_dir.spl','utf8'), ...process.argv.slice(2)];
for (const t of texts) { const r = parseSpl(t); console.log(outline(r, t)); console.log(JSON.stringify(r.diagnostics.map(d=>[d.code,d.message,d.range.start.offset,d.range.end.offset])), JSON.stringify(r.comments.map(c=>[c.style,c.text]))); }
