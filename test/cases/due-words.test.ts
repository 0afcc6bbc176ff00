import type { TestApp } from '../support/app';
import { translator } from '../../src/i18n/catalog';
import { caseApp, say, snapshot } from './helpers';

// Due dates are never silently dropped: due/截止/期限/到期 all introduce one, with the meeting
// date words in both languages; a due word followed by something else refuses the command.

let app: TestApp;
// 2026-05-04 is a Monday.
beforeEach(() => (app = caseApp({}, { start: new Date('2026-05-04T02:00:00Z') })));
afterEach(() => app.cleanup());

test.each([
  ['/action 交通部 事項一 due next friday', '事項一', '2026-05-15'],
  ['/action 交通部 事項二 due friday', '事項二', '2026-05-08'],
  ['/action 交通部 事項三 截止 下週五', '事項三', '2026-05-15'],
  ['/action 交通部 事項四 期限：5/20', '事項四', '2026-05-20'],
  ['/action 交通部 事項五 截止日 5/15', '事項五', '2026-05-15'],
  ['/action 交通部 事項六 到期 月底', '事項六', '2026-05-31'],
  ['/action 交通部 事項七 到期日 下個月底', '事項七', '2026-06-30'],
  ['/action 交通部 事項八 due end of month', '事項八', '2026-05-31'],
  ['/action 交通部 事項九 DUE 2026-12-04', '事項九', '2026-12-04'],
  ['/action 交通部 確認期限的算法 due 5/6', '確認期限的算法', '2026-05-06'], // 期限 inside a word is text
])('%s', async (line, text, due) => {
  const out = await say(app, 'pdis', line);
  expect(out.text).toContain('📌');
  expect(app.store.actions.list({})).toEqual([expect.objectContaining({ text, due })]);
});

test.each(['/action 交通部 事項 due 某天', '/action 交通部 事項 截止 盡快', '/action 交通部 研議 期限 延長的可能', '/action 交通部 事項 due 2/30'])('%s is refused with the usage, nothing stored', async (line) => {
  const before = snapshot(app);
  const out = await say(app, 'pdis', line);
  expect(out.text).toMatch(/^看不懂日期「.+」。/);
  expect(out.text).toContain(translator('zh-TW')('actions.actionUsage'));
  expect(snapshot(app)).toEqual(before);
});
