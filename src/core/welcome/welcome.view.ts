import type { Context } from '../feature';
import type { Span } from '../types';
import type { MeetingCalendar } from '../meetings/calendar';
import { MeetingFormat } from '../meetings/meeting.format';
import type { CaseworkSettings } from '../cases/casework.settings';
import { isClosed } from '../cases/case-stages';
import { caseLine } from '../cases/case-view';
import { actionLine } from '../actions/action-view';
import { markdownSpans } from './markdown';

export interface WelcomeDeps {
  calendar: MeetingCalendar;
  casework: CaseworkSettings;
  /** The facilitators' own guide (Markdown, `welcome.guideFile`); the catalog's when absent. */
  guide?: string;
}

const DAY = 86_400_000;
const MEETINGS_SHOWN = 2;
const AGENCY_LINES = 10;

/** The guide itself: the network's own text, replaceable without a release. */
export function guideSpans(ctx: Context, deps: WelcomeDeps): Span[] {
  return markdownSpans(deps.guide ?? ctx.t('welcome.guide'));
}

/** The next two scheduled meetings, from now on. */
export function nextMeetings(ctx: Context, deps: WelcomeDeps): Span[] {
  const fmt = new MeetingFormat(deps.calendar.settings, ctx.locale);
  const now = ctx.now.getTime();
  const list = ctx.services.store.meetings
    .between(ctx.now, new Date(now + deps.calendar.settings.horizonDays * DAY))
    .slice(0, MEETINGS_SHOWN);
  const text: Span[] = [{ bold: ctx.t('welcome.meetingsHeader') }];
  if (!list.length) text.push('\n', ctx.t('welcome.noMeetings'));
  for (const m of list) text.push('\n', fmt.line(m));
  return text;
}

/**
 * What is waiting for the person's agency: its open cases (lead or co-agency) and open 列管
 * items, nearest deadline first (none last); before /iam, how to get this list.
 */
export function agencyWork(ctx: Context, deps: WelcomeDeps): Span[] {
  const agencyId = ctx.user.agencyId;
  if (agencyId === null) return [ctx.t('welcome.registerHint')];
  const agency = ctx.services.people.agencies.name(agencyId) ?? '?';
  const { store } = ctx.services;
  const rows: { due: string | null; kind: 0 | 1; line: Span[] }[] = [];
  for (const c of store.cases.list()) {
    if (isClosed(c, deps.casework) || (c.leadAgencyId !== agencyId && !c.coAgencyIds.includes(agencyId))) continue;
    rows.push({ due: c.deadline, kind: 0, line: caseLine(c, ctx, deps.casework) });
  }
  for (const i of store.actions.list({ status: 'open', ownerAgencyId: agencyId })) rows.push({ due: i.due, kind: 1, line: actionLine(i, ctx) });
  if (!rows.length) return [ctx.t('welcome.agencyNothing', { agency })];
  // Calendar dates (YYYY-MM-DD) sort as strings; no deadline goes last; cases before items on a tie.
  rows.sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.kind - b.kind);
  const text: Span[] = [{ bold: ctx.t('welcome.agencyHeader', { agency }) }];
  for (const r of rows.slice(0, AGENCY_LINES)) text.push('\n', ...r.line);
  if (rows.length > AGENCY_LINES) text.push('\n', ctx.t('common.listMore', { n: rows.length - AGENCY_LINES }));
  return text;
}

/** The whole guide with what is waiting now: /guide, and the welcome where it can be private. */
export function fullGuide(ctx: Context, deps: WelcomeDeps, greeting?: Span[]): Span[] {
  return [...(greeting ? [...greeting, '\n\n'] : []), ...guideSpans(ctx, deps), '\n\n', ...nextMeetings(ctx, deps), '\n\n', ...agencyWork(ctx, deps)];
}
