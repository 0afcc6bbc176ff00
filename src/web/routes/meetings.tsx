import type { Hono } from 'hono';
import { richToPlain } from '../../core/types';
import type { Meeting } from '../../core/meetings/meeting';
import { MeetingFormat } from '../../core/meetings/meeting.format';
import { compileAgenda, SECTION_KEY, type CompiledAgenda } from '../../core/meetings/agenda.compile';
import { attendeeLabel, buildDoc, itemsByAgency, lineText, type MinutesDoc } from '../../core/minutes/minutes-doc';
import { toMarkdown } from '../../core/minutes/export-markdown';
import { toAkomaNtoso } from '../../core/minutes/export-akoma-ntoso';
import { todayIn } from '../../core/dates/calendar-date';
import { formatTime } from '../../i18n/format-date';
import { PAGE_SIZE, type PageCtx, type WebEnv } from '../context';
import { Layout, Pager } from '../views/layout';
import { Rich, Said } from '../views/rich';
import { MeetingTable } from '../views/meeting-table';
import { answer, found, html, needNumber, needPage, twin, type WebCtx } from '../respond';
import { itemJson, ItemLine } from './cases';
import { meetingJson } from './meeting-json';

/**
 * Meetings still to be held (scheduled, slot not over: every page, a short list) and the others,
 * paged, latest first: one closed or cancelled before its slot is not "upcoming".
 */
function lists(p: PageCtx, page: number) {
  const { meetings } = p.services.store;
  const upcoming = meetings.page({ ahead: p.now, order: 'asc', offset: 0, limit: PAGE_SIZE }).rows;
  const past = meetings.page({ behind: p.now, order: 'desc', offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE });
  return { upcoming, past };
}

/**
 * A meeting's record: its minutes when the viewer may see them (p.sees.record: published ones
 * for everyone who may see minutes, one still being recorded only for those signed in), else
 * its agenda in the government form, each part shown by the visibility rule.
 */
function detail(p: PageCtx, id: number): { m: Meeting; doc?: MinutesDoc; agenda?: CompiledAgenda } | undefined {
  const { store } = p.services;
  const m = store.meetings.get(id);
  if (!m) return undefined;
  const minutes = p.sees.record(m.id) ? store.minutes.byMeeting(m.id) : undefined;
  if (minutes) return { m, doc: buildDoc(minutes, p.services) };
  const calendar = p.deps.app.meetings;
  if (!calendar.hasAgenda(m)) return { m };
  // Each contributor's lines belong to a section (case progress to cases, the ballot to
  // proposals); follow-up items are filtered one by one (those recorded in a meeting follow its record).
  const contributors = p.deps.app.bot.agendaContributors().filter((c) => (p.can('issues') || c.section !== 'discussion') && (c.about === undefined || p.can(c.about)));
  return { m, agenda: compileAgenda(m, contributors, new MeetingFormat(calendar.settings, p.locale), p.services, p.now, { item: p.sees.item, view: p.sees.view }) };
}

function minutesFile(p: PageCtx, doc: MinutesDoc, kind: 'md' | 'xml') {
  const day = todayIn(doc.minutes.startedAt, p.services.settings.timezone).replace(/-/g, '');
  return kind === 'md'
    ? { name: `minutes-${doc.minutes.meetingId}-${day}.md`, type: 'text/markdown; charset=utf-8', body: toMarkdown(doc, p) }
    : { name: `minutes-${doc.minutes.meetingId}-${day}.an.xml`, type: 'application/xml; charset=utf-8', body: toAkomaNtoso(doc, p) };
}

function MinutesView(props: { p: PageCtx; doc: MinutesDoc }) {
  const { p, doc } = props;
  const { t } = p;
  const id = doc.minutes.meetingId;
  return (
    <section aria-labelledby="h-minutes">
      <h2 id="h-minutes">
        {t('web.minutesTitle')}
        {doc.minutes.status === 'recording' ? t('web.minutesRecording') : doc.minutes.publishedAt === null ? t('web.minutesDraft') : ''}
      </h2>
      <p class="downloads">
        {t('web.downloads')}: <a href={`/meetings/${id}/minutes.md`}>{t('web.minutesMd')}</a>
        {t('common.separator')}
        <a href={`/meetings/${id}/minutes.an.xml`}>{t('web.minutesXml')}</a>
        {doc.minutes.status === 'ended' && doc.minutes.sayit.url ? (
          <>
            {t('common.separator')}
            <a href={doc.minutes.sayit.url}>SayIt</a>
          </>
        ) : null}
      </p>
      <h3>{t('web.minutesDecisions')}</h3>
      {doc.decisions.length ? (
        <ol class="list">
          {doc.decisions.map((d) => (
            <li>
              <Rich text={[d.text]} />
            </li>
          ))}
        </ol>
      ) : (
        <p>{t('common.none')}</p>
      )}
      <h3>{t('web.minutesItems')}</h3>
      {doc.items.length ? (
        [...itemsByAgency(doc.items, p)].map(([agency, items]) => (
          <>
            <h4>{agency}</h4>
            <ul class="list">
              {items.map((i) => (
                <ItemLine p={p} i={i} />
              ))}
            </ul>
          </>
        ))
      ) : (
        <p>{t('common.none')}</p>
      )}
      <h3>{t('web.minutesAttendees')}</h3>
      <p>{doc.attendees.map((a) => attendeeLabel(a, p)).join(t('common.separator')) || t('common.none')}</p>
      <h3>{t('web.minutesRecord')}</h3>
      <Speeches p={p} doc={doc} />
    </section>
  );
}

