import type { Minutes } from './minutes';

/**
 * Whether what was recorded in a meeting (its minutes, the decisions and follow-up items made
 * while it was recorded) may be shown to those who are not signed in, wherever it appears: the
 * meeting's page, a case's timeline, an agency's page, the next agenda, the feed. While the
 * meeting is being recorded it may not: the record is not settled yet. The one place that
 * decides it, so a later state (minutes awaiting publication after the participants' 10
 * working days of corrections) changes only this function.
 * A meeting with no minutes has nothing recorded to hold back.
 */
export function isRecordPublished(minutes: Pick<Minutes, 'status'> | undefined): boolean {
  return minutes === undefined || minutes.status === 'ended';
}
