import { testApp, type TestApp } from '../support/app';
import { chat } from '../support/chat';
import { richToPlain } from '../../src/core/types';

// Every command × every kind of bad input: a clear answer in the chat's language, no exception,
// and nothing stored changes, except where the input is legitimate free text for /propose,
// which is then stored verbatim and only ever shown as plain text (adapters escape it).
const INPUTS: Record<string, string> = {
  empty: '',
  blank: '   \t ',
  oversized: 'x'.repeat(10 * 1024),
  unknownNumber: '99999',
  nonNumeric: 'abc',
  negative: '-1',
  decimal: '1.5',
  sql: "1; DROP TABLE issues; --",
  sqlQuote: "' OR 1=1 --",
  slackChannel: '<!channel> 快來看',
  atEveryone: '@everyone 快來看',
  atHere: '大家 @here',
  userMention: '請 <@U12345> 處理',
  subteam: '<!subteam^S123|@team> 看一下',
  html: '<script>alert(1)</script>',
  htmlBold: '<b>粗體</b>',
  markdown: '*粗體* _斜體_ `code` [連結](http://evil.example)',
  nul: 'a\u0000b',
  bell: '響\u0007鈴',
  ansi: '\u001b[31m紅字',
  rtlOverride: 'abc\u202Efdp.exe',
  arabic: 'مرحبا بالعالم',
  emoji: '👍🏽🎉 議題',
};

type Outcome = 'refused' | 'stored';
// /search answers every input with words (its results, none found, or what is wrong with the query) and stores nothing.
const COMMANDS = ['propose', 'vote', 'unvote', 'issue', 'withdraw', 'edit', 'merge', 'iam', 'issues', 'help', 'agencies', 'link', 'unlink', 'search'] as const;
// `/link` alone is not bad input: it makes a code (test/accounts/link.test.ts).
const NOT_BAD = new Set(['link empty', 'link blank']);

// /propose takes free text: these are fine titles. Everything else is refused.
const PROPOSE_STORES = new Set(['unknownNumber', 'nonNumeric', 'negative', 'decimal', 'sql', 'sqlQuote', 'markdown', 'arabic', 'emoji']);

function expected(cmd: (typeof COMMANDS)[number], input: string): Outcome {
  return cmd === 'propose' && PROPOSE_STORES.has(input) ? 'stored' : 'refused';
}

function dump(app: TestApp): Record<string, unknown[]> {
  const c = app.db.$client;
  const tables = (c.prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'`).all() as { name: string }[]).map((t) => t.name);
  // Sorted here: not every table has a rowid (processed_events is WITHOUT ROWID).
  return Object.fromEntries(tables.map((t) => [t, c.prepare(`select * from "${t}"`).all().map((r) => JSON.stringify(r)).sort()]));
}

let app: TestApp;
let c: ReturnType<typeof chat>;
beforeAll(async () => {
  app = testApp();
  c = chat(app);
  // Something worth protecting: an issue with votes, people with agencies.
  await c.cmd('amy', '/iam 交通部');
  await c.cmd('bob', '/iam 勞動部');
  await c.cmd('amy', '/propose 既有議題 #交通部 | 說明');
  await c.react('bob', c.cardOf(1));
});
afterAll(() => app.cleanup());

const cases = COMMANDS.flatMap((cmd) => Object.keys(INPUTS).filter((input) => !NOT_BAD.has(`${cmd} ${input}`)).map((input) => [cmd, input, expected(cmd, input)] as const));

test.each(cases)('/%s with %s input → %s', async (cmd, inputName, outcome) => {
  const input = INPUTS[inputName]!;
  const before = dump(app);
  const postsBefore = app.delivery.posts.length;
  const answer = await c.answer('bob', `/${cmd} ${input}`.trimEnd());
  const after = dump(app);

  if (outcome === 'refused') {
    expect(answer).toBeDefined();
    const text = richToPlain(answer!.message.text);
    expect(text.trim().length).toBeGreaterThan(0);
    expect(text).toMatch(/[\u4e00-\u9fff]/); // zh-TW, the configured locale
    expect(text).not.toContain('Error');
    expect(text.length).toBeLessThan(4000); // never echoes a 10 kB input back
    expect(after).toEqual(before);
    expect(app.delivery.posts.length).toBe(postsBefore);
  } else {
    expect(answer).toBeUndefined(); // the card is the answer
    const post = app.delivery.posts[app.delivery.posts.length - 1]!;
    const id = (after.issues as { id: number }[]).length;
    const issue = app.store.issues.get(id)!;
    expect(issue.title).toBe(input.trim());
    // User text travels only inside spans the adapters escape, never as markup of our own.
    const title = post.message.text.find((s) => typeof s === 'object' && 'bold' in s) as { bold: string };
    expect(title.bold.endsWith(input.trim())).toBe(true);
    for (const t of ['votes', 'users', 'agencies', 'issue_agencies']) expect({ t, rows: after[t] }).toEqual({ t, rows: before[t] });
  }
});

test('the process survives it all: existing data intact and the bot still answers', async () => {
  expect(app.store.issues.get(1)!.title).toBe('既有議題');
  expect(app.store.votes.tally(1)).toEqual({ votes: 1, agencies: 1 });
  expect(await c.cmd('amy', '/issue 1')).toContain('既有議題');
});

test('refusals are in English when the chat is configured for it', async () => {
  const en = testApp({ locale: 'en' });
  try {
    const e = chat(en);
    for (const input of ['', 'abc', INPUTS.sql!, INPUTS.oversized!]) {
      const text = (await e.cmd('amy', `/vote ${input}`.trimEnd()))!;
      expect(text).toMatch(/^(Please give a number|Usage|There is no issue)/);
    }
    expect(await e.cmd('amy', `/propose ${INPUTS.atEveryone}`)).toBe('The input may not contain mass mentions (such as @everyone, @channel, @here) or platform mention syntax.');
  } finally {
    en.cleanup();
  }
});
