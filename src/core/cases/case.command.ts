import type { Command, Context, Reply } from '../feature';
import type { Span } from '../types';
import { UserError } from '../errors';
import { checkText } from '../input/check-text';
import { parseChatRef } from '../types';
import type { Case } from './case';
import { daysBetween, parseCalendarDate, todayIn } from '../dates/calendar-date';
import { parseDueDay } from './due-date';
import { periodDeadline } from '../calendar/period-deadline';
import { closedDayWarning } from '../calendar/closed-days';
import { formatCaseNumber, parseCaseNumber } from './case-number';
import { isAnswered, isClosed, matchStage, stageLabel, stageList } from './case-stages';
import { dueNote, showDate, showDeadline } from './case-dates';
import { renderCaseDetail } from './case-view';
import type { CaseworkSettings } from './casework.settings';
import { planDeadlineReminders } from './deadline-reminders';
import { mentionPOs, parseAgencyList, requireFacilitator } from './roles';
import { ownKey } from '../input/own-key';
import { closeCase, splitForce, splitReopen } from './case-close';
import { recordDecision } from '../minutes/record-decision';
import { caseExtend, caseReason } from './sop.commands';

type Sub = 'lead' | 'co' | 'stage' | 'deadline' | 'passed' | 'note' | 'petition' | 'close' | 'reason' | 'extend';
const SUBS: Record<string, Sub> = {
  lead: 'lead',
  主辦: 'lead',
  co: 'co',
  協辦: 'co',
  stage: 'stage',
  階段: 'stage',
  deadline: 'deadline',
  期限: 'deadline',
  passed: 'passed',
  通過: 'passed',
  note: 'note',
  備註: 'note',
  petition: 'petition',
  連署: 'petition',
  close: 'close',
  結案: 'close',
  reason: 'reason',
  原因: 'reason',
  extend: 'extend',
  展延: 'extend',
};
/** A Join proposal (提點子) page: the petition a response deadline is owed to. */
const JOIN_PROPOSAL = /^https:\/\/join\.gov\.tw\/idea\/detail\/[A-Za-z0-9-]{1,64}\/?$/;
const NONE = new Set(['none', '無', '清除', '-']);
export const CO_MAX = 10;
export const NOTE_MAX = 500;

export function requireCase(ctx: Context, n: number): Case {
  const c = ctx.services.store.cases.byNumber(n);
  if (!c) throw new UserError('cases.notFound', { name: formatCaseNumber(n, ctx.locale) });
  return c;
}

function reply(text: Span[], isPrivate = false): Reply {
  return { type: 'reply', message: { text }, private: isPrivate };
}

/**
 * A yearless passed date further back than this is asked again with its year: typed on 4/7,
 * "4/20" is almost always this year's slip, not last year's petition.
 */
const PASSED_YEARLESS_MAX_DAYS = 300;

/** The day a petition passed: normally past, so a yearless date is its latest occurrence. */
export function parsePassedDate(ctx: Context, input: string, usage: string): string {
  const tz = ctx.services.settings.timezone;
  const today = todayIn(ctx.now, tz);
  const d = parseCalendarDate(input, today, 'last');
  if (!d) throw new UserError('cases.badDate', { input: input.slice(0, 40), usage });
  const ago = daysBetween(d.date, today);
  if (!d.explicitYear && ago > PASSED_YEARLESS_MAX_DAYS) throw new UserError('cases.passedNeedsYear', { input: input.trim().slice(0, 40), date: showDate(d.date, ctx.locale, tz), days: ago, usage });
  return d.date;
}

/** The texts the case's deadline setting, as it stands, was recorded as in minutes. */
function deadlineDecisionTexts(ctx: Context, c: Case): string[] {
  const tz = ctx.services.settings.timezone;
  const name = formatCaseNumber(c.number, ctx.locale);
  if (c.deadline === null) return [ctx.t('cases.decDeadlineCleared', { name })];
  const date = showDate(c.deadline, ctx.locale, tz);
  const out = [ctx.t('cases.decDeadline', { name, date })];
  if (c.petitionPassedOn) out.push(ctx.t('cases.decPassed', { name, passed: showDate(c.petitionPassedOn, ctx.locale, tz), date }));
  return out;
}

const DEADLINE_EVENTS: readonly string[] = ['deadline', 'passed'];
const AGENCY_EVENTS: readonly string[] = ['agencies'];

/** The setting just changed overrode one made earlier in this meeting: the earlier is 更正. */
function markEarlierCorrected(ctx: Context, caseId: number, kinds: readonly string[]): void {
  const earlier = ctx.services.store.cases
    .events(caseId)
    .filter((e) => kinds.includes(e.detail.kind))
    .at(-2);
  if (earlier) ctx.services.store.cases.markCorrected(earlier.id);
}

