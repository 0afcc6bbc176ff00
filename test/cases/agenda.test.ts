import type { TestApp } from '../support/app';
import type { AgendaContext, AgendaSection, Meeting, MeetingKind } from '../../src/core/meetings/meeting';
import { translator } from '../../src/i18n/catalog';
import { richToPlain } from '../../src/core/types';
import { caseApp, propose, say } from './helpers';

let app: TestApp;
beforeEach(() => {
  app = caseApp();
});
afterEach(() => app.cleanup());

const DAY = 86_400_000;

function meeting(kind: MeetingKind, startsAt: Date): Meeting {
  return app.store.meetings.create({ series: kind, occurrence: startsAt, kind, title: kind === 'monthly' ? 'PO 月會' : '週會', startsAt, durationMin: 90, chats: ['console:main'], createdBy: null, createdAt: app.clock.now() });
}

/** What our features contribute to a section, as the agenda compiler would call them. */
function lines(section: AgendaSection, m: Meeting, since: Date | null, locale: 'zh-TW' | 'en' = 'zh-TW'): string[] {
  // As compileAgenda: a monthly ballot holds every open issue (voting.ballotMonths unset).
  const ballotSince = m.kind === 'monthly' ? null : since;
  const ctx: AgendaContext = { meeting: m, since, ballotSince, now: app.clock.now(), locale, t: translator(locale), services: app.bot.services };
  return app.bot
    .agendaContributors()
    .filter((c) => c.section === section)
    .flatMap((c) => c.lines(ctx))
    .map(richToPlain);
}

async function setUp(): Promise<void> {
  for (const [who, agency] of [['alice', '交通部'], ['bob', '衛福部'], ['cara', '經濟部']] as const) await say(app, who, `/iam ${agency}`);
  await propose(app, 4, 'alice', '議題');
  await say(app, 'pdis', '/select 1 2');
  await say(app, 'pdis', '/case 1 lead 交通部 co 衛福部');
  await say(app, 'pdis', '/case 1 deadline 12/5');
  await say(app, 'pdis', '/case 2 lead 衛福部');
  await say(app, 'pdis', '/case 2 deadline 2027-01-30');
  await say(app, 'pdis', '/action 交通部 提供資料 due 12/3');
  await say(app, 'pdis', '/action 衛福部 準備簡報');
  await say(app, 'pdis', '/action 經濟部 早已完成 due 12/2');
}

test('報告事項 lists open cases with stage, lead and deadline, overdue flagged; closed cases since the last meeting', async () => {
  await setUp();
  const last = meeting('weekly', app.clock.now());
  app.clock.advance(7 * DAY);
  await say(app, 'pdis', '/case 2 stage closed');
  app.clock.advance(3_600_000);
  const m = meeting('weekly', app.clock.now());
  expect(lines('reports', m, last.startsAt)).toEqual([
    '協作案進度（1 案）：',
    '⚠️ 第一案「議題 1」 — 確認主協辦｜主辦 交通部｜期限 2026年12月5日（六）（⚠️ 已逾期 2 個工作天）',
    '已結案：第二案「議題 2」 — 結案｜主辦 衛福部｜期限 2027年1月30日（六）',
  ]);
  // A case closed before the previous meeting is not repeated.
  app.clock.advance(7 * DAY);
  expect(lines('reports', meeting('weekly', app.clock.now()), m.startsAt)).toHaveLength(2);
});

test('歷次會議決議辦理情形 lists open items as 持續列管 with owner, due date and overdue mark, and items released since', async () => {
  await setUp();
  const last = meeting('weekly', app.clock.now());
  app.clock.advance(3 * DAY);
  await say(app, 'cara', '/done 3 已函復');
  const m = meeting('weekly', app.clock.now());
  expect(lines('followUps', m, last.startsAt)).toEqual([
    '⚠️ 持續列管 #1 交通部：提供資料（期限 2026年12月3日（四），⚠️ 已逾期 1 個工作天）',
    '持續列管 #2 衛福部：準備簡報（未定期限）',
    '解除列管 #3 經濟部：早已完成（2026年12月4日（五） 解除：已函復）',
  ]);
  expect(lines('followUps', m, last.startsAt, 'en')[0]).toBe('⚠️ Tracked #1 交通部: 提供資料 (due Thu 3 Dec 2026, ⚠️ overdue by 1 working day)');
});

test('the monthly ballot names the agencies not yet heard from, after the ballot lines; other meetings do not', async () => {
  await setUp();
  // The ballot is every open issue (not selected, not withdrawn). alice proposed them all
  // (交通部 is heard); bob votes (衛福部 is heard).
  await say(app, 'bob', '/vote 3');
  app.clock.advance(DAY);
  const monthly = meeting('monthly', app.clock.now());
  const all = lines('discussion', monthly, null);
  const line = all.at(-1)!;
  expect(all[0]).toContain('#'); // the meetings feature's ballot comes first
  expect(line).toMatch(/^尚未表態的部會（31 個）：/);
  expect(line).not.toContain('交通部');
  expect(line).not.toContain('衛福部');
  expect(line).toContain('經濟部');
  expect(lines('discussion', meeting('weekly', app.clock.now()), null).some((l) => l.includes('尚未表態'))).toBe(false);
  // Issues proposed before the previous meeting stay on the ballot until selected or withdrawn (#13).
  app.clock.advance(DAY);
  expect(lines('discussion', meeting('monthly', app.clock.now()), monthly.startsAt).at(-1)).toBe(line);
});

test('the agencies named in meeting reminders: leads and co-agencies of open cases, owners of open items', async () => {
  await setUp();
  const m = meeting('weekly', app.clock.now());
  const ctx: AgendaContext = { meeting: m, since: null, ballotSince: null, now: app.clock.now(), locale: 'zh-TW', t: translator('zh-TW'), services: app.bot.services };
  const named = (section: AgendaSection) =>
    new Set(app.bot.agendaContributors().filter((c) => c.section === section).flatMap((c) => c.agencies?.(ctx) ?? []).map((id) => app.bot.services.people.agencies.name(id)));
  expect(named('reports')).toEqual(new Set(['交通部', '衛福部']));
  expect(named('followUps')).toEqual(new Set(['交通部', '衛福部', '經濟部']));
});

test('nothing to report gives no lines', () => {
  const m = meeting('monthly', app.clock.now());
  expect(lines('reports', m, null)).toEqual([]);
  expect(lines('followUps', m, null)).toEqual([]);
  expect(lines('discussion', m, null)).toEqual([]);
});
