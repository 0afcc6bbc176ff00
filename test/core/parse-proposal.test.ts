import { parseProposal } from '../../src/core/issues/parse-proposal';
import { AgencyDirectory } from '../../src/core/people/agency-match';
import { DEFAULT_AGENCIES } from '../../src/config/default-agencies';
import { UserError } from '../../src/core/errors';

const dir = new AgencyDirectory(DEFAULT_AGENCIES.map((a, i) => ({ id: i + 1, code: a.code, name: a.name, aliases: a.aliases ?? [] })));

function errorKey(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof UserError) return e.key;
    throw e;
  }
  return undefined;
}

test('title, details after " | ", hashtags and a Join petition link', () => {
  const p = parseProposal('公務人員組工會 #交通部 #衛生福利部 | 背景說明 https://join.gov.tw/idea/detail/1234-abcd', dir);
  expect(p.title).toBe('公務人員組工會');
  expect(p.details).toBe('背景說明 https://join.gov.tw/idea/detail/1234-abcd');
  expect(p.petitionUrl).toBe('https://join.gov.tw/idea/detail/1234-abcd');
  expect(p.agencies.map((a) => a.name)).toEqual(['交通部', '衛福部']);
});

test('details after the first newline; a fullwidth ＃ works; duplicates collapse', () => {
  const p = parseProposal('車輛 ARTC ＃交通部 #MOTC\n第一行\n第二行', dir);
  expect(p.title).toBe('車輛 ARTC');
  expect(p.details).toBe('第一行\n第二行');
  expect(p.agencies.map((a) => a.code)).toEqual(['MOTC']);
});

test('a link in the title is taken out of it and kept as the petition', () => {
  const p = parseProposal('管理師 PMP https://join.gov.tw/policies/detail/55', dir);
  expect(p.title).toBe('管理師 PMP');
  expect(p.petitionUrl).toBe('https://join.gov.tw/policies/detail/55');
});

test('length limits count characters, not bytes', () => {
  expect(parseProposal('字'.repeat(120), dir).title).toHaveLength(120);
  expect(errorKey(() => parseProposal('字'.repeat(121), dir))).toBe('issues.titleTooLong');
  expect(parseProposal('t | ' + '字'.repeat(2000), dir).details).toHaveLength(2000);
  expect(errorKey(() => parseProposal('t | ' + '字'.repeat(2001), dir))).toBe('issues.detailsTooLong');
  expect(errorKey(() => parseProposal('x'.repeat(10_000), dir))).toBe('common.tooLong');
});

test('an unknown agency is refused with close matches', () => {
  try {
    parseProposal('議題 #交通處', dir);
    throw new Error('expected a refusal');
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    const u = e as UserError<'agencies.unknown'>;
    expect(u.key).toBe('agencies.unknown');
    expect(u.params.suggestions).toContain('交通部');
  }
});

test('only tags and a link is not a title', () => {
  expect(errorKey(() => parseProposal('#交通部 https://join.gov.tw/idea/detail/1', dir))).toBe('issues.titleEmpty');
  expect(errorKey(() => parseProposal('   ', dir))).toBe('issues.titleEmpty');
});

test('a full-width ｜ typed with a Chinese IME splits title and details without spaces around it; a half-width | needs them', () => {
  const p = parseProposal('公車路線整併｜跨縣市公車路線重疊', dir);
  expect(p.title).toBe('公車路線整併');
  expect(p.details).toBe('跨縣市公車路線重疊');
  // Free text after the split is kept as typed, a second ｜ included.
  expect(parseProposal('標題｜說明｜補充', dir).details).toBe('說明｜補充');
  // A half-width bar inside words stays part of the title (A|B testing).
  expect(parseProposal('A|B 測試平臺', dir).title).toBe('A|B 測試平臺');
});

test('spaces around a full-width ｜ are not kept in the title or the details', () => {
  const p = parseProposal('公車路線整併 ｜ 跨縣市公車路線重疊', dir);
  expect(p.title).toBe('公車路線整併');
  expect(p.details).toBe('跨縣市公車路線重疊');
});
