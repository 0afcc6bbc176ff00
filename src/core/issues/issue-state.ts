import type { Translate, Locale } from '../../i18n/catalog';
import type { Services } from '../feature';
import type { Issue } from '../records';
import type { Span } from '../types';
import { UserError } from '../errors';
import { formatCaseNumber } from '../cases/case-number';
import { slateMark } from '../ballot/slate-marks';

interface StateCtx {
  t: Translate;
  locale: Locale;
  services: Services;
}

/** The case an issue became, as people name it (第一案), with its number for `/case N`. */
function caseOf(issue: Issue, services: Services, locale: Locale): { name: string; n: number } {
  const c = services.store.cases.byIssue(issue.id);
  return c ? { name: formatCaseNumber(c.number, locale), n: c.number } : { name: '?', n: 0 };
}

// One place says what each issue state means wherever issues are shown: cards, /issue,
// /issues, agendas, the digest. A new state (merged, …) adds a case to each switch below;
// the `never` checks make the compiler point at every one.

/** The mark beside an issue in lists and on its card's title line; none for an open issue. */
export function issueMark(issue: Issue, ctx: StateCtx): string | undefined {
  switch (issue.status) {
    case 'open':
      // Still open, but the 月會 said something of it: 部會自行處理 or 本月未選定.
      return slateMark(issue.id, ctx.services, ctx.t);
    case 'withdrawn':
      return ctx.t('issues.statusWithdrawn');
    case 'merged':
      return ctx.t('issues.statusMerged', { into: issue.mergedInto! });
    case 'selected':
      return ctx.t('issues.statusSelected', caseOf(issue, ctx.services, ctx.locale));
    default:
      return unknownState(issue.status);
  }
}

/** What a card adds after its title for an issue that takes no more votes (it then shows no vote line or button). */
export function cardStateSpans(issue: Issue, ctx: StateCtx): Span[] {
  switch (issue.status) {
    case 'open':
      return [];
    case 'withdrawn':
      return [' ', ctx.t('issues.cardWithdrawn')];
    case 'merged': {
      const target = ctx.services.store.issues.get(issue.mergedInto!);
      return ['\n', { bold: ctx.t('issues.cardMerged', { into: issue.mergedInto!, title: target?.title ?? '?' }) }];
    }
    case 'selected':
      return [' ', ctx.t('issues.cardSelected', caseOf(issue, ctx.services, ctx.locale))];
    default:
      return unknownState(issue.status);
  }
}

export function takesVotes(issue: Issue): boolean {
  return issue.status === 'open';
}

/** A merged card's votes moved to its target: a count there would only say 0. */
export function showsTally(issue: Issue): boolean {
  return issue.status !== 'merged';
}

/** Why a vote on this issue is refused (a reaction is ignored instead: it cannot be answered). */
export function refuseVote(issue: Issue, ctx: StateCtx): never {
  switch (issue.status) {
    case 'selected':
      throw new UserError('votes.selected', { id: issue.id, ...caseOf(issue, ctx.services, ctx.locale) });
    case 'merged':
      throw new UserError('votes.merged', { id: issue.id, into: issue.mergedInto! });
    default:
      throw new UserError('votes.closed', { id: issue.id });
  }
}

/** Why this issue cannot be withdrawn, if it cannot: a case is ended through the case, not by withdrawing its issue. */
export function refuseWithdraw(issue: Issue, ctx: StateCtx): void {
  switch (issue.status) {
    case 'open':
      return;
    case 'withdrawn':
      throw new UserError('issues.alreadyWithdrawn', { id: issue.id });
    case 'selected':
      throw new UserError('issues.withdrawSelected', { id: issue.id, ...caseOf(issue, ctx.services, ctx.locale) });
    case 'merged':
      throw new UserError('issues.mergeAlready', { id: issue.id, into: issue.mergedInto! });
    default:
      unknownState(issue.status);
  }
}

function unknownState(s: never): never {
  throw new Error(`issue state ${String(s)} has no rendering`);
}
