// English counts through the platform's plural rules (CLDR via Intl.PluralRules), so a count
// reads "1 vote", "2 votes", "0 votes" instead of "1 votes".
const rules = new Intl.PluralRules('en');

/** `count(1, 'vote', 'votes')` → "1 vote"; `count(2, 'agency', 'agencies')` → "2 agencies". */
export function count(n: number, one: string, other: string): string {
  return `${n} ${rules.select(n) === 'one' ? one : other}`;
}

/** The noun alone, for phrases where the number stands apart ("Decisions (1)" needs none). */
export function noun(n: number, one: string, other: string): string {
  return rules.select(n) === 'one' ? one : other;
}

export const votesN = (n: number) => count(n, 'vote', 'votes');
export const agenciesN = (n: number) => count(n, 'agency', 'agencies');