function deadlineReply(ctx: Context, c: Case, s: CaseworkSettings, key: 'cases.deadlineSet' | 'cases.passedSet', past: boolean, replaces: readonly string[]): Reply {
  const tz = ctx.services.settings.timezone;
  const date = showDate(c.deadline!, ctx.locale, tz);
  const caseName = formatCaseNumber(c.number, ctx.locale);
  const corrected = recordDecision(
    ctx,
    key === 'cases.passedSet' ? ctx.t('cases.decPassed', { name: caseName, passed: showDate(c.petitionPassedOn!, ctx.locale, tz), date }) : ctx.t('cases.decDeadline', { name: caseName, date }),
    c.id,
    replaces,
  );
  if (corrected) markEarlierCorrected(ctx, c.id, DEADLINE_EVENTS);
  const days = planDeadlineReminders(c, ctx.services, s, ctx.now);
  const name = formatCaseNumber(c.number, ctx.locale);
  const text: Span[] = [
    ctx.t(key, { name, date: showDeadline(c, ctx, s), passed: c.petitionPassedOn ? showDate(c.petitionPassedOn, ctx.locale, tz) : '', note: dueNote(c.deadline!, ctx.now, tz, ctx.t, ctx.services.calendar, isAnswered(c, s)) }),
  ];
  if (past) text.push('\n', ctx.t('calendar.pastWarning', { date: showDate(c.deadline!, ctx.locale, tz) }));
  else {
    // A typed deadline stays as typed (§48 moves computed ones): say when offices are closed.
    const closed = closedDayWarning(c.deadline!, ctx.services.calendar, ctx.t, (d) => showDate(d, ctx.locale, tz), false);
    if (closed) text.push('\n', closed);
  }
  if (days.length) text.push('\n', ctx.t('cases.remindersPlanned', { dates: days.map((d) => showDate(d, ctx.locale, tz)).join(ctx.t('common.separator')) }));
  if (c.leadAgencyId === null) text.push('\n', ctx.t('cases.remindNoLead', { n: c.number }));
  return reply(text);
}

