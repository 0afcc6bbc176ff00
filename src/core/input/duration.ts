const UNITS: Record<string, number> = { w: 7 * 86_400_000, d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 };

/** `25h`, `1d2h`, `90m`, `1h30m` → milliseconds; undefined when it is not a duration. */
export function parseDuration(input: string): number | undefined {
  const s = input.trim().toLowerCase();
  if (!/^(\d{1,6}[wdhms])+$/.test(s)) return undefined;
  let ms = 0;
  for (const m of s.matchAll(/(\d+)([wdhms])/g)) ms += Number(m[1]) * UNITS[m[2]!]!;
  return ms;
}
