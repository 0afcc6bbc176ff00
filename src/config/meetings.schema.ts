import * as z from './zod';
import type Holidays from 'date-holidays';
import { parseDuration } from '../core/input/duration';
import { platformRef } from './platform-ref';

// The `meetings` part of bot.config.json: series as RFC 5545 recurrence rules, home chats,
// reminder offsets and agenda lead time.

const chatRef = platformRef('chat');

const duration = z.string().check(z.refine((s) => (parseDuration(s) ?? 0) > 0, 'expected a duration such as "1d", "1h", "30m" or "1h30m"'));

const wallTime = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}$/, 'expected "YYYY-MM-DD HH:mm" (wall time in the configured time zone)'),
  z.refine((s) => {
    const [y, mo, d, h, mi] = s.split(/[-: T]/).map(Number) as [number, number, number, number, number];
    const t = new Date(Date.UTC(y, mo - 1, d, h, mi));
    return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d && h < 24 && mi < 60;
  }, 'not a real date and time'),
);

const WEEKDAY = /^[+-]?\d{0,2}(MO|TU|WE|TH|FR|SA|SU)$/;
const INTS = /^[+-]?\d{1,3}(,[+-]?\d{1,3})*$/;
const RULE_PARTS: Record<string, (v: string) => boolean> = {
  FREQ: (v) => ['YEARLY', 'MONTHLY', 'WEEKLY', 'DAILY'].includes(v),
  INTERVAL: (v) => /^[1-9]\d{0,2}$/.test(v),
  COUNT: (v) => /^[1-9]\d{0,4}$/.test(v),
  UNTIL: (v) => /^\d{8}(T\d{6}Z?)?$/.test(v),
  BYDAY: (v) => v.split(',').every((d) => WEEKDAY.test(d)),
  BYMONTHDAY: (v) => INTS.test(v),
  BYMONTH: (v) => INTS.test(v),
  BYSETPOS: (v) => INTS.test(v),
  BYWEEKNO: (v) => INTS.test(v),
  BYYEARDAY: (v) => INTS.test(v),
  BYHOUR: (v) => INTS.test(v),
  BYMINUTE: (v) => INTS.test(v),
  WKST: (v) => WEEKDAY.test(v) && v.length === 2,
};

/**
 * An RFC 5545 RRULE value (`FREQ=WEEKLY;BYDAY=FR`, an optional `RRULE:` prefix allowed).
 * Checked part by part here because the rrule package accepts unknown values silently.
 */
export const rruleSchema = z.pipe(
  z.string(),
  z.transform((s) => s.trim().replace(/^RRULE:/i, '').toUpperCase()),
).check(
  z.superRefine((s, ctx) => {
    const parts = s.split(';').filter(Boolean);
    const seen = new Set<string>();
    for (const p of parts) {
      const [key, value, extra] = p.split('=');
      const check = key ? RULE_PARTS[key] : undefined;
      if (!check || value === undefined || extra !== undefined || !check(value)) {
        ctx.addIssue({ code: 'custom', message: `"${p}" is not a supported RRULE part (FREQ=…;INTERVAL=…;BYDAY=…; the start comes from "start")` });
        return;
      }
      seen.add(key!);
    }
    if (!seen.has('FREQ')) ctx.addIssue({ code: 'custom', message: 'an RRULE needs FREQ (YEARLY, MONTHLY, WEEKLY or DAILY)' });
  }),
);

export const meetingSeriesSchema = z.strictObject({
  /** Stable id: occurrences are stored by (id, original start), so renaming it re-creates them. */
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9_-]{0,31}$/, 'lowercase letters, digits, "-" or "_", up to 32')),
  title: z.text(80),
  /** The title when the bot speaks English (`locale: "en"`); default: `title`. */
  titleEn: z.optional(z.text(80)),
  kind: z.enum(['weekly', 'monthly', 'quarterly', 'other']),
  /** DTSTART: the first occurrence as wall time in the configured time zone. */
  start: wallTime,
  rrule: rruleSchema,
  durationMin: z._default(z.int().check(z.minimum(5), z.maximum(24 * 60)), 60),
  /** Where its reminders and agendas go; default: the home chats. */
  chats: z.optional(z.array(chatRef).check(z.minLength(1))),
  /** Reminder offsets for this series; default: `meetings.reminders`. */
  reminders: z.optional(z.array(duration).check(z.maxLength(5))),
  /** Whether an agenda is compiled and posted (a pre-meeting may not need one). */
  agenda: z._default(z.boolean(), true),
});

export const meetingsConfigSchema = z.prefault(
  z.strictObject({
    /** Chats scheduled posts go to (the console chat `console:main` always is one). */
    homeChats: z._default(z.array(chatRef), []),
    /** Reminders before each meeting. */
    reminders: z._default(z.array(duration).check(z.maxLength(5)), ['1d', '1h']),
    /** How long before a meeting its agenda is compiled and posted. */
    agendaLeadTime: z._default(duration, '24h'),
    /** How far ahead series are expanded into meetings. */
    horizonDays: z._default(z.int().check(z.minimum(7), z.maximum(400)), 120),
    /** Show dates in the ROC era (民國115年) in zh-TW. */
    rocEra: z._default(z.boolean(), false),
    holidays: z
      .prefault(
        z.strictObject({
          /** date-holidays country code whose public holidays are flagged. */
          country: z._default(z.string().check(z.regex(/^[A-Z]{2}$/)), 'TW'),
          /** Extra public holidays as date-holidays rules (e.g. "12-25"), for changes the library has not caught up with. */
          extra: z._default(z.array(z.strictObject({ rule: z.text(), name: z.text(), nameEn: z.optional(z.text()) })), []),
        }),
        {},
      )
      .check(
        z.superRefine((h, ctx) => {
          // The default needs no check, and loading the library costs start-up time.
          if (h.country === 'TW' && !h.extra.length) return;
          const lib = require('date-holidays') as typeof Holidays | { default: typeof Holidays };
          const hd = new ('default' in lib ? lib.default : lib)();
          if (!(h.country in hd.getCountries())) return void ctx.addIssue({ code: 'custom', path: ['country'], message: `date-holidays has no country "${h.country}"` });
          hd.init(h.country);
          h.extra.forEach((x, i) => {
            if (!hd.setHoliday(x.rule, { name: { en: x.name }, type: 'public' })) ctx.addIssue({ code: 'custom', path: ['extra', i, 'rule'], message: `"${x.rule}" is not a date-holidays rule (e.g. "12-25" or "09-28 and if Sunday then next Monday")` });
          });
        }),
      ),
    /** Domain part of iCalendar UIDs; keep it fixed so re-imports update events. */
    icsDomain: z._default(z.string().check(z.regex(/^[A-Za-z0-9.-]{1,100}$/)), 'po-bot.local'),
    series: z._default(
      z.array(meetingSeriesSchema).check(
        z.superRefine((list, ctx) => {
          const seen = new Set<string>();
          list.forEach((s, i) => {
            if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate series id "${s.id}"` });
            seen.add(s.id);
          });
        }),
      ),
      [],
    ),
  }),
  {},
);

export type MeetingsConfig = z.output<typeof meetingsConfigSchema>;
export type MeetingSeriesConfig = z.output<typeof meetingSeriesSchema>;
