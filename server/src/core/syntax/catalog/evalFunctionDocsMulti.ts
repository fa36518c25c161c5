import type { EvalFunctionName } from './evalFunctionFacts';
import type { FunctionDoc } from './types';

/** Multivalue and JSON functions. */
export const multivalueFunctionDocs = {
  mv_to_json_array: {
    summary:
      'A multivalue field as a JSON array; with `true()`, values that look like numbers or booleans keep that type.',
    example: 'eval ips_json=mv_to_json_array(dest_ip, true())',
  },
  mvappend: {
    summary: 'One multivalue result holding every value of every argument, in order.',
    example: 'eval all_users=mvappend(src_user, user)',
  },
  mvcount: {
    summary: 'How many values a field holds (1 for a single value, null when missing).',
    example: 'where mvcount(dest_ip) > 10',
  },
  mvdedup: {
    summary: 'A multivalue field with duplicate values removed.',
    example: 'eval dest=mvdedup(dest)',
  },
  mvfilter: {
    summary:
      'The values of one multivalue field for which a boolean expression on that field is true.',
    example: 'eval external_ips=mvfilter(NOT cidrmatch("10.0.0.0/8", dest_ip))',
  },
  mvfind: {
    summary: 'The 0-based index of the first value that matches a regular expression, or null.',
    example: 'eval admin_at=mvfind(groups, "(?i)admins$")',
  },
  mvindex: {
    summary:
      'The value at a 0-based index, or the values from start to end inclusive; negative indexes count from the end.',
    example: 'eval last_part=mvindex(split(process_path, "\\\\"), -1)',
  },
  mvjoin: {
    summary: 'The values of a multivalue field joined into one string with a delimiter.',
    example: 'eval hosts=mvjoin(dest, ", ")',
  },
  mvmap: {
    summary: 'The result of an expression applied to each value of a multivalue field.',
    example: 'eval lower_names=mvmap(process_name, lower(process_name))',
  },
  mvrange: {
    summary: 'A multivalue list of numbers from start up to (not including) end, by a step.',
    example: 'eval ports=mvrange(8000, 8010, 2)',
  },
  mvreverse: {
    summary: 'The values of a multivalue field in reverse order.',
    example: 'eval path_parts=mvreverse(path_parts)',
  },
  mvsort: {
    summary: 'The values of a multivalue field sorted as text.',
    example: 'eval users=mvsort(users)',
  },
  mvzip: {
    summary:
      'Pairs the values of two multivalue fields by position, joined with a delimiter (default a comma).',
    example: 'eval endpoints=mvzip(dest_ip, dest_port, ":")',
  },
  json: {
    summary: 'The value if it is valid JSON, otherwise null.',
    example: 'eval payload=json(request_body)',
  },
  json_append: {
    summary: 'A JSON document with values added to the end of the arrays at the given paths.',
    example: 'eval doc=json_append(doc, "tags", "reviewed")',
  },
  json_array: {
    summary: 'A JSON array built from the arguments.',
    example: 'eval fields=json_array("user", "dest")',
  },
  json_array_to_mv: {
    summary:
      'A JSON array turned into a multivalue field; strings lose their quotes unless asked to keep them.',
    example: 'eval ips=json_array_to_mv(json_extract(_raw, "ips"))',
  },
  json_delete: {
    summary: 'A JSON document with the given paths removed.',
    example: 'eval doc=json_delete(doc, "credentials")',
  },
  json_entries: {
    summary: 'The entries of a JSON object as an array of objects with `key` and `value`.',
    example: 'eval pairs=json_entries(json_extract(_raw, "tags"))',
  },
  json_extend: {
    summary:
      'A JSON document whose arrays at the given paths are extended with the elements of other arrays.',
    example: 'eval doc=json_extend(doc, "ips", json_array("10.0.0.5", "10.0.0.6"))',
  },
  json_extract: {
    summary:
      'The value at one or more paths of a JSON document; the whole document without a path.',
    example: 'eval user=json_extract(_raw, "userIdentity.arn")',
  },
  json_extract_exact: {
    summary: 'Like `json_extract`, but each key is taken literally, so keys containing dots work.',
    example: 'eval host=json_extract_exact(_raw, "host.name")',
  },
  json_has_key: {
    summary: 'True when a JSON document has a value at the path.',
    example: 'where json_has_key(_raw, "errorCode")',
  },
  json_has_key_exact: {
    summary: 'Like `json_has_key`, but the key is taken literally, so a key containing dots works.',
    example: 'where json_has_key_exact(_raw, "user.name")',
  },
  json_keys: {
    summary: 'The keys of a JSON object, as a JSON array.',
    example: 'eval keys=json_keys(requestParameters)',
  },
  json_object: {
    summary: 'A JSON object built from alternating keys and values.',
    example: 'eval evidence=json_object("user", user, "dest", dest, "count", count)',
  },
  json_set: {
    summary: 'A JSON document with values written at the given paths, creating them if needed.',
    example: 'eval doc=json_set(doc, "status", "triaged")',
  },
  json_set_exact: {
    summary: 'Like `json_set`, but each key is taken literally, so keys containing dots work.',
    example: 'eval doc=json_set_exact(doc, "analyst.name", analyst)',
  },
  json_valid: {
    summary: 'True when the value is valid JSON.',
    example: 'where NOT json_valid(_raw)',
  },
} satisfies Partial<Record<EvalFunctionName, FunctionDoc>>;
