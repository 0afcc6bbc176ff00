import type { Context } from '../feature';

/** Links the case to the meeting; the first link is a timeline entry. */
export function linkCaseToMeeting(ctx: Context, caseId: number, meetingId: number): void {
  const { store } = ctx.services;
  if (!store.cases.linkMeeting(caseId, meetingId, ctx.now)) return;
  const m = store.meetings.get(meetingId);
  store.cases.addEvent(caseId, { kind: 'meeting', meetingId, title: m?.title ?? '' }, { by: ctx.user.id, at: ctx.now });
}
