import type { EvalFunctionName } from './evalFunctionFacts';
import type { FunctionDoc } from './types';

/** Arithmetic, trigonometry, bitwise and aggregate-style eval functions. */
export const mathFunctionDocs = {
  abs: {
    summary: 'The absolute value of a number.',
    example: 'eval drift=abs(_time - expected_time)',
  },
  acos: {
    summary: 'The arc cosine of a number between -1 and 1, in radians.',
    example: 'eval angle=acos(0.5)',
  },
  acosh: {
    summary: 'The inverse hyperbolic cosine of a number of at least 1.',
    example: 'eval x=acosh(2)',
  },
  asin: {
    summary: 'The arc sine of a number between -1 and 1, in radians.',
    example: 'eval angle=asin(0.5)',
  },
  asinh: { summary: 'The inverse hyperbolic sine of a number.', example: 'eval x=asinh(1)' },
  atan: { summary: 'The arc tangent of a number, in radians.', example: 'eval angle=atan(1)' },
  atan2: {
    summary: 'The angle in radians of the point (x, y), taking the signs of both into account.',
    example: 'eval bearing=atan2(dy, dx)',
  },
  atanh: {
    summary: 'The inverse hyperbolic tangent of a number between -1 and 1.',
    example: 'eval x=atanh(0.5)',
  },
  avg: {
    summary:
      'The mean of the numeric arguments, which may be fields, multivalue fields or literals.',
    example: 'eval avg_bytes=avg(bytes_in, bytes_out)',
  },
  bit_and: {
    summary: 'The bitwise AND of integers.',
    example: 'eval is_disabled=if(bit_and(userAccountControl, 2)=2, 1, 0)',
  },
  bit_not: {
    summary: 'The bitwise complement of an integer, within the given number of bits.',
    example: 'eval inverted=bit_not(flags, 8)',
  },
  bit_or: {
    summary: 'The bitwise OR of integers.',
    example: 'eval access=bit_or(read_mask, write_mask)',
  },
  bit_shift_left: {
    summary: 'An integer shifted left by a number of bits.',
    example: 'eval high=bit_shift_left(value, 16)',
  },
  bit_shift_right: {
    summary: 'An integer shifted right by a number of bits.',
    example: 'eval high=bit_shift_right(value, 16)',
  },
  bit_xor: {
    summary: 'The bitwise exclusive OR of integers.',
    example: 'eval changed=bit_xor(old_flags, new_flags)',
  },
  ceil: {
    summary: 'A number rounded up to the next whole number.',
    example: 'eval hours=ceil(duration / 3600)',
  },
  ceiling: {
    summary: 'Same as `ceil`: a number rounded up to the next whole number.',
    example: 'eval hours=ceiling(duration / 3600)',
  },
  cos: { summary: 'The cosine of an angle given in radians.', example: 'eval x=cos(pi() / 3)' },
  cosh: { summary: 'The hyperbolic cosine of a number.', example: 'eval x=cosh(1)' },
  exp: { summary: 'e raised to the given power.', example: 'eval growth=exp(rate * days)' },
  floor: {
    summary: 'A number rounded down to the whole number below.',
    example: 'eval minute=floor(_time / 60) * 60',
  },
  hypot: {
    summary: 'The length of the hypotenuse: the square root of x² + y².',
    example: 'eval distance=hypot(dx, dy)',
  },
  ln: { summary: 'The natural logarithm of a number.', example: 'eval entropy_part=-p * ln(p)' },
  log: {
    summary: 'The logarithm of a number, in base 10 unless a base is given.',
    example: 'eval magnitude=log(bytes_out, 2)',
  },
  max: {
    summary:
      'The largest argument: numbers compare as numbers, and any string is larger than any number.',
    example: 'eval lastTime=max(process_time, file_time)',
  },
  min: {
    summary:
      'The smallest argument: numbers compare as numbers, and any number is smaller than any string.',
    example: 'eval firstTime=min(process_time, file_time)',
  },
  pi: { summary: 'The constant π.', example: 'eval radians=degrees * pi() / 180' },
  pow: { summary: 'A number raised to a power.', example: 'eval bytes=pow(2, 20)' },
  random: {
    summary: 'A pseudo-random integer from 0 to 2³¹-1.',
    example: 'eval sample=random() % 100',
  },
  round: {
    summary: 'A number rounded to the nearest whole number, or to the given count of decimals.',
    example: 'eval mb=round(bytes / 1024 / 1024, 2)',
  },
  sigfig: {
    summary: 'A number rounded to the significant figures its computation warrants.',
    example: 'eval ratio=sigfig(failures / attempts)',
  },
  sin: { summary: 'The sine of an angle given in radians.', example: 'eval y=sin(pi() / 6)' },
  sinh: { summary: 'The hyperbolic sine of a number.', example: 'eval x=sinh(1)' },
  sqrt: { summary: 'The square root of a number.', example: 'eval stdev=sqrt(variance)' },
  sum: {
    summary:
      'The total of the numeric arguments, which may be fields, multivalue fields or literals.',
    example: 'eval total_bytes=sum(bytes_in, bytes_out)',
  },
  tan: { summary: 'The tangent of an angle given in radians.', example: 'eval slope=tan(angle)' },
  tanh: { summary: 'The hyperbolic tangent of a number.', example: 'eval x=tanh(0.5)' },
} satisfies Partial<Record<EvalFunctionName, FunctionDoc>>;
