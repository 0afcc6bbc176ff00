import type { Child } from 'hono/jsx';
import type { PageCtx } from '../context';

type NavKey = 'overview' | 'cases' | 'meetings' | 'agencies' | 'issues' | 'search' | undefined;

/** Every HTML page: skip link, site header with the menu, the page, the footer. No scripts. */
export function Layout(props: { p: PageCtx; title: string; nav?: NavKey; children?: Child; alternate?: { href: string; type: string; title: string }[] }) {
  const { p } = props;
  const { t } = p;
  const items: { key: Exclude<NavKey, undefined>; href: string; label: string; show: boolean }[] = [
    { key: 'overview', href: '/', label: t('web.navOverview'), show: true },
    { key: 'cases', href: '/cases', label: t('web.navCases'), show: p.can('cases') },
    { key: 'meetings', href: '/meetings', label: t('web.navMeetings'), show: p.can('meetings') },
    { key: 'agencies', href: '/agencies', label: t('web.navAgencies'), show: p.can('agencies') },
    { key: 'issues', href: '/issues', label: t('web.navIssues'), show: p.can('issues') },
    { key: 'search', href: '/search', label: t('search.title'), show: true },
  ];
  return (
    <html lang={p.locale === 'zh-TW' ? 'zh-Hant-TW' : 'en'}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${props.title} — ${t('web.siteName')}`}</title>
        <link rel="stylesheet" href="/assets/site.css" />
        {p.can('feed') ? <link rel="alternate" type="application/atom+xml" href="/feed.atom" title={t('web.feedTitle')} /> : null}
        {(props.alternate ?? []).map((a) => (
          <link rel="alternate" type={a.type} href={a.href} title={a.title} />
        ))}
      </head>
      <body>
        <a class="skip" href="#main">
          {t('web.skip')}
        </a>
        <header class="site">
          <a class="name" href="/">
            {t('web.siteName')}
          </a>
          <nav class="main" aria-label={t('web.navLabel')}>
            <ul>
              {items
                .filter((i) => i.show)
                .map((i) => (
                  <li>
                    <a href={i.href} aria-current={props.nav === i.key ? 'page' : undefined}>
                      {i.label}
                    </a>
                  </li>
                ))}
            </ul>
          </nav>
          <div class="who">
            {p.viewer ? (
              <>
                <span>{t('web.signedInAs', { name: p.viewer.name })}</span>
                <form method="post" action="/signout">
                  <button type="submit">{t('web.signOut')}</button>
                </form>
              </>
            ) : (
              <span>{t('web.signInHint')}</span>
            )}
          </div>
        </header>
        <main id="main" tabindex={-1}>
          <h1>{props.title}</h1>
          {props.children}
        </main>
        <footer class="site">{t('web.footer')}</footer>
      </body>
    </html>
  );
}

/** Links to the previous and next page of a list, keeping the other query parameters. */
export function Pager(props: { p: PageCtx; page: number; total: number; size: number; href: (page: number) => string }) {
  const pages = Math.max(1, Math.ceil(props.total / props.size));
  if (pages <= 1) return null;
  const { t } = props.p;
  return (
    <nav class="pager" aria-label={t('web.pagination')}>
      {props.page > 1 ? (
        <a href={props.href(props.page - 1)} rel="prev">
          {t('web.pagePrev')}
        </a>
      ) : null}
      <span>{t('web.pageOf', { page: props.page, pages })}</span>
      {props.page < pages ? (
        <a href={props.href(props.page + 1)} rel="next">
          {t('web.pageNext')}
        </a>
      ) : null}
    </nav>
  );
}

/** A short page that only says something (not found, sign-in needed, signed out). */
export function Message(props: { p: PageCtx; title: string; text: string; hint?: boolean }) {
  return (
    <Layout p={props.p} title={props.title}>
      <p>{props.text}</p>
      {props.hint && !props.p.viewer ? <p class="note">{props.p.t('web.signInHint')}</p> : null}
    </Layout>
  );
}

/** A list of records, or （無） when there are none. */
export function List<T>(props: { p: PageCtx; items: readonly T[]; item: (x: T) => Child; class?: string; ordered?: boolean }) {
  if (!props.items.length) return <p>{props.p.t('common.none')}</p>;
  const cls = props.class ?? 'list';
  const lis = props.items.map(props.item);
  return props.ordered ? <ol class={cls}>{lis}</ol> : <ul class={cls}>{lis}</ul>;
}
