import type { Translation } from '../translation';
import type { votes as zh } from '../zh-TW/votes';
import { agenciesN, votesN } from './plural';

export const votes: Translation<typeof zh> = {
  voteUsage: 'Usage: /vote <issue number>, e.g. /vote 12',
  unvoteUsage: 'Usage: /unvote <issue number>, e.g. /unvote 12',
  cast: (p) => `You voted for issue #${p.id} (now ${votesN(p.votes)} from ${agenciesN(p.agencies)}).`,
  already: (p) => `You already voted for issue #${p.id}; one vote per person, it is not counted twice.`,
  withdrawn: (p) => `Your vote for issue #${p.id} was withdrawn.`,
  notVoted: (p) => `You have not voted for issue #${p.id}.`,
  closed: (p) => `Issue #${p.id} was withdrawn and no longer takes votes.`,
  merged: (p) => `Issue #${p.id} was merged into issue #${p.into}; vote there with /vote ${p.into}.`,
  selected: (p) => `Issue #${p.id} was selected as ${p.name} and takes no more votes. Its progress: /case ${p.n}.`,
  noAgencyHint: 'Note: you have not registered an agency (/iam <agency>); per-agency counting will not include this vote.',
};
