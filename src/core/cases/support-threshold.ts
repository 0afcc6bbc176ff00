import type { ChangeListener } from '../feature';
import type { Tally } from '../records';
import { ISSUE_RECORD } from '../issues/issue-card';
import type { CaseworkSettings } from './casework.settings';

export function reachesThreshold(tally: Tally, s: CaseworkSettings): boolean {
  const { votes, agencies } = s.supportThreshold;
  if (votes === null && agencies === null) return false;
  return (votes === null || tally.votes >= votes) && (agencies === null || tally.agencies >= agencies);
}

/**
 * After any change to an issue (a vote by reaction, button or /vote), says once in the issue's
 * chat that it reached the support threshold. The stored notice makes "once" hold across
 * retracted and re-cast votes, restarts and processes.
 */
export function supportThresholdListener(s: CaseworkSettings): ChangeListener {
  return {
    kind: ISSUE_RECORD,
    changed(ctx, record) {
      const { store } = ctx.services;
      // Every vote comes through here: the cheap checks first, the write only once.
      const tally = store.votes.tally(record.id);
      if (!reachesThreshold(tally, s) || store.cases.supportNoted(record.id)) return undefined;
      const issue = store.issues.get(record.id);
      if (!issue || issue.status !== 'open' || store.cases.isSelected(issue.id)) return undefined;
      if (!store.cases.noteSupport(issue.id, tally, ctx.now)) return undefined;
      return {
        type: 'post',
        chat: issue.chat,
        message: { text: ['📣 ', ctx.t('cases.supportReached', { id: issue.id, title: issue.title, votes: tally.votes, agencies: tally.agencies })] },
      };
    },
  };
}
