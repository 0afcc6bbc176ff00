export interface Ranked {
  issueId: number;
  votes: number;
  /** 1-based place; tied issues are still placed one after another, by the tie rule. */
  place: number;
  /** Another issue has the same number of votes: its place came from the tie rule. */
  tied: boolean;
}

/**
 * The ballot's ranking: most votes first; equal votes are ordered by the tie rule, the earlier
 * proposal first (the lower issue number: issues are numbered as they are proposed), and marked
 * tied. Every issue on the ballot is ranked, those without votes last.
 */
export function rank(issueIds: readonly number[], totals: ReadonlyMap<number, number>): Ranked[] {
  const rows = [...new Set(issueIds)].map((issueId) => ({ issueId, votes: totals.get(issueId) ?? 0 }));
  rows.sort((a, b) => b.votes - a.votes || a.issueId - b.issueId);
  const count = new Map<number, number>();
  for (const r of rows) count.set(r.votes, (count.get(r.votes) ?? 0) + 1);
  return rows.map((r, i) => ({ ...r, place: i + 1, tied: count.get(r.votes)! > 1 }));
}
