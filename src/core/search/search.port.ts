import type { CaseEvent } from '../cases/case';
import type { MinutesLine } from '../minutes/minutes';

/** What search results are grouped by, in the order they are shown. */
export const SEARCH_KINDS = ['proposal', 'case', 'decision', 'item', 'speech'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** Where a hit comes from: a kind may hold more than one (a case's title and its timeline notes). */
export type SearchSource = 'issue' | 'case' | 'note' | 'item' | 'line';

export interface SearchRow {
  source: SearchSource;
  /** The source row's id (issues.id, cases.id, case_events.id, action_items.id, minutes_lines.id). */
  id: number;
}

/** A minutes line with where it sits: its meeting and its place in the record (from 1). */
export interface LocatedLine {
  line: MinutesLine;
  meetingId: number;
  ordinal: number;
}

/**
 * The full-text index (SQLite FTS5, kept in step with every write by triggers). Terms are
 * lower-case and non-empty; a row matches when its text contains every term.
 */
export interface SearchRepo {
  /** Rows of one kind containing every term, best first (short terms only: newest first). */
  find(kind: SearchKind, terms: readonly string[], page: { offset: number; limit: number }): SearchRow[];
  line(id: number): LocatedLine | undefined;
  caseEvent(id: number): CaseEvent | undefined;
}
