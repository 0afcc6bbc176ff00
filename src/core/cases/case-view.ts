import { sayitUrlOf } from '../minutes/sayit/sayit-link';
import type { Context, Services } from '../feature';
import type { Span } from '../types';
import type { Locale, Translate } from '../../i18n/catalog';
import { formatDateTime } from '../../i18n/format-date';
import type { Case, CaseEvent } from './case';
import { formatCaseNumber } from './case-number';
import { isAnswered, stageLabel } from './case-stages';
import { dueNote, isOverdue, showDate, showDeadline } from './case-dates';
import type { CaseworkSettings } from './casework.settings';
import { actionLine } from '../actions/action-view';
import { pageLink } from '../web-links';
import { milestoneLine, milestonesOf } from './milestone-view';
import { extensionSpans } from './extensions';

function agencyNames(ids: readonly number[], services: Services, t: Translate): string {
  return ids.length ? ids.map((id) => services.people.agencies.name(id) ?? '?').join(t('common.separator')) : t('common.none');
}

/** One line of /cases and of agendas: number, title, stage, lead, deadline with overdue flag. */
export function caseLine(c: Case, ctx: { now: Date; locale: Locale; t: Translate; services: Services }, s: CaseworkSettings): Span[] {
  const { t, locale, services, now } = ctx;
  const tz = services.settings.timezone;
  const overdue = isOverdue(c, now, tz, s);
  const text: Span[] = [];
  if (overdue) text.push('⚠️ ');
  text.push({ bold: formatCaseNumber(c.number, locale) }, t('cases.quoted', { title: c.title }));
  text.push(t('cases.lineStage', { stage: stageLabel(c.stage, s, locale) }));
  text.push(t('cases.lineLead', { lead: services.people.agencies.name(c.leadAgencyId) ?? t('cases.leadUnset') }));
  if (c.deadline) {
    text.push(t('cases.lineDeadline', { date: showDate(c.deadline, locale, tz), note: dueNote(c.deadline, now, tz, t, services.calendar, isAnswered(c, s)) }));
    // Extended (展延): the original date and how far the work has got travel with the new one (digest, lists, agendas).
    const extended = extensionSpans(services.store.cases.events(c.id), { locale, t, timeZone: tz });
    if (extended.length) text.push(t('sop.listSeparator'), ...extended.map((x) => (x === '\n' ? t('sop.listSeparator') : x)));
  }
  return text;
}

/** One timeline entry in words (/case N and the case's web page). */
export function eventText(e: CaseEvent, ctx: { locale: Locale; t: Translate; services: Services }, s: CaseworkSettings): string {
  const text = eventWords(e, ctx, s);
  return 'corrected' in e.detail && e.detail.corrected ? ctx.t('cases.evCorrected') + text : text;
}

function eventWords(e: CaseEvent, ctx: { locale: Locale; t: Translate; services: Services }, s: CaseworkSettings): string {
  const { t, locale, services } = ctx;
  const tz = services.settings.timezone;
  const d = e.detail;
  switch (d.kind) {
    case 'selected':
      return t('cases.evSelected', { id: d.issueId });
    case 'agencies':
      return t('cases.evAgencies', { lead: services.people.agencies.name(d.lead) ?? t('cases.leadUnset'), co: agencyNames(d.co, services, t) });
    case 'stage':
      return t('cases.evStage', { from: stageLabel(d.from, s, locale), to: stageLabel(d.to, s, locale) });
    case 'deadline':
      return d.deadline ? t('cases.evDeadline', { date: showDate(d.deadline, locale, tz) }) : t('cases.evDeadlineCleared');
    case 'passed':
      return t('cases.evPassed', { passed: showDate(d.passed, locale, tz), deadline: showDate(d.deadline, locale, tz) });
    case 'petition':
      return t('cases.evPetition', { url: d.url });
    case 'note':
      return t('cases.evNote', { text: d.text });
    case 'action':
      return t('cases.evAction', { id: d.itemId, text: d.text });
    case 'actionDone':
      return t('cases.evActionDone', { id: d.itemId, note: d.note ?? '' });
    case 'meeting':
      return t('cases.evMeeting', { id: d.meetingId, title: d.title });
    case 'decision':
      return t('cases.evDecision', { id: d.meetingId, text: d.text });
    case 'closedOpen':
      return t('cases.evClosedOpen', { ids: d.itemIds.map((i) => `#${i}`).join(t('common.separator')) });
    case 'reason':
      return t('sop.evReason', { stages: d.stages.map((x) => stageLabel(x, s, locale)).join(t('common.separator')), text: d.text });
    case 'extension': {
      const n = ctx.services.store.cases.events(e.caseId).filter((x) => x.detail.kind === 'extension' && x.id <= e.id).length;
      const text = t('sop.evExtension', { from: showDate(d.from, locale, tz), to: showDate(d.to, locale, tz), n, reason: d.reason });
      return d.progress ? text + t('sop.evProgress', { text: d.progress }) : text;
    }
    case 'po':
      return t(`cases.evPo_${d.change}`, { name: d.name, agency: services.people.agencies.name(d.agencyId) ?? '?' });
  }
}

