import { parseConfig, ConfigError } from '../../src/config/load';
import { readEnv } from '../../src/config/env';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

function message(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('expected a ConfigError');
}

test('the shipped bot.config.json is valid and zh-TW first', () => {
  const c = parseConfig(JSON.parse(readFileSync(join(__dirname, '..', '..', 'bot.config.json'), 'utf8')));
  expect(c.locale).toBe('zh-TW');
  expect(c.timezone).toBe('Asia/Taipei');
  expect(c.agencies).toHaveLength(33);
});

test('defaults for an empty config', () => {
  const c = parseConfig({});
  expect(c.voting).toEqual({ countBy: 'person', reactions: ['+1', 'thumbsup', '👍'], emoji: '👍', ballotMonths: null });
  expect(c.database.path).toBe('./data/po-bot.sqlite');
  expect(c.facilitators).toEqual([]);
});

test('errors name the key path and what was expected', () => {
  const m = message(() => parseConfig({ locale: 'fr', voting: { countBy: 'ministry' }, timezone: 'Mars/Olympus', facilitators: ['alice'] }));
  expect(m).toMatch(/locale: .*"zh-TW"/);
  expect(m).toMatch(/voting\.countBy: /);
  expect(m).toMatch(/timezone: expected an IANA time zone/);
  expect(m).toMatch(/facilitators\.0: expected "<platform>:<user id>"/);
});

test('unknown keys are refused (a typo should not be silently ignored)', () => {
  expect(message(() => parseConfig({ locael: 'en' }))).toMatch(/locael/);
});

test('roster agencies must exist; agency codes must be unique', () => {
  expect(message(() => parseConfig({ roster: [{ user: 'slack:U1', agency: '火星部' }] }))).toMatch(/roster\.0\.agency: "火星部" is not in the agency list/);
  expect(message(() => parseConfig({ agencies: [{ code: 'A', name: '甲' }, { code: 'A', name: '乙' }] }))).toMatch(/agencies\.1\.code: duplicate/);
});

test('environment: empty values are unset, bad values are named without echoing them', () => {
  expect(readEnv({ SLACK_BOT_TOKEN: '', PORT: '8080' })).toMatchObject({ PORT: 8080, BOT_CONFIG: 'bot.config.json' });
  expect(readEnv({ SLACK_BOT_TOKEN: '' }).SLACK_BOT_TOKEN).toBeUndefined();
  const m = message(() => readEnv({ PORT: 'eighty', TELEGRAM_WEBHOOK_SECRET: 'has spaces and secrets' }));
  expect(m).toMatch(/PORT/);
  expect(m).toMatch(/TELEGRAM_WEBHOOK_SECRET/);
  expect(m).not.toContain('has spaces and secrets');
});
