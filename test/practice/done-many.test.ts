import type { TestApp } from '../support/app';
import { caseApp, say, snapshot } from '../cases/helpers';

// Issue #25, lows: `/done 12 13 14` released #12 and kept "13 14" as its note.

let app: TestApp;
afterEach(() => app?.cleanup());

test('/done with more numbers is refused, naming each command; nothing released', async () => {
  app = caseApp({}, { start: new Date('2026-03-27T10:00:00+08:00') });
  for (const x of ['盤點', '彙整', '回報']) await say(app, 'pdis', `/action 交通部 ${x}`);
  const before = snapshot(app);
  const r = await say(app, 'pdis', '/done 1 2 3');
  expect(r.text).toBe('一次解除一項（說明不能只是編號）：請分別輸入 /done 1、/done 2、/done 3。沒有解除任何列管。');
  expect(snapshot(app)).toEqual(before);
  expect((await say(app, 'pdis', '/done 1 #2,３')).text).toContain('/done 3');
  // A note with words is a note.
  expect((await say(app, 'pdis', '/done 1 已於 3 月完成')).text).toContain('已於 3 月完成');
});
