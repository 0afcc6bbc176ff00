import type { ChatRef } from '../types';
import type { MeetingKind } from './meeting';
import type { HolidayCalendar } from './holidays';
import type { WallTime } from '../dates/zoned-time';
import { parseDuration } from '../input/duration';
import type { Locale } from '../../i18n/catalog';

/** The console chat is always a home chat: the embedded default and the e2e harness. */
export const CONSOLE_HOME: ChatRef = 'console:main';

export interface SeriesDef {
  id: string;
  title: string;
  kind: MeetingKind;
  /** DTSTART as wall time in the configured zone. */
  start: WallTime;
  /** The RRULE value, e.g. `FREQ=WEEKLY;BYDAY=FR`. */
  rrule: string;
  durationMin: number;
  chats: readonly ChatRef[];
  reminderOffsetsMs: readonly number[];
  agenda: boolean;
}

export interface MeetingSettings {
  timezone: string;
  homeChats: readonly ChatRef[];
  reminderOffsetsMs: readonly number[];
  agendaLeadMs: number;
  horizonDays: number;
  rocEra: boolean;
  icsDomain: string;
  series: readonly SeriesDef[];
  holidays: HolidayCalendar;
  /** Whether a chat's platform is running here, so a post there can be delivered. */
  canPost(chat: ChatRef): boolean;
}

/** The validated `meetings` config (see src/config/meetings.schema.ts), structurally. */
export interface MeetingsInput {
  homeChats: readonly string[];
  reminders: readonly string[];
  agendaLeadTime: string;
  horizonDays: number;
  rocEra: boolean;
  icsDomain: string;
  series: readonly {
    id: string;
    title: string;
    titleEn?: string;
    kind: MeetingKind;
    start: string;
    rrule: string;
    durationMin: number;
    chats?: readonly string[];
    reminders?: readonly string[];
    agenda: boolean;
  }[];
}

const offsets = (list: readonly string[]) => [...new Set(list.map((d) => parseDuration(d)!))].sort((a, b) => b - a);

function wall(s: string): WallTime {
  const [year, month, day, hour, minute] = s.split(/[-: T]/).map(Number) as [number, number, number, number, number];
  return { year, month, day, hour, minute };
}

export function meetingSettings(
  input: MeetingsInput,
  deps: { timezone: string; holidays: HolidayCalendar; canPost?: (chat: ChatRef) => boolean; locale?: Locale },
): MeetingSettings {
  const homeChats = [...new Set([...(input.homeChats as ChatRef[]), CONSOLE_HOME])];
  const reminderOffsetsMs = offsets(input.reminders);
  return {
    timezone: deps.timezone,
    homeChats,
    reminderOffsetsMs,
    agendaLeadMs: parseDuration(input.agendaLeadTime)!,
    horizonDays: input.horizonDays,
    rocEra: input.rocEra,
    icsDomain: input.icsDomain,
    holidays: deps.holidays,
    canPost: deps.canPost ?? (() => true),
    series: input.series.map((s) => ({
      id: s.id,
      // Meetings are stored with the title people see: the bot speaks one language.
      title: deps.locale === 'en' && s.titleEn ? s.titleEn : s.title,
      kind: s.kind,
      start: wall(s.start),
      rrule: s.rrule,
      durationMin: s.durationMin,
      chats: s.chats ? [...new Set([...(s.chats as ChatRef[]), CONSOLE_HOME])] : homeChats,
      reminderOffsetsMs: s.reminders ? offsets(s.reminders) : reminderOffsetsMs,
      agenda: s.agenda,
    })),
  };
}