/**
 * Each line's number in its meeting's record, as /minutes strike counts them: its place among
 * all the lines, struck ones included, so a permalink (#s12) keeps pointing at the same speech.
 */
function lineNumbers(doc: MinutesDoc): Map<number, number> {
  const all = [...doc.lines, ...doc.struck].sort((a, b) => a.id - b.id);
  return new Map(all.map((l, i) => [l.id, i + 1]));
}

/**
 * The record as SayIt shows one: every speech with its own anchor and a copyable link to it
 * (/meetings/43#s12), the time only where it changes, the speaker linking to their page, links
 * in what was said made links (nofollow: the site does not vouch for them).
 */
function Speeches(props: { p: PageCtx; doc: MinutesDoc }) {
  const { p, doc } = props;
  const { t } = p;
  const tz = p.services.settings.timezone;
  const id = doc.minutes.meetingId;
  const numbers = lineNumbers(doc);
  let shown = '';
  if (!doc.lines.length) return <p>{t('common.none')}</p>;
  return (
    <ol class="speeches">
      {doc.lines.map((l) => {
        const no = numbers.get(l.id)!;
        const hm = formatTime(l.at, tz);
        const time = hm === shown ? undefined : (shown = hm);
        return (
          <li id={`s${no}`} class={l.kind === 'message' ? undefined : 'tagged'}>
            {time ? (
              <time class="at" datetime={p.iso(l.at)}>
                {time}
              </time>
            ) : null}
            <a class="no" href={`/meetings/${id}#s${no}`} title={t('web.speechLink', { no })}>{`#${no}`}</a>
            <div class="said">
              <a class="speaker" href={`/speakers/${l.userId}`}>
                {attendeeLabel({ userId: l.userId, name: l.speaker, agencyId: l.agencyId }, p)}
              </a>
              {t('minutes.colon')}
              <Said text={lineText(l, doc, p)} />
            </div>
          </li>
        );
      })}
    </ol>
  );
}

