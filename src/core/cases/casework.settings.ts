import type { Locale } from '../../i18n/catalog';
import type { Platform } from '../types';
import type { AgencyDirectory } from '../people/agency-match';
import type { CasesConfig } from '../../config/cases.schema';
import { WEEKDAY_NAMES } from '../input/date-words';

export interface Stage {
  id: string;
  label: Readonly<Record<Locale, string>>;
  /** From this stage on the petition is answered (see cases.schema.ts). */
  answersPetition: boolean;
}

/** A Join SOP milestone before the answer: reach `stage` within `count` days or working days of passing. */
export interface MilestoneRule {
  stage: string;
  count: number;
  unit: 'days' | 'workingDays';
}

/** The central government's Join SOP: schedule published in 7 days, proposer contacted in 14 working days. */
export const DEFAULT_MILESTONES: NonNullable<CasesConfig['milestones']> = [
  { stage: 'schedule', days: 7 },
  { stage: 'proposer', workingDays: 14 },
];

/** A roster person (config), known by platform id before they ever write in the chat. */
export interface RosterPerson {
  platform: Platform;
  id: string;
  name: string;
  agencyId: number;
}

/** What the cases, follow-up, minutes and report features need from the configuration. */
export interface CaseworkSettings {
  stages: readonly Stage[];
  supportThreshold: { votes: number | null; agencies: number | null };
  deadlineReminderDays: readonly number[];
  reminderTime: string;
  responseDays: number;
  /** In stage order; the answer (`responseDays`, the case's deadline) is not among them. */
  milestones: readonly MilestoneRule[];
  reportHorizonDays: number;
  /** When the digest posts itself: weekday 0 = Sunday, local HH:MM; null when switched off. */
  weeklyReport: { weekday: number; time: string } | null;
  roster: readonly RosterPerson[];
}

export function caseworkSettings(
  cases: CasesConfig,
  roster: readonly { user: string; agency: string; name?: string }[],
  agencies: AgencyDirectory,
): CaseworkSettings {
  const people: RosterPerson[] = [];
  for (const r of roster) {
    const agency = agencies.find(r.agency);
    const i = r.user.indexOf(':');
    if (!agency || i < 0) continue;
    const id = r.user.slice(i + 1);
    people.push({ platform: r.user.slice(0, i) as Platform, id, name: r.name ?? id, agencyId: agency.id });
  }
  return {
    stages: cases.stages.map((s) => ({ id: s.id, label: { 'zh-TW': s['zh-TW'], en: s.en }, answersPetition: s.answersPetition ?? false })),
    supportThreshold: cases.supportThreshold,
    deadlineReminderDays: [...new Set(cases.deadlineReminderDays)].sort((a, b) => b - a),
    reminderTime: cases.reminderTime,
    responseDays: cases.responseDays,
    milestones: (cases.milestones ?? DEFAULT_MILESTONES.filter((m) => cases.stages.some((x) => x.id === m.stage)))
      .map((m): MilestoneRule => (m.workingDays !== undefined ? { stage: m.stage, count: m.workingDays, unit: 'workingDays' } : { stage: m.stage, count: m.days!, unit: 'days' }))
      .sort((a, b) => cases.stages.findIndex((x) => x.id === a.stage) - cases.stages.findIndex((x) => x.id === b.stage)),
    reportHorizonDays: cases.reportHorizonDays,
    weeklyReport: cases.weeklyReport.enabled ? { weekday: WEEKDAY_NAMES.indexOf(cases.weeklyReport.weekday), time: cases.weeklyReport.time } : null,
    roster: people,
  };
}
