import type { ChatRef } from '../types';
import type { CalendarDate } from '../dates/calendar-date';

export type ActionStatus = 'open' | 'done';

/** A follow-up item (列管): 持續列管 while open, 解除列管 when done. */
export interface ActionItem {
  id: number;
  caseId: number | null;
  meetingId: number | null;
  ownerAgencyId: number | null;
  ownerUserId: number | null;
  text: string;
  due: CalendarDate | null;
  status: ActionStatus;
  chat: ChatRef;
  createdBy: number;
  createdAt: Date;
  doneAt: Date | null;
  doneBy: number | null;
  doneNote: string | null;
}

export type NewActionItem = Pick<ActionItem, 'caseId' | 'meetingId' | 'ownerAgencyId' | 'ownerUserId' | 'text' | 'due' | 'chat' | 'createdBy' | 'createdAt'>;

export interface ActionQuery {
  status?: ActionStatus;
  caseId?: number;
  meetingId?: number;
  ownerAgencyId?: number;
  /** Done at or after this time. */
  doneSince?: Date;
}

export interface ActionRepo {
  create(item: NewActionItem): ActionItem;
  get(id: number): ActionItem | undefined;
  /** True when it was open and is now done. */
  close(id: number, by: number, note: string | null, at: Date): boolean;
  /** Ordered by due date (none last), then id. */
  list(q?: ActionQuery): ActionItem[];
  /**
   * Open items due before `day` (overdue when `day` is today), in list()'s order: the first
   * `limit`, and how many there are in all — so a digest need not read every open item.
   */
  openDueBefore(day: CalendarDate, limit: number): { rows: ActionItem[]; total: number };
}
