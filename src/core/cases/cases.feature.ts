import type { Feature } from '../feature';
import type { CaseworkSettings } from './casework.settings';
import { selectCommand } from './select.command';
import { caseCommand } from './case.command';
import { casesListCommand } from './cases-list.command';
import { whoisCommand } from './whois.command';
import { calendarCommand } from './calendar-close.command';
import { deadlinePassedJob, deadlineReminderJob } from './deadline-reminders';
import { milestoneMissedJob, milestoneNudgeJob } from './milestone-nudges';
import type { ChatRef } from '../types';
import { supportThresholdListener } from './support-threshold';
import { ballotSilenceContributor, caseProgressContributor, selectedHereContributor } from './cases.agenda';

/** Cases: selection, lead/co-agencies, stages, Join deadlines and their reminders. */
export function casesFeature(s: CaseworkSettings, homeChats: () => readonly ChatRef[]): Feature {
  return {
    name: 'cases',
    commands: [selectCommand(s), caseCommand(s), casesListCommand(s), whoisCommand(s), calendarCommand(s)],
    jobs: [deadlineReminderJob(s), deadlinePassedJob(s, homeChats), milestoneNudgeJob(s), milestoneMissedJob(s, homeChats)],
    changes: [supportThresholdListener(s)],
    agenda: [caseProgressContributor(s), selectedHereContributor(), ballotSilenceContributor()],
  };
}
