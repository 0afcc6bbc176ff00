import { startSite, type WebSite } from './support';
import { say } from '../cases/helpers';

// Issue 23, item 4: an /iam claim nobody confirmed is internal. The public case timeline shows
// the agency's confirmed standing only (roster, a facilitator's /confirm); signed-in members
// see the claims too.
let s: WebSite;
afterEach(() => s?.close());

const MARK = 'X-未確認-名稱';

async function caseFor(config: Record<string, unknown>): Promise<void> {
  s = await startSite(config);
  await say(s.app, 'pdis', '/propose 勞工議題');
  await say(s.app, 'pdis', '/select 1');
  await say(s.app, 'pdis', '/case 1 lead 勞動部');
  await say(s.app, { platform: 'console', id: 'mallory', name: MARK }, '/iam 勞動部');
}

async function bodies(cookie?: string): Promise<string> {
  const page = await (await s.get('/cases/1', { cookie })).text();
  const json = await (await s.get('/api/cases/1', { cookie })).text();
  return page + json;
}

test('with a roster: a pending claim is not on the public timeline; once confirmed, the confirmation is', async () => {
  await caseFor({ roster: [{ user: 'console:lily', agency: '勞動部', name: 'Lily' }] });
  expect(await bodies()).not.toContain(MARK);
  expect(await bodies(await s.signIn('lily'))).toContain(MARK);
  await say(s.app, 'pdis', '/confirm console:mallory 勞動部');
  const pub = await bodies();
  expect(pub).toContain(`主持人確認 ${MARK} 為勞動部聯絡人`);
  expect(pub).not.toContain('待主持人確認');
});

test('without a roster: a bare claim is internal too', async () => {
  await caseFor({});
  expect(await bodies()).not.toContain(MARK);
  expect(await bodies(await s.signIn('pdis'))).toContain(`${MARK} 登記為勞動部聯絡人`);
});
