import type { Hono } from 'hono';
import { parseCalendarDate, todayIn, type CalendarDate } from '../../core/dates/calendar-date';
import { sopReport } from '../../core/cases/sop-report';
import { stageLabel } from '../../core/cases/case-stages';
import { groupHead, headline, periodText, ruleText, stageLine } from '../../core/reports/sop-report.view';
import type { WebContext, WebEnv } from '../context';
import { Layout } from '../views/layout';
import { html, problem, Stop, twin } from '../respond';

/** `?from=2026-01-01&to=2026-07-31` (both optional, ISO days); undefined when one is not a day. */
function period(c: WebContext): { from: CalendarDate | null; to: CalendarDate } | undefined {
  const p = c.var.page;
  const today = todayIn(p.now, p.services.settings.timezone);
  const day = (v: string | undefined) => (v === undefined || v === '' ? null : /^\d{4}-\d{2}-\d{2}$/.test(v) ? (parseCalendarDate(v, today, 'last')?.date ?? undefined) : undefined);
  const from = day(c.req.query('from'));
  const to = day(c.req.query('to'));
  if (from === undefined || to === undefined || (from && to && from > to)) return undefined;
  return { from, to: to ?? today };
}

/** /sop and /api/sop: the Join SOP compliance report, public when the cases are (web.public). */
export function sopRoutes(app: Hono<WebEnv>): void {
  twin(
    app,
    '/sop',
    'cases',
    (c) => {
      const p = c.var.page;
      const range = period(c);
      if (!range) throw new Stop(problem(c, 400, p.t('web.badRequestTitle'), p.t('sop.webBadPeriod')));
      return sopReport(p.services, p.deps.app.casework, p.now, range.from, range.to);
    },
    {
      html(c, r) {
        const p = c.var.page;
        const { t } = p;
        const s = p.deps.app.casework;
        const groups = [{ g: r.total, total: true }, ...r.agencies.map((g) => ({ g, total: false }))];
        return html(
          c,
          <Layout p={p} title={t('sop.webTitle')} nav="cases" alternate={[{ href: `/api/sop${c.req.url.includes('?') ? c.req.url.slice(c.req.url.indexOf('?')) : ''}`, type: 'application/json', title: 'JSON' }]}>
            <p class="muted">{t('sop.rTitle', { period: periodText(r, p) })}</p>
            {r.total.cases ? (
              <>
                <p>{headline(r, p, s)}</p>
                {groups.map(({ g, total }) => (
                  <section>
                    <h2>{groupHead(g, p, total)}</h2>
                    <ul class="list">
                      {g.stages.map((st) => (
                        <li>{stageLine(st, p, s)}</li>
                      ))}
                    </ul>
                  </section>
                ))}
              </>
            ) : (
              <p>{t('sop.rEmpty')}</p>
            )}
          </Layout>,
        );
      },
      json(p, r) {
        const s = p.deps.app.casework;
        const group = (g: (typeof r)['total']) => ({
          agency: g.agencyId === null ? null : (p.services.people.agencies.byId.get(g.agencyId)?.name ?? null),
          cases: g.cases,
          extensions: g.extensions,
          extendedCases: g.extendedCases,
          milestones: g.stages.map((st) => ({
            stage: st.stage,
            label: stageLabel(st.stage, s, p.locale),
            rule: ruleText(st, p.t),
            onTime: st.onTime,
            late: st.late,
            missedWithReason: st.missedWithReason,
            missedWithoutReason: st.missedWithoutReason,
            open: st.open,
            unrecorded: st.unrecorded,
            medianDays: st.medianDays,
          })),
        });
        return { from: r.from, to: r.to, total: group(r.total), agencies: r.agencies.map(group) };
      },
    },
  );
}
