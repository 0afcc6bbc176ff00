import type { Command, Context, Reply } from '../feature';
import type { Span } from '../types';
import { parseChatRef } from '../types';
import { UserError } from '../errors';
import { checkText } from '../input/check-text';
import { leadingNumber } from '../input/ime';
import type { CaseworkSettings } from '../cases/casework.settings';
import { requireFacilitator } from '../cases/roles';
import { requireCase } from '../cases/case.command';
import { formatCaseNumber } from '../cases/case-number';
import { showDate } from '../cases/case-dates';
import { unofficialNote } from '../calendar/period-deadline';
import { closedDayWarning } from '../calendar/closed-days';
import { linkCaseToMeeting } from '../cases/case-meetings';
import { currentMeetingId } from '../minutes/current-meeting';
import { addLine } from '../minutes/minutes.recorder';
import type { ActionItem } from './action-item';
import { ACTION_TEXT_MAX, parseAction } from './parse-action';
import { actionLine, isItemOverdue, ownerLabel } from './action-view';
import { cancelDueReminder, ownerMentions, planDueReminder } from './due-reminders';
import { pageFooter, pageOf, splitPage } from '../input/paging';

const LIST_LIMIT = 20;

/** /action: a tracked item linked to the current meeting and case; the owner is told once. */
export function actionCommand(s: CaseworkSettings): Command {
  return {
    name: 'action',
    description: 'actions.helpAction',
    handle(ctx, args): Reply[] {
      requireFacilitator(ctx);
      const p = parseAction(args, ctx);
      const { store } = ctx.services;
      const recording = store.minutes.recording(ctx.chat);
      const caseId = p.caseNumber !== null ? requireCase(ctx, p.caseNumber).id : (recording?.currentCaseId ?? null);
      const meetingId = currentMeetingId(ctx);
      const item = store.transaction(() => {
        const created = store.actions.create({ caseId, meetingId, ownerAgencyId: p.ownerAgencyId, ownerUserId: p.ownerUserId, text: p.text, due: p.due, chat: ctx.chat, createdBy: ctx.user.id, createdAt: ctx.now });
        if (caseId !== null) {
          store.cases.addEvent(caseId, { kind: 'action', itemId: created.id, text: created.text }, { by: ctx.user.id, at: ctx.now });
          if (meetingId !== null) linkCaseToMeeting(ctx, caseId, meetingId);
        }
        if (recording) addLine(ctx, recording, 'action', created.text, { caseId, actionItemId: created.id });
        return created;
      });
      planDueReminder(item, ctx.services, s, ctx.now);
      const text: Span[] = ['📌 ', ctx.t('actions.created', { id: item.id, owner: ownerLabel(item, ctx) }), item.text];
      if (item.due) {
        text.push(ctx.t('actions.createdDue', { date: showDate(item.due, ctx.locale, ctx.services.settings.timezone) + unofficialNote(item.due, ctx.services.calendar, ctx.t) }));
        if (p.duePast) text.push('\n', ctx.t('calendar.pastWarning', { date: showDate(item.due, ctx.locale, ctx.services.settings.timezone) }));
        else {
          const closed = closedDayWarning(item.due, ctx.services.calendar, ctx.t, (d) => showDate(d, ctx.locale, ctx.services.settings.timezone), true);
          if (closed) text.push('\n', closed);
        }
      }
      if (caseId !== null) {
        const c = store.cases.get(caseId)!;
        text.push('\n', ctx.t('actions.createdCase', { name: formatCaseNumber(c.number, ctx.locale), title: c.title }));
      }
      if (meetingId !== null) text.push('\n', ctx.t('actions.createdMeeting', { id: meetingId }));
      const mentions = ownerMentions(item, parseChatRef(ctx.chat).platform, ctx.services, s);
      if (mentions.length) text.push('\n', ...mentions);
      text.push('\n', ctx.t('actions.remindHowToClose', { id: item.id }));
      if (p.dueHint) text.push('\n', ctx.t('actions.dueHint', { phrase: p.dueHint }));
      return [{ type: 'reply', message: { text } }];
    },
  };
}

function canClose(ctx: Context, i: ActionItem): boolean {
  // For an agency: only someone who may act for it (with a roster, on it or confirmed: People.actsFor).
  return ctx.isFacilitator || i.ownerUserId === ctx.user.id || (i.ownerAgencyId !== null && i.ownerAgencyId === ctx.services.people.actsFor(ctx.user));
}

