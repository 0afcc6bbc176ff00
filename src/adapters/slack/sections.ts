// Packs mrkdwn units into section texts of at most `max` characters, counted as Slack counts
// them: after escaping, with the `*`/`` ` `` markers a cut span needs to be closed and reopened.
import { joinUnits, type Unit, type Wrap } from './mrkdwn';

export interface PackedText {
  md: string;
  plain: string;
}

function openCost(prev: Wrap | undefined, next: Wrap | undefined): number {
  if (prev === next) return 0;
  return (prev ? prev.close.length : 0) + (next ? next.open.length : 0);
}

/**
 * A unit that would fuse with the one before it if the two were written next to each other: a
 * span that starts with a combining mark, ZWJ or skin tone. Units are made per span, so a cut
 * there would split what a reader sees as one character.
 */
const JOINS_PREVIOUS = /^[\p{M}\p{Emoji_Modifier}\u200C\u200D\uFE0E\uFE0F]/u;

/**
 * Greedy packing that prefers to end a section at a line break (the break itself is dropped:
 * the next block starts on a new line anyway); a line longer than a section is cut between
 * units. Every unit lands in exactly one section, in order.
 */
export function packSections(units: readonly Unit[], max: number): PackedText[] {
  const out: PackedText[] = [];
  let i = 0;
  while (i < units.length) {
    let len = 0;
    let wrap: Wrap | undefined;
    let lastNl = -1;
    let j = i;
    for (; j < units.length; j++) {
      const u = units[j]!;
      const add = openCost(wrap, u.wrap) + u.md.length;
      if (len + add + (u.wrap ? u.wrap.close.length : 0) > max) break;
      len += add;
      wrap = u.wrap;
      if (u.nl && j > i) lastNl = j;
    }
    let end: number;
    let next: number;
    if (j === units.length) [end, next] = [j, j];
    // The next section starts with the line break itself when its first unit would fuse with it.
    else if (lastNl > i) [end, next] = [lastNl, JOINS_PREVIOUS.test(units[lastNl + 1]?.md ?? '') ? lastNl : lastNl + 1];
    // A unit that cannot fit even alone cannot happen (units are bounded); never loop forever.
    else if (j === i) [end, next] = [i + 1, i + 1];
    else {
      end = j;
      while (end > i + 1 && JOINS_PREVIOUS.test(units[end]!.md)) end--;
      next = end;
    }
    const md = joinUnits(units, i, end);
    if (md.trim()) out.push({ md, plain: units.slice(i, end).map((u) => u.plain).join('') });
    i = next;
  }
  return out;
}
