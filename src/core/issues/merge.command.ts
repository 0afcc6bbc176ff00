import type { Command, Context, Reply } from '../feature';
import type { Issue } from '../records';
import type { Span } from '../types';
import { UserError } from '../errors';
import { ISSUE_RECORD } from './issue-card';
import { requireIssue } from './issues.commands';
import { formatCaseNumber } from '../cases/case-number';
import { requireFacilitator } from '../cases/roles';

function parseTwo(args: string, usage: string): [number, number] {
  const words = args.normalize('NFKC').split(/[\s,，、→>]+/).filter(Boolean);
  const nums = words.map((w) => /^#?(\d{1,9})$/.exec(w)?.[1]);
  if (nums.length !== 2 || nums.some((n) => n === undefined)) throw new UserError('common.notANumber', { usage });
  return [Number(nums[0]), Number(nums[1])];
}

function refuseIfCase(ctx: Context, issue: Issue): void {
  const c = ctx.services.store.cases.byIssue(issue.id);
  if (c) throw new UserError('issues.mergeSelected', { id: issue.id, name: formatCaseNumber(c.number, ctx.locale) });
}

/**
 * Where a merge into `into` really lands: a merged target is followed to the issue it went
 * into, so votes never end on a closed card. Reaching `from` on the way means a loop.
 */
function resolveTarget(ctx: Context, from: number, into: Issue): Issue {
  let target = into;
  const seen = new Set<number>();
  while (target.status === 'merged' && target.mergedInto !== null) {
    if (target.mergedInto === from) throw new UserError('issues.mergeLoop', { from, into: into.id });
    if (seen.has(target.id)) throw new Error(`issue merge chain loops at #${target.id}`);
    seen.add(target.id);
    target = requireIssue(ctx, target.mergedInto);
  }
  return target;
}

/**
 * /merge <from> <into> (facilitators): the source is closed as merged and each person's vote
 * moves to the target once; both issues keep the merge in their history and the digest lists
 * it. Selected issues (cases) are never merged: a case has its own number and timeline.
 */
export const mergeCommand: Command = {
  name: 'merge',
  description: 'help.merge',
  handle(ctx, args): Reply[] {
    requireFacilitator(ctx);
    if (!args.trim()) throw new UserError('issues.mergeUsage', undefined);
    const [fromId, intoId] = parseTwo(args, ctx.t('issues.mergeUsage'));
    if (fromId === intoId) throw new UserError('issues.mergeSelf', { id: fromId });
    const from = requireIssue(ctx, fromId);
    const named = requireIssue(ctx, intoId);
    if (from.status === 'merged') throw new UserError('issues.mergeAlready', { id: from.id, into: from.mergedInto! });
    if (from.status === 'withdrawn') throw new UserError('issues.mergeWithdrawn', { id: from.id });
    const into = resolveTarget(ctx, from.id, named);
    if (into.status === 'withdrawn') throw new UserError('issues.mergeWithdrawn', { id: into.id });
    refuseIfCase(ctx, from);
    refuseIfCase(ctx, into);

    const { store } = ctx.services;
    if (!store.issues.markMerged(from.id, into.id, ctx.now)) throw new UserError('issues.mergeAlready', { id: from.id, into: into.id });
    const { moved, overlap } = store.votes.move(from.id, into.id);
    // The concern now lives on one card: it keeps the source's agencies and petition too.
    const agencyIds = [...new Set([...into.agencyIds, ...from.agencyIds])].sort((a, b) => a - b);
    const petitionUrl = into.petitionUrl ?? from.petitionUrl;
    if (agencyIds.length !== into.agencyIds.length || petitionUrl !== into.petitionUrl) {
      store.issues.edit(into.id, { title: into.title, details: into.details, petitionUrl, agencyIds });
    }
    const by = { actorId: ctx.user.id, at: ctx.now };
    store.issues.addEvent(from.id, { kind: 'mergedInto', into: into.id, title: into.title, moved, overlap }, by);
    store.issues.addEvent(into.id, { kind: 'mergedFrom', from: from.id, title: from.title, moved, overlap }, by);

    const tally = store.votes.tally(into.id);
    const text: Span[] = [ctx.t('issues.merged', { from: from.id, into: into.id, title: into.title, moved, overlap, ...tally })];
    if (into.id !== named.id) text.push(' ', ctx.t('issues.mergeRedirected', { id: named.id, end: into.id }));
    return [
      { type: 'refresh', record: { kind: ISSUE_RECORD, id: from.id } },
      { type: 'refresh', record: { kind: ISSUE_RECORD, id: into.id } },
      { type: 'reply', message: { text } },
    ];
  },
};
