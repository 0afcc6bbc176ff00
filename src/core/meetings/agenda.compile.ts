import type { OutboundMessage, RichText, Span } from '../types';
import type { Services } from '../feature';
import type { AgendaAudience, AgendaContext, AgendaContributor, AgendaSection, Meeting } from './meeting';
import type { MeetingFormat } from './meeting.format';
import { TZDate } from '@date-fns/tz';
import { subMonths } from 'date-fns';

/** The sections of a Taiwanese government agenda, in the order they are read. */
export const SECTIONS: readonly AgendaSection[] = ['reports', 'followUps', 'discussion', 'motions'];

export const SECTION_KEY = {
  reports: 'agenda.sectionReports',
  followUps: 'agenda.sectionFollowUps',
  discussion: 'agenda.sectionDiscussion',
  motions: 'agenda.sectionMotions',
} as const satisfies Record<AgendaSection, string>;

export interface CompiledAgenda {
  meeting: Meeting;
  since: Date | null;
  ballotSince: Date | null;
  sections: readonly { section: AgendaSection; lines: readonly RichText[] }[];
  /** Agencies with an item anywhere on the agenda, in directory order. */
  agencies: readonly number[];
}

/** Asks every contributor for its lines; a section nobody fills stays, empty. */
export function compileAgenda(meeting: Meeting, contributors: readonly AgendaContributor[], fmt: MeetingFormat, services: Services, now: Date, audience?: AgendaAudience): CompiledAgenda {
  const since = services.store.meetings.previous(meeting)?.startsAt ?? null;
  const ballotSince = meeting.kind === 'monthly' ? ballotStart(meeting, services) : since;
  const ctx: AgendaContext = { meeting, since, ballotSince, now, locale: fmt.locale, t: fmt.t, services, audience };
  const agencies = new Set<number>();
  const sections = SECTIONS.map((section) => {
    const lines: RichText[] = [];
    for (const c of contributors) {
      if (c.section !== section) continue;
      lines.push(...c.lines(ctx));
      for (const a of c.agencies?.(ctx) ?? []) agencies.add(a);
    }
    return { section, lines };
  });
  const order = services.people.agencies.all.map((a) => a.id);
  return { meeting, since, ballotSince, sections, agencies: order.filter((id) => agencies.has(id)) };
}

/** An issue not selected stays on the ballot until selected or withdrawn, unless the config expires it. */
function ballotStart(meeting: Meeting, services: Services): Date | null {
  const months = services.settings.voting.ballotMonths;
  if (!months) return null;
  return new Date(+subMonths(new TZDate(meeting.startsAt.getTime(), services.settings.timezone), months));
}

/** The agenda as a message: heading, time, holiday flag, then the four sections. */
export function renderAgenda(a: CompiledAgenda, fmt: MeetingFormat, opts: { draft: boolean }): OutboundMessage {
  const { t } = fmt;
  const m = a.meeting;
  const text: Span[] = [{ bold: t('agenda.header', { id: m.id, title: m.title }) }, '\n', t('agenda.when', { when: fmt.span(m) })];
  const holiday = fmt.holiday(m.startsAt);
  if (holiday) text.push('\n', holiday);
  if (m.status !== 'scheduled') text.push('\n', t('agenda.status', { status: fmt.status(m.status) }));
  else if (opts.draft) text.push('\n', t('agenda.draft'));
  for (const s of a.sections) {
    text.push('\n\n', { bold: t(SECTION_KEY[s.section]) });
    if (s.section === 'discussion') {
      if (m.kind === 'monthly') text.push('\n', a.ballotSince ? t('agenda.ballotSince', { when: fmt.at(a.ballotSince) }) : t('agenda.ballotAll'));
      else text.push('\n', a.ballotSince ? t('agenda.discussionSince', { when: fmt.at(a.ballotSince) }) : t('agenda.discussionAll'));
      if (m.kind === 'monthly') text.push('\n', t('agenda.ballotNote'));
    }
    if (!s.lines.length) text.push('\n', t('common.none'));
    for (const line of s.lines) text.push('\n', ...line);
  }
  return { text };
}