/** /case N shows a case; /case N <lead|co|stage|deadline|passed|note|petition> … updates it (facilitators). */
export function caseCommand(s: CaseworkSettings): Command {
  return {
    name: 'case',
    description: 'cases.helpCase',
    handle(ctx, args) {
      const m = /^\s*(第\s*\S+?\s*案|case\s+\d+|\S+)(?:\s+(\S+)(?:\s+([\s\S]*))?)?\s*$/i.exec(args);
      if (!m) throw new UserError('cases.caseUsage', undefined);
      const n = parseCaseNumber(m[1]!);
      if (!n) throw new UserError('common.notANumber', { usage: ctx.t('cases.caseUsage') });
      const c = requireCase(ctx, n);
      if (!m[2]) return reply(renderCaseDetail(c, ctx, s));
      const sub = ownKey(SUBS, m[2].toLowerCase());
      if (!sub) throw new UserError('cases.unknownSub', { word: m[2].slice(0, 20) });
      const rest = (m[3] ?? '').trim();
      // The lead agency's own POs may give these (sop.commands.ts); everything else is the facilitators'.
      if (sub === 'reason') return reply(caseReason(ctx, c, rest, s));
      if (sub === 'extend') return reply(caseExtend(ctx, c, rest, s));
      requireFacilitator(ctx);
      const { store } = ctx.services;
      const change = { by: ctx.user.id, at: ctx.now };
      const name = formatCaseNumber(c.number, ctx.locale);
      const tz = ctx.services.settings.timezone;

      switch (sub) {
        case 'lead':
        case 'co': {
          if (!rest) throw new UserError('cases.leadUsage', undefined);
          let lead = c.leadAgencyId;
          let co: number[] = [...c.coAgencyIds];
          if (sub === 'lead') {
            const split = /(?:^|\s+)(?:co|協辦)(?:\s+|$)/i.exec(rest);
            const leadPart = split ? rest.slice(0, split.index) : rest;
            const leads = parseAgencyList(leadPart, ctx.services);
            if (leads.length !== 1) throw new UserError('cases.leadOne', undefined);
            lead = leads[0]!.id;
            if (split) co = parseCoList(ctx, rest.slice(split.index + split[0].length));
          } else co = parseCoList(ctx, rest);
          co = co.filter((id) => id !== lead);
          if (co.length > CO_MAX) throw new UserError('cases.tooManyCo', { max: CO_MAX });
          const updated = store.cases.setAgencies(c.id, lead, co, change);
          const names = agencyNames(ctx, updated);
          const replaces = c.leadAgencyId !== null || c.coAgencyIds.length ? [ctx.t('cases.decAgencies', agencyNames(ctx, c))] : [];
          if (recordDecision(ctx, ctx.t('cases.decAgencies', names), c.id, replaces)) markEarlierCorrected(ctx, c.id, AGENCY_EVENTS);
          const text: Span[] = [ctx.t('cases.agenciesSet', names)];
          // Connect, don't nag: only the lead agency's POs are pinged, once, when it is named.
          if (updated.leadAgencyId !== null && updated.leadAgencyId !== c.leadAgencyId) {
            const mentions = mentionPOs(updated.leadAgencyId, parseChatRef(ctx.chat).platform, ctx.services, s);
            if (mentions.length) text.push('\n', ...mentions, ' ', ctx.t('cases.leadPing', { name }));
          }
          return reply(text);
        }
        case 'stage': {
          const { text: words, force } = splitForce(rest);
          const { text: wanted, reopen } = splitReopen(words);
          const st = matchStage(wanted, s);
          if (!st) throw new UserError('cases.unknownStage', { stage: wanted.slice(0, 40), list: stageList(s, ctx.locale) });
          if (st.id === c.stage) return reply([ctx.t('cases.stageUnchanged', { name, stage: st.label[ctx.locale] })], true);
          // Reaching the last stage is closing, with closing's checks.
          if (isClosed({ stage: st.id }, s)) return reply(closeCase(ctx, c, s, force));
          // Leaving 結案 reopens the case (its reminders come back): asked for in so many words.
          const reopening = isClosed(c, s);
          if (reopening && !reopen) throw new UserError('cases.stageReopenAsk', { name, stage: st.label[ctx.locale], example: `/case ${c.number} stage ${wanted.slice(0, 40)} reopen` });
          const updated = store.cases.setStage(c.id, st.id, change);
          planDeadlineReminders(updated, ctx.services, s, ctx.now);
          recordDecision(ctx, ctx.t('cases.decStage', { name, to: st.label[ctx.locale] }), c.id);
          const moved = { name, from: stageLabel(c.stage, s, ctx.locale), to: st.label[ctx.locale] };
          return reply([ctx.t(reopening ? 'cases.stageReopened' : 'cases.stageSet', moved)]);
        }
        case 'close': {
          const { text: extra, force } = splitForce(rest);
          if (extra) throw new UserError('cases.closeUsage', undefined);
          return reply(closeCase(ctx, c, s, force));
        }
        case 'deadline': {
          if (!rest) throw new UserError('cases.deadlineUsage', undefined);
          if (NONE.has(rest.toLowerCase())) {
            if (c.deadline === null) return reply([ctx.t('cases.deadlineUnchanged', { name })], true);
            const updated = store.cases.setDeadline(c.id, null, change);
            planDeadlineReminders(updated, ctx.services, s, ctx.now);
            if (recordDecision(ctx, ctx.t('cases.decDeadlineCleared', { name }), c.id, deadlineDecisionTexts(ctx, c))) markEarlierCorrected(ctx, c.id, DEADLINE_EVENTS);
            return reply([ctx.t('cases.deadlineCleared', { name })]);
          }
          // Kept exactly as typed: 行政程序法第48條 moves computed deadlines, not a facilitator's date.
          const { date, past } = parseDueDay(ctx, rest, ctx.t('cases.deadlineUsage'));
          if (date === c.deadline) return reply([ctx.t('cases.deadlineUnchanged', { name })], true);
          return deadlineReply(ctx, store.cases.setDeadline(c.id, date, change), s, 'cases.deadlineSet', past, deadlineDecisionTexts(ctx, c));
        }
        case 'passed': {
          if (!rest) throw new UserError('cases.passedUsage', { days: s.responseDays });
          const passed = parsePassedDate(ctx, rest, ctx.t('cases.passedUsage', { days: s.responseDays }));
          if (passed > todayIn(ctx.now, tz)) throw new UserError('cases.passedFuture', { date: showDate(passed, ctx.locale, tz) });
          const { deadline } = periodDeadline(passed, s.responseDays, ctx.services.calendar);
          if (passed === c.petitionPassedOn && deadline === c.deadline) return reply([ctx.t('cases.deadlineUnchanged', { name })], true);
          return deadlineReply(ctx, store.cases.setDeadline(c.id, deadline, change, passed), s, 'cases.passedSet', false, deadlineDecisionTexts(ctx, c));
        }
        case 'note': {
          if (!rest) throw new UserError('cases.noteUsage', undefined);
          checkText(rest, { max: NOTE_MAX, multiline: true });
          store.cases.addEvent(c.id, { kind: 'note', text: rest }, change);
          return reply([ctx.t('cases.noteAdded', { name })]);
        }
        case 'petition': {
          if (!JOIN_PROPOSAL.test(rest)) throw new UserError('cases.petitionUsage', undefined);
          checkText(rest, { max: 320, multiline: false });
          store.cases.setPetition(c.id, rest, change);
          return reply([ctx.t('cases.petitionSet', { name }), { link: rest, text: rest }]);
        }
      }
    },
  };
}

/** The agencies of a case as its 決議 line names them. */
function agencyNames(ctx: Context, c: Case): { name: string; lead: string; co: string } {
  const { agencies } = ctx.services.people;
  return {
    name: formatCaseNumber(c.number, ctx.locale),
    lead: agencies.name(c.leadAgencyId) ?? ctx.t('cases.leadUnset'),
    co: c.coAgencyIds.map((id) => agencies.name(id) ?? '?').join(ctx.t('common.separator')) || ctx.t('common.none'),
  };
}

function parseCoList(ctx: Context, text: string): number[] {
  const t = text.trim();
  if (!t || NONE.has(t.toLowerCase())) return [];
  return parseAgencyList(t, ctx.services).map((a) => a.id);
}
