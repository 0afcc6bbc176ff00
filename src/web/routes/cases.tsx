import { sayitUrlOf } from '../../core/minutes/sayit/sayit-link';
import type { Hono } from 'hono';
import type { Case } from '../../core/cases/case';
import { formatCaseNumber } from '../../core/cases/case-number';
import { isClosed, stageLabel } from '../../core/cases/case-stages';
import { daysLeft, dueNote, isOverdue, showDate } from '../../core/cases/case-dates';
import { eventText } from '../../core/cases/case-view';
import { milestoneLine, milestonesOf } from '../../core/cases/milestone-view';
import { extensionSpans, extensionsOf } from '../../core/cases/extensions';
import { actionLine, isItemOverdue } from '../../core/actions/action-view';
import type { ActionItem } from '../../core/actions/action-item';
import { formatDateTime } from '../../i18n/format-date';
import { PAGE_SIZE, type PageCtx, type WebContext, type WebEnv } from '../context';
import { Layout, List, Pager } from '../views/layout';
import { Rich } from '../views/rich';
import { CaseTable } from '../views/case-table';
import { found, html, needNumber, needPage, twin } from '../respond';
import { meetingJson } from './meeting-json';

export function agencyRef(p: PageCtx, id: number | null): { code: string; name: string } | null {
  const a = id === null ? undefined : p.services.people.agencies.byId.get(id);
  return a ? { code: a.code, name: a.name } : null;
}

/** A case as open data: what its page shows, with dates as ISO days. */
export function caseJson(p: PageCtx, c: Case) {
  const s = p.deps.app.casework;
  const tz = p.services.settings.timezone;
  return {
    number: c.number,
    name: formatCaseNumber(c.number, p.locale),
    title: c.title,
    url: p.absolute(`/cases/${c.number}`),
    stage: { id: c.stage, label: stageLabel(c.stage, s, p.locale), closed: isClosed(c, s) },
    lead: agencyRef(p, c.leadAgencyId),
    co: c.coAgencyIds.map((id) => agencyRef(p, id)),
    petitionUrl: c.petitionUrl,
    petitionPassedOn: c.petitionPassedOn,
    deadline: c.deadline,
    daysLeft: c.deadline && !isClosed(c, s) ? daysLeft(c.deadline, p.now, tz) : null,
    overdue: isOverdue(c, p.now, tz, s),
    issueId: c.issueId,
    selectedAt: p.iso(c.selectedAt),
  };
}

export function itemJson(p: PageCtx, i: ActionItem) {
  return {
    id: i.id,
    text: i.text,
    status: i.status,
    owner: agencyRef(p, i.ownerAgencyId),
    ownerName: i.ownerUserId === null ? null : (p.services.people.get(i.ownerUserId)?.name ?? null),
    due: i.due,
    overdue: isItemOverdue(i, p.now, p.services.settings.timezone),
    caseNumber: i.caseId === null ? null : (p.services.store.cases.get(i.caseId)?.number ?? null),
    meetingId: i.meetingId,
    doneAt: i.doneAt ? p.iso(i.doneAt) : null,
    doneNote: i.doneNote,
  };
}

export function ItemLine(props: { p: PageCtx; i: ActionItem }) {
  const overdue = isItemOverdue(props.i, props.p.now, props.p.services.settings.timezone);
  return (
    <li class={overdue ? 'overdue' : undefined}>
      <Rich text={actionLine(props.i, props.p)} />
    </li>
  );
}

