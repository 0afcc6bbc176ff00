import type { Command, Context, Reply } from '../feature';
import type { Span } from '../types';
import { UserError } from '../errors';
import { parseProposal } from './parse-proposal';
import { ISSUE_RECORD, renderIssueCard } from './issue-card';
import { parseRecordNumber } from '../input/parse-number';
import { formatDateTime } from '../../i18n/format-date';
import type { Issue, IssueOrder, IssueStatus } from '../records';
import { historyLines } from './issue-history';
import { issueMark, refuseWithdraw } from './issue-state';
import { checkPage, pageFooter, splitPage } from '../input/paging';
import { similarTitles } from './similar-titles';
import { ownKey } from '../input/own-key';

const LIST_LIMIT = 20;

export function requireIssue(ctx: Context, id: number): Issue {
  const issue = ctx.services.store.issues.get(id);
  if (!issue) throw new UserError('issues.notFound', { id });
  return issue;
}

const propose: Command = {
  name: 'propose',
  description: 'help.propose',
  handle(ctx, args) {
    if (!args.trim()) return { type: 'reply', message: { text: [ctx.t('issues.proposeUsage')] }, private: true };
    const p = parseProposal(args, ctx.services.people.agencies);
    const { store } = ctx.services;
    const issue = store.issues.create({
      title: p.title,
      details: p.details,
      petitionUrl: p.petitionUrl,
      proposerId: ctx.user.id,
      proposerAgencyId: ctx.user.agencyId,
      chat: ctx.chat,
      createdAt: ctx.now,
      agencyIds: p.agencies.map((a) => a.id),
    });
    const post: Reply = {
      type: 'post',
      message: renderIssueCard(issue, { votes: 0, agencies: 0 }, ctx.locale, ctx.services),
      show: { kind: ISSUE_RECORD, id: issue.id },
    };
    const warning = duplicateWarning(ctx, issue);
    return warning ? [post, warning] : post;
  },
};

/**
 * The card is posted anyway (only people can tell a duplicate from a neighbour), but the answer
 * names open issues with a close title and how a facilitator would merge them.
 */
function duplicateWarning(ctx: Context, issue: Issue): Reply | undefined {
  const { store } = ctx.services;
  // Open only: a withdrawn, merged or selected issue cannot be merged into.
  const others = store.issues.openTitles().filter((o) => o.id !== issue.id);
  const close = similarTitles(issue.title, others);
  if (!close.length) return undefined;
  const list = close.map((o) => ctx.t('issues.similarItem', o)).join(ctx.t('common.separator'));
  return { type: 'reply', message: { text: [ctx.t('issues.similar', { list }), ctx.t('issues.similarHint', { id: issue.id, into: close[0]!.id })] } };
}

type ListHeader = 'issues.listHeaderOpen' | 'issues.listHeaderTop' | 'issues.listHeaderMine' | 'issues.listHeaderAll';
const FILTERS: Record<string, { order: IssueOrder; header: ListHeader; status?: IssueStatus; mine?: boolean }> = {
  open: { order: 'newest', header: 'issues.listHeaderOpen', status: 'open' },
  top: { order: 'votes', header: 'issues.listHeaderTop', status: 'open' },
  mine: { order: 'newest', header: 'issues.listHeaderMine', mine: true },
  all: { order: 'newest', header: 'issues.listHeaderAll' },
};

const list: Command = {
  name: 'issues',
  description: 'help.issues',
  handle(ctx, args) {
    const { rest, page } = splitPage(args);
    const key = rest.toLowerCase() || 'open';
    const f = ownKey(FILTERS, key);
    if (!f) throw new UserError('issues.listUsage', undefined);
    const countBy = ctx.services.settings.voting.countBy;
    const order: IssueOrder = key === 'top' && countBy === 'agency' ? 'agencies' : f.order;
    const query = { status: f.status, proposerId: f.mine ? ctx.user.id : undefined, order };
    const { store } = ctx.services;
    const total = store.issues.list({ ...query, limit: 0 }).total;
    if (!total) {
      // The first issue is invited only when there is none at all; else say what is not there.
      const none = f.mine ? 'issues.listEmptyMine' : f.status === 'open' && store.issues.list({ order: 'newest', limit: 0 }).total > 0 ? 'issues.listEmptyOpen' : 'issues.listEmpty';
      return { type: 'reply', message: { text: [ctx.t(none)] }, private: true };
    }
    const p = checkPage(total, page, LIST_LIMIT, (offset) => store.issues.list({ ...query, limit: LIST_LIMIT, offset }).rows);
    const text: Span[] = [{ bold: ctx.t(f.header) }];
    for (const { issue, tally } of p.rows) {
      text.push('\n', ctx.t('issues.listLine', { id: issue.id, title: issue.title, ...tally }));
      const mark = issueMark(issue, ctx);
      if (mark) text.push(ctx.t('issues.listMark', { mark }));
    }
    const footer = pageFooter(ctx.t, p, `/issues ${key}`);
    if (footer) text.push('\n', footer);
    return { type: 'reply', message: { text } };
  },
};

const show: Command = {
  name: 'issue',
  description: 'help.issue',
  handle(ctx, args) {
    const id = parseRecordNumber(args, ctx.t('issues.issueUsage'));
    const issue = requireIssue(ctx, id);
    const { people, store, settings } = ctx.services;
    const card = renderIssueCard(issue, store.votes.tally(id), ctx.locale, ctx.services);
    const voters = store.votes.voters(id);
    const text: Span[] = [...card.text];
    text.push('\n', ctx.t('issues.detailProposedAt', { when: formatDateTime(issue.createdAt, ctx.locale, settings.timezone) }));
    if (!voters.length) text.push('\n', ctx.t('issues.detailNoVotes'));
    else {
      text.push('\n', { bold: ctx.t('issues.detailVoters') });
      const groups = new Map<string, string[]>();
      for (const v of voters) {
        const agency = people.agencies.name(v.agencyId) ?? ctx.t('agencies.unaffiliated');
        groups.set(agency, [...(groups.get(agency) ?? []), v.name]);
      }
      for (const [agency, names] of groups) text.push('\n', ctx.t('issues.voterGroup', { agency }), names.join(ctx.t('common.separator')));
    }
    text.push(...historyLines(ctx, store.issues.events(id)));
    return { type: 'reply', message: { text } };
  },
};

const withdraw: Command = {
  name: 'withdraw',
  description: 'help.withdraw',
  handle(ctx, args): Reply[] {
    const id = parseRecordNumber(args, ctx.t('issues.withdrawUsage'));
    const issue = requireIssue(ctx, id);
    if (issue.proposerId !== ctx.user.id && !ctx.isFacilitator) throw new UserError('issues.withdrawForbidden', { id });
    refuseWithdraw(issue, ctx);
    if (!ctx.services.store.issues.withdraw(id, ctx.now)) throw new UserError('issues.alreadyWithdrawn', { id });
    return [
      { type: 'refresh', record: { kind: ISSUE_RECORD, id } },
      { type: 'reply', message: { text: [ctx.t('issues.withdrawn', { id })] } },
    ];
  },
};

export const issueCommands: readonly Command[] = [propose, list, show, withdraw];
