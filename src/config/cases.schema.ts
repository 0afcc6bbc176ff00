import * as z from 'zod';
import { WEEKDAY_NAMES } from '../core/input/date-words';

/**
 * A case's life as practised in the PO network (DOMAIN.md): confirm lead/co-agencies →
 * publish the response schedule → contact the proposer → translate → pre-meeting →
 * collaborative meeting → formal response → closed. The last stage is terminal: a case there
 * gets no reminders and is never overdue.
 */
export const DEFAULT_STAGES = [
  { id: 'lead', 'zh-TW': '確認主協辦', en: 'Confirm lead and co-agencies' },
  { id: 'schedule', 'zh-TW': '回應期程公告', en: 'Response schedule published' },
  { id: 'proposer', 'zh-TW': '聯繫提案人', en: 'Proposer contacted' },
  { id: 'translate', 'zh-TW': '轉譯', en: 'Plain-language briefing' },
  { id: 'premeeting', 'zh-TW': '會前會', en: 'Pre-meeting' },
  { id: 'collab', 'zh-TW': '協作會議', en: 'Collaborative meeting' },
  { id: 'response', 'zh-TW': '正式回應', en: 'Formal response', answersPetition: true },
  { id: 'closed', 'zh-TW': '結案', en: 'Closed' },
];

const stageSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_-]{0,23}$/, 'expected a short lowercase id such as "translate"'),
  'zh-TW': z.string().min(1).max(20),
  en: z.string().min(1).max(40),
  /**
   * From this stage on the petition is answered: the response deadline can no longer be missed,
   * so the case is not flagged overdue and gets no deadline reminders. Without any stage marked,
   * only the last (closed) one counts.
   */
  answersPetition: z.boolean().optional(),
});

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM, e.g. "09:00"');

export const casesSchema = z
  .strictObject({
    stages: z
      .array(stageSchema)
      .min(2)
      .default(DEFAULT_STAGES)
      .refine((s) => new Set(s.map((x) => x.id)).size === s.length, 'stage ids must be unique'),
    /** An issue reaching every configured number is announced once; null ignores that count. */
    supportThreshold: z
      .strictObject({
        votes: z.number().int().min(1).nullable().default(5),
        agencies: z.number().int().min(1).nullable().default(3),
      })
      .prefault({}),
    /** Days before a case's Join response deadline when the lead agency's POs are reminded. */
    deadlineReminderDays: z.array(z.number().int().min(0).max(365)).max(10).default([20, 7, 1]),
    /** Local time (configured zone) reminders for deadlines and due dates go out. */
    reminderTime: hhmm.default('09:00'),
    /** Join: the responsible ministry owes a response within this many days of the petition passing. */
    responseDays: z.number().int().min(1).max(365).default(60),
    /** /report lists case deadlines within this many days. */
    reportHorizonDays: z.number().int().min(1).max(90).default(14),
    /**
     * The /report digest posted by itself once a week to the home chats (meetings.homeChats),
     * ready for the Digital Minister's Monday report to the Premier. Local time, configured zone.
     */
    weeklyReport: z
      .strictObject({
        enabled: z.boolean().default(true),
        weekday: z.enum(WEEKDAY_NAMES).default('monday'),
        time: hhmm.default('08:30'),
      })
      .prefault({}),
  })
  .prefault({});

export type CasesConfig = z.output<typeof casesSchema>;
