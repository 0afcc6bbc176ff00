import type { Command, Context, Reply } from '../feature';
import { UserError } from '../errors';
import { checkText } from '../input/check-text';
import { parseRecordNumber } from '../input/parse-number';
import { foldWidth, leadingNumber } from '../input/ime';
import type { AgendaContributor, Meeting } from './meeting';
import type { MeetingCalendar } from './calendar';
import { MeetingFormat } from './meeting.format';
import { compileAgenda, renderAgenda } from './agenda.compile';
import { AGENDA_RECORD } from './meetings.jobs';
import { requireFacilitator, requireMeeting } from './meetings.commands';
import { addLine } from '../minutes/minutes.recorder';

const MOTION_MAX = 300;

function target(ctx: Context, calendar: MeetingCalendar, id: number | undefined): Meeting {
  if (id !== undefined) return requireMeeting(ctx, id);
  const m = calendar.current(ctx.chat, ctx.now);
  if (!m) throw new UserError('agenda.noMeeting', undefined);
  return m;
}

const refresh = (id: number): Reply => ({ type: 'refresh', record: { kind: AGENDA_RECORD, id } });

/**
 * `[#N] <text>`: only `#N` names meeting N. Text that starts with a number is text
 * (`/agenda add 3 個部會的資料交換問題` is a motion about three ministries, not one for meeting #3).
 */
function add(ctx: Context, args: string, calendar: MeetingCalendar, fmt: MeetingFormat): Reply[] {
  // Only a number written with # (or ＃) names the meeting; digits may be full-width (IME).
  const lead = /^\s*[#＃]/.test(args) ? leadingNumber(args) : undefined;
  const m = lead && lead.rest.trim() ? lead : undefined;
  const text = (m ? m.rest : args).trim();
  if (!text) throw new UserError('agenda.addUsage', undefined);
  checkText(text, { max: MOTION_MAX, multiline: false });
  const meeting = target(ctx, calendar, m ? m.n : undefined);
  if (!calendar.hasAgenda(meeting)) throw new UserError('agenda.noAgendaKind', { id: meeting.id, title: meeting.title });
  if (meeting.status !== 'scheduled') throw new UserError('agenda.meetingClosed', { id: meeting.id, status: fmt.status(meeting.status) });
  const item = ctx.services.store.agenda.addItem({ meetingId: meeting.id, text, proposerId: ctx.user.id, agencyId: ctx.user.agencyId, at: ctx.now });
  return [refresh(meeting.id), { type: 'reply', message: { text: [ctx.t('agenda.added', { item: item.id, id: meeting.id, title: meeting.title, when: fmt.at(meeting.startsAt) })] } }];
}

function remove(ctx: Context, args: string, done: boolean): Reply[] {
  const id = parseRecordNumber(args, ctx.t(done ? 'agenda.doneUsage' : 'agenda.removeUsage'));
  const { agenda } = ctx.services.store;
  const item = agenda.item(id);
  if (!item) throw new UserError('agenda.itemNotFound', { id });
  if (done) requireFacilitator(ctx);
  else if (item.proposerId !== ctx.user.id && !ctx.isFacilitator) throw new UserError('agenda.removeForbidden', { id });
  if (!agenda.setItemStatus(id, done ? 'done' : 'removed', ctx.now)) throw new UserError('agenda.notQueued', { id });
  if (done) {
    // Discussed while its meeting is recorded: the minutes say so.
    const m = ctx.services.store.minutes.byMeeting(item.meetingId);
    if (m && m.status === 'recording') addLine(ctx, m, 'info', ctx.t('agenda.discussedLine', { id, text: item.text }));
  }
  return [refresh(item.meetingId), { type: 'reply', message: { text: [ctx.t(done ? 'agenda.done' : 'agenda.removed', { id })] } }];
}

export function agendaCommand(calendar: MeetingCalendar, contributors: () => readonly AgendaContributor[]): Command {
  return {
    name: 'agenda',
    description: 'meetings.helpAgenda',
    handle(ctx, args) {
      const fmt = new MeetingFormat(calendar.settings, ctx.locale);
      const [, sub = '', rest = ''] = /^(\S*)\s*(.*)$/s.exec(args.trim())!;
      switch (sub.toLowerCase()) {
        case 'add':
          return add(ctx, rest, calendar, fmt);
        case 'remove':
        case 'rm':
          return remove(ctx, rest, false);
        case 'done':
          return remove(ctx, rest, true);
        default: {
          if (sub && (rest || !/^#?\d{1,9}$/.test(foldWidth(sub)))) return { type: 'reply', message: { text: [ctx.t('agenda.usage')] }, private: true };
          const meeting = target(ctx, calendar, sub ? parseRecordNumber(sub, '') : undefined);
          if (!calendar.hasAgenda(meeting)) throw new UserError('agenda.noAgendaKind', { id: meeting.id, title: meeting.title });
          const compiled = compileAgenda(meeting, contributors(), fmt, ctx.services, ctx.now);
          return { type: 'reply', message: renderAgenda(compiled, fmt, { draft: true }) };
        }
      }
    },
  };
}
