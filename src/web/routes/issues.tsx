import type { Hono } from 'hono';
import type { Issue, Tally, Voter } from '../../core/records';
import { formatCaseNumber } from '../../core/cases/case-number';
import { showsTally } from '../../core/issues/issue-state';
import { formatDateTime } from '../../i18n/format-date';
import { PAGE_SIZE, type PageCtx, type WebEnv } from '../context';
import { Layout, Pager } from '../views/layout';
import { IssueBadge, issueStateText } from '../views/badges';
import { Rich } from '../views/rich';
import { found, html, needNumber, needPage, twin } from '../respond';
import { agencyRef } from './cases';
import { slateMark } from '../../core/ballot/slate-marks';

/** The case a selected issue became, as the API and the page link it. */
function caseOf(p: PageCtx, i: Issue): { number: number; name: string; url: string } | null {
  const c = i.status === 'selected' ? p.services.store.cases.byIssue(i.id) : undefined;
  return c ? { number: c.number, name: formatCaseNumber(c.number, p.locale), url: p.absolute(`/cases/${c.number}`) } : null;
}

function issueJson(p: PageCtx, i: Issue, tally: Tally) {
  return {
    id: i.id,
    title: i.title,
    status: i.status,
    statusText: issueStateText(p, i),
    case: caseOf(p, i),
    mergedInto: i.status === 'merged' ? i.mergedInto : null,
    url: p.absolute(`/issues/${i.id}`),
    votes: tally.votes,
    agencies: tally.agencies,
    proposer: p.services.people.get(i.proposerId)?.name ?? null,
    proposerAgency: agencyRef(p, i.proposerAgencyId),
    concerns: i.agencyIds.map((id) => agencyRef(p, id)),
    petitionUrl: i.petitionUrl,
    createdAt: p.iso(i.createdAt),
  };
}

/** Voters grouped by the agency they voted for, most votes first. */
function byAgency(p: PageCtx, voters: readonly Voter[]): { agency: string; code: string | null; voters: string[] }[] {
  const groups = new Map<number | null, string[]>();
  for (const v of voters) groups.set(v.agencyId, [...(groups.get(v.agencyId) ?? []), v.name]);
  return [...groups]
    .map(([id, names]) => ({ agency: p.services.people.agencies.name(id) ?? p.t('agencies.unaffiliated'), code: agencyRef(p, id)?.code ?? null, voters: names }))
    .sort((a, b) => b.voters.length - a.voters.length);
}

function list(p: PageCtx, page: number) {
  return p.services.store.issues.list({ order: 'newest', limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });
}

function detail(p: PageCtx, id: number) {
  const issue = p.services.store.issues.get(id);
  if (!issue) return undefined;
  const voters = p.services.store.votes.voters(id);
  // A merged issue's votes moved to its target: its own count would only say 0 (as the chat's card).
  const merged = issue.status === 'merged' && issue.mergedInto !== null ? (p.services.store.issues.get(issue.mergedInto) ?? { id: issue.mergedInto, title: '?' }) : undefined;
  const mark = issue.status === 'open' ? slateMark(id, p.services, p.t) : undefined;
  return { issue, tally: p.services.store.votes.tally(id), groups: byAgency(p, voters), merged, case: caseOf(p, issue), mark };
}

