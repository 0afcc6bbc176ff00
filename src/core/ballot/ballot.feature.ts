import type { Feature } from '../feature';
import type { CaseworkSettings } from '../cases/casework.settings';
import type { BallotSettings } from './ballot.settings';
import { slateCommand } from './slate.command';
import { ballotCommand } from './ballot.command';
import { BALLOT_RECORD, ballotCardRenderer } from './ballot-view';
import { closeJob } from './ballot-close';
import { nudgeJob } from './ballot-nudge';
import { showBallotButton, toggleBallotButton } from './ballot-buttons';
import { slateContributor } from './ballot.agenda';

/** The 月會 selection: the slate, 部會自行處理, the timed per-agency ballot and its ranking → cases. */
export function ballotFeature(s: CaseworkSettings, bs: BallotSettings): Feature {
  return {
    name: 'ballot',
    commands: [slateCommand(s), ballotCommand(s, bs)],
    buttons: [showBallotButton, toggleBallotButton],
    cards: { [BALLOT_RECORD]: ballotCardRenderer(s) },
    jobs: [closeJob, nudgeJob(s)],
    agenda: [slateContributor],
  };
}
