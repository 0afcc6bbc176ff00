import { testApp, type TestApp } from '../support/app';
import { richToPlain, type Actor, type ChatRef, type MessageRef } from '../../src/core/types';
import type { Answer } from '../../src/core/feature';

// One person with a Slack and a Telegram account (issue 30, item 3), through the real core and
// store: the adapters are tested against the fakes in test/network/.
const SLACK_GROUP: ChatRef = 'slack:C1';
const SLACK_DM: ChatRef = 'slack:D1';
const TG_GROUP: ChatRef = 'telegram:-100';

const amySlack: Actor = { platform: 'slack', id: 'UAMY', name: 'Amy' };
const amyTg: Actor = { platform: 'telegram', id: '501', name: 'Amy T' };
const bobTg: Actor = { platform: 'telegram', id: '502', name: 'Bob' };
const calSlack: Actor = { platform: 'slack', id: 'UCAL', name: 'Cal' };
const calTg: Actor = { platform: 'telegram', id: '503', name: 'Cal T' };

let app: TestApp;
/** A fresh app where everyone has been seen in their network group (private chats are for members). */
async function start(config: Record<string, unknown> = {}): Promise<void> {
  app?.cleanup();
  app = testApp({ meetings: { homeChats: [SLACK_GROUP, TG_GROUP] }, ...config });
  for (const actor of [amySlack, amyTg, bobTg, calSlack, calTg]) {
    await app.bot.dispatch({ kind: 'message', text: 'hi', actor, chat: actor.platform === 'slack' ? SLACK_GROUP : TG_GROUP });
  }
}
beforeEach(() => start());
afterAll(() => app.cleanup());

