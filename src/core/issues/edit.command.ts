import type { Command, Context, Reply } from '../feature';
import type { Issue, IssueContent } from '../records';
import { UserError } from '../errors';
import { parseProposal } from './parse-proposal';
import { ISSUE_RECORD } from './issue-card';
import { requireIssue } from './issues.commands';
import { formatCaseNumber } from '../cases/case-number';
import { changedFields, fieldNames } from './issue-fields';

/** `12 <proposal text>`: the issue number, then the text /propose would take. */
function splitArgs(args: string, usage: string): { id: number; text: string } {
  const m = /^\s*[#＃]?([0-9０-９]{1,9})(?:\s+([\s\S]*))?$/.exec(args);
  if (!m) throw new UserError('common.notANumber', { usage });
  return { id: Number(m[1]!.normalize('NFKC')), text: m[2] ?? '' };
}

/** An issue can be edited while it is open and not yet a case; a case is changed through /case. */
function requireEditable(ctx: Context, issue: Issue): void {
  if (issue.proposerId !== ctx.user.id && !ctx.isFacilitator) throw new UserError('issues.editForbidden', { id: issue.id });
  if (issue.status === 'withdrawn') throw new UserError('issues.editWithdrawn', { id: issue.id });
  if (issue.status === 'merged') throw new UserError('issues.editMerged', { id: issue.id, into: issue.mergedInto! });
  const selected = ctx.services.store.cases.byIssue(issue.id);
  if (selected) throw new UserError('issues.editSelected', { id: issue.id, name: formatCaseNumber(selected.number, ctx.locale), n: selected.number });
}

/**
 * /edit N <title> [| details]: the proposal text is parsed exactly as /propose parses it; with
 * a details part it replaces title, details, agency tags and petition link, without one it
 * replaces the title and whatever tags or link were typed; votes stay. Every message showing
 * the card is edited in place, and the change is kept for /issue N's history.
 */
export const editCommand: Command = {
  name: 'edit',
  description: 'help.edit',
  handle(ctx, args): Reply[] | Reply {
    if (!args.trim()) return { type: 'reply', message: { text: [ctx.t('issues.editUsage')] }, private: true };
    const { id, text } = splitArgs(args, ctx.t('issues.editUsage'));
    const issue = requireIssue(ctx, id);
    requireEditable(ctx, issue);
    if (!text.trim()) throw new UserError('issues.editUsage', undefined);
    const p = parseProposal(text, ctx.services.people.agencies);
    const from: IssueContent = { title: issue.title, details: issue.details, petitionUrl: issue.petitionUrl, agencyIds: issue.agencyIds };
    // Without a details part the edit is a correction of what was typed (a title typo, the
    // #agencies): the details, and the Join link and tags not retyped, stay. With `|` the text
    // replaces the whole proposal, as /propose would take it.
    const whole = p.detailsGiven;
    const to: IssueContent = {
      title: p.title,
      details: whole ? p.details : issue.details,
      petitionUrl: whole ? p.petitionUrl : (p.petitionUrl ?? issue.petitionUrl),
      agencyIds: whole || p.agencies.length ? p.agencies.map((a) => a.id).sort((a, b) => a - b) : issue.agencyIds,
    };
    const fields = changedFields(from, to);
    if (!fields.length) return { type: 'reply', message: { text: [ctx.t('issues.editUnchanged', { id })] }, private: true };
    const { store } = ctx.services;
    if (!store.issues.edit(id, to)) throw new UserError('issues.editWithdrawn', { id });
    store.issues.addEvent(id, { kind: 'edited', from, to }, { actorId: ctx.user.id, at: ctx.now });
    // The answer names every field that changed, so nothing is replaced unnoticed.
    const others = fields.filter((f) => f !== 'title');
    const answer = !fields.includes('title')
      ? ctx.t('issues.editedContent', { id, fields: fieldNames(ctx, fields) })
      : others.length
        ? ctx.t('issues.editedTitleAnd', { id, from: from.title, to: to.title, fields: fieldNames(ctx, others) })
        : ctx.t('issues.editedTitle', { id, from: from.title, to: to.title });
    return [
      { type: 'refresh', record: { kind: ISSUE_RECORD, id } },
      { type: 'reply', message: { text: [answer] } },
    ];
  },
};
