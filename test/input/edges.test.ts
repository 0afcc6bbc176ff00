import { caseApp, count, say } from '../cases/helpers';
import type { TestApp } from '../support/app';
import type { Actor } from '../../src/core/types';
import { translator } from '../../src/i18n/catalog';

let app: TestApp;
beforeEach(() => (app = caseApp()));
afterEach(() => app.cleanup());

const t = translator('zh-TW');
const INTERNAL = t('common.internalError');

// Every name anything inherits from Object.prototype, and the one that is special in literals.
const PROTO_KEYS = [...Object.getOwnPropertyNames(Object.prototype), '__proto__', 'prototype'];

test('/issues __proto__ and /issues constructor are unknown input, not 內部錯誤', async () => {
  for (const key of ['__proto__', 'constructor']) {
    expect((await say(app, 'alice', `/issues ${key}`)).text).toBe(t('issues.listUsage'));
  }
});

test('no command answers a prototype key with an internal error, for a person or a facilitator', async () => {
  const names = app.bot.listCommands().map((c) => c.name);
  expect(names.length).toBeGreaterThan(20);
  const internal: string[] = [];
  for (const who of ['alice', 'pdis']) {
    for (const name of names) {
      for (const key of PROTO_KEYS) {
        for (const args of [key, `1 ${key}`, `${key} 1`]) {
          const r = await say(app, who, `/${name} ${args}`);
          if (r.text === INTERNAL) internal.push(`${who}: /${name} ${args}`);
        }
      }
    }
  }
  expect(internal).toEqual([]);
});

test('a command over 10 kB is refused before any parser runs, and changes nothing', async () => {
  const before = count(app, 'cases');
  const huge = `1 lead ${'勞'.repeat(50_000)}`;
  const tooLarge = t('common.inputTooLarge', { maxKb: 10, kb: Math.ceil(Buffer.byteLength(huge) / 1024) });
  expect((await say(app, 'pdis', `/case ${huge}`)).text).toBe(tooLarge);
  // Not even the command's name is looked up first: an unknown command gets the same answer.
  expect((await say(app, 'alice', `/nosuchcommand ${'x'.repeat(10 * 1024 + 1)}`)).text).toBe(t('common.inputTooLarge', { maxKb: 10, kb: 11 }));
  // Bytes, not characters: 3,500 Chinese characters are 10,500 bytes.
  expect((await say(app, 'alice', `/propose ${'議'.repeat(3_500)}`)).text).toBe(t('common.inputTooLarge', { maxKb: 10, kb: 11 }));
  expect(count(app, 'cases')).toBe(before);
  expect(count(app, 'issues')).toBe(0);
  // Exactly 10 kB passes the limit (and meets the command's own rules).
  expect((await say(app, 'alice', `/issues ${'x'.repeat(10 * 1024)}`)).text).toBe(t('issues.listUsage'));
});

test('a chat line over 10 kB is not recorded into the minutes; a line at the limit is', async () => {
  await say(app, 'pdis', '/startmeeting 第一次');
  const lines = count(app, 'minutes_lines');
  await say(app, 'alice', 'x'.repeat(40_000));
  expect(count(app, 'minutes_lines')).toBe(lines);
  await say(app, 'alice', 'y'.repeat(10 * 1024));
  expect(count(app, 'minutes_lines')).toBe(lines + 1);
});

test('zero-width characters are refused in titles; a joiner inside an emoji sequence is not', async () => {
  for (const title of ['@\u200Bchannel 請看', '交通\u200C部議題', '議\uFEFF題', '看\u2060這裡', '零\u200D寬']) {
    expect((await say(app, 'alice', `/propose ${title}`)).text).toBe(t('common.invisibleChars'));
  }
  expect(count(app, 'issues')).toBe(0);
  await say(app, 'alice', '/propose 家庭 👨‍👩‍👧 友善職場 🏳️‍🌈');
  expect(count(app, 'issues')).toBe(1);
});

test('display names lose bidi, zero-width and control characters before they are stored or shown', async () => {
  const tricky: Actor = { platform: 'console', id: 'mallory', name: 'Mal\u202Elory\u200B\u0007' };
  await say(app, tricky, '/propose 一個議題');
  const stored = app.db.$client.prepare(`select display_name from users where platform_user_id = 'mallory'`).pluck().get();
  expect(stored).toBe('Mallory');
  const empty: Actor = { platform: 'console', id: 'ghost', name: '\u200B\u202E' };
  await say(app, empty, '/issues');
  expect(app.db.$client.prepare(`select display_name from users where platform_user_id = 'ghost'`).pluck().get()).toBe('ghost');
});
