import type { Feature } from '../feature';
import type { CaseworkSettings } from '../cases/casework.settings';
import { reportCommand } from './weekly-digest';
import { exportCommand } from './export.command';
import { weeklyReportJob } from './weekly-report.job';
import type { ChatRef } from '../types';

/**
 * Data out: the weekly digest (on demand and posted by itself each week to `homeChats`) and
 * exports of issues, cases and follow-up items.
 */
export function reportsFeature(s: CaseworkSettings, homeChats: () => readonly ChatRef[]): Feature {
  return { name: 'reports', commands: [reportCommand(s), exportCommand(s)], jobs: [weeklyReportJob(s, homeChats)] };
}
