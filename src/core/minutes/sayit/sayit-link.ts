import type { Store } from '../../records';
import { isRecordPublished } from '../record-published';

/** Where a meeting's published minutes are on SayIt, if they were uploaded. */
export function sayitUrlOf(store: Pick<Store, 'minutes'>, meetingId: number): string | undefined {
  const m = store.minutes.byMeeting(meetingId);
  return m && isRecordPublished(m) && m.sayit.url ? m.sayit.url : undefined;
}
