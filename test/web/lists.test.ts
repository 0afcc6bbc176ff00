import { CASE_TITLE, seed } from './fixture';
import { startSite, type WebSite } from './support';
import { say } from '../cases/helpers';

/**
 * Issue 29 item 1: lists people can scan. Cases and meetings are tables where only the number
 * and title are the link; stage, agencies, deadline and days left are plain columns, each
 * labelled (the labels stack the columns on a phone); a late case says 逾期 in words.
 */
let s: WebSite;
beforeAll(async () => {
  s = await startSite();
  await seed(s);
});
afterAll(() => s.close());

const text = async (path: string) => (await s.get(path)).text();
/** The table row holding this link. */
function row(body: string, href: string): string {
  return new RegExp(`<tr>(?:(?!</tr>).)*href="${href}"(?:(?!</tr>).)*</tr>`, 's').exec(body)?.[0] ?? '';
}
/** The text of the one link to href. */
function linkText(body: string, href: string): string {
  return (new RegExp(`<a href="${href}">((?:(?!</a>).)*)</a>`, 's').exec(body)?.[1] ?? '').replace(/<[^>]+>/g, '');
}

test.each(['/cases', '/', '/agencies/MOTC'])('%s: a case is a row; only its number and title are the link, the rest plain labelled columns', async (path) => {
  const body = await text(path);
  expect(linkText(body, '/cases/1')).toBe(`第一案「${CASE_TITLE}」`);
  const r = row(body, '/cases/1');
  expect(r).toContain('<td data-label="階段">確認主協辦</td>');
  expect(r).toContain('<td data-label="主辦">交通部</td>');
  expect(r).toContain('<td data-label="協辦">勞動部</td>');
  expect(r).toContain('<td data-label="回應期限">2026年12月20日（日）</td>');
  expect(r).toContain('<td data-label="剩餘">剩 19 天</td>');
  expect(body).toContain('<th scope="col">階段</th>');
});

test('/meetings and the overview: a meeting is a row; only its number and title are the link', async () => {
  for (const path of ['/meetings', '/']) {
    const body = await text(path);
    expect(linkText(body, '/meetings/2')).toBe('#2 月會');
    expect(row(body, '/meetings/2')).toContain('<td data-label="時間">2026年12月7日（一）14:00–15:00</td>');
  }
  expect(row(await text('/meetings'), '/meetings/1')).toContain('<td data-label="狀態"><span class="badge meeting-closed">已結束</span></td>');
});

test('a late case shows a badge with text, not colour alone', async () => {
  await say(s.app, 'pdis', '/case 1 deadline 2026-11-20');
  for (const path of ['/cases', '/', '/agencies/MOTC']) {
    const r = row(await text(path), '/cases/1');
    expect(r).toMatch(/<td data-label="剩餘" class="late"><span class="badge overdue">逾期<\/span> 已逾期 \d+ 個工作天<\/td>/);
  }
});
