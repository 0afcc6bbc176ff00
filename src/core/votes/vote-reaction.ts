/**
 * Reduces a reaction to its base so `+1::skin-tone-3` (Slack), `👍🏽` and `👍️` all match
 * a configured `+1` / `👍`.
 */
export function normalizeReaction(emoji: string): string {
  return emoji
    .trim()
    .replace(/^:|:$/g, '')
    .replace(/::skin-tone-\d$/, '')
    .replace(/[\u{1F3FB}-\u{1F3FF}\uFE0F]/gu, '');
}

const normalizedSets = new WeakMap<readonly string[], ReadonlySet<string>>();

export function isVoteReaction(emoji: string, configured: readonly string[]): boolean {
  let set = normalizedSets.get(configured);
  if (!set) normalizedSets.set(configured, (set = new Set(configured.map(normalizeReaction))));
  return set.has(normalizeReaction(emoji));
}
