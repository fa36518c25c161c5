/** Time formatting, parsing and time modifiers for the local evaluator, in any IANA zone. */
export { strftime } from './strftime';
export { strptime } from './strptime';
export {
  parseTimeModifier,
  relativeTime,
  resolveTimeModifier,
  type TimeModifier,
  type TimeStep,
} from './relative';
export { isValidTimeZone, zoneOffsetSeconds } from './zone';