/** /done N [note]: 解除列管, by a facilitator or the owning agency's POs. */
export function doneCommand(): Command {
  return {
    name: 'done',
    description: 'actions.helpDone',
    handle(ctx, args) {
      // The number is syntax (＃３ folds); the note is kept exactly as typed (，stays ，).
      const m = leadingNumber(args);
      if (!m) throw new UserError('common.notANumber', { usage: ctx.t('actions.doneUsage') });
      const id = m.n;
      const note = m.rest.trim() || null;
      // `/done 12 13 14` once kept "13 14" as #12's note: numbers alone are more items, refused.
      if (note && /^[#＃]?[0-9０-９]+(?:[\s,，、]+[#＃]?[0-9０-９]+)*$/.test(note)) {
        const ids = [id, ...(note.match(/[0-9０-９]+/g) ?? []).map((n) => Number(n.replace(/[０-９]/g, (d) => String(d.charCodeAt(0) - 0xff10))))];
        throw new UserError('actions.doneOneAtATime', { ids: ids.map((n) => `/done ${n}`).join(ctx.t('common.separator')) });
      }
      const { store } = ctx.services;
      const item = store.actions.get(id);
      if (!item) throw new UserError('actions.notFound', { id });
      if (!canClose(ctx, item)) throw new UserError('actions.doneForbidden', { id, owner: ownerLabel(item, ctx) });
      if (item.status === 'done') throw new UserError('actions.alreadyDone', { id });
      if (note) checkText(note, { max: ACTION_TEXT_MAX, multiline: true });
      const closed = store.transaction(() => {
        if (!store.actions.close(id, ctx.user.id, note, ctx.now)) return false;
        if (item.caseId !== null) store.cases.addEvent(item.caseId, { kind: 'actionDone', itemId: id, note }, { by: ctx.user.id, at: ctx.now });
        // Released while this chat records a meeting: a 解除列管 line, and its author attended.
        const recording = store.minutes.recording(ctx.chat);
        if (recording) addLine(ctx, recording, 'release', note ?? '', { caseId: item.caseId, actionItemId: id });
        return true;
      });
      if (!closed) throw new UserError('actions.alreadyDone', { id });
      cancelDueReminder(item, ctx.services);
      const text: Span[] = ['✅ ', ctx.t('actions.doneSet', { id, owner: ownerLabel(item, ctx) }), item.text];
      if (note) text.push('\n', ctx.t('actions.doneNote'), note);
      return { type: 'reply', message: { text } };
    },
  };
}

const MINE = new Set(['mine', '我的']);
const ALL = new Set(['all', '全部']);
const OVERDUE = new Set(['overdue', '逾期']);

/** /actions [all|mine|overdue|<agency>]: open items by default (持續列管). */
export function actionsListCommand(): Command {
  return {
    name: 'actions',
    description: 'actions.helpActions',
    handle(ctx, args) {
      const { rest: q, page } = splitPage(args);
      const { store, people, settings } = ctx.services;
      let items: ActionItem[];
      let empty: string;
      if (!q) {
        items = store.actions.list({ status: 'open' });
        empty = ctx.t('actions.listEmptyOpen');
      } else if (ALL.has(q.toLowerCase())) {
        items = store.actions.list();
        empty = ctx.t('actions.listEmptyNone');
      } else if (OVERDUE.has(q.toLowerCase())) {
        items = store.actions.list({ status: 'open' }).filter((i) => isItemOverdue(i, ctx.now, settings.timezone));
        empty = ctx.t('actions.listEmptyOverdue');
      } else if (MINE.has(q.toLowerCase())) {
        items = store.actions.list({ status: 'open' }).filter((i) => i.ownerUserId === ctx.user.id || (ctx.user.agencyId !== null && i.ownerAgencyId === ctx.user.agencyId));
        empty = ctx.t('actions.listEmptyMine');
      } else {
        checkText(q, { max: 60, multiline: false });
        const a = people.agencies.find(q);
        if (!a) throw new UserError('actions.listUsage', undefined);
        items = store.actions.list({ status: 'open', ownerAgencyId: a.id });
        empty = ctx.t('actions.listEmptyAgency', { agency: people.agencies.name(a.id) ?? q });
      }
      if (!items.length) {
        // With no item at all, how to add one; else what the filter found none of.
        if (!q && !store.actions.list().length) empty = ctx.t('actions.listEmptyNone');
        return { type: 'reply', message: { text: [empty] }, private: true };
      }
      const text: Span[] = [{ bold: ctx.t('actions.listHeader', { n: items.length }) }];
      const p = pageOf(items, page, LIST_LIMIT);
      for (const i of p.rows) text.push('\n', ...actionLine(i, ctx));
      const footer = pageFooter(ctx.t, p, `/actions ${q}`);
      if (footer) text.push('\n', footer);
      return { type: 'reply', message: { text } };
    },
  };
}
