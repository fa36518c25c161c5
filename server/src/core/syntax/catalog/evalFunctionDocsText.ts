import type { EvalFunctionName } from './evalFunctionFacts';
import type { FunctionDoc } from './types';

/** Text, hashing, network and time functions. */
export const textFunctionDocs = {
  ipmask: {
    summary: 'An IPv4 address with a netmask applied, for grouping addresses by subnet.',
    example: 'eval subnet=ipmask("255.255.255.0", src_ip)',
  },
  len: { summary: 'The number of characters in a string.', example: 'where len(process) > 1000' },
  lower: { summary: 'A string in lower case.', example: 'eval process_name=lower(process_name)' },
  ltrim: {
    summary: 'A string without the given characters (default spaces and tabs) at its start.',
    example: 'eval path=ltrim(path, "\\\\")',
  },
  md5: {
    summary: 'The MD5 hash of a string, as hexadecimal text.',
    example: 'eval cmd_hash=md5(process)',
  },
  now: {
    summary: 'The time the search started, in epoch seconds; the same for every result.',
    example: 'eval age_days=(now() - firstTime) / 86400',
  },
  printf: {
    summary: 'Text built from a C-style format (`%s`, `%d`, `%.2f`, `%x`, ...) and values.',
    example: 'eval label=printf("%s on %s (%d times)", user, dest, count)',
  },
  relative_time: {
    summary: 'A time shifted by a relative modifier such as `-1d@d` (yesterday midnight).',
    example: 'where _time > relative_time(now(), "-24h@h")',
  },
  replace: {
    summary:
      'A string with every match of a regular expression replaced; `\\1` in the replacement refers to a group.',
    example: 'eval user=replace(user, "^.*\\\\\\\\", "")',
  },
  rtrim: {
    summary: 'A string without the given characters (default spaces and tabs) at its end.',
    example: 'eval domain=rtrim(query, ".")',
  },
  sha1: {
    summary: 'The SHA-1 hash of a string, as hexadecimal text.',
    example: 'eval cmd_hash=sha1(process)',
  },
  sha256: {
    summary: 'The SHA-256 hash of a string, as hexadecimal text.',
    example: 'eval cmd_hash=sha256(process)',
  },
  sha512: {
    summary: 'The SHA-512 hash of a string, as hexadecimal text.',
    example: 'eval cmd_hash=sha512(process)',
  },
  spath: {
    summary:
      'The value at a path in JSON or XML text (`a.b{0}.c`); several values give a multivalue result.',
    example: 'eval user=spath(_raw, "userIdentity.userName")',
  },
  split: {
    summary: 'A string split at each occurrence of a delimiter, as a multivalue result.',
    example: 'eval path_parts=split(process_path, "\\\\")',
  },
  strftime: {
    summary: 'An epoch time formatted as text with strftime codes such as `%Y-%m-%d %H:%M:%S`.',
    example: 'eval firstTime=strftime(firstTime, "%Y-%m-%dT%H:%M:%S")',
  },
  strptime: {
    summary:
      'Text parsed as a time with strftime codes, giving epoch seconds; null when it does not parse.',
    example: 'eval created=strptime(whenCreated, "%Y%m%d%H%M%S.0Z")',
  },
  substr: {
    summary:
      'Part of a string from a 1-based start, to the end or for a given length; a negative start counts from the end.',
    example: 'eval short_cmd=substr(process, 1, 256)',
  },
  time: {
    summary:
      'The wall-clock time at the moment the function runs, in epoch seconds with microseconds.',
    example: 'eval processed_at=time()',
  },
  trim: {
    summary: 'A string without the given characters (default spaces and tabs) at either end.',
    example: 'eval user=trim(user, "\\"")',
  },
  upper: { summary: 'A string in upper case.', example: 'eval dest=upper(dest)' },
  urldecode: {
    summary: 'A URL with its percent-encoded characters decoded.',
    example: 'eval url=urldecode(url)',
  },
} satisfies Partial<Record<EvalFunctionName, FunctionDoc>>;
