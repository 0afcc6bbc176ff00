import type { Feature } from '../feature';
import { issueCommands } from './issues.commands';
import { ISSUE_RECORD, renderIssueById } from './issue-card';

export const issuesFeature: Feature = {
  name: 'issues',
  commands: issueCommands,
  cards: { [ISSUE_RECORD]: renderIssueById },
};