export function list(p: PageCtx, page: number, stage: string | undefined) {
  const stages = stage ? [stage] : undefined;
  return p.services.store.cases.page({ stages, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
}

export function detail(p: PageCtx, n: number) {
  const { store } = p.services;
  const c = store.cases.byNumber(n);
  if (!c) return undefined;
  const items = store.actions.list({ caseId: c.id }).filter(p.sees.item).map(p.sees.view);
  const open = items.filter((i) => i.status === 'open');
  const done = items.filter((i) => i.status === 'done');
  const meetings = p.can('meetings') ? store.cases.meetingIds(c.id).flatMap((id) => store.meetings.get(id) ?? []) : [];
  const events = store.cases.events(c.id).filter(p.sees.caseEvent);
  // Where each meeting's minutes are on SayIt: only for a record this visitor may see.
  const sayit = new Map(meetings.flatMap((m) => (p.sees.record(m.id) ? [[m.id, sayitUrlOf(store, m.id)] as const] : [])).filter((e): e is readonly [number, string] => e[1] !== undefined));
  return { c, items: [...open, ...done], meetings, events, sayit };
}

export function casesRoutes(app: Hono<WebEnv>): void {
  const loadList = (c: WebContext) => {
    const p = c.var.page;
    const page = needPage(c);
    const stageQ = c.req.query('stage') || undefined;
    const stage = stageQ ? found(c, p.deps.app.casework.stages.find((s) => s.id === stageQ)?.id) : undefined;
    return { page, stage, ...list(p, page, stage) };
  };

  twin(app, '/cases', 'cases', loadList, {
    html(c, { page, stage, rows, total }) {
      const p = c.var.page;
      const { t } = p;
      const s = p.deps.app.casework;
      return html(
        c,
        <Layout p={p} title={t('web.casesTitle')} nav="cases" alternate={[{ href: '/api/cases', type: 'application/json', title: 'JSON' }]}>
          <form class="filter" method="get" action="/cases">
            <label for="stage">{t('web.stageFilter')}</label>
            <select id="stage" name="stage">
              <option value="">{t('web.allStages')}</option>
              {s.stages.map((st) => (
                <option value={st.id} selected={st.id === stage}>
                  {st.label[p.locale]}
                </option>
              ))}
            </select>
            <button type="submit">{t('web.filter')}</button>
          </form>
          <p class="muted">{t('web.casesCount', { n: total })}</p>
          <CaseTable p={p} cases={rows} />
          <Pager p={p} page={page} total={total} size={PAGE_SIZE} href={(n) => `/cases?${new URLSearchParams({ ...(stage ? { stage } : {}), page: String(n) })}`} />
          <p class="downloads muted">
            {t('web.downloads')}: <a href="/api/cases">JSON</a>
          </p>
        </Layout>,
      );
    },
    json: (p, { page, rows, total }) => ({ page, pageSize: PAGE_SIZE, total, cases: rows.map((x) => caseJson(p, x)) }),
  });

  twin(app, '/cases/:n', 'cases', (c) => found(c, detail(c.var.page, needNumber(c, 'n'))), {
    html(c, d) {
      const p = c.var.page;
      const { t, locale } = p;
      const s = p.deps.app.casework;
      const tz = p.services.settings.timezone;
      const x = d.c;
      const stageIndex = s.stages.findIndex((st) => st.id === x.stage);
      const milestones = milestonesOf(x, d.events, p, s);
      const extended = extensionSpans(d.events, { locale, t, timeZone: tz });
      const overdue = isOverdue(x, p.now, tz, s);
      const deadlineText = (deadline: string) => {
        const note = dueNote(deadline, p.now, tz, t, p.services.calendar, isClosed(x, s));
        return (overdue ? '⚠️ ' : '') + showDate(deadline, locale, tz) + (note ? t('cases.paren', { text: note }) : '');
      };
      const agency = (id: number | null) => {
        const a = agencyRef(p, id);
        return a ? (p.can('agencies') ? <a href={`/agencies/${encodeURIComponent(a.code)}`}>{a.name}</a> : a.name) : t('cases.leadUnset');
      };
      return html(
        c,
        <Layout p={p} title={formatCaseNumber(x.number, locale) + t('cases.quoted', { title: x.title })} nav="cases" alternate={[{ href: `/api/cases/${x.number}`, type: 'application/json', title: 'JSON' }]}>
          <dl class="facts">
            <dt>{t('web.caseStage')}</dt>
            <dd>{`${stageLabel(x.stage, s, locale)}（${stageIndex + 1}/${s.stages.length}）`}</dd>
            <dt>{t('web.caseLead')}</dt>
            <dd>{agency(x.leadAgencyId)}</dd>
            <dt>{t('web.caseCo')}</dt>
            <dd>
              {x.coAgencyIds.length
                ? x.coAgencyIds.map((id, i) => (
                    <>
                      {i ? t('common.separator') : ''}
                      {agency(id)}
                    </>
                  ))
                : t('common.none')}
            </dd>
            <dt>{t('web.caseJoin')}</dt>
            <dd>{x.petitionUrl ? <Rich text={[{ link: x.petitionUrl, text: x.petitionUrl }]} /> : t('common.none')}</dd>
            {x.petitionPassedOn ? (
              <>
                <dt>{t('web.casePassed')}</dt>
                <dd>{showDate(x.petitionPassedOn, locale, tz)}</dd>
              </>
            ) : null}
            <dt>{t('web.caseDeadline')}</dt>
            <dd class={overdue ? 'overdue' : undefined}>{x.deadline ? deadlineText(x.deadline) : t('cases.deadlineUnset')}</dd>
            {extended.length ? (
              <>
                <dt>{t('sop.webExtension')}</dt>
                <dd>
                  <Rich text={extended} />
                </dd>
              </>
            ) : null}
          </dl>
          {milestones.length ? (
            <>
              <h2>{t('cases.detailMilestones')}</h2>
              <ul class="list milestones">
                {milestones.map((m) => (
                  <li class={m.state.kind === 'missed' ? 'overdue' : undefined}>{milestoneLine(m, p, s)}</li>
                ))}
              </ul>
            </>
          ) : null}
          <p class="muted">{p.can('issues') ? <a href={`/issues/${x.issueId}`}>{t('web.caseIssue', { id: x.issueId })}</a> : t('web.caseIssue', { id: x.issueId })}</p>

          <h2>{t('web.caseItems')}</h2>
          <List p={p} items={d.items} class="list" item={(i) => <ItemLine p={p} i={i} />} />

          {d.meetings.length ? (
            <>
              <h2>{t('web.caseMeetings')}</h2>
              <ul class="list">
                {d.meetings.map((m) => (
                  <li>
                    <a href={`/meetings/${m.id}`}>{`#${m.id} ${m.title}`}</a> — {formatDateTime(m.startsAt, locale, tz)}
                    {d.sayit.get(m.id) ? (
                      <>
                        {' · '}
                        <a href={d.sayit.get(m.id)}>SayIt</a>
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}

          <h2>{t('web.caseTimeline')}</h2>
          <ol class="list timeline">
            {d.events.map((e) => {
              const who = e.actorId === null ? '' : (p.services.people.get(e.actorId)?.name ?? '?');
              return (
                <li>
                  <time datetime={p.iso(e.at)}>{formatDateTime(e.at, locale, tz)}</time>
                  {who ? t('cases.evBy', { who }) : ''}
                  {eventText(e, p, s)}
                </li>
              );
            })}
          </ol>
          <p class="downloads muted">
            {t('web.downloads')}: <a href={`/api/cases/${x.number}`}>JSON</a>
          </p>
        </Layout>,
      );
    },
    json: (p, d) => ({
      ...caseJson(p, d.c),
      items: d.items.map((i) => itemJson(p, i)),
      meetings: d.meetings.map((m) => meetingJson(p, m)),
      milestones: milestonesOf(d.c, d.events, p, p.deps.app.casework).map((m) => ({ stage: m.stage, rule: m.rule, count: m.count, due: m.due, state: m.state, reason: m.reason ?? null, text: milestoneLine(m, p, p.deps.app.casework) })),
      extension: extensionJson(d.events),
      timeline: d.events.map((e) => ({ at: p.iso(e.at), by: e.actorId === null ? null : (p.services.people.get(e.actorId)?.name ?? null), kind: e.detail.kind, text: eventText(e, p, p.deps.app.casework) })),
    }),
  });
}

/** The case's extensions (展延) for /api/cases/N: null when never extended. */
function extensionJson(events: Parameters<typeof extensionsOf>[0]) {
  const x = extensionsOf(events);
  return x ? { originalDeadline: x.original, deadline: x.to, count: x.count, progress: x.progress } : null;
}