async function cmd(actor: Actor, line: string, chat: ChatRef = actor.platform === 'slack' ? SLACK_GROUP : TG_GROUP, direct = false): Promise<Answer | undefined> {
  const m = /^\/(\S+)(?:\s([\s\S]*))?$/.exec(line)!;
  return app.bot.dispatch({ kind: 'command', name: m[1]!, args: m[2] ?? '', actor, chat, ...(direct ? { direct: true } : {}) });
}
const dm = (actor: Actor, line: string) => cmd(actor, line, actor.platform === 'slack' ? SLACK_DM : (`telegram:${actor.id}` as ChatRef), true);
const text = (a: Answer | undefined) => (a ? richToPlain(a.message.text) : '');
/** `/link` on Slack (an ephemeral answer in the group) and the code it shows. */
async function codeFor(actor: Actor): Promise<string> {
  const a = await cmd(actor, '/link');
  expect(a?.private).toBe(true);
  return /([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(text(a))![1]!;
}
const user = (a: Actor) => app.store.people.userByRef(a.platform, a.id)!;
function cardOf(id: number): MessageRef {
  return app.store.links.refsFor({ kind: 'issue', id })[0]!;
}
function cardText(ref: MessageRef): string {
  const ups = app.delivery.updates.filter((u) => u.ref === ref);
  return richToPlain((ups.length ? ups[ups.length - 1]!.message : app.delivery.posts.find((p) => p.ref === ref)!.message).text);
}

test('/link gives a private code; /link <code> in a private chat on the other platform links the two accounts into one person', async () => {
  await cmd(amySlack, '/iam 交通部');
  const code = await codeFor(amySlack);
  // Asking again replaces the first code: only the latest works.
  const latest = await codeFor(amySlack);
  expect(latest).not.toBe(code);
  expect(text(await dm(amyTg, `/link ${code}`))).toContain('已經用過或已作廢');
  const linked = await dm(amyTg, `/link ${latest.toLowerCase()}`);
  expect(linked?.private).toBe(true);
  expect(text(linked)).toContain('已連結：Amy（slack） 與 Amy T（telegram） 現在算同一個人，部會：交通部');
  expect(user(amyTg).personId).toBe(user(amySlack).id);
  expect(user(amyTg).agencyId).toBe(user(amySlack).agencyId);
  expect(text(await cmd(amySlack, '/link'))).toBe('這個帳號已與 Amy T（telegram） 連結，算同一個人。要取消，請輸入 /unlink <平台>。');
  expect(text(await dm(amyTg, '/link'))).toContain('Amy（slack）');
  // Used once: the same code again is refused.
  expect(text(await dm(amyTg, `/link ${latest}`))).toContain('已經用過或已作廢');
});

test('votes from two linked accounts on one issue become one, and the card says so; a linked person votes once afterwards', async () => {
  await cmd(bobTg, '/propose 議題一');
  const card = cardOf(1);
  await cmd(amySlack, '/vote 1');
  await app.bot.dispatch({ kind: 'reaction', emoji: '👍', added: true, target: card, actor: amyTg, chat: TG_GROUP });
  await cmd(calSlack, '/vote 1');
  expect(app.store.votes.tally(1).votes).toBe(3);
  const answer = text(await dm(amyTg, `/link ${await codeFor(amySlack)}`));
  expect(answer).toContain('兩個帳號都投過的 1 個議題，現在各只算一票');
  await app.bot.drain();
  expect(app.store.votes.tally(1).votes).toBe(2);
  expect(cardText(card)).toContain('👍 2 票');
  expect(cardText(card)).toContain('🔗 其中 1 人以兩個已連結的帳號投票，各只算一票');
  // One person, one vote, whichever account votes.
  expect(text(await cmd(amySlack, '/vote 1'))).toBe('您已經投過議題 #1，一人一票，不會重複計算。');
  expect(text(await cmd(amyTg, '/unvote 1'))).toBe('已撤回您對議題 #1 的投票。');
  expect(app.store.votes.tally(1).votes).toBe(1);
  expect(text(await cmd(amySlack, '/issue 1'))).toContain('Amy 連結了兩個帳號，兩票合為一票');
});

test('a vote cast on only one account before linking moves to the person and still counts once', async () => {
  await cmd(bobTg, '/propose 議題一');
  await cmd(amyTg, '/vote 1');
  await dm(amyTg, `/link ${await codeFor(amySlack)}`);
  expect(app.store.votes.tally(1).votes).toBe(1);
  expect(text(await cmd(amySlack, '/vote 1'))).toBe('您已經投過議題 #1，一人一票，不會重複計算。');
});

test('agencies: a confirmed agency wins over a claim; two claims that differ are refused and explained, and the code stays valid', async () => {
  await cmd(amySlack, '/iam 交通部');
  await cmd(amyTg, '/iam 勞動部');
  const code = await codeFor(amySlack);
  const refused = await dm(amyTg, `/link ${code}`);
  expect(text(refused)).toBe('兩個帳號代表不同的部會（交通部／勞動部），而且兩邊都只是自行登記：一個人只能代表一個部會。請先用 /iam 讓兩邊一致（或請主持人 /confirm），再輸入一次代碼（代碼仍然有效）。');
  expect(user(amyTg).personId).toBeNull();
  await dm(amyTg, '/iam 交通部');
  expect(text(await dm(amyTg, `/link ${code}`))).toContain('部會：交通部');
  // One agency from now on: a claim on either account moves both.
  await dm(amyTg, '/iam 勞動部');
  expect(user(amySlack).agencyId).toBe(user(amyTg).agencyId);
});

test('with a roster, the confirmed account wins over the other account\'s claim, and the person acts for it on both', async () => {
  await start({ facilitators: ['slack:UFAC'], roster: [{ user: 'slack:UAMY', agency: '交通部' }] });
  await cmd(amySlack, '/propose 議題一');
  await cmd(amyTg, '/iam 勞動部');
  await dm(amyTg, `/link ${await codeFor(amySlack)}`);
  expect(app.bot.services.people.agencies.name(user(amyTg).agencyId)).toBe('交通部');
  expect(app.bot.services.people.actsFor(user(amyTg))).toBe(user(amySlack).agencyId);
  await cmd(amyTg, '/vote 1');
  expect(app.store.votes.tally(1)).toEqual({ votes: 1, agencies: 1 });
  // The roster pins the person: a claim from the linked account is refused like one from the pinned one.
  expect(text(await dm(amyTg, '/iam 勞動部'))).toContain('交通部');
  expect(app.bot.services.people.agencies.name(user(amyTg).agencyId)).toBe('交通部');
});

test('the facilitator role is not carried across by linking', async () => {
  await start({ facilitators: ['slack:UAMY'] });
  await dm(amyTg, `/link ${await codeFor(amySlack)}`);
  expect(user(amyTg).personId).not.toBeNull();
  expect(text(await cmd(amyTg, '/confirm Bob 交通部'))).toBe('這個動作只有主持人（PDIS）可以執行。');
  expect(text(await cmd(amySlack, '/confirm Amy 交通部'))).toContain('交通部');
});

test('/unlink <platform> undoes it: the accounts vote separately again', async () => {
  await cmd(bobTg, '/propose 議題一');
  await dm(amyTg, `/link ${await codeFor(amySlack)}`);
  await cmd(amyTg, '/vote 1');
  expect(text(await cmd(amySlack, '/unlink'))).toBe('請說明要取消哪個平台的連結。用法：/unlink <平台>，這裡是 /unlink telegram');
  expect(text(await cmd(amySlack, '/unlink slack'))).toBe('這個帳號沒有連結 slack 的帳號（已連結：Amy T（telegram））。');
  expect(text(await cmd(amySlack, '/unlink telegram'))).toContain('已取消與 Amy T（telegram） 的連結');
  expect(user(amySlack).personId).toBeNull();
  expect(user(amyTg).personId).toBeNull();
  expect(text(await cmd(amySlack, '/unlink telegram'))).toBe('這個帳號沒有連結其他平台的帳號。');
  // The joined vote stayed with the older account (Slack's); the Telegram account may vote again.
  expect(text(await cmd(amyTg, '/vote 1'))).toContain('目前 2 票');
});

describe('bad input: a clear answer, nothing changed', () => {
  test('a code typed in a group chat is refused and invalidated (it was seen by others)', async () => {
    const code = await codeFor(amySlack);
    const a = await cmd(amyTg, `/link ${code}`);
    expect(a?.private).toBe(true);
    expect(text(a)).toBe('連結代碼必須私訊機器人，不能在群組裡輸入：這個代碼已被其他人看到，現已作廢。請在另一個帳號輸入 /link 取得新代碼。');
    expect(user(amyTg).personId).toBeNull();
    expect(text(await dm(amyTg, `/link ${code}`))).toContain('已經用過或已作廢');
    expect(user(amyTg).personId).toBeNull();
  });

  test('an expired code, a mistyped code, a code from the same account or the same platform', async () => {
    const code = await codeFor(amySlack);
    expect(text(await dm(amyTg, '/link ABCD-EFG'))).toContain('沒有這個連結代碼');
    expect(text(await dm(amyTg, '/link 0000-0000'))).toContain('沒有這個連結代碼');
    expect(text(await dm(amySlack, `/link ${code}`))).toBe('這個代碼就是這個帳號產生的：請在另一個平台的帳號私訊機器人 /link <代碼>。');
    expect(text(await dm(calSlack, `/link ${code}`))).toBe('兩個帳號都在 slack：只能連結不同平台的帳號。');
    app.clock.advance(10 * 60_000);
    expect(text(await dm(amyTg, `/link ${code}`))).toBe('這個連結代碼已過期（有效 10 分鐘）：請在另一個帳號輸入 /link 取得新代碼。');
    for (const a of [amySlack, amyTg, calSlack]) expect(user(a).personId).toBeNull();
  });

  test('either account already linked to a third account', async () => {
    // A code Amy's Telegram account made before it was linked with her Slack account.
    const early = /([A-Z0-9]{4}-[A-Z0-9]{4})/.exec(text(await dm(amyTg, '/link')))![1]!;
    await dm(amyTg, `/link ${await codeFor(amySlack)}`);
    expect(text(await dm(calSlack, `/link ${early}`))).toBe('產生代碼的帳號 Amy T 已與 Amy（slack） 連結；請先在那裡輸入 /unlink 取消，再重新產生代碼。');
    // A linked account shows its link instead of a new code ...
    expect(text(await cmd(amySlack, '/link'))).toContain('已與 Amy T（telegram） 連結');
    // ... and cannot take a code from a third account.
    const calCode = await codeFor(calSlack);
    expect(text(await dm(amyTg, `/link ${calCode}`))).toBe('這個帳號已與 Amy（slack） 連結；一個帳號只能連結另一個平台的一個帳號。要改連，請先輸入 /unlink slack。');
    expect(user(calSlack).personId).toBeNull();
  });

  test('/link in a group where the answer cannot be private sends people to a private chat, with no code made', async () => {
    const a = await cmd(amyTg, '/link');
    expect(text(a)).toBe('為了不讓連結代碼出現在群組裡，請私訊機器人 /link。');
  });

  test('the answers exist in English too', async () => {
    await start({ locale: 'en' });
    expect(text(await dm(amyTg, '/link nope'))).toContain('There is no such link code');
    expect(text(await cmd(amyTg, `/link ${await codeFor(amySlack)}`))).toContain('seen by others');
  });
});
