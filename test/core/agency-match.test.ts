import { AgencyDirectory } from '../../src/core/people/agency-match';
import { DEFAULT_AGENCIES } from '../../src/config/default-agencies';

const dir = new AgencyDirectory(DEFAULT_AGENCIES.map((a, i) => ({ id: i + 1, code: a.code, name: a.name, aliases: a.aliases ?? [] })));

test('the default list is the 33 ministries and councils (運動部 since 2025-09-09), with unique names and codes', () => {
  expect(DEFAULT_AGENCIES).toHaveLength(33);
  expect(new Set(DEFAULT_AGENCIES.map((a) => a.name)).size).toBe(33);
  expect(new Set(DEFAULT_AGENCIES.map((a) => a.code)).size).toBe(33);
});

test('finds by short name, full title, code (any case) and with a leading #', () => {
  expect(dir.find('衛福部')?.code).toBe('MOHW');
  expect(dir.find('衛生福利部')?.code).toBe('MOHW');
  expect(dir.find('mohw')?.code).toBe('MOHW');
  expect(dir.find('#國發會')?.code).toBe('NDC');
  expect(dir.find('國家發展委員會')?.code).toBe('NDC');
  expect(dir.find('不存在部')).toBeUndefined();
});

test('suggests close names for typos and fragments', () => {
  expect(dir.suggest('交通處').map((a) => a.name)).toContain('交通部');
  expect(dir.suggest('數位').map((a) => a.name)).toContain('數位部');
  expect(dir.suggest('zzzzzz')).toEqual([]);
});
