import type { OutboundMessage, Span } from '../types';
import type { Meeting } from './meeting';
import type { MeetingFormat } from './meeting.format';

export interface ReminderInput {
  meeting: Meeting;
  now: Date;
  /** Agencies with items on the agenda, by name; undefined for a meeting without an agenda. */
  agencies: readonly string[] | undefined;
  /** When it should have gone out, if it is late (the bot was down). */
  lateSince?: Date;
}

/** ⏰ the meeting, when (and how soon), a holiday flag, who has items, where the agenda is. */
export function renderReminder(r: ReminderInput, fmt: MeetingFormat): OutboundMessage {
  const { t } = fmt;
  const m = r.meeting;
  const text: Span[] = [{ bold: t('meetings.reminderTitle', { id: m.id, title: m.title }) }];
  text.push('\n', t('meetings.reminderWhen', { when: fmt.span(m), relative: fmt.relative(m.startsAt.getTime() - r.now.getTime()) }));
  const holiday = fmt.holiday(m.startsAt);
  if (holiday) text.push('\n', holiday);
  if (r.agencies) {
    text.push('\n', r.agencies.length ? t('meetings.reminderAgencies', { names: r.agencies.join(t('common.separator')) }) : t('meetings.reminderNoAgencies'));
    text.push('\n', t('meetings.reminderAgendaHint', { id: m.id }));
  }
  if (r.lateSince) text.push('\n', t('meetings.reminderLate', { due: fmt.at(r.lateSince) }));
  return { text };
}
