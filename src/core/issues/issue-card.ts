import type { OutboundMessage, Span } from '../types';
import type { Locale } from '../../i18n/catalog';
import { translator } from '../../i18n/catalog';
import type { Services } from '../feature';
import type { Issue, Tally } from '../records';
import { cardStateSpans, showsTally, takesVotes } from './issue-state';
import { pageLink } from '../web-links';
import { slateMark } from '../ballot/slate-marks';

export const ISSUE_RECORD = 'issue';
export const VOTE_BUTTON = 'vote';

function agencyList(ids: readonly number[], services: Services, sep: string): string {
  return ids.map((id) => services.people.agencies.name(id) ?? '?').join(sep);
}

/** The issue card: what it is, who raised it, who it concerns, how many support it, how to vote. */
export function renderIssueCard(issue: Issue, tally: Tally, locale: Locale, services: Services): OutboundMessage {
  const t = translator(locale);
  const sep = t('common.separator');
  const proposer = services.people.get(issue.proposerId);
  const proposerAgency = services.people.agencies.name(issue.proposerAgencyId);
  const text: Span[] = [{ bold: t('issues.cardTitle', { id: issue.id }) + issue.title }];
  text.push(...cardStateSpans(issue, { t, locale, services }));
  const mark = takesVotes(issue) ? slateMark(issue.id, services, t) : undefined;
  if (mark) text.push(' ', mark);
  text.push('\n', t('issues.cardProposer'), proposer?.name ?? '?');
  if (proposerAgency) text.push(locale === 'zh-TW' ? `（${proposerAgency}）` : ` (${proposerAgency})`);
  if (issue.agencyIds.length) text.push('\n', t('issues.cardAgencies'), agencyList(issue.agencyIds, services, sep));
  if (issue.petitionUrl) text.push('\n', t('issues.cardPetition'), { link: issue.petitionUrl, text: issue.petitionUrl });
  if (issue.details) text.push('\n', t('issues.cardDetails'), issue.details);
  if (showsTally(issue)) {
    text.push('\n', t('issues.cardTally', tally));
    if (services.settings.voting.countBy === 'agency') text.push(' ', t('issues.cardCountingAgency'));
    // Linked accounts (/link) that had both voted: the tally went down by one each, and says why.
    const joined = services.store.issues.events(issue.id).filter((e) => e.detail.kind === 'votesJoined').length;
    if (joined) text.push('\n', t('accounts.cardJoined', { n: joined }));
  }
  text.push(...pageLink(services, t, `/issues/${issue.id}`));
  if (takesVotes(issue)) {
    text.push('\n', t('issues.cardHowToVote', { id: issue.id, emoji: services.settings.voting.emoji }));
    return { text, buttons: [{ action: VOTE_BUTTON, value: String(issue.id), label: `${services.settings.voting.emoji} +1` }] };
  }
  return { text };
}

export function renderIssueById(id: number, locale: Locale, services: Services): OutboundMessage | undefined {
  const issue = services.store.issues.get(id);
  return issue ? renderIssueCard(issue, services.store.votes.tally(id), locale, services) : undefined;
}
