import { zhTW } from '../../src/i18n/zh-TW';
import { en } from '../../src/i18n/en';
import { translator } from '../../src/i18n/catalog';
import { formatDateTime } from '../../src/i18n/format-date';

function sample(v: unknown): string {
  if (typeof v === 'string') return v;
  // Every parameter a message might read, so template functions run end to end.
  const params = new Proxy({}, { get: (_t, k) => (k === 'suggestion' || k === 'suggestions' ? 'x' : typeof k === 'string' ? 1 : undefined) });
  return (v as (p: unknown) => string)(params);
}

test('every zh-TW message has an English translation and neither is empty', () => {
  for (const [part, messages] of Object.entries(zhTW)) {
    const enPart = (en as Record<string, Record<string, unknown>>)[part];
    expect(enPart).toBeDefined();
    for (const [key, value] of Object.entries(messages)) {
      expect({ key: `${part}.${key}`, ok: sample(value).trim().length > 0 }).toEqual({ key: `${part}.${key}`, ok: true });
      expect({ key: `${part}.${key}`, ok: sample(enPart![key]).trim().length > 0 }).toEqual({ key: `${part}.${key}`, ok: true });
    }
    expect(Object.keys(enPart!).sort()).toEqual(Object.keys(messages).sort());
  }
});

test('zh-TW and en answer in their own language', () => {
  expect(translator('zh-TW')('issues.notFound', { id: 7 })).toBe('找不到議題 #7。輸入 /issues 查看議題清單。');
  expect(translator('en')('issues.notFound', { id: 7 })).toBe('There is no issue #7. Type /issues for the list.');
});

test('dates are shown in the configured zone whatever the server zone', () => {
  const d = new Date('2026-12-03T16:30:00Z'); // Friday 00:30 in Taipei
  expect(formatDateTime(d, 'zh-TW', 'Asia/Taipei')).toBe('2026年12月4日（五）00:30');
  expect(formatDateTime(d, 'zh-TW', 'Asia/Taipei', { roc: true })).toBe('民國115年12月4日（五）00:30');
  expect(formatDateTime(d, 'en', 'Asia/Taipei')).toBe('Fri 4 Dec 2026 00:30');
});
