import type { Minutes } from './minutes';

/**
 * Whether what was recorded in a meeting (its minutes, the decisions and follow-up items made
 * while it was recorded) may be shown to those who are not signed in, wherever it appears: the
 * meeting's page, a case's timeline, an agency's page, the next agenda, the feed. While the
 * meeting is being recorded it may not: the record is not settled yet; nor while its speakers
 * correct their lines (the correction window, minutes.reviewWorkingDays), until it is published.
 * A meeting with no minutes has nothing recorded to hold back.
 */
export function isRecordPublished(minutes: Pick<Minutes, 'status' | 'publishedAt'> | undefined): boolean {
  return minutes === undefined || (minutes.status === 'ended' && minutes.publishedAt !== null);
}
