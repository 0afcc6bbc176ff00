import type { Hono } from 'hono';
import type { Issue, Tally, Voter } from '../../core/records';
import { formatDateTime } from '../../i18n/format-date';
import { PAGE_SIZE, type PageCtx, type WebEnv } from '../context';
import { Layout, List, Pager } from '../views/layout';
import { Rich } from '../views/rich';
import { found, html, needNumber, needPage, twin } from '../respond';
import { agencyRef } from './cases';

function issueJson(p: PageCtx, i: Issue, tally: Tally) {
  return {
    id: i.id,
    title: i.title,
    status: i.status,
    url: p.absolute(`/issues/${i.id}`),
    votes: tally.votes,
    agencies: tally.agencies,
    proposer: p.services.people.get(i.proposerId)?.name ?? null,
    proposerAgency: agencyRef(p, i.proposerAgencyId),
    concerns: i.agencyIds.map((id) => agencyRef(p, id)),
    petitionUrl: i.petitionUrl,
    createdAt: i.createdAt.toISOString(),
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
  return { issue, tally: p.services.store.votes.tally(id), groups: byAgency(p, voters) };
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
            <ul class="plain">
              {rows.map(({ issue, tally }) => (
                <li>
                  <a href={`/issues/${issue.id}`}>{`#${issue.id} ${issue.title}`}</a>
                  {issue.status === 'withdrawn' ? ` ${t('web.issueWithdrawn')}` : ''} <span class="muted">{t('web.issueLine', tally)}</span>
                </li>
              ))}
            </ul>
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
        <Layout p={p} title={`#${i.id} ${i.title}${i.status === 'withdrawn' ? ' ' + t('web.issueWithdrawn') : ''}`} nav="issues">
          <dl class="facts">
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
        </Layout>,
      );
    },
    json: (p, d) => ({ ...issueJson(p, d.issue, d.tally), details: d.issue.details, byAgency: d.groups.map((g) => ({ agency: g.agency, code: g.code, votes: g.voters.length, voters: g.voters })) }),
  });
}
