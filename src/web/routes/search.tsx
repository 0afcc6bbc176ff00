import type { Hono } from 'hono';
import { search, type SearchGroup, type SearchScope } from '../../core/search/search';
import { SEARCH_KINDS, type SearchKind } from '../../core/search/search.port';
import { isProblem, parseQuery } from '../../core/search/search-query';
import { kindLabel } from '../../core/search/search-labels';
import type { SnippetPart } from '../../core/search/snippet';
import type { PageCtx, WebEnv } from '../context';
import { Layout } from '../views/layout';
import { html, needPage, twin, type WebCtx } from '../respond';

/** Results per kind on the page of all kinds; one kind's page shows more, paged. */
const PER_KIND = 10;
const KIND_PAGE = 50;

/** The one visibility rule (p.sees) as the search asks it. */
function scope(p: PageCtx): SearchScope {
  const { sees } = p;
  const recorded = () => sees.section('meetings') && sees.section('minutes');
  return {
    kind: (k) => (k === 'proposal' ? sees.section('issues') : k === 'case' ? sees.section('cases') : k === 'item' ? sees.section('cases') || recorded() : recorded()),
    issue: () => sees.section('issues'),
    case: () => sees.section('cases'),
    caseEvent: (e) => sees.caseEvent(e),
    item: (i) => (sees.item(i) ? sees.view(i) : undefined),
    record: (meetingId) => sees.section('meetings') && sees.record(meetingId),
  };
}

interface SearchPage {
  /** The query as cleaned ('' when none). */
  q: string;
  kind: SearchKind | undefined;
  page: number;
  /** Why nothing was searched (an empty or too long query), in the visitor's language. */
  notice: string | undefined;
  groups: SearchGroup[];
}

function load(c: WebCtx): SearchPage {
  const k = c.req.query('kind');
  const kind = SEARCH_KINDS.find((x) => x === k);
  return searchPage(c.var.page, c.req.query('q') ?? '', kind, kind ? needPage(c) : 1);
}

/** The page's data for this visitor (the loader without HTTP: the bench times it bare). */
export function searchPage(p: PageCtx, raw: string, kind: SearchKind | undefined, page: number): SearchPage {
  const q = parseQuery(raw);
  if (isProblem(q)) {
    const notice = q.problem === 'empty' ? undefined : q.problem === 'tooLong' ? p.t('search.tooLong', { max: q.max }) : p.t('search.tooManyTerms', { max: q.max });
    return { q: q.problem === 'empty' ? '' : Array.from(raw).slice(0, 200).join(''), kind, page, notice, groups: [] };
  }
  const groups = kind
    ? search(p.services, p.locale, scope(p), q, { limit: KIND_PAGE, offset: (page - 1) * KIND_PAGE, kinds: [kind] })
    : search(p.services, p.locale, scope(p), q, { limit: PER_KIND });
  return { q: q.text, kind, page, notice: undefined, groups };
}

const href = (q: string, kind?: SearchKind, page?: number) =>
  `/search?q=${encodeURIComponent(q)}${kind ? `&kind=${kind}` : ''}${page && page > 1 ? `&page=${page}` : ''}`;

function Snippet(props: { parts: readonly SnippetPart[] }) {
  return <p class="snippet">{props.parts.map((s) => (s.hit ? <mark>{s.text}</mark> : s.text))}</p>;
}

export function searchRoutes(app: Hono<WebEnv>): void {
  twin(app, '/search', undefined, load, {
    html(c, d) {
      const p = c.var.page;
      const { t } = p;
      const searched = d.q !== '' && d.notice === undefined;
      return html(
        c,
        <Layout p={p} title={d.q && searched ? t('search.header', { q: d.q }) : t('search.title')} nav="search">
          <form class="search" role="search" method="get" action="/search">
            <label for="q">{t('search.label')}</label>
            <input id="q" name="q" type="search" value={d.q} maxlength={200} />
            {d.kind ? <input type="hidden" name="kind" value={d.kind} /> : null}
            <button type="submit">{t('search.button')}</button>
          </form>
          {d.notice ? <p class="note">{d.notice}</p> : searched ? null : <p class="muted">{t('search.hint')}</p>}
          {searched && !d.groups.length ? <p>{t('search.none', { q: d.q })}</p> : null}
          {d.groups.map((g) => (
            <section aria-labelledby={`h-${g.kind}`}>
              <h2 id={`h-${g.kind}`}>{kindLabel(t, g.kind)}</h2>
              <ol class="results">
                {g.results.map((r) => (
                  <li>
                    {r.path ? <a href={r.path}>{r.title}</a> : <span>{r.title}</span>}
                    <Snippet parts={r.snippet} />
                  </li>
                ))}
              </ol>
              {d.kind ? (
                <nav class="pager" aria-label={t('web.pagination')}>
                  {d.page > 1 ? (
                    <a href={href(d.q, d.kind, d.page - 1)} rel="prev">
                      {t('web.pagePrev')}
                    </a>
                  ) : null}
                  {g.more ? (
                    <a href={href(d.q, d.kind, d.page + 1)} rel="next">
                      {t('web.pageNext')}
                    </a>
                  ) : null}
                  <a href={href(d.q)}>{t('search.allKinds')}</a>
                </nav>
              ) : g.more ? (
                <p>
                  <a href={href(d.q, g.kind)}>{t('search.moreOfKind', { kind: kindLabel(t, g.kind) })}</a>
                </p>
              ) : null}
            </section>
          ))}
        </Layout>,
      );
    },
    json: (p, d) => ({
      query: d.q,
      kind: d.kind ?? null,
      page: d.page,
      notice: d.notice ?? null,
      groups: d.groups.map((g) => ({
        kind: g.kind,
        more: g.more,
        results: g.results.map((r) => ({ title: r.title, url: r.path ? p.absolute(r.path) : null, at: p.iso(r.at), text: r.snippet.map((s) => s.text).join(''), snippet: r.snippet })),
      })),
    }),
  });
}
