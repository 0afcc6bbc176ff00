import type { Context, Services } from '../feature';
import type { Button, OutboundMessage, Span } from '../types';
import { parseChatRef } from '../types';
import type { Locale, Translate } from '../../i18n/catalog';
import { translator } from '../../i18n/catalog';
import { formatDateTime, formatTime } from '../../i18n/format-date';
import type { Ballot } from './ballot';
import type { CaseworkSettings } from '../cases/casework.settings';
import { rank } from './ranking';
import { votingAgencies } from './voters';

export const BALLOT_RECORD = 'ballot';
/** A button on the private ballot: adds or takes back one of the agency's votes (`<ballot>:<issue>`). */
export const BALLOT_TOGGLE = 'ballot.toggle';
/** The public card's button: shows the person their agency's ballot, privately. */
export const BALLOT_SHOW = 'ballot.show';

interface ViewCtx {
  t: Translate;
  locale: Locale;
  services: Services;
}

function title(id: number, services: Services): string {
  return services.store.issues.get(id)?.title ?? '?';
}

/** Open until closed, and not past its end (the close job may still be on its way). */
export function isOpen(b: Ballot, now: Date): boolean {
  return b.closedAt === null && now.getTime() < b.closesAt.getTime();
}

/** When it closed, or closes: a late vote is told this time. */
export function closedAt(b: Ballot): Date {
  return b.closedAt ?? b.closesAt;
}

/**
 * The one public card of a ballot, edited in place. While it is open it shows only how many
 * agencies have voted; once closed, the totals and the ranking. Never an agency's choice.
 */
export function renderBallotCard(b: Ballot, v: ViewCtx, s: CaseworkSettings): OutboundMessage {
  const { t, services } = v;
  const tz = services.settings.timezone;
  const meeting = services.store.meetings.get(b.meetingId);
  const voted = services.store.ballots.votedAgencies(b.id).size;
  const of = Math.max(votingAgencies(services, s).length, voted);
  const text: Span[] = [];
  if (b.closedAt === null) {
    text.push({ bold: '🗳️ ' + t('ballot.cardOpen', { meeting: meeting?.title ?? '?' }) });
    text.push('\n', t('ballot.cardRules', { n: b.issueIds.length, k: b.votesPerAgency }));
    for (const id of b.issueIds) text.push('\n', `#${id} `, title(id, services));
    text.push('\n', { bold: t('ballot.cardCount', { voted, of }) });
    text.push('\n', t('ballot.cardCloses', { at: formatTime(b.closesAt, tz) }));
    text.push('\n', t('ballot.cardHowTo'));
    return { text, buttons: [openBallotButton(b, t)] };
  }
  text.push({ bold: '🗳️ ' + t('ballot.cardClosed', { meeting: meeting?.title ?? '?', at: formatDateTime(b.closedAt, v.locale, tz) }) });
  text.push('\n', t('ballot.cardCount', { voted, of }));
  text.push(...rankingSpans(b, v));
  if (b.selectedAt === null) text.push('\n', t('ballot.cardSelectHint'));
  return { text };
}

/** The ranking lines: totals only, most votes first, ties marked with the rule that ordered them. */
export function rankingSpans(b: Ballot, v: ViewCtx): Span[] {
  const { t, services } = v;
  const out: Span[] = [];
  const ranking = rank(b.issueIds, services.store.ballots.totals(b.id));
  for (const r of ranking) {
    out.push('\n', t('ballot.rankLine', { place: r.place, id: r.issueId, title: title(r.issueId, services), votes: r.votes }));
    if (r.tied && r.votes > 0) out.push(' ', t('ballot.tieMark'));
  }
  if (ranking.some((r) => r.tied && r.votes > 0)) out.push('\n', t('ballot.tieRule'));
  return out;
}

/**
 * The button that shows a PO their agency's ballot: pressed where answers can be private (an
 * ephemeral ballot on Slack), or opening the private chat with the bot where they cannot
 * (Telegram's deep link, which starts that chat with /ballot).
 */
export function openBallotButton(b: Ballot, t: Translate): Button {
  return { action: BALLOT_SHOW, value: String(b.id), label: t('ballot.showButton'), privateStart: 'ballot' };
}

/** The answer where an agency's ballot must not be shown (a group whose answers everyone sees). */
export function goPrivate(b: Ballot, t: Translate, key: 'ballot.privateOnly' | 'ballot.votedHidden'): OutboundMessage {
  return { text: [t(key)], buttons: [openBallotButton(b, t)] };
}

/** One line of the ranking for the minutes and the digest: `#3 12 票、#7 9 票…`. */
export function rankingText(b: Ballot, v: ViewCtx): string {
  const ranking = rank(b.issueIds, v.services.store.ballots.totals(b.id));
  return ranking.map((r) => v.t('ballot.rankShort', { id: r.issueId, votes: r.votes, tied: r.tied && r.votes > 0 })).join(v.t('common.separator'));
}

/**
 * Whether an answer meant for one person reaches only them here: where the platform shows
 * private answers inside a group (Slack's ephemeral, the console), or in their own chat with
 * the bot. Elsewhere (a Telegram group) an agency's choice must not be answered at all.
 */
export function answerStaysPrivate(ctx: Context): boolean {
  const { platform, chatId } = parseChatRef(ctx.chat);
  return ctx.event.direct === true || chatId === ctx.actor.id || ctx.services.platforms.capabilities(platform).privateRepliesInGroups;
}

/** The agency's own ballot, for its POs only: what it chose, how many votes are left, a button per issue. */
export function privateBallot(ctx: Context, b: Ballot, agencyId: number): OutboundMessage {
  const { t, services } = ctx;
  const chosen = new Set(services.store.ballots.choices(b.id, agencyId));
  const agency = services.people.agencies.name(agencyId) ?? '?';
  const text: Span[] = [{ bold: '🗳️ ' + t('ballot.privateHeader', { agency, used: chosen.size, k: b.votesPerAgency }) }];
  const buttons: Button[] = [];
  const max = services.platforms.capabilities(parseChatRef(ctx.chat).platform).limits.buttonLabel;
  for (const id of b.issueIds) {
    const mark = chosen.has(id) ? '✅' : '⬜';
    text.push('\n', `${mark} #${id} `, title(id, services));
    const label = `${mark} #${id} ${title(id, services)}`;
    buttons.push({ action: BALLOT_TOGGLE, value: `${b.id}:${id}`, label: label.length > max ? label.slice(0, max - 1) + '…' : label });
  }
  text.push('\n', t('ballot.privateCloses', { at: formatTime(b.closesAt, services.settings.timezone) }));
  text.push('\n', t('ballot.privateHowTo', { k: b.votesPerAgency }));
  return { text, buttons };
}

/** A card renderer for the feature: the ballot by id. */
export function ballotCardRenderer(s: CaseworkSettings) {
  return (id: number, locale: Locale, services: Services): OutboundMessage | undefined => {
    const b = services.store.ballots.get(id);
    return b && renderBallotCard(b, { t: translator(locale), locale, services }, s);
  };
}