/** /case N: who leads, where it stands, what is due, what is tracked, and everything that happened. */
export function renderCaseDetail(c: Case, ctx: Context, s: CaseworkSettings): Span[] {
  const { t, locale, services, now } = ctx;
  const tz = services.settings.timezone;
  const { store, people } = services;
  const closed = isAnswered(c, s);
  const text: Span[] = [{ bold: formatCaseNumber(c.number, locale) + t('cases.quoted', { title: c.title }) }, t('cases.fromIssue', { id: c.issueId })];
  const stageIndex = s.stages.findIndex((x) => x.id === c.stage);
  text.push('\n', t('cases.detailStage', { stage: stageLabel(c.stage, s, locale), i: stageIndex + 1, n: s.stages.length }));
  text.push('\n', t('cases.detailLead', { lead: people.agencies.name(c.leadAgencyId) ?? t('cases.leadUnset') }));
  text.push('\n', t('cases.detailCo', { co: agencyNames(c.coAgencyIds, services, t) }));
  text.push('\n', t('cases.detailPetition'), c.petitionUrl ? { link: c.petitionUrl, text: c.petitionUrl } : t('common.none'));
  if (c.petitionPassedOn) text.push('\n', t('cases.detailPassed', { date: showDate(c.petitionPassedOn, locale, tz) }));
  text.push('\n', t('cases.detailDeadline'));
  if (c.deadline) {
    if (isOverdue(c, now, tz, s)) text.push('⚠️ ');
    const note = dueNote(c.deadline, now, tz, t, services.calendar, closed);
    text.push(showDeadline(c, ctx, s), note ? t('cases.paren', { text: note }) : '');
  } else text.push(t('cases.deadlineUnset'));
  const events = store.cases.events(c.id);
  const extended = extensionSpans(events, { locale, t, timeZone: tz });
  if (extended.length) text.push('\n', ...extended);
  const milestones = milestonesOf(c, events, ctx, s);
  if (milestones.length) {
    text.push('\n', { bold: t('cases.detailMilestones') });
    for (const m of milestones) text.push('\n', milestoneLine(m, ctx, s));
  }

  const items = store.actions.list({ caseId: c.id });
  const open = items.filter((i) => i.status === 'open');
  const done = items.filter((i) => i.status === 'done');
  text.push('\n', { bold: t('cases.detailItems', { open: open.length, done: done.length }) });
  for (const i of [...open, ...done]) text.push('\n', ...actionLine(i, ctx));

  const meetingIds = store.cases.meetingIds(c.id);
  if (meetingIds.length) {
    text.push('\n', { bold: t('cases.detailMeetings') });
    for (const id of meetingIds) {
      const m = store.meetings.get(id);
      if (!m) continue;
      text.push('\n', t('cases.meetingLine', { id: m.id, title: m.title, when: formatDateTime(m.startsAt, locale, tz) }));
      const sayit = sayitUrlOf(store, m.id);
      if (sayit) text.push(' ', t('minutes.sayitLink', { url: sayit }));
    }
  }

  text.push('\n', { bold: t('cases.detailTimeline') });
  for (const e of events) {
    const who = e.actorId === null ? '' : (people.get(e.actorId)?.name ?? '?');
    text.push('\n', formatDateTime(e.at, locale, tz), ' ', who ? t('cases.evBy', { who }) : '', eventText(e, ctx, s));
  }
  text.push(...pageLink(services, t, `/cases/${c.number}`));
  return text;
}
