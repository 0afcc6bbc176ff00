import type { Feature } from '../feature';
import type { CaseworkSettings } from '../cases/casework.settings';
import { actionCommand, actionsListCommand, doneCommand } from './actions.commands';
import { dueReminderJob } from './due-reminders';
import { followUpsContributor } from './actions.agenda';

/** Follow-up items (列管): created at meetings, reminded on their due date, released by /done. */
export function actionsFeature(s: CaseworkSettings): Feature {
  return {
    name: 'actions',
    commands: [actionCommand(s), doneCommand(), actionsListCommand()],
    jobs: [dueReminderJob(s)],
    agenda: [followUpsContributor],
  };
}
