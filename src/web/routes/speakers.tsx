import type { Hono } from 'hono';
import type { Speech } from '../../core/minutes/minutes';
import { attendeeLabel } from '../../core/minutes/minutes-doc';
import { formatDateTime } from '../../i18n/format-date';
import { PAGE_SIZE, type PageCtx, type WebEnv } from '../context';
import { Layout, Pager } from '../views/layout';
import { Said } from '../views/rich';
import { found, html, needNumber, needPage, twin } from '../respond';
import { agencyRef } from './cases';

/**
 * A speaker's page (SayIt's): who they are and what they said across meetings, newest first,
 * paged; only speeches on a record the viewer may see, and for someone with none, no page.
 */
export function speaker(p: PageCtx, id: number, page: number) {
  const { store, people } = p.services;
  const minutesIds = p.sees.speaker(id);
  const person = people.get(id);
  if (!minutesIds || !person) return undefined;
  const { rows, total } = store.minutes.speeches(id, { minutesIds, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
  // Name and agency as recorded with their newest speech the viewer may see: what the record
  // already shows (their current claim may not be confirmed, so not public).
  const newest = page === 1 ? rows[0] : store.minutes.speeches(id, { minutesIds, offset: 0, limit: 1 }).rows[0];
  const who = newest ? { name: newest.speaker, agencyId: newest.agencyId } : { name: person.name, agencyId: person.agencyId };
  const titles = new Map<number, string>();
  for (const r of rows) if (!titles.has(r.meetingId)) titles.set(r.meetingId, store.minutes.byMeeting(r.meetingId)?.title ?? '');
  return { id, page, total, rows, who, titles };
}

type Data = NonNullable<ReturnType<typeof speaker>>;

/** Speeches grouped by meeting, in the order given (newest first). */
function byMeeting(rows: readonly Speech[]): { meetingId: number; rows: Speech[] }[] {
  const out: { meetingId: number; rows: Speech[] }[] = [];
  for (const r of rows) {
    const last = out[out.length - 1];
    if (last && last.meetingId === r.meetingId) last.rows.push(r);
    else out.push({ meetingId: r.meetingId, rows: [r] });
  }
  return out;
}

export function speakersRoutes(app: Hono<WebEnv>): void {
  twin(app, '/speakers/:id', 'minutes', (c) => found(c, speaker(c.var.page, needNumber(c, 'id'), needPage(c))), {
    html(c, d: Data) {
      const p = c.var.page;
      const { t, locale } = p;
      const tz = p.services.settings.timezone;
      return html(
        c,
        <Layout p={p} title={t('web.speakerTitle', { name: d.who.name })} nav="meetings" alternate={[{ href: `/api/speakers/${d.id}`, type: 'application/json', title: 'JSON' }]}>
          <dl class="facts">
            <dt>{t('web.speakerAgency')}</dt>
            <dd>{p.services.people.agencies.name(d.who.agencyId) ?? t('agencies.unaffiliated')}</dd>
          </dl>
          <h2>{t('web.speakerSpeeches', { n: d.total })}</h2>
          {d.rows.length ? (
            byMeeting(d.rows).map((g) => (
              <section class="spoken">
                <h3>
                  <a href={`/meetings/${g.meetingId}`}>{t('web.speakerIn', { id: g.meetingId, title: d.titles.get(g.meetingId) ?? '' })}</a>
                </h3>
                <ol class="speeches">
                  {g.rows.map((r) => (
                    <li>
                      <a class="no" href={`/meetings/${r.meetingId}#s${r.no}`} title={t('web.speechLink', { no: r.no })}>{`#${r.no}`}</a>
                      <div class="said">
                        <time datetime={p.iso(r.at)}>{formatDateTime(r.at, locale, tz)}</time> <Said text={r.text} />
                      </div>
                    </li>
                  ))}
                </ol>
              </section>
            ))
          ) : (
            <p>{t('common.none')}</p>
          )}
          <Pager p={p} page={d.page} total={d.total} size={PAGE_SIZE} href={(n) => `/speakers/${d.id}?page=${n}`} />
        </Layout>,
      );
    },
    json: (p, d) => ({
      id: d.id,
      name: d.who.name,
      label: attendeeLabel({ userId: d.id, ...d.who }, p),
      agency: agencyRef(p, d.who.agencyId),
      url: p.absolute(`/speakers/${d.id}`),
      page: d.page,
      pageSize: PAGE_SIZE,
      total: d.total,
      speeches: d.rows.map((r) => ({ meetingId: r.meetingId, no: r.no, url: p.absolute(`/meetings/${r.meetingId}#s${r.no}`), at: p.iso(r.at), text: r.text })),
    }),
  });
}
