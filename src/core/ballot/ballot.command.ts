import type { Command, Context, Reply } from '../feature';
import type { Span } from '../types';
import type { Ballot } from './ballot';
import { UserError } from '../errors';
import { foldWidth } from '../input/ime';
import { parseDuration } from '../input/duration';
import { requireFacilitator } from '../cases/roles';
import type { CaseworkSettings } from '../cases/casework.settings';
import { SELECT_MAX, selectIssues } from '../cases/select.command';
import { ISSUE_RECORD } from '../issues/issue-card';
import { formatTime } from '../../i18n/format-date';
import { DEFAULT_SELECT, MAX_BALLOT_MS, MIN_BALLOT_MS, type BallotSettings } from './ballot.settings';
import { BALLOT_RECORD, answerStaysPrivate, closedAt, goPrivate, isOpen, privateBallot, rankingText } from './ballot-view';
import { CLOSE_JOB, closeJobKey, closedReplies } from './ballot-close';
import { NUDGE_JOB, nudgeJobKey } from './ballot-nudge';
import { slateMeeting } from './slate-meeting';
import { voterAgency } from './voters';
import { minutesLine } from './ballot-minutes';
import { rank } from './ranking';

const VOTES_MAX = 20;
const CLEAR_WORDS = new Set(['none', '0', '清除', '無']);

function time(ctx: Context, d: Date): string {
  return formatTime(d, ctx.services.settings.timezone);
}

/** `10m`, `1h`, `votes 3`, `3票`, in any order; anything else is refused with the usage. */
function parseOpen(ctx: Context, rest: string, bs: BallotSettings): { ms: number; k: number } {
  const words = foldWidth(rest).toLowerCase().split(/\s+/).filter(Boolean);
  let ms: number | undefined;
  let k: number | undefined;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const votes = /^(?:votes?=?(\d{1,3})|(\d{1,3})票)$/.exec(w);
    if ((w === 'votes' || w === 'vote') && /^\d{1,3}$/.test(words[i + 1] ?? '')) k = Number(words[++i]);
    else if (votes) k = Number(votes[1] ?? votes[2]);
    else if (/^\d{1,4}$/.test(w)) ms = Number(w) * 60_000;
    else if (/^\d{1,4}分鐘?$/.test(w)) ms = parseInt(w, 10) * 60_000;
    else if (parseDuration(w) !== undefined) ms = parseDuration(w);
    else throw new UserError('ballot.openUsage', { minutes: bs.minutes, k: bs.votesPerAgency });
  }
  ms ??= bs.minutes * 60_000;
  k ??= bs.votesPerAgency;
  if (ms < MIN_BALLOT_MS || ms > MAX_BALLOT_MS) throw new UserError('ballot.badDuration', undefined);
  if (k < 1 || k > VOTES_MAX) throw new UserError('ballot.badVotes', { max: VOTES_MAX });
  return { ms, k };
}

function open(ctx: Context, rest: string, bs: BallotSettings): Reply[] {
  requireFacilitator(ctx);
  const { ms, k } = parseOpen(ctx, rest, bs);
  const { store } = ctx.services;
  const running = store.ballots.current();
  if (running) throw new UserError('ballot.alreadyOpen', { at: time(ctx, running.closesAt) });
  const m = slateMeeting(ctx);
  if (store.ballots.latestFor(m.id)) throw new UserError('ballot.alreadyHeld', { id: m.id, title: m.title });
  const slate = store.ballots.slate(m.id);
  // An issue that became a case or was withdrawn since it was put up is no longer voted on.
  const issueIds = slate.filter((e) => e.state === 'on' && store.issues.get(e.issueId)?.status === 'open').map((e) => e.issueId);
  if (!issueIds.length) throw new UserError('ballot.nothingToVote', { id: m.id, title: m.title });
  const closesAt = new Date(ctx.now.getTime() + ms);
  const b = store.ballots.open({ meetingId: m.id, chat: ctx.chat, openedBy: ctx.user.id, openedAt: ctx.now, closesAt, votesPerAgency: k, issueIds });
  if (!b) throw new UserError('ballot.alreadyOpen', { at: '?' });
  store.jobs.schedule({ kind: CLOSE_JOB, key: closeJobKey(b.id), dueAt: closesAt, payload: { chat: b.chat, ballotId: b.id } });
  store.jobs.schedule({ kind: NUDGE_JOB, key: nudgeJobKey(b.id), dueAt: new Date(ctx.now.getTime() + Math.floor(ms / 2)), payload: { chat: b.chat, ballotId: b.id } });
  const handled = slate.filter((e) => e.state === 'handled').map((e) => ctx.t('ballot.handledShort', { id: e.issueId, agency: ctx.services.people.agencies.name(e.handledAgencyId) ?? '?' }));
  const line = ctx.t('ballot.minutesOpened', { ids: issueIds.map((id) => `#${id}`).join(ctx.t('common.separator')), k, minutes: Math.round(ms / 60_000), at: time(ctx, closesAt) });
  minutesLine(ctx.services, ctx.chat, { kind: 'decision', text: handled.length ? `${line}${ctx.t('ballot.minutesHandled', { list: handled.join(ctx.t('common.separator')) })}` : line, userId: ctx.user.id, at: ctx.now });
  return [{ type: 'post', message: ctx.services.cards.render({ kind: BALLOT_RECORD, id: b.id }, ctx.locale)!, show: { kind: BALLOT_RECORD, id: b.id } }];
}

