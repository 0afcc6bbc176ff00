/**
 * The one stylesheet, served from /assets/site.css (the CSP allows styles from the site only,
 * never inline). Mobile-first: one column, readable at 390 px; wider screens get margins.
 */
export const SITE_CSS = `
:root { color-scheme: light; --fg: #1b1b1b; --muted: #555; --line: #d0d0d0; --accent: #0b5cad; --warn: #9a3412; --bg: #fff; --soft: #f4f6f8; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 16px/1.6 "Noto Sans CJK TC", "Noto Sans TC", "PingFang TC", "Microsoft JhengHei", system-ui, sans-serif; color: var(--fg); background: var(--bg); overflow-wrap: anywhere; }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, select:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
.skip { position: absolute; left: -10000px; top: 0; }
.skip:focus { left: 8px; top: 8px; background: #fff; padding: 8px 12px; z-index: 10; }
header.site { background: #0b3d6e; color: #fff; padding: 10px 16px; }
header.site a { color: #fff; }
header.site .name { font-weight: 700; text-decoration: none; font-size: 1.05rem; }
nav.main ul { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 16px; margin: 6px 0 0; padding: 0; }
nav.main a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
.who { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; font-size: .9rem; margin-top: 6px; }
.who form { margin: 0; }
button { font: inherit; padding: 4px 12px; border: 1px solid var(--line); border-radius: 4px; background: #fff; color: var(--fg); cursor: pointer; }
main { padding: 12px 16px 32px; max-width: 60rem; margin: 0 auto; }
h1 { font-size: 1.45rem; line-height: 1.35; margin: 8px 0 12px; }
h2 { font-size: 1.15rem; margin: 24px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 1rem; margin: 16px 0 4px; }
ul.list, ol.list { padding-left: 1.2em; margin: 0; }
ul.list > li, ol.list > li { margin: 6px 0; }
ul.plain { list-style: none; padding: 0; margin: 0; }
ul.plain > li { padding: 8px 0; border-bottom: 1px solid var(--line); }
table.rows { width: 100%; border-collapse: collapse; margin: 0; }
table.rows th, table.rows td { text-align: left; vertical-align: top; padding: 8px 12px 8px 0; border-bottom: 1px solid var(--line); }
table.rows thead th { font-size: .88rem; color: var(--muted); border-bottom: 2px solid var(--line); white-space: nowrap; }
table.rows tbody th { font-weight: 400; }
table.rows .num { text-align: right; white-space: nowrap; }
table.rows td.late { color: var(--warn); font-weight: 700; }
.badge.meeting-cancelled { color: var(--warn); }
.badge.meeting-closed { color: var(--muted); background: var(--soft); }
.note-inline { color: var(--warn); }
@media (max-width: 47.99rem) {
  table.rows thead { position: absolute; left: -10000px; }
  table.rows, table.rows tbody, table.rows tr, table.rows th, table.rows td { display: block; }
  table.rows tr { border-bottom: 1px solid var(--line); padding: 8px 0; }
  table.rows th, table.rows td { border: 0; padding: 1px 0; }
  table.rows .num { text-align: left; }
  table.rows td[data-label]::before { content: attr(data-label) "："; color: var(--muted); font-size: .88rem; }
  html:lang(en) table.rows td[data-label]::before { content: attr(data-label) ": "; }
}
ol.speeches { list-style: none; padding: 0; margin: 0; }
ol.speeches > li { display: grid; grid-template-columns: 3rem 1fr; column-gap: 8px; padding: 4px 0; }
ol.speeches > li:target { background: #fff4cc; }
ol.speeches .at { grid-column: 1 / -1; font-weight: 700; color: var(--muted); margin-top: 10px; border-bottom: 1px solid var(--line); }
ol.speeches .no { grid-column: 1; color: var(--muted); font-size: .85rem; text-decoration-color: var(--line); padding-top: 2px; }
ol.speeches .said { grid-column: 2; min-width: 0; }
ol.speeches .speaker { font-weight: 700; text-decoration-color: var(--line); }
ol.speeches .tagged .said { background: var(--soft); padding: 2px 8px; border-radius: 4px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; margin: 0; }
dl.facts dt { font-weight: 700; color: var(--muted); }
dl.facts dd { margin: 0; }
.overdue { color: var(--warn); font-weight: 700; }
.badge { display: inline-block; padding: 0 8px; border: 1px solid currentColor; border-radius: 999px; font-size: .85rem; font-weight: 700; line-height: 1.6; white-space: nowrap; }
.badge.state-open { color: #0b5cad; }
.badge.state-selected { color: #166534; background: #f0fdf4; }
.badge.state-merged, .badge.state-withdrawn { color: var(--muted); background: var(--soft); }
.badge.overdue { color: #fff; background: var(--warn); border-color: var(--warn); }
.muted { color: var(--muted); font-size: .92rem; }
.note { background: var(--soft); border-left: 4px solid var(--accent); padding: 8px 12px; }
time { white-space: nowrap; }
.timeline time { display: block; color: var(--muted); font-size: .9rem; }
.pager { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; margin: 16px 0; }
form.filter { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 8px 0; }
form.search { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 8px 0 16px; }
form.search input { font: inherit; padding: 4px 8px; flex: 1 1 14rem; min-width: 0; border: 1px solid var(--muted); border-radius: 4px; }
ol.results { padding-left: 1.4em; margin: 0; }
ol.results > li { margin: 10px 0; }
.snippet { margin: 2px 0 0; color: var(--fg); }
mark { background: #fde68a; color: inherit; padding: 0 1px; }
select { font: inherit; padding: 4px; max-width: 100%; }
footer.site { border-top: 1px solid var(--line); padding: 12px 16px; color: var(--muted); font-size: .85rem; }
@media (min-width: 48rem) { main { padding: 16px 24px 40px; } h1 { font-size: 1.7rem; } }
@media print {
  header.site nav, .who, .skip, .pager, form.filter, form.search, .downloads { display: none !important; }
  header.site { background: none; color: #000; padding: 0; }
  header.site a { color: #000; }
  a { color: #000; text-decoration: none; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  li { break-inside: avoid; }
}
`;
