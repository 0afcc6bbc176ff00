import * as z from './zod';
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
  id: z.string().check(z.regex(/^[a-z][a-z0-9_-]{0,23}$/, 'expected a short lowercase id such as "translate"')),
  'zh-TW': z.text(20),
  en: z.text(40),
  /**
   * From this stage on the petition is answered: the response deadline can no longer be missed,
   * so the case is not flagged overdue and gets no deadline reminders. Without any stage marked,
   * only the last (closed) one counts.
   */
  answersPetition: z.optional(z.boolean()),
});

const hhmm = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM, e.g. "09:00"'));
const count = (min: number, max?: number) => z.int().check(...(max === undefined ? [z.minimum(min)] : [z.minimum(min), z.maximum(max)]));

/**
 * A Join SOP milestone before the answer: the case should reach `stage` (or a later one) within
 * `days` calendar days of the petition passing (the last day moved to the next working day,
 * 行政程序法第48條) or within `workingDays` days offices are open. The answer's own period is
 * `responseDays`.
 */
const milestoneSchema = z.strictObject({
  stage: z.string().check(z.regex(/^[a-z][a-z0-9_-]{0,23}$/, 'expected a stage id such as "schedule"')),
  days: z.optional(count(1, 365)),
  workingDays: z.optional(count(1, 250)),
});

export const casesSchema = z.prefault(
  z.strictObject({
    stages: z._default(
      z.array(stageSchema).check(
        z.minLength(2),
        z.refine((s) => new Set(s.map((x) => x.id)).size === s.length, 'stage ids must be unique'),
      ),
      DEFAULT_STAGES,
    ),
    /** An issue reaching every configured number is announced once; null ignores that count. */
    supportThreshold: z.prefault(
      z.strictObject({
        votes: z._default(z.nullable(count(1)), 5),
        agencies: z._default(z.nullable(count(1)), 3),
      }),
      {},
    ),
    /** Days before a case's Join response deadline when the lead agency's POs are reminded. */
    deadlineReminderDays: z._default(z.array(count(0, 365)).check(z.maxLength(10)), [20, 7, 1]),
    /** Local time (configured zone) reminders for deadlines and due dates go out. */
    reminderTime: z._default(hhmm, '09:00'),
    /** Join: the responsible ministry owes a response within this many days of the petition passing. */
    responseDays: z._default(count(1, 365), 60),
    /** Unset: the central government's (core/cases/casework.settings.ts DEFAULT_MILESTONES) whose stages are configured. */
    milestones: z.optional(z.array(milestoneSchema).check(z.maxLength(10))),
    /** /report lists case deadlines within this many days. */
    reportHorizonDays: z._default(count(1, 90), 14),
    /**
     * The /report digest posted by itself once a week to the home chats (meetings.homeChats),
     * ready for the Digital Minister's Monday report to the Premier. Local time, configured zone.
     */
    weeklyReport: z.prefault(
      z.strictObject({
        enabled: z._default(z.boolean(), true),
        weekday: z._default(z.enum(WEEKDAY_NAMES), 'monday'),
        time: z._default(hhmm, '08:30'),
      }),
      {},
    ),
  }).check(
    z.superRefine((c, ctx) => {
      const ids = new Set(c.stages.map((x) => x.id));
      const answer = c.stages.find((x) => x.answersPetition)?.id;
      const seen = new Set<string>();
      (c.milestones ?? []).forEach((m, i) => {
        const path = ['milestones', i];
        const say = (message: string) => ctx.issues.push({ code: 'custom', message, input: m, path });
        if (!ids.has(m.stage)) say(`"${m.stage}" is not one of cases.stages' ids (${[...ids].join(', ')})`);
        else if (m.stage === answer) say(`the answer's period is cases.responseDays, not a milestone`);
        if ((m.days === undefined) === (m.workingDays === undefined)) say('give either "days" or "workingDays"');
        if (seen.has(m.stage)) say(`"${m.stage}" has two milestones`);
        seen.add(m.stage);
      });
    }),
  ),
  {},
);

export type CasesConfig = z.output<typeof casesSchema>;
