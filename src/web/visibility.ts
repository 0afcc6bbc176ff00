import type { WebSection } from '../config/web.schema';
import type { Services } from '../core/feature';
import type { ActionItem } from '../core/actions/action-item';
import { onPublicRecord, type CaseEvent } from '../core/cases/case';
import { isRecordPublished } from '../core/minutes/record-published';
import type { Minutes } from '../core/minutes/minutes';

/**
 * The one visibility rule of the web record. Every piece of content belongs to a section
 * (proposals, cases, meetings, minutes, agencies, calendar, feed); a visitor who is not signed
 * in sees a piece only when its section is in `web.public`, whichever page it appears on.
 * Content recorded in a meeting (its minutes, decisions and the follow-up items made there)
 * belongs to the minutes, and only once the record is published (isRecordPublished). Signed-in
 * members see everything. Pages ask this, never `web.public` directly.
 */
export interface Visibility {
  /** Whether a section's content may be shown. */
  section(s: WebSection): boolean;
  /** Whether what was recorded in this meeting may be shown. */
  record(meetingId: number): boolean;
  /** A follow-up item (列管): recorded in a meeting → as that record; otherwise case work. */
  item(i: ActionItem): boolean;
  /** The item as this visitor may see it: a release recorded in a meeting whose record they may not see yet reads as open. */
  view(i: ActionItem): ActionItem;
  /** One entry of a case's timeline (the case itself already visible). */
  caseEvent(e: CaseEvent): boolean;
  /**
   * A speaker's page: the minutes whose speeches of this person may be shown, or undefined when
   * the page is not for this viewer (someone with nothing on a record they may see is not public).
   */
  speaker(userId: number): number[] | undefined;
}

export function visibility(services: Services, signedIn: boolean, open: ReadonlySet<WebSection>): Visibility {
  const { store } = services;
  const section = (s: WebSection) => signedIn || open.has(s);
  // A page may ask about the same meeting many times (every item of an agency): read it once.
  const minutes = new Map<number, Minutes | undefined>();
  const minutesOf = (meetingId: number) => {
    if (!minutes.has(meetingId)) minutes.set(meetingId, store.minutes.byMeeting(meetingId));
    return minutes.get(meetingId);
  };
  const record = (meetingId: number) => signedIn || (section('minutes') && isRecordPublished(minutesOf(meetingId)));
  // An item made while a meeting was recorded carries its id; one made elsewhere has none (or
  // a meeting with no record, which only older data has): case work.
  const item = (i: ActionItem) => signedIn || (i.meetingId !== null && minutesOf(i.meetingId) ? record(i.meetingId) : section('cases'));
  const view = (i: ActionItem): ActionItem => {
    if (signedIn || i.status !== 'done') return i;
    const meetingId = store.minutes.releasedIn(i.id);
    return meetingId === undefined || record(meetingId) ? i : { ...i, status: 'open', doneAt: null, doneBy: null, doneNote: null };
  };
  return {
    section,
    record,
    item,
    view,
    speaker(userId) {
      const spoken = store.minutes.spokenIn(userId);
      for (const m of spoken) if (!minutes.has(m.meetingId)) minutes.set(m.meetingId, m);
      const ids = spoken.filter((m) => record(m.meetingId)).map((m) => m.id);
      return signedIn || ids.length ? ids : undefined;
    },
    caseEvent(e) {
      if (signedIn) return true;
      const d = e.detail;
      switch (d.kind) {
        case 'decision':
          return record(d.meetingId);
        case 'meeting':
          return section('meetings');
        case 'action':
        case 'actionDone': {
          const i = store.actions.get(d.itemId);
          if (!i || !item(i)) return false;
          return d.kind === 'action' || view(i).status === 'done';
        }
        case 'po':
          // A claim nobody confirmed stays among members: no outsider's name on the record (issue 23, item 4).
          return onPublicRecord(e);
        default:
          return true;
      }
    },
  };
}
