import { eq } from 'drizzle-orm';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db';
import { toLine } from './minutes.repo';
import { caseEvents, minutesLines } from '../schema';
import type { CaseEventDetail } from '../../core/cases/case';
import type { SearchKind, SearchRepo, SearchRow, SearchSource } from '../../core/search/search.port';

// The index is migration 0023's `search_fts` (FTS5, trigram tokenizer), kept by triggers. A
// row's rowid is kind * 2^40 + the source row's id; each searched kind is one rowid range.
const SHIFT = 2 ** 40;
const SOURCES: Record<number, SearchSource> = { 1: 'issue', 2: 'case', 3: 'note', 4: 'item', 5: 'line', 6: 'line' };
const RANGES: Record<SearchKind, [number, number]> = { proposal: [1, 2], case: [2, 4], item: [4, 5], decision: [5, 6], speech: [6, 7] };

/**
 * A short word (one or two characters) has no trigram of its own, but every place it occurs
 * begins a trigram (each body ends in two newlines), so the index's own term list says which
 * trigrams to look for. Up to this many, the search is an OR of them through the index (fast
 * whether the word is frequent in a kind or absent from it); past it the word is common and a
 * scan of the kind's rows, newest first, stops as soon as the page is full (measured at 100,000
 * speeches: 0.1 ms for 國旅's one trigram through the index, 20–50 ms for 會議's 107, 0.1 ms for
 * 會議 scanned; but a scan finds nothing fast only where the word is frequent: see
 * docs/benchmarks.md).
 */
const MAX_EXPANSION = 16;
/**
 * Ranking reads every match (bm25 needs each one's score): past this many rows holding the
 * query's rarest trigram, the matches are listed newest first instead, which the index
 * answers by reading only the page.
 */
const MAX_RANKED = 2000;

/** A string FTS5 reads as one literal phrase: whatever it holds is no syntax. */
const phrase = (s: string) => `"${s.replace(/"/g, '""')}"`;
/** A LIKE pattern for "contains s" (`\` escapes LIKE's own wildcards). */
const contains = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function searchRepo(db: Db): SearchRepo {
  const client = db.$client;
  const grams = client.prepare<[string, string], { term: string; doc: number }>(`select term, doc from search_terms where term >= ? and term < ? limit ${MAX_EXPANSION + 1}`);
  const gram = client.prepare<[string], { doc: number }>('select doc from search_terms where term = ?');
  const statements = new Map<string, Statement<unknown[], { rowid: number }>>();
  const prepared = (match: boolean, ranked: boolean, likes: number) => {
    const key = `${match}:${ranked}:${likes}`;
    let st = statements.get(key);
    if (!st) {
      const where = ['rowid >= ? and rowid < ?', ...(match ? ['search_fts match ?'] : []), ...Array<string>(likes).fill(`body like ? escape '\\'`)];
      // Ranked by bm25 when the index matched, equal ranks newest first; a scan alone can only say what is newest.
      st = client.prepare(`select rowid from search_fts where ${where.join(' and ')} order by ${match && ranked ? 'rank, rowid desc' : 'rowid desc'} limit ? offset ?`);
      statements.set(key, st);
    }
    return st;
  };
  const lineRow = client.prepare<[number], { meetingId: number; ordinal: number }>(
    `select m.meeting_id as meetingId, (select count(*) from minutes_lines x where x.minutes_id = l.minutes_id and x.id <= l.id) as ordinal
       from minutes_lines l join minutes m on m.id = l.minutes_id where l.id = ?`,
  );

  /** The MATCH expression and LIKE patterns for the terms; undefined when a term cannot occur at all. */
  const plan = (terms: readonly string[]): { match: string[]; likes: string[]; ranked: boolean } | undefined => {
    const match: string[] = [];
    const likes: string[] = [];
    // At most how many rows can match: the fewest holding any one trigram of a long term.
    let bound = Infinity;
    for (const term of terms) {
      const chars = [...term];
      if (chars.length >= 3) {
        for (let i = 0; i + 3 <= chars.length && bound > 0; i++) bound = Math.min(bound, gram.get(chars.slice(i, i + 3).join(''))?.doc ?? 0);
        if (bound === 0) return undefined;
        match.push(phrase(term));
        continue;
      }
      const found = grams.all(term, term + '\u{10FFFF}');
      if (found.length === 0) return undefined;
      const docs = found.reduce((n, g) => n + g.doc, 0);
      if (found.length <= MAX_EXPANSION) {
        match.push(`(${found.map((g) => phrase(g.term)).join(' OR ')})`);
        bound = Math.min(bound, docs);
      } else likes.push(contains(term));
    }
    return { match, likes, ranked: bound <= MAX_RANKED };
  };

  return {
    find(kind, terms, page) {
      const p = plan(terms);
      if (!p) return [];
      const [lo, hi] = RANGES[kind];
      // As BigInt, bound as SQLite integers: FTS5 ignores a rowid bound given as a real (a JS
      // number this large binds as one) and scanned the whole table (150 ms instead of 0.1 ms).
      const args: unknown[] = [BigInt(lo * SHIFT), BigInt(hi * SHIFT)];
      if (p.match.length) args.push(p.match.join(' AND '));
      args.push(...p.likes, page.limit, page.offset);
      return prepared(p.match.length > 0, p.ranked, p.likes.length)
        .all(...args)
        .map((r): SearchRow => ({ source: SOURCES[Math.floor(r.rowid / SHIFT)]!, id: r.rowid % SHIFT }));
    },
    line(id) {
      const where = lineRow.get(id);
      const l = where && db.select().from(minutesLines).where(eq(minutesLines.id, id)).get();
      if (!where || !l) return undefined;
      return { line: toLine(l), meetingId: where.meetingId, ordinal: where.ordinal };
    },
    caseEvent(id) {
      const r = db.select().from(caseEvents).where(eq(caseEvents.id, id)).get();
      return r && { id: r.id, caseId: r.caseId, at: new Date(r.at), actorId: r.actorId, detail: JSON.parse(r.detail) as CaseEventDetail };
    },
  };
}