/** The ballot a vote is for: the open one; after close, the answer says when it closed. */
export function ballotForVote(ctx: Context): Ballot {
  const b = ctx.services.store.ballots.current() ?? ctx.services.store.ballots.latest();
  if (!b) throw new UserError('ballot.noneOpen', undefined);
  if (!isOpen(b, ctx.now)) throw new UserError('ballot.closedAt', { at: time(ctx, closedAt(b)) });
  return b;
}

/** What a PO is answered after a vote: their agency's ballot where only they see it, else only that it counted. */
export function afterVote(ctx: Context, b: Ballot, agencyId: number, head: string): Reply[] {
  const refresh: Reply = { type: 'refresh', record: { kind: BALLOT_RECORD, id: b.id } };
  if (!answerStaysPrivate(ctx)) return [refresh, { type: 'reply', message: goPrivate(b, ctx.t, 'ballot.votedHidden'), private: true }];
  const view = privateBallot(ctx, b, agencyId);
  // In the person's own chat with the bot the new ballot is a message of its own (a button press
  // there would otherwise only get a passing notice, under a ballot that still shows the old choice).
  return [refresh, { type: 'reply', message: { ...view, text: [head, '\n', ...view.text] }, private: ctx.event.direct !== true }];
}

function vote(ctx: Context, rest: string): Reply[] {
  const words = foldWidth(rest).split(/[\s,，、]+/).filter(Boolean);
  if (!words.length) throw new UserError('ballot.voteUsage', undefined);
  const b = ballotForVote(ctx);
  const agencyId = voterAgency(ctx);
  const ids: number[] = [];
  if (!(words.length === 1 && CLEAR_WORDS.has(words[0]!.toLowerCase()))) {
    for (const w of words) {
      const m = /^#?(\d{1,9})$/.exec(w);
      if (!m) throw new UserError('common.notANumber', { usage: ctx.t('ballot.voteUsage') });
      const id = Number(m[1]);
      if (ids.includes(id)) throw new UserError('ballot.voteTwice', { id });
      if (!b.issueIds.includes(id)) throw new UserError('ballot.notOnBallot', { id, list: b.issueIds.map((i) => `#${i}`).join(' ') });
      ids.push(id);
    }
  }
  if (ids.length > b.votesPerAgency) throw new UserError('ballot.tooMany', { k: b.votesPerAgency, n: ids.length });
  ctx.services.store.ballots.setChoices(b.id, agencyId, ids, ctx.user.id, ctx.now);
  return afterVote(ctx, b, agencyId, ctx.t(ids.length ? 'ballot.votedHead' : 'ballot.clearedHead'));
}

function close(ctx: Context): Reply[] {
  requireFacilitator(ctx);
  const { store } = ctx.services;
  const b = store.ballots.current();
  if (!b || !store.ballots.close(b.id, ctx.now, ctx.user.id)) throw new UserError('ballot.noneOpen', undefined);
  store.jobs.cancel(closeJobKey(b.id));
  store.jobs.cancel(nudgeJobKey(b.id));
  return closedReplies(store.ballots.get(b.id)!, ctx, ctx.user.id);
}

