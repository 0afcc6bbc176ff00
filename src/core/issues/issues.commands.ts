import type { Command, Context, Reply } from '../feature';
import type { Span } from '../types';
import { UserError } from '../errors';
import { parseProposal } from './parse-proposal';
import { ISSUE_RECORD, renderIssueCard } from './issue-card';
import { parseRecordNumber } from '../input/parse-number';
import { formatDateTime } from '../../i18n/format-date';
import type { Issue, IssueOrder } from '../records';
import { historyLines } from './issue-history';

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
    return {
      type: 'post',
      message: renderIssueCard(issue, { votes: 0, agencies: 0 }, ctx.locale, ctx.services),
      show: { kind: ISSUE_RECORD, id: issue.id },
    };
  },
};

const FILTERS: Record<string, { order: IssueOrder; header: 'issues.listHeaderOpen' | 'issues.listHeaderTop' | 'issues.listHeaderMine' }> = {
  open: { order: 'newest', header: 'issues.listHeaderOpen' },
  top: { order: 'votes', header: 'issues.listHeaderTop' },
  mine: { order: 'newest', header: 'issues.listHeaderMine' },
};

const list: Command = {
  name: 'issues',
  description: 'help.issues',
  handle(ctx, args) {
    const key = args.trim().toLowerCase() || 'open';
    const f = FILTERS[key];
    if (!f) throw new UserError('issues.listUsage', undefined);
    const countBy = ctx.services.settings.voting.countBy;
    const order: IssueOrder = key === 'top' && countBy === 'agency' ? 'agencies' : f.order;
    const { rows, total } = ctx.services.store.issues.list({
      status: key === 'mine' ? undefined : 'open',
      proposerId: key === 'mine' ? ctx.user.id : undefined,
      order,
      limit: LIST_LIMIT,
    });
    if (!rows.length) return { type: 'reply', message: { text: [ctx.t('issues.listEmpty')] }, private: true };
    const text: Span[] = [{ bold: ctx.t(f.header) }];
    for (const { issue, tally } of rows) {
      text.push('\n', ctx.t('issues.listLine', { id: issue.id, title: issue.title, ...tally }));
      if (issue.status === 'withdrawn') text.push(` (${ctx.t('issues.statusWithdrawn')})`);
      if (issue.status === 'merged') text.push(` (${ctx.t('issues.statusMerged', { into: issue.mergedInto! })})`);
    }
    if (total > rows.length) text.push('\n', ctx.t('common.listMore', { n: total - rows.length }));
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
    if (issue.status === 'merged') throw new UserError('issues.mergeAlready', { id, into: issue.mergedInto! });
    if (!ctx.services.store.issues.withdraw(id, ctx.now)) throw new UserError('issues.alreadyWithdrawn', { id });
    return [
      { type: 'refresh', record: { kind: ISSUE_RECORD, id } },
      { type: 'reply', message: { text: [ctx.t('issues.withdrawn', { id })] } },
    ];
  },
};

export const issueCommands: readonly Command[] = [propose, list, show, withdraw];
