import type { Issue } from '../../core/records';
import { issueMark } from '../../core/issues/issue-state';
import type { PageCtx } from '../context';

/** An issue's state in the chat's words (開放中, 已成案：第一案, 已併入 #1, 已撤回 …): text, never colour alone. */
export function issueStateText(p: PageCtx, i: Issue): string {
  return issueMark(i, p) ?? p.t('web.issueOpen');
}

export function IssueBadge(props: { p: PageCtx; issue: Issue }) {
  return <span class={`badge state-${props.issue.status}`}>{issueStateText(props.p, props.issue)}</span>;
}

/** A text badge beside a late case or item: 逾期 in words as well as in colour. */
export function OverdueBadge(props: { p: PageCtx }) {
  return <span class="badge overdue">{props.p.t('web.overdueBadge')}</span>;
}
