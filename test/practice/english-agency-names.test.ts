import type { TestApp } from '../support/app';
import { caseApp, say } from '../cases/helpers';

// Issue #25, item 7: English agency names hold spaces (and one a comma); /case N lead|co and
// /action take the longest agency name at that position.

let app: TestApp;
afterEach(() => app?.cleanup());

test('/case N lead <English name> co <list>', async () => {
  app = caseApp({ locale: 'en' }, { start: new Date('2026-03-27T14:00:00+08:00') });
  await say(app, 'amy', '/propose Long-term care');
  await say(app, 'pdis', '/select 1');
  const r = await say(app, 'pdis', '/case 1 lead Ministry of Health and Welfare co NDC, MODA');
  expect(r.text).toContain('lead Ministry of Health and Welfare; co-agencies Ministry of Digital Affairs, National Development Council');
  const co = await say(app, 'pdis', '/case 1 co Directorate-General of Budget, Accounting and Statistics, Ministry of the Interior 交通部');
  expect(co.text).toContain('co-agencies Ministry of the Interior, Ministry of Transportation and Communications, Directorate-General of Budget, Accounting and Statistics');
  // A name that is no agency is still refused, naming the word.
  expect((await say(app, 'pdis', '/case 1 co Ministry of Magic')).text).toContain('"Ministry');
});

test('/action <English agency name> <text>', async () => {
  app = caseApp({}, { start: new Date('2026-03-27T14:00:00+08:00') });
  const r = await say(app, 'pdis', '/action Ministry of Health and Welfare 彙整各縣市資料 due 4/30');
  expect(r.text).toContain('📌 列管 #1　衛福部：彙整各縣市資料');
  expect((await say(app, 'pdis', '/action 交通部 盤點')).text).toContain('交通部：盤點');
});
