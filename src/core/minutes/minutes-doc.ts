import type { Services } from '../feature';
import type { Locale, Translate } from '../../i18n/catalog';
import type { Meeting } from '../meetings/meeting';
import type { ActionItem } from '../actions/action-item';
import type { Minutes, MinutesLine } from './minutes';
import { ownerLabel } from '../actions/action-view';
import { showDate } from '../cases/case-dates';

export interface ViewCtx {
  now: Date;
  locale: Locale;
  t: Translate;
  services: Services;
}

export interface Attendee {
  userId: number;
  name: string;
  agencyId: number | null;
}

/** Everything an export or the summary shows about one meeting's minutes. */
export interface MinutesDoc {
  minutes: Minutes;
  meeting: Meeting | undefined;
  /** The lines published: every line but the struck ones. */
  lines: MinutesLine[];
  decisions: MinutesLine[];
  /** Lines a facilitator struck (/minutes strike): the record's history, never published. */
  struck: MinutesLine[];
  items: ActionItem[];
  /** Items of earlier meetings released during this one (this meeting's own show their state). */
  releasedEarlier: ActionItem[];
  attendees: Attendee[];
}

export function buildDoc(m: Minutes, services: Services): MinutesDoc {
  const { store, people } = services;
  const all = store.minutes.lines(m.id);
  const lines = all.filter((l) => !l.struck);
  const attendees = new Map<number, Attendee>();
  const starter = people.get(m.startedBy);
  if (starter) attendees.set(starter.id, { userId: starter.id, name: starter.name, agencyId: starter.agencyId });
  // Name and agency as last seen in the meeting: what they were when they spoke. A struck line
  // still shows its speaker was there.
  for (const l of all) attendees.set(l.userId, { userId: l.userId, name: l.speaker, agencyId: l.agencyId ?? attendees.get(l.userId)?.agencyId ?? null });
  const items = store.actions.list({ meetingId: m.meetingId });
  const releasedEarlier: ActionItem[] = [];
  for (const l of lines) {
    if (l.kind !== 'release' || l.actionItemId === null || items.some((i) => i.id === l.actionItemId) || releasedEarlier.some((i) => i.id === l.actionItemId)) continue;
    const i = store.actions.get(l.actionItemId);
    if (i) releasedEarlier.push(i);
  }
  return {
    minutes: m,
    meeting: store.meetings.get(m.meetingId),
    lines,
    decisions: lines.filter((l) => l.kind === 'decision'),
    struck: all.filter((l) => l.struck),
    items,
    releasedEarlier,
    attendees: [...attendees.values()],
  };
}

/** Items grouped by owning agency (or owner, when no agency), in first-seen order. */
export function itemsByAgency(items: readonly ActionItem[], ctx: ViewCtx): Map<string, ActionItem[]> {
  const groups = new Map<string, ActionItem[]>();
  for (const i of items) {
    const key = ctx.services.people.agencies.name(i.ownerAgencyId) ?? ctx.t('minutes.noAgency');
    groups.set(key, [...(groups.get(key) ?? []), i]);
  }
  return groups;
}

export function attendeeLabel(a: Attendee, ctx: ViewCtx): string {
  const { people } = ctx.services;
  const agency = people.agencies.name(a.agencyId);
  if (agency !== undefined) return ctx.t('minutes.attendee', { name: a.name, agency });
  // A facilitator (PDIS) usually represents no ministry: their role, not 未登記部會.
  const u = people.get(a.userId);
  const facilitator = u !== undefined && people.isFacilitator({ platform: u.platform, id: u.platformUserId });
  return ctx.t('minutes.attendee', { name: a.name, agency: ctx.t(facilitator ? 'minutes.facilitatorRole' : 'agencies.unaffiliated') });
}

/** The text a line stands for in exports: tagged lines carry their tag. */
export function lineText(l: MinutesLine, doc: MinutesDoc, ctx: ViewCtx): string {
  switch (l.kind) {
    case 'message':
      return l.text;
    case 'topic':
      return ctx.t('minutes.tagTopic') + l.text;
    case 'decision':
      return ctx.t('minutes.tagDecision') + l.text;
    case 'info':
      return ctx.t('minutes.tagInfo') + l.text;
    case 'release': {
      const i = doc.items.find((x) => x.id === l.actionItemId) ?? doc.releasedEarlier.find((x) => x.id === l.actionItemId) ?? (l.actionItemId !== null ? ctx.services.store.actions.get(l.actionItemId) : undefined);
      return ctx.t('minutes.tagRelease', { id: l.actionItemId ?? 0, owner: i ? ownerLabel(i, ctx) : '?' }) + l.text;
    }
    case 'action': {
      const i = doc.items.find((x) => x.id === l.actionItemId) ?? (l.actionItemId !== null ? ctx.services.store.actions.get(l.actionItemId) : undefined);
      if (!i) return ctx.t('minutes.tagAction', { id: 0, owner: '?', due: '' }) + l.text;
      const due = i.due ? showDate(i.due, ctx.locale, ctx.services.settings.timezone) : '';
      return ctx.t('minutes.tagAction', { id: i.id, owner: ownerLabel(i, ctx), due }) + l.text;
    }
  }
}
