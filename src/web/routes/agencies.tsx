import type { Hono } from 'hono';
import type { Agency } from '../../core/records';
import { isOverdue } from '../../core/cases/case-dates';
import { isItemOverdue } from '../../core/actions/action-view';
import type { PageCtx, WebEnv } from '../context';
import { Layout, List } from '../views/layout';
import { found, html, twin } from '../respond';
import { caseJson, itemJson, ItemLine } from './cases';
import { CaseTable } from '../views/case-table';

/** What an agency leads, co-leads and owes; overdue first in each. */
function owes(p: PageCtx, a: Agency) {
  const s = p.deps.app.casework;
  const tz = p.services.settings.timezone;
  const { store } = p.services;
  const overdueFirst = <T,>(xs: T[], late: (x: T) => boolean) => [...xs.filter(late), ...xs.filter((x) => !late(x))];
  const cases = store.cases.list();
  const lateCase = (c: (typeof cases)[number]) => isOverdue(c, p.now, tz, s);
  return {
    leads: overdueFirst(cases.filter((c) => c.leadAgencyId === a.id), lateCase),
    coLeads: overdueFirst(cases.filter((c) => c.coAgencyIds.includes(a.id)), lateCase),
    items: overdueFirst(store.actions.list({ ownerAgencyId: a.id }).filter(p.sees.item).map(p.sees.view).filter((i) => i.status === 'open'), (i) => isItemOverdue(i, p.now, tz)),
  };
}

function agencyOf(p: PageCtx, code: string): Agency | undefined {
  return p.services.people.agencies.all.find((a) => a.code.toLowerCase() === code.toLowerCase());
}

export function agenciesRoutes(app: Hono<WebEnv>): void {
  twin(app, '/agencies', 'agencies', (c) => c.var.page.services.people.agencies.all, {
    html: (c, all) =>
      html(
        c,
        <Layout p={c.var.page} title={c.var.page.t('web.agenciesTitle')} nav="agencies">
          <ul class="list">
            {all.map((a) => (
              <li>
                <a href={`/agencies/${encodeURIComponent(a.code)}`}>{a.name}</a> <span class="muted">{a.code}</span>
              </li>
            ))}
          </ul>
        </Layout>,
      ),
    json: (p, all) => ({ agencies: all.map((a) => ({ code: a.code, name: a.name, url: p.absolute(`/agencies/${encodeURIComponent(a.code)}`) })) }),
  });

  twin(app, '/agencies/:code', 'agencies', (c) => {
    const a = found(c, agencyOf(c.var.page, c.req.param('code') ?? ''));
    return { a, ...owes(c.var.page, a) };
  }, {
    html(c, o) {
      const p = c.var.page;
      const { t } = p;
      const cases = (list: typeof o.leads) => <CaseTable p={p} cases={list} />;
      return html(
        c,
        <Layout p={p} title={o.a.name} nav="agencies" alternate={[{ href: `/api/agencies/${encodeURIComponent(o.a.code)}`, type: 'application/json', title: 'JSON' }]}>
          {p.can('cases') ? (
            <>
              <h2>{t('web.agencyLeads', { n: o.leads.length })}</h2>
              {cases(o.leads)}
              <h2>{t('web.agencyCoLeads', { n: o.coLeads.length })}</h2>
              {cases(o.coLeads)}
            </>
          ) : null}
          <h2>{t('web.agencyOwes', { n: o.items.length })}</h2>
          <List p={p} items={o.items} class="list" item={(i) => <ItemLine p={p} i={i} />} />
        </Layout>,
      );
    },
    json(p, o) {
      // Cases internal: the lists are empty, never null (the page leaves them out).
      const cases = p.can('cases');
      return {
        code: o.a.code,
        name: o.a.name,
        leads: cases ? o.leads.map((x) => caseJson(p, x)) : [],
        coLeads: cases ? o.coLeads.map((x) => caseJson(p, x)) : [],
        openItems: o.items.map((i) => itemJson(p, i)),
      };
    },
  });
}
