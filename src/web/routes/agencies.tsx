import type { Hono } from 'hono';
import type { Agency } from '../../core/records';
import { isOverdue } from '../../core/cases/case-dates';
import { isItemOverdue } from '../../core/actions/action-view';
import type { PageCtx, WebEnv } from '../context';
import { Layout } from '../views/layout';
import { denied, html, notFound } from '../respond';
import { CaseItem, caseJson, itemJson, ItemLine } from './cases';

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
    items: overdueFirst(store.actions.list({ status: 'open', ownerAgencyId: a.id }), (i) => isItemOverdue(i, p.now, tz)),
  };
}

function agencyOf(p: PageCtx, code: string): Agency | undefined {
  return p.services.people.agencies.all.find((a) => a.code.toLowerCase() === code.toLowerCase());
}

export function agenciesRoutes(app: Hono<WebEnv>): void {
  app.get('/agencies', (c) => {
    const p = c.var.page;
    const stop = denied(c, 'agencies');
    if (stop) return stop;
    return html(
      c,
      <Layout p={p} title={p.t('web.agenciesTitle')} nav="agencies">
        <ul class="list">
          {p.services.people.agencies.all.map((a) => (
            <li>
              <a href={`/agencies/${encodeURIComponent(a.code)}`}>{a.name}</a> <span class="muted">{a.code}</span>
            </li>
          ))}
        </ul>
      </Layout>,
    );
  });

  app.get('/api/agencies', (c) => {
    const stop = denied(c, 'agencies');
    if (stop) return stop;
    const p = c.var.page;
    return c.json({ agencies: p.services.people.agencies.all.map((a) => ({ code: a.code, name: a.name, url: p.absolute(`/agencies/${encodeURIComponent(a.code)}`) })) });
  });

  app.get('/agencies/:code', (c) => {
    const p = c.var.page;
    const stop = denied(c, 'agencies');
    if (stop) return stop;
    const a = agencyOf(p, c.req.param('code'));
    if (!a) return notFound(c);
    const o = owes(p, a);
    const { t } = p;
    const cases = (list: typeof o.leads) =>
      list.length ? (
        <ul class="plain">
          {list.map((x) => (
            <CaseItem p={p} c={x} />
          ))}
        </ul>
      ) : (
        <p>{t('common.none')}</p>
      );
    return html(
      c,
      <Layout p={p} title={a.name} nav="agencies" alternate={[{ href: `/api/agencies/${encodeURIComponent(a.code)}`, type: 'application/json', title: 'JSON' }]}>
        {p.can('cases') ? (
          <>
            <h2>{t('web.agencyLeads', { n: o.leads.length })}</h2>
            {cases(o.leads)}
            <h2>{t('web.agencyCoLeads', { n: o.coLeads.length })}</h2>
            {cases(o.coLeads)}
          </>
        ) : null}
        <h2>{t('web.agencyOwes', { n: o.items.length })}</h2>
        {o.items.length ? (
          <ul class="list">
            {o.items.map((i) => (
              <ItemLine p={p} i={i} />
            ))}
          </ul>
        ) : (
          <p>{t('common.none')}</p>
        )}
      </Layout>,
    );
  });

  app.get('/api/agencies/:code', (c) => {
    const p = c.var.page;
    const stop = denied(c, 'agencies');
    if (stop) return stop;
    const a = agencyOf(p, c.req.param('code'));
    if (!a) return notFound(c);
    const o = owes(p, a);
    const cases = p.can('cases');
    return c.json({
      code: a.code,
      name: a.name,
      leads: cases ? o.leads.map((x) => caseJson(p, x)) : null,
      coLeads: cases ? o.coLeads.map((x) => caseJson(p, x)) : null,
      openItems: o.items.map((i) => itemJson(p, i)),
    });
  });
}
