import type { TestApp } from '../support/app';
import { isItemOverdue } from '../../src/core/actions/action-view';
import { caseApp, propose, say } from './helpers';

let app: TestApp;
afterEach(() => app.cleanup());

// The lists the overview and the weekly digest read on every request: cases.list() reads every
// co-agency in one query and actions.openDueBefore() counts overdue items in the store. Each
// must answer exactly what the per-row reads (get(), list() filtered in code) answer.

test('cases.list() gives each case its own co-agencies, with or without a stage filter', async () => {
  app = caseApp();
  await propose(app, 4, 'alice', '議題');
  await say(app, 'pdis', '/select 1 2 3 4');
  await say(app, 'pdis', '/case 1 lead 交通部 co 勞動部 衛福部');
  await say(app, 'pdis', '/case 2 lead 勞動部');
  await say(app, 'pdis', '/case 3 lead 衛福部 co 交通部');
  await say(app, 'pdis', '/case 3 stage 轉譯');
  const { cases } = app.store;
  const all = cases.list();
  expect(all.map((c) => c.number)).toEqual([1, 2, 3, 4]);
  expect(all).toEqual(all.map((c) => cases.get(c.id)));
  expect(all.map((c) => c.coAgencyIds.length)).toEqual([2, 0, 1, 0]);
  const translate = cases.list(['translate']);
  expect(translate.map((c) => c.number)).toEqual([3]);
  expect(translate[0]).toEqual(cases.get(translate[0]!.id));
  expect(cases.list(['lead', 'translate']).map((c) => c.number)).toEqual([1, 2, 3, 4]);
  expect(cases.list([]).map((c) => c.number)).toEqual([1, 2, 3, 4]);
  expect(cases.list(['closed'])).toEqual([]);
});

test('actions.openDueBefore(today) is list({ status: open }) filtered by isItemOverdue: same items, order and count', async () => {
  app = caseApp();
  // 2026-12-01 (Taipei). Overdue: due 11/1 … 11/30; not: due today, tomorrow, none, done.
  for (let d = 30; d >= 1; d--) await say(app, 'pdis', `/action 交通部 事項${d} due 2026-11-${String(d).padStart(2, '0')}`);
  await say(app, 'pdis', '/action 勞動部 同日 due 2026-11-05');
  await say(app, 'pdis', '/action 交通部 今天到期 due 2026-12-01');
  await say(app, 'pdis', '/action 交通部 明天到期 due 2026-12-02');
  await say(app, 'pdis', '/action 交通部 沒有期限');
  await say(app, 'pdis', '/done 1');
  const { actions } = app.store;
  const expected = actions.list({ status: 'open' }).filter((i) => isItemOverdue(i, app.clock.now(), 'Asia/Taipei'));
  expect(expected).toHaveLength(30);
  const got = actions.openDueBefore('2026-12-01', 15);
  expect(got.total).toBe(30);
  expect(got.rows).toEqual(expected.slice(0, 15));
  expect(got.rows.slice(3, 6).map((i) => i.text)).toEqual(['事項4', '事項5', '同日']);
  expect(actions.openDueBefore('2026-12-01', 100).rows).toEqual(expected);
  expect(actions.openDueBefore('2026-11-01', 15)).toEqual({ rows: [], total: 0 });
});