/** /ballot select [K]: the ranking's top K become numbered cases through /select's own path. */
function select(ctx: Context, rest: string, s: CaseworkSettings): Reply[] {
  requireFacilitator(ctx);
  const arg = foldWidth(rest.trim());
  if (arg && !/^\d{1,3}$/.test(arg)) throw new UserError('ballot.selectUsage', { n: DEFAULT_SELECT });
  const k = arg ? Number(arg) : DEFAULT_SELECT;
  if (k < 1 || k > SELECT_MAX) throw new UserError('ballot.selectRange', { max: SELECT_MAX });
  const { store } = ctx.services;
  const b = store.ballots.current() ?? store.ballots.latest();
  if (!b) throw new UserError('ballot.noBallot', undefined);
  if (b.closedAt === null) throw new UserError('ballot.selectWhileOpen', { at: time(ctx, b.closesAt) });
  if (b.selectedAt !== null) throw new UserError('ballot.alreadySelected', undefined);
  const ranking = rank(b.issueIds, store.ballots.totals(b.id)).filter((r) => r.votes > 0);
  if (!ranking.length) throw new UserError('ballot.noVotes', undefined);
  const picked = ranking.slice(0, k).map((r) => r.issueId);
  const out = selectIssues(ctx, picked, s);
  store.ballots.markSelected(b.id, ctx.now);
  const unselected: number[] = [];
  for (const e of store.ballots.slate(b.meetingId)) {
    if (picked.includes(e.issueId)) store.ballots.setState(b.meetingId, e.issueId, 'selected');
    else if (e.state === 'on') {
      store.ballots.setState(b.meetingId, e.issueId, 'unselected');
      unselected.push(e.issueId);
    }
  }
  const text: Span[] = [ctx.t('ballot.selectedFrom', { ranking: rankingText(b, ctx) })];
  if (picked.length < k) text.push('\n', ctx.t('ballot.selectedFewer', { k, n: picked.length }));
  if (unselected.length) {
    const list = unselected.map((id) => `#${id}`).join(ctx.t('common.separator'));
    text.push('\n', ctx.t('ballot.unselected', { list }));
    minutesLine(ctx.services, ctx.chat, { kind: 'decision', text: ctx.t('ballot.unselected', { list }), userId: ctx.user.id, at: ctx.now });
  }
  return [
    ...out,
    { type: 'post', message: { text } },
    { type: 'refresh', record: { kind: BALLOT_RECORD, id: b.id } },
    ...unselected.map((id): Reply => ({ type: 'refresh', record: { kind: ISSUE_RECORD, id } })),
  ];
}

function status(ctx: Context): Reply {
  const { store } = ctx.services;
  const b = store.ballots.current() ?? store.ballots.latest();
  if (!b) return { type: 'reply', message: { text: [ctx.t('ballot.noBallot')] }, private: true };
  if (!isOpen(b, ctx.now)) return { type: 'reply', message: ctx.services.cards.render({ kind: BALLOT_RECORD, id: b.id }, ctx.locale)! };
  const agencyId = voterAgency(ctx);
  if (!answerStaysPrivate(ctx)) return { type: 'reply', message: goPrivate(b, ctx.t, 'ballot.privateOnly'), private: true };
  return { type: 'reply', message: privateBallot(ctx, b, agencyId), private: true };
}

/** /ballot: the 月會's timed per-agency ballot on the slate, hidden until it closes. */
export function ballotCommand(s: CaseworkSettings, bs: BallotSettings): Command {
  return {
    name: 'ballot',
    description: 'ballot.helpBallot',
    handle(ctx, args) {
      const [, sub = '', rest = ''] = /^(\S*)\s*([\s\S]*)$/.exec(args.trim())!;
      switch (sub.toLowerCase()) {
        case '':
          return status(ctx);
        case 'open':
          return open(ctx, rest, bs);
        case 'vote':
          return vote(ctx, rest);
        case 'close':
          return close(ctx);
        case 'select':
          return select(ctx, rest, s);
        default:
          throw new UserError('ballot.usage', undefined);
      }
    },
  };
}
