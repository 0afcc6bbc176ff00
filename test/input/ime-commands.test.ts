import type { TestApp } from '../support/app';
import { caseApp, say, type Said } from '../cases/helpers';
import { richToPlain } from '../../src/core/types';
import { foldWidth } from '../../src/core/input/ime';

// Chinese-IME input: every command typed with half-width syntax and with what an IME types
// (full-width space, digits, ／, ＃, ：, ，) gets the same answers and stores the same records.

/** The IME form of a line: every syntax character in full width (the free text here has none). */
function fullWidth(line: string): string {
  return line.replace(/[ 0-9/#:,]/g, (c) => (c === ' ' ? '\u3000' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));
}

// [who, line]: one session touching every command; free text avoids the characters folded.
const SESSION: [string, string][] = [
  ['alice', '/iam 交通部'],
  ['bob', '/iam 衛福部'],
  ['alice', '/propose 路口安全 #交通部 #內政部'],
  ['bob', '/propose 長照據點 #衛福部'],
  ['alice', '/propose 重複的長照 #衛福部'],
  ['bob', '/vote 1'],
  ['bob', '/unvote 1'],
  ['bob', '/vote 1'],
  ['alice', '/vote 2'],
  ['bob', '/issue 1'],
  ['bob', '/issues'],
  ['pdis', '/edit 2 長照服務據點'],
  ['pdis', '/merge 3 2'],
  ['alice', '/withdraw 1'],
  ['pdis', '/select 2'],
  ['pdis', '/cases'],
  ['pdis', '/case 1 lead 交通部'],
  ['pdis', '/case 1 co 衛福部,內政部'],
  ['pdis', '/case 1 passed 11/20'],
  ['pdis', '/case 1 deadline 12/31'],
  ['pdis', '/case 1 stage 轉譯'],
  ['pdis', '/case 1 note 已聯繫'],
  ['pdis', '/case 1'],
  ['pdis', '/action 第1案 交通部 提供資料 due 12/24'],
  ['pdis', '/action 交通部 補件 期限:12/10'],
  ['pdis', '/action 衛福部 回覆 截止 12/9'],
  ['alice', '/actions'],
  ['alice', '/done 2 已完成'],
  ['pdis', '/meeting add 協作會議 12/4 10:00 90m'],
  ['pdis', '/meeting move 1 12/7 14:30'],
  ['bob', '/meeting 1'],
  ['bob', '/meetings'],
  ['bob', '/agenda add 1 臨時動議甲'],
  ['bob', '/agenda 1'],
  ['bob', '/agenda remove 1'],
  ['pdis', '/startmeeting 協作'],
  ['pdis', '/topic 第1案'],
  ['pdis', '/decision 同意辦理'],
  ['pdis', '/info 補充資訊'],
  ['pdis', '/endmeeting'],
  ['pdis', '/minutes 2 md'],
  ['pdis', '/report'],
  ['bob', '/agencies'],
  ['bob', '/whois 交通部'],
  ['bob', '/help'],
  ['pdis', '/meeting cancel 1'],
];

async function play(transform: (line: string) => string): Promise<{ answers: string[]; posts: string[]; rows: unknown[] }> {
  const app: TestApp = caseApp();
  try {
    const answers: string[] = [];
    for (const [who, line] of SESSION) {
      const said: Said = await say(app, who, transform(line));
      answers.push(`${line} → ${said.text}`);
    }
    await app.bot.drain();
    const q = (sql: string) => app.db.$client.prepare(sql).all();
    const rows = [
      q('select id, title, status from issues order by id'),
      q('select number, stage, deadline, petition_passed_on, lead_agency_id from cases'),
      q('select id, text, due, status, done_note from action_items order by id'),
      q('select id, starts_at, status from meetings order by id'),
      q('select count(*) as n from votes'),
    ];
    return { answers, posts: app.delivery.posts.map((p) => richToPlain(p.message.text)), rows };
  } finally {
    app.cleanup();
  }
}

test('every command reads the same typed half-width or with an IME (full width)', async () => {
  const half = await play((l) => l);
  const full = await play(fullWidth);
  // Nothing in the half-width session was refused for its syntax (so the comparison means something).
  expect(half.answers.filter((a) => /看不懂|不是數字|用法|不認得/.test(a))).toEqual([]);
  // Free text (a topic like 第1案) is echoed as typed, so answers are compared width-folded;
  // a command whose syntax was misread would answer differently (a refusal), not just wider.
  for (let i = 0; i < SESSION.length; i++) expect(foldWidth(full.answers[i]!)).toBe(foldWidth(half.answers[i]!));
  expect(full.posts.map(foldWidth)).toEqual(half.posts.map(foldWidth));
  expect(full.rows).toEqual(half.rows);
}, 60_000);

test('the reproductions: /vote １, /unvote １, /withdraw ２ and ／vote 1 are answered as commands', async () => {
  const app = caseApp();
  try {
    await say(app, 'alice', '/propose 甲');
    await say(app, 'alice', '/propose 乙');
    expect((await say(app, 'bob', '/vote １')).text).toContain('已投票支持議題 #1');
    expect((await say(app, 'bob', '/unvote １')).text).toContain('#1');
    expect((await say(app, 'alice', '/withdraw ２')).text).toContain('#2');
    expect((await say(app, 'carol', '／vote 1')).text).toContain('已投票支持議題 #1');
    expect((await say(app, 'carol', '/vote　1')).text).toContain('議題 #1');
    expect((await say(app, 'carol', '/')).text).toBe('「/」後面要接指令名稱，例如 /help 查看所有指令。');
    expect((await say(app, 'carol', '／')).text).toBe('「/」後面要接指令名稱，例如 /help 查看所有指令。');
  } finally {
    app.cleanup();
  }
});

test('free text is stored and shown exactly as typed: ，（）and full-width digits stay', async () => {
  const app = caseApp();
  try {
    await say(app, 'alice', '/iam 交通部');
    await say(app, 'alice', '/propose （括號）１２３，說明');
    expect(app.store.issues.get(1)!.title).toBe('（括號）１２３，說明');
    await say(app, 'pdis', '/action 交通部 （括號）１２３ 召開，會議紀錄另寄 due 12/4');
    await say(app, 'pdis', '/action 交通部 第三項');
    expect(app.store.actions.get(1)).toMatchObject({ text: '（括號）１２３ 召開，會議紀錄另寄', due: '2026-12-04' });
    const done = await say(app, 'alice', '/done ２ 已於 5/7 召開，會議紀錄另寄　（附件）１２３');
    expect(done.text).toContain('已於 5/7 召開，會議紀錄另寄　（附件）１２３');
    expect(app.store.actions.get(2)!.doneNote).toBe('已於 5/7 召開，會議紀錄另寄　（附件）１２３');
    // The export carries the text as typed too.
    const csv = await app.bot.dispatch({ kind: 'command', name: 'export', args: 'actions csv', actor: { platform: 'console', id: 'pdis', name: 'pdis' }, chat: 'console:main' });
    expect(csv?.message.file?.content ?? '').toContain('已於 5/7 召開，會議紀錄另寄　（附件）１２３');
    expect(foldWidth('／ｖｏｔｅ　１２：３０，＃')).toBe('/vote 12:30,#');
  } finally {
    app.cleanup();
  }
});
