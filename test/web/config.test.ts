import { parseConfig, ConfigError } from '../../src/config/load';
import { readEnv } from '../../src/config/env';

test('web config: public sections and base URL by default, refused when wrong', () => {
  const c = parseConfig({});
  expect(c.web).toEqual({ public: ['cases', 'meetings', 'minutes', 'agencies', 'calendar', 'feed'], trustProxy: false, calendarPastDays: 365 });
  expect(() => parseConfig({ web: { calendarPastDays: -1 } })).toThrow(/web.calendarPastDays/);
  expect(() => parseConfig({ web: { calendarPastDays: 1.5 } })).toThrow(ConfigError);
  expect(() => parseConfig({ web: { trustProxy: 'yes' } })).toThrow(ConfigError);
  expect(parseConfig({ web: { baseUrl: 'https://po.example.tw/' } }).web.baseUrl).toBe('https://po.example.tw');
  expect(() => parseConfig({ web: { public: ['votes'] } })).toThrow(ConfigError);
  expect(() => parseConfig({ web: { public: ['cases', 'cases'] } })).toThrow(/each section once/);
  expect(() => parseConfig({ web: { baseUrl: 'ftp://x.tw' } })).toThrow(/web.baseUrl/);
  expect(() => readEnv({ WEB_SECRET: 'short' })).toThrow(/WEB_SECRET must be at least 32 characters/);
  expect(readEnv({ WEB_SECRET: 'k'.repeat(32), PUBLIC_URL: 'https://po.example.tw' })).toMatchObject({ WEB_SECRET: 'k'.repeat(32), PUBLIC_URL: 'https://po.example.tw' });
});
