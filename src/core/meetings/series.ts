import type { RRule } from 'rrule';
import type { SeriesDef } from './meetings.settings';
import { floating, fromFloating, instantOf, wallTime } from '../dates/zoned-time';

const DAY = 86_400_000;
const rules = new WeakMap<SeriesDef, RRule>();

/**
 * The rule runs on "floating" times (wall-clock fields stored as if UTC), the way rrule's own
 * docs recommend, so the process TZ never enters; each result is then placed in the zone.
 */
function ruleOf(s: SeriesDef): RRule {
  let r = rules.get(s);
  if (!r) {
    // Loaded when a series is first expanded: a bot without series skips its start-up cost.
    const { RRule: Rule } = require('rrule') as typeof import('rrule');
    r = new Rule({ ...Rule.parseString(s.rrule), dtstart: new Date(floating(s.start)), tzid: null });
    rules.set(s, r);
  }
  return r;
}

/** Starts of the series' occurrences in [from, to), as instants. */
export function occurrences(s: SeriesDef, from: Date, to: Date, timeZone: string): Date[] {
  // A day's margin on each side in floating time covers any zone offset.
  const a = floating(wallTime(from, timeZone)) - DAY;
  const b = floating(wallTime(to, timeZone)) + DAY;
  return ruleOf(s)
    .between(new Date(a), new Date(b), true)
    .map((d) => instantOf(fromFloating(d.getTime()), timeZone))
    .filter((d) => d.getTime() >= from.getTime() && d.getTime() < to.getTime());
}
