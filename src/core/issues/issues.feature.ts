import type { Feature } from '../feature';
import { issueCommands } from './issues.commands';
import { ISSUE_RECORD, renderIssueById } from './issue-card';
import { editCommand } from './edit.command';
import { mergeCommand } from './merge.command';

export const issuesFeature: Feature = {
  name: 'issues',
  commands: [...issueCommands, editCommand, mergeCommand],
  cards: { [ISSUE_RECORD]: renderIssueById },
};