export function issuesRoutes(app: Hono<WebEnv>): void {
  twin(app, '/issues', 'issues', (c) => { const page = needPage(c); return { page, ...list(c.var.page, page) }; }, {
    html(c, { page, rows, total }) {
      const p = c.var.page;
      const { t } = p;
      return html(
        c,
        <Layout p={p} title={t('web.issuesTitle')} nav="issues">
          {rows.length ? (
            <table class="rows">
              <thead>
                <tr>
                  <th scope="col">{t('web.colIssue')}</th>
                  <th scope="col">{t('web.colState')}</th>
                  <th scope="col">{t('web.colVotes')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(({ issue, tally }) => (
                  <tr>
                    <th scope="row" data-label={t('web.colIssue')}>
                      <a href={`/issues/${issue.id}`}>{`#${issue.id} ${issue.title}`}</a>
                    </th>
                    <td data-label={t('web.colState')}>
                      <IssueBadge p={p} issue={issue} />
                    </td>
                    <td data-label={t('web.colVotes')}>{showsTally(issue) ? t('web.issueLine', tally) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>{t('common.none')}</p>
          )}
          <Pager p={p} page={page} total={total} size={PAGE_SIZE} href={(n) => `/issues?page=${n}`} />
        </Layout>,
      );
    },
    json: (p, { page, rows, total }) => ({ page, pageSize: PAGE_SIZE, total, issues: rows.map((r) => issueJson(p, r.issue, r.tally)) }),
  });

  twin(app, '/issues/:id', 'issues', (c) => found(c, detail(c.var.page, needNumber(c, 'id'))), {
    html(c, d) {
      const p = c.var.page;
      const { t, locale } = p;
      const i = d.issue;
      const proposer = p.services.people.get(i.proposerId)?.name ?? '?';
      const agency = p.services.people.agencies.name(i.proposerAgencyId);
      return html(
        c,
        <Layout p={p} title={`#${i.id} ${i.title}`} nav="issues" alternate={[{ href: `/api/issues/${i.id}`, type: 'application/json', title: 'JSON' }]}>
          <dl class="facts">
            <dt>{t('web.colState')}</dt>
            <dd>
              <IssueBadge p={p} issue={i} />
              {d.merged ? (
                <>
                  {' '}
                  <a href={`/issues/${d.merged.id}`}>{`#${d.merged.id} ${d.merged.title}`}</a>
                </>
              ) : null}
              {d.case ? (
                <>
                  {' '}
                  {p.can('cases') ? <a href={`/cases/${d.case.number}`}>{t('web.issueCaseLink', { name: d.case.name })}</a> : null}
                </>
              ) : null}
            </dd>
            {d.mark ? (
              <>
                <dt>{t('ballot.webMonthly')}</dt>
                <dd>{d.mark}</dd>
              </>
            ) : null}
            <dt>{t('web.issueProposer')}</dt>
            <dd>{agency ? `${proposer}（${agency}）` : proposer}</dd>
            <dt>{t('web.issueProposedAt')}</dt>
            <dd>{formatDateTime(i.createdAt, locale, p.services.settings.timezone)}</dd>
            {i.agencyIds.length ? (
              <>
                <dt>{t('web.issueAgencies')}</dt>
                <dd>{i.agencyIds.map((a) => p.services.people.agencies.name(a) ?? '?').join(t('common.separator'))}</dd>
              </>
            ) : null}
            {i.petitionUrl ? (
              <>
                <dt>{t('web.caseJoin')}</dt>
                <dd>
                  <Rich text={[{ link: i.petitionUrl, text: i.petitionUrl }]} />
                </dd>
              </>
            ) : null}
          </dl>
          {i.details ? (
            <>
              <h2>{t('web.issueDetails')}</h2>
              <p>
                <Rich text={[i.details]} />
              </p>
            </>
          ) : null}
          {d.merged ? (
            <p class="note">{t('web.issueMergedVotes', { into: d.merged.id })}</p>
          ) : (
            <>
              <h2>{t('web.issueByAgency')}</h2>
              <p>
                <strong>{t('web.issueTally', d.tally)}</strong>
              </p>
              {d.groups.length ? (
                <ul class="list">
                  {d.groups.map((g) => (
                    <li>
                      {`${g.agency}（${g.voters.length}）：`}
                      {g.voters.join(t('common.separator'))}
                    </li>
                  ))}
                </ul>
              ) : (
                <p>{t('web.issueNoVotes')}</p>
              )}
            </>
          )}
        </Layout>,
      );
    },
    json: (p, d) => ({ ...issueJson(p, d.issue, d.tally), details: d.issue.details, monthly: d.mark ?? null, byAgency: d.groups.map((g) => ({ agency: g.agency, code: g.code, votes: g.voters.length, voters: g.voters })) }),
  });
}
