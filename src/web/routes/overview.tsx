import type { Hono } from 'hono';
import { isClosed, stageLabel } from '../../core/cases/case-stages';
import { casesInStages, digestHeader, digestSections, ISSUE_SECTIONS, type DigestSection, type DigestSectionId } from '../../core/reports/weekly-digest';
import type { PageCtx, WebEnv } from '../context';
import { Layout } from '../views/layout';
import { Rich } from '../views/rich';
import { html, twin } from '../respond';
import { caseJson } from './cases';
import { CaseTable } from '../views/case-table';
import { MeetingTable } from '../views/meeting-table';
import { meetingJson } from './meeting-json';

const SHOWN = 10;
const DAY = 86_400_000;
const CASE_SECTIONS: readonly DigestSectionId[] = ['casesByStage', 'deadlinesSoon', 'overdueCases', 'overdueItems'];

export function overview(p: PageCtx) {
  const s = p.deps.app.casework;
  const { store } = p.services;
  // Open cases, the nearest deadline first (overdue ones are nearest), those without one last.
  // Read once: the same list feeds the digest's case sections.
  const all = p.can('cases') ? store.cases.list() : [];
  const cases = all
    .filter((c) => !isClosed(c, s))
    .sort((a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') || a.number - b.number)
    .slice(0, SHOWN);
  const horizon = p.deps.app.meetings.settings.horizonDays * DAY;
  const meetings = p.can('meetings') ? store.meetings.between(new Date(p.now.getTime() - DAY), new Date(p.now.getTime() + horizon)).filter((m) => m.startsAt.getTime() + m.durationMin * 60_000 > p.now.getTime()).slice(0, 5) : [];
  // The digest's "cases by stage" lists every open case (/report's Monday list); a page shows
  // how many are at each stage, each a link to /cases?stage=, where they are paged.
  const skip = new Set<DigestSectionId>([...(p.can('issues') ? [] : ISSUE_SECTIONS), ...(p.can('cases') ? [] : CASE_SECTIONS), 'casesByStage']);
  const digest = digestSections(p, s, skip, { cases: all, item: p.sees.item });
  const stages = p.can('cases') ? casesInStages(all, p, s).map((g) => ({ id: g.stage, label: stageLabel(g.stage, s, p.locale), n: g.cases.length })) : undefined;
  return { cases, meetings, digest, stages };
}

/** One digest section: its heading, its lines, and how many were left out. */
function DigestPart(props: { p: PageCtx; sec: DigestSection }) {
  const { p, sec } = props;
  return (
    <>
      <h3>{sec.title}</h3>
      {sec.lines.length ? (
        <ul class="list">
          {sec.lines.map((l) => (
            <li>
              <Rich text={l} />
            </li>
          ))}
        </ul>
      ) : (
        <p>{p.t('common.none')}</p>
      )}
      {sec.more > 0 ? <p class="muted">{p.t('common.listMore', { n: sec.more })}</p> : null}
    </>
  );
}

export function overviewRoutes(app: Hono<WebEnv>): void {
  // The overview is for everyone; what it holds follows the sections the viewer may see.
  twin(app, '/', undefined, (c) => overview(c.var.page), {
    html(c, o) {
      const p = c.var.page;
      const { t } = p;
      return html(
        c,
        <Layout p={p} title={t('web.overviewTitle')} nav="overview">
          {p.can('cases') ? (
            <section aria-labelledby="h-cases">
              <h2 id="h-cases">{t('web.openCases')}</h2>
              <CaseTable p={p} cases={o.cases} />
              <p>
                <a href="/cases">{t('web.allCases')}</a>
              </p>
            </section>
          ) : null}
          {p.can('meetings') ? (
            <section aria-labelledby="h-meetings">
              <h2 id="h-meetings">{t('web.upcoming')}</h2>
              <MeetingTable p={p} rows={o.meetings} />
              <p>
                <a href="/meetings">{t('web.allMeetings')}</a>
              </p>
            </section>
          ) : null}
          {o.digest.length || o.stages ? (
            <section aria-labelledby="h-digest">
              <h2 id="h-digest">{`${t('web.digest')}：${digestHeader(p)}`}</h2>
              {o.digest.filter((sec) => ISSUE_SECTIONS.has(sec.id)).map((sec) => (
                <DigestPart p={p} sec={sec} />
              ))}
              {o.stages ? (
                <>
                  <h3>{t('reports.casesByStage', { n: o.stages.reduce((n, st) => n + st.n, 0) })}</h3>
                  {o.stages.length ? (
                    <ul class="list">
                      {o.stages.map((st) => (
                        <li>
                          <a href={`/cases?stage=${encodeURIComponent(st.id)}`}>{t('web.stageCases', { stage: st.label, n: st.n })}</a>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p>{t('common.none')}</p>
                  )}
                </>
              ) : null}
              {o.digest.filter((sec) => !ISSUE_SECTIONS.has(sec.id)).map((sec) => (
                <DigestPart p={p} sec={sec} />
              ))}
            </section>
          ) : null}
        </Layout>,
      );
    },
    json: (p, o) => ({
      openCases: o.cases.map((x) => caseJson(p, x)),
      upcomingMeetings: o.meetings.map((m) => meetingJson(p, m)),
    }),
  }, '/api/overview');
}
