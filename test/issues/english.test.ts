import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { testApp, type TestApp } from '../support/app';
import { chat } from '../support/chat';
import { COLLAB, meetingApp, meetingConfig } from '../meetings/support';

// The English interface as a new user meets it: counts, punctuation, agency names, series titles.

let app: TestApp;
afterEach(() => app.cleanup());

test('an English card, vote answer and /issue read as English: plurals, ASCII colons, English agency names', async () => {
  app = testApp({ locale: 'en' });
  const c = chat(app);
  expect(await c.cmd('chen', '/iam Ministry of Environment')).toBe('You are now registered as a Participation Officer of "Ministry of Environment".');
  expect(await c.cmd('lee', '/iam MOL')).toBe('You are now registered as a Participation Officer of "Ministry of Labor".');
  await c.cmd('chen', '/propose Recycling of solar panels #MOENV #Ministry_of_Economic_Affairs');
  const card = c.cardText(c.cardOf(1));
  expect(card).toContain('Proposer: chen (Ministry of Environment)');
  expect(card).toContain('Agencies concerned: Ministry of Economic Affairs, Ministry of Environment');
  expect(card).toContain('👍 0 votes from 0 agencies');

  expect(await c.cmd('chen', '/vote 1')).toBe('You voted for issue #1 (now 1 vote from 1 agency).');
  await app.bot.drain();
  expect(c.cardText(c.cardOf(1))).toContain('👍 1 vote from 1 agency');
  expect(await c.cmd('lee', '/vote 1')).toBe('You voted for issue #1 (now 2 votes from 2 agencies).');
  expect(await c.cmd('lee', '/issues')).toBe('Open issues:\n#1 Recycling of solar panels - 2 votes / 2 agencies');

  const detail = (await c.cmd('lee', '/issue 1'))!;
  expect(detail).toContain('Ministry of Environment: chen');
  expect(detail).toContain('Ministry of Labor: lee');
  expect(detail).not.toMatch(/[：，、（）「」]/);
});

test('/iam and #tags accept English names and codes in the zh-TW locale too, and show the Chinese name there', async () => {
  app = testApp();
  const c = chat(app);
  expect(await c.cmd('chen', '/iam Ministry of Environment')).toBe('已將您登記為「環境部」的開放政府聯絡人。');
  expect(await c.cmd('chen', '/iam MOENV')).toBe('您已經登記為「環境部」，不需變更。');
  expect(await c.cmd('chen', '/iam ministry of the interior')).toBe('已將您登記為「內政部」的開放政府聯絡人。');
  await c.cmd('chen', '/propose 太陽能板回收 #MOENV #Ministry-of-Economic-Affairs #MinistryOfLabor');
  expect(c.cardText(c.cardOf(1))).toContain('相關部會：經濟部、勞動部、環境部');
});

test('an unknown agency in English is answered with English suggestions and an ASCII list', async () => {
  app = testApp({ locale: 'en' });
  const c = chat(app);
  expect(await c.cmd('amy', '/iam Ministry of Enviroment')).toBe('No agency called "Ministry of Enviroment". Did you mean: Ministry of Environment?');
  expect(await c.cmd('amy', '/propose Title #Ministry_of_Financ')).toBe('No agency called "Ministry_of_Financ". Did you mean: Ministry of Finance?');
  expect(await c.cmd('amy', '/agencies')).toContain('#MOENV Ministry of Environment (環境部)');
});

test('a configured agency without an English name keeps its own name in English', async () => {
  app = testApp({ locale: 'en', agencies: [{ code: 'ABC', name: '測試署' }, { code: 'MOL', name: '勞動部', nameEn: 'Ministry of Labor' }] });
  const c = chat(app);
  expect(await c.cmd('amy', '/iam ABC')).toBe('You are now registered as a Participation Officer of "測試署".');
  expect(await c.cmd('amy', '/iam Ministry of Labor')).toBe('You are now registered as a Participation Officer of "Ministry of Labor".');
});

test('the minutes summary counts lines as English does', async () => {
  app = testApp({ locale: 'en', facilitators: ['console:pdis'] });
  const c = chat(app);
  await c.cmd('pdis', '/startmeeting Review');
  await app.bot.dispatch({ kind: 'message', text: 'hello', actor: { platform: 'console', id: 'amy', name: 'amy' }, chat: 'console:main' });
  await c.cmd('pdis', '/endmeeting');
  await app.bot.drain();
  expect(app.delivery.lastText()).toMatch(/\(1 line\)|\(\d+ lines\)/);
  expect(app.delivery.lastText()).not.toMatch(/\(1 lines\)/);
});

test('a meeting series may carry an English title, used when the bot speaks English', async () => {
  const series = [{ ...COLLAB, titleEn: 'Collaboration meeting' }];
  app = meetingApp(meetingConfig({ series, horizonDays: 7 }, { locale: 'en' }));
  expect(await chat(app).cmd('anyone', '/meetings')).toBe('Upcoming meetings:\n#1 [weekly] Collaboration meeting - Fri 4 Dec 2026 10:00-12:00');
  app.cleanup();
  app = meetingApp(meetingConfig({ series, horizonDays: 7 }));
  expect(await chat(app).cmd('anyone', '/meetings')).toBe('即將舉行的會議：\n#1〔週會〕協作會議 — 2026年12月4日（五）10:00–12:00');
});

test('the shipped bot.config.json switched to English names its meetings in English', async () => {
  // An office that sets "locale": "en" in the shipped file must not get Chinese meeting titles
  // in every agenda, reminder and /meetings line.
  const shipped = JSON.parse(readFileSync(join(__dirname, '../../bot.config.json'), 'utf8')) as { meetings: Record<string, unknown> };
  app = meetingApp({ ...shipped, locale: 'en', database: undefined, meetings: { ...shipped.meetings, horizonDays: 35 } }, '2026-05-04T02:00:00Z');
  const list = await chat(app).cmd('anyone', '/meetings');
  expect(list).toContain('[monthly] PO monthly meeting');
  expect(list).toContain('[weekly] Collaboration meeting');
  expect(list).not.toMatch(/\p{Script=Han}/u);
});
