import type { Feature } from '../feature';
import type { CaseworkSettings } from './casework.settings';
import { selectCommand } from './select.command';
import { caseCommand } from './case.command';
import { casesListCommand } from './cases-list.command';
import { whoisCommand } from './whois.command';
import { deadlineReminderJob } from './deadline-reminders';
import { supportThresholdListener } from './support-threshold';
import { ballotSilenceContributor, caseProgressContributor, selectedHereContributor } from './cases.agenda';

/** Cases: selection, lead/co-agencies, stages, Join deadlines and their reminders. */
export function casesFeature(s: CaseworkSettings): Feature {
  return {
    name: 'cases',
    commands: [selectCommand(s), caseCommand(s), casesListCommand(s), whoisCommand(s)],
    jobs: [deadlineReminderJob(s)],
    changes: [supportThresholdListener(s)],
    agenda: [caseProgressContributor(s), selectedHereContributor(), ballotSilenceContributor()],
  };
}