function AgendaView(props: { p: PageCtx; a: CompiledAgenda }) {
  const { p, a } = props;
  const { t } = p;
  const fmt = new MeetingFormat(p.deps.app.meetings.settings, p.locale);
  return (
    <section aria-labelledby="h-agenda">
      <h2 id="h-agenda">
        {t('web.agendaTitle')}
        {a.meeting.status === 'scheduled' ? t('web.agendaDraft') : ''}
      </h2>
      {a.sections.map((s) => (
        <>
          <h3>{t(SECTION_KEY[s.section])}</h3>
          {s.section === 'discussion' ? <p class="muted">{a.since ? t('agenda.discussionSince', { when: fmt.at(a.since) }) : t('agenda.discussionAll')}</p> : null}
          {s.section === 'discussion' && !p.can('issues') ? (
            <p class="note">{t('web.proposalsInternal')}</p>
          ) : s.lines.length ? (
            <ul class="list">
              {s.lines.map((l) => (
                <li>
                  <Rich text={l} />
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('common.none')}</p>
          )}
        </>
      ))}
    </section>
  );
}

export function meetingsRoutes(app: Hono<WebEnv>): void {
  twin(app, '/meetings', 'meetings', (c) => { const page = needPage(c); return { page, ...lists(c.var.page, page) }; }, {
    html(c, { page, upcoming, past }) {
      const p = c.var.page;
      const { t } = p;
      return html(
        c,
        <Layout p={p} title={t('web.meetingsTitle')} nav="meetings" alternate={[{ href: '/api/meetings', type: 'application/json', title: 'JSON' }]}>
          {page === 1 ? (
            <>
              <h2>{t('web.upcomingMeetings')}</h2>
              <MeetingTable p={p} rows={upcoming} />
            </>
          ) : null}
          <h2>{t('web.pastMeetings')}</h2>
          <MeetingTable p={p} rows={past.rows} />
          <Pager p={p} page={page} total={past.total} size={PAGE_SIZE} href={(n) => `/meetings?page=${n}`} />
          <p class="downloads muted">
            {t('web.downloads')}: {p.can('calendar') ? <a href="/calendar.ics">iCalendar</a> : null} <a href="/api/meetings">JSON</a>
          </p>
        </Layout>,
      );
    },
    json: (p, { page, upcoming, past }) => ({ page, pageSize: PAGE_SIZE, total: past.total, meetings: past.rows.map((m) => meetingJson(p, m)), upcoming: upcoming.map((m) => meetingJson(p, m)) }),
  });

  const loadOne = (c: WebCtx) => found(c, detail(c.var.page, needNumber(c, 'id')));

  twin(app, '/meetings/:id', 'meetings', loadOne, {
    html(c, d) {
      const p = c.var.page;
      const { t } = p;
      const fmt = new MeetingFormat(p.deps.app.meetings.settings, p.locale);
      const holiday = fmt.holiday(d.m.startsAt);
      // Recorded: when recording really started and ended (what the chat's summary says); the
      // planned slot too, unless /startmeeting made the meeting and its slot is only a default.
      const rec = d.doc?.minutes;
      return html(
        c,
        <Layout p={p} title={`#${d.m.id} ${d.m.title}`} nav="meetings" alternate={[{ href: `/api/meetings/${d.m.id}`, type: 'application/json', title: 'JSON' }]}>
          <dl class="facts">
            <dt>{t('web.meetingWhen')}</dt>
            <dd>{rec ? (rec.endedAt ? fmt.range(rec.startedAt, rec.endedAt) : t('web.meetingRecordedSince', { from: fmt.at(rec.startedAt) })) : fmt.span(d.m)}</dd>
            {rec && !rec.ownsMeeting ? (
              <>
                <dt>{t('web.meetingPlanned')}</dt>
                <dd>{fmt.span(d.m)}</dd>
              </>
            ) : null}
            <dt>{t('web.meetingKind')}</dt>
            <dd>{fmt.kind(d.m.kind)}</dd>
            <dt>{t('web.meetingStatus')}</dt>
            <dd>{fmt.status(d.m.status)}</dd>
          </dl>
          {holiday ? <p class="overdue">{holiday}</p> : null}
          {d.doc ? <MinutesView p={p} doc={d.doc} /> : d.agenda ? <AgendaView p={p} a={d.agenda} /> : <p>{t('web.noMinutes')}</p>}
        </Layout>,
      );
    },
    json(p, d) {
      // The ballot is proposals' content: for a visitor who may not see them the section is there, empty, marked internal.
      const agenda = d.agenda?.sections.map((s) => {
        const internal = s.section === 'discussion' && !p.can('issues');
        return { section: s.section, title: p.t(SECTION_KEY[s.section]), internal, lines: internal ? [] : s.lines.map(richToPlain) };
      });
      const doc = d.doc;
      const id = d.m.id;
      const numbers = doc ? lineNumbers(doc) : new Map<number, number>();
      const minutes = doc
        ? {
            status: doc.minutes.status,
            startedAt: p.iso(doc.minutes.startedAt),
            endedAt: doc.minutes.endedAt ? p.iso(doc.minutes.endedAt) : null,
            decisions: doc.decisions.map((l) => l.text),
            items: doc.items.map((i) => itemJson(p, i)),
            attendees: doc.attendees.map((a) => attendeeLabel(a, p)),
            lines: doc.lines.map((l) => ({ no: numbers.get(l.id)!, url: p.absolute(`/meetings/${id}#s${numbers.get(l.id)!}`), at: p.iso(l.at), speaker: l.speaker, speakerUrl: p.absolute(`/speakers/${l.userId}`), kind: l.kind, text: lineText(l, doc, p) })),
            markdown: p.absolute(`/meetings/${id}/minutes.md`),
            akomaNtoso: p.absolute(`/meetings/${id}/minutes.an.xml`),
          }
        : null;
      return { ...meetingJson(p, d.m), agenda: agenda ?? null, minutes };
    },
  });

  for (const kind of ['md', 'xml'] as const) {
    app.get(`/meetings/:id/minutes.${kind === 'md' ? 'md' : 'an.xml'}`, (c) =>
      answer(c, 'meetings', () => found(c, loadOne(c).doc), (doc) => {
        const f = minutesFile(c.var.page, doc, kind);
        c.header('content-type', f.type);
        c.header('content-disposition', `attachment; filename="${f.name}"`);
        return c.body(f.body);
      }),
    );
  }
}
