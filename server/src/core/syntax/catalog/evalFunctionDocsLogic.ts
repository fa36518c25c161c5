import type { EvalFunctionName } from './evalFunctionFacts';
import type { FunctionDoc } from './types';

/** Conditions, comparisons, type tests and conversions. */
export const logicFunctionDocs = {
  case: {
    summary:
      'The value paired with the first true condition; null when none is true. End with `true(), <default>` for a fallback.',
    example:
      'eval severity=case(risk_score >= 80, "high", risk_score >= 50, "medium", true(), "low")',
  },
  cidrmatch: {
    summary: 'True when an IPv4 or IPv6 address lies in a CIDR subnet.',
    example: 'where NOT cidrmatch("10.0.0.0/8", dest_ip)',
  },
  coalesce: {
    summary:
      'The first argument that is not null; handy to merge fields that name the same thing differently.',
    example: 'eval user=coalesce(TargetUserName, SubjectUserName, "unknown")',
  },
  false: { summary: 'The boolean false.', example: 'eval matched=false()' },
  if: {
    summary: 'The second argument when the condition is true, otherwise the third.',
    example: 'eval is_admin=if(match(user, "(?i)adm"), "yes", "no")',
  },
  ifnull: {
    summary: 'The first argument, or the second when the first is null.',
    example: 'eval parent=ifnull(parent_process_name, "unknown")',
  },
  in: {
    summary:
      'True when the first argument equals one of the others. Matching is exact: no wildcards.',
    example: 'where in(EventCode, "4624", "4625", "4648")',
  },
  isarray: {
    summary: 'True when the value is a JSON array.',
    example: 'eval multi=isarray(json_extract(_raw, "ips"))',
  },
  isbool: { summary: 'True when the value is a boolean.', example: 'eval ok=isbool(flag)' },
  isdouble: {
    summary: 'True when the value is a floating-point number.',
    example: 'eval fractional=isdouble(score)',
  },
  isint: { summary: 'True when the value is an integer.', example: 'where isint(dest_port)' },
  ismv: {
    summary: 'True when the field holds more than one value.',
    example: 'where ismv(dest_ip)',
  },
  isnotnull: {
    summary: 'True when the value is not null (the field exists).',
    example: 'where isnotnull(parent_process_name)',
  },
  isnull: {
    summary: 'True when the value is null (for a field: it is missing).',
    example: 'where isnull(user)',
  },
  isnum: { summary: 'True when the value is a number.', example: 'where isnum(bytes_out)' },
  isobject: {
    summary: 'True when the value is a JSON object.',
    example: 'eval nested=isobject(json_extract(_raw, "actor"))',
  },
  isstr: { summary: 'True when the value is a string.', example: 'where isstr(dest_port)' },
  like: {
    summary:
      'True when a string matches a SQL-like pattern: `%` for any run of characters, `_` for one.',
    example: 'where like(process_name, "%.tmp")',
  },
  match: {
    summary:
      'True when a regular expression matches anywhere in the string; anchor it with `^` and `$` for a full match.',
    example: 'where match(process, "(?i)\\\\s-(e|en|enc|encodedcommand)\\\\s")',
  },
  null: {
    summary: 'The null value; assigning it to a field removes the field.',
    example: 'eval password=null()',
  },
  nullif: {
    summary: 'Null when the two arguments are equal, otherwise the first one.',
    example: 'eval parent=nullif(parent_process_name, "-")',
  },
  searchmatch: {
    summary: 'True when the result matches a search expression written in `search` syntax.',
    example:
      'eval suspicious=if(searchmatch("process_name=*.scr OR process=*\\\\Temp\\\\*"), 1, 0)',
  },
  true: {
    summary: 'The boolean true; use it as the last condition of `case()`.',
    example: 'eval severity=case(score > 50, "high", true(), "low")',
  },
  typeof: {
    summary:
      'The type of the value as text, such as Number, String or Boolean; a missing field gives Invalid.',
    example: 'eval port_type=typeof(dest_port)',
  },
  validate: {
    summary:
      'Null when every condition holds; otherwise the message paired with the first false condition.',
    example:
      'eval problem=validate(isint(dest_port), "port is not a number", dest_port < 65536, "port out of range")',
  },
  exact: {
    summary: 'Evaluates its argument with full numeric precision instead of rounding.',
    example: 'eval total=exact(price * quantity)',
  },
  commands: {
    summary: 'The names of the commands used by a search string, as a multivalue result.',
    example: 'eval used=commands("search index=main | stats count | sort - count")',
  },
  lookup: {
    summary:
      'Looks up a lookup table from eval: the input is a JSON object of field-value pairs, the result a JSON object of the output fields.',
    example:
      'eval asset=lookup("assets.csv", json_object("ip", dest_ip), json_array("owner", "priority"))',
  },
  toarray: { summary: 'The value as a JSON array.', example: 'eval ips=toarray(dest_ip)' },
  tobool: { summary: 'The value as a boolean.', example: 'eval enabled=tobool(enabled)' },
  todouble: {
    summary: 'The value as a floating-point number.',
    example: 'eval score=todouble(score)',
  },
  toint: { summary: 'The value as an integer.', example: 'eval port=toint(dest_port)' },
  tomv: {
    summary: 'A JSON array turned into a multivalue field.',
    example: 'eval ips=tomv(json_extract(_raw, "ips"))',
  },
  tonumber: {
    summary:
      'A string parsed as a number, in base 10 unless a base (2 to 36) is given; null when it does not parse.',
    example: 'eval flags=tonumber(hex_flags, 16)',
  },
  toobject: {
    summary: 'The value as a JSON object.',
    example: 'eval detail=toobject(detail_text)',
  },
  tostring: {
    summary:
      'The value as text; for numbers, an optional format: "hex", "commas" or "duration" (seconds as HH:MM:SS).',
    example: 'eval duration_text=tostring(duration, "duration")',
  },
} satisfies Partial<Record<EvalFunctionName, FunctionDoc>>;
