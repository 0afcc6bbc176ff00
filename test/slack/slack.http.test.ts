import { slackHarness, blocksText, type SlackHarness } from './support/harness';
import { BOT_USER_ID } from '../support/slack/fake-slack';
import { messagePayload, sendSigned } from '../support/slack/signed';

let h: SlackHarness;
beforeEach(async () => {
  h = await slackHarness();
});
afterEach(async () => {
  await h.close();
});

/** Proposes an issue through /propose and returns the ts of its posted card. */
async function proposeCard(title = '公車路線整併 #交通部', user = 'UAMY'): Promise<string> {
  const before = h.fake.callsTo('chat.postMessage').length;
  const res = await h.command('/propose', title, user);
  expect(res.status).toBe(200);
  const posts = h.fake.callsTo('chat.postMessage').filter((c) => c.status === 200);
  expect(posts.length).toBe(before + 1);
  return [...h.fake.messages.values()].at(-1)!.ts;
}

describe('slash commands', () => {
  test('propose posts the card with chat.postMessage and links it to the issue', async () => {
    const ts = await proposeCard();
    const call = h.fake.callsTo('chat.postMessage')[0]!;
    expect(call.authorization).toBe('Bearer xoxb-test-token');
    expect(call.params.channel).toBe('C1');
    const text = blocksText(call.params.blocks);
    expect(text).toContain('*議題 #1：公車路線整併*');
    expect(text).toContain('相關部會：交通部');
    expect(text).toContain('提案人：Person UAMY');
    expect(call.params.text).toContain('議題 #1：公車路線整併');
    const actions = (call.params.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]).find((b) => b.type === 'actions');
    expect(actions?.elements?.[0]).toMatchObject({ action_id: 'po:vote:0', value: '1' });
    expect(h.app.store.links.find(`slack:C1#${ts}`)).toEqual({ kind: 'issue', id: 1 });
    expect(h.app.store.issues.get(1)?.chat).toBe('slack:C1');
    // The proposer's Slack display name came from users.info.
    expect(h.fake.callsTo('users.info')[0]?.params.user).toBe('UAMY');
  });

  test('help is answered ephemerally, the issue list in the channel', async () => {
    await h.command('/help', '');
    expect(h.fake.responses.at(-1)!.body).toMatchObject({ response_type: 'ephemeral' });
    expect(blocksText(h.fake.responses.at(-1)!.body.blocks)).toContain('/propose');
    await proposeCard();
    await h.command('/issues', '');
    const list = h.fake.responses.at(-1)!.body;
    expect(list.response_type).toBe('in_channel');
    expect(blocksText(list.blocks)).toContain('#1 公車路線整併');
  });

  test('every command the bot has is registered; an unknown one gets the clear answer', async () => {
    for (const c of h.app.bot.listCommands()) {
      await h.command(`/${c.name}`, '');
    }
    // Every command answered (none fell through to Bolt's "unhandled" path).
    expect(h.fake.responses.length).toBe(h.app.bot.listCommands().length);
    await h.command('/isues', '');
    expect(blocksText(h.fake.responses.at(-1)!.body.blocks)).toContain('/issues');
    expect(h.fake.responses.at(-1)!.body.response_type).toBe('ephemeral');
  });

  test("a command named like one of Slack's own is declared as /po-<name> and reaches the bot", async () => {
    await h.command('/po-topic', '公車路線', 'UAMY');
    const answer = blocksText(h.fake.responses.at(-1)!.body.blocks);
    // The minutes' /topic answered (facilitators only), not "unknown command".
    expect(answer).toBe('這個動作只有主持人（PDIS）可以執行。');
    await h.command('/po-help', '', 'UAMY');
    expect(blocksText(h.fake.responses.at(-1)!.body.blocks)).toContain('/propose');
  });

  test('Slack link and channel markup in command text is read as what the person typed', async () => {
    await h.command('/propose', '路口改善 <#C0TRAFFIC|交通部> <https://join.gov.tw/idea/detail/abc|join.gov.tw/idea> &amp; 其他');
    const issue = h.app.store.issues.get(1)!;
    expect(issue.title).toBe('路口改善 & 其他');
    expect(issue.petitionUrl).toBe('https://join.gov.tw/idea/detail/abc');
    expect(issue.agencyIds.length).toBe(1);
  });
});

describe('reaction votes', () => {
  test('reaction_added stores the vote and updates the card in place; reaction_removed withdraws it', async () => {
    const ts = await proposeCard();
    expect((await h.reaction({ eventId: 'Ev1', user: 'UBOB', ts })).status).toBe(200);
    expect(h.votes()).toBe(1);
    const upd = h.fake.callsTo('chat.update');
    expect(upd.length).toBe(1);
    expect(upd[0]!.params).toMatchObject({ channel: 'C1', ts });
    expect(blocksText(upd[0]!.params.blocks)).toContain('👍 1 票');

    await h.reaction({ eventId: 'Ev2', type: 'reaction_removed', user: 'UBOB', ts });
    expect(h.votes()).toBe(0);
    expect(h.fake.callsTo('chat.update').length).toBe(2);
    expect(blocksText(h.fake.messages.get(`C1#${ts}`)!.blocks)).toContain('👍 0 票');
  });

  test('skin-tone variants and the configured names count; other emoji do not', async () => {
    const ts = await proposeCard();
    await h.reaction({ eventId: 'Ev1', user: 'UBOB', ts, reaction: 'thumbsup::skin-tone-3' });
    await h.reaction({ eventId: 'Ev2', user: 'UCAT', ts, reaction: 'heart' });
    expect(h.votes()).toBe(1);
    expect(h.fake.callsTo('chat.update').length).toBe(1);
  });

  test('a reaction on another message is ignored', async () => {
    await proposeCard();
    const lookups = h.fake.callsTo('users.info').length;
    // Someone else's message: dropped before any lookup.
    await h.reaction({ eventId: 'Ev1', user: 'UBOB', ts: '1733000999.000001', itemUser: 'UOTHER' });
    // A bot message that is not one of our cards (no item_user given): the core finds no record.
    await h.reaction({ eventId: 'Ev2', user: 'UBOB', ts: '1733000999.000002', itemUser: null });
    expect(h.votes()).toBe(0);
    expect(h.fake.callsTo('chat.update').length).toBe(0);
    expect(h.fake.callsTo('users.info').length).toBe(lookups + 1);
  });

  test("the bot's own reactions and other bots' reactions never vote", async () => {
    const ts = await proposeCard();
    h.fake.users.set('UROBOT', { id: 'UROBOT', name: 'robot', is_bot: true });
    await h.reaction({ eventId: 'Ev1', user: BOT_USER_ID, ts });
    await h.reaction({ eventId: 'Ev2', user: 'UROBOT', ts });
    expect(h.votes()).toBe(0);
  });

  test('a retried event (same event_id, X-Slack-Retry-Num) is counted once, even after the vote was withdrawn', async () => {
    const ts = await proposeCard();
    await h.reaction({ eventId: 'EvSame', user: 'UBOB', ts });
    const retry = await h.reaction({ eventId: 'EvSame', user: 'UBOB', ts }, { headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' } });
    expect(retry.status).toBe(200);
    expect(h.votes()).toBe(1);
    expect(h.fake.callsTo('chat.update').length).toBe(1);
    await h.reaction({ eventId: 'EvRemove', type: 'reaction_removed', user: 'UBOB', ts });
    // A late redelivery of the first add must not bring the withdrawn vote back.
    await h.reaction({ eventId: 'EvSame', user: 'UBOB', ts }, { headers: { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' } });
    expect(h.votes()).toBe(0);
    expect(h.fake.callsTo('chat.update').length).toBe(2);
  });
});

describe('request verification', () => {
  test('a bad signature gets 401 and changes nothing', async () => {
    const ts = await proposeCard();
    const updates = h.fake.callsTo('chat.update').length;
    expect((await h.reaction({ eventId: 'Ev1', user: 'UBOB', ts }, { secret: 'not-the-secret' })).status).toBe(401);
    expect((await h.command('/propose', '偽造的議題', 'UEVE', { secret: 'not-the-secret' })).status).toBe(401);
    expect(h.votes()).toBe(0);
    expect(h.app.store.issues.list({ order: 'newest', limit: 10 }).total).toBe(1);
    expect(h.fake.callsTo('chat.update').length).toBe(updates);
    expect(h.app.store.events.seen('slack:Ev1')).toBe(false);
  });

  test('a stale timestamp gets 401 even with a valid signature', async () => {
    const ts = await proposeCard();
    const stale = Math.floor(Date.now() / 1000) - 10 * 60;
    expect((await h.reaction({ eventId: 'Ev1', user: 'UBOB', ts }, { timestamp: stale })).status).toBe(401);
    expect((await h.command('/propose', '過期的請求', 'UEVE', { timestamp: stale })).status).toBe(401);
    expect(h.votes()).toBe(0);
    expect(h.app.store.issues.list({ order: 'newest', limit: 10 }).total).toBe(1);
  });
});

describe('Web API failures', () => {
  test('429 then 200: the Retry-After is waited out and the card is posted exactly once', async () => {
    h.fake.failNext('chat.postMessage', { status: 429, headers: { 'retry-after': '2' }, body: { ok: false, error: 'ratelimited' } });
    await h.command('/propose', '公車路線整併', 'UAMY');
    const calls = h.fake.callsTo('chat.postMessage');
    expect(calls.map((c) => c.status)).toEqual([429, 200]);
    expect(h.fake.messages.size).toBe(1);
    expect(h.waits).toEqual([2000]);
    const ts = [...h.fake.messages.values()][0]!.ts;
    expect(h.app.store.links.find(`slack:C1#${ts}`)).toEqual({ kind: 'issue', id: 1 });
    // Nothing went wrong from the user's side: no error answer.
    expect(h.fake.responses.length).toBe(0);
  });

  test('another API error is logged with its Slack code and the user gets a clear message', async () => {
    h.fake.failNext('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } });
    await h.command('/propose', '公車路線整併', 'UAMY');
    const answer = h.fake.responses.at(-1)!.body;
    expect(answer.response_type).toBe('ephemeral');
    expect(blocksText(answer.blocks)).toContain('/invite @po-bot');
    expect(h.logger.entries.some((e) => e.level === 'error' && e.obj.code === 'not_in_channel' && e.obj.method === 'chat.postMessage')).toBe(true);
    // The proposal itself is kept; the outbox keeps the card as a dead letter (retrying cannot
    // help until someone invites the bot) and posts it once re-queued (`npm run outbox -- retry`).
    expect(h.app.store.issues.get(1)?.title).toBe('公車路線整併');
    expect(h.fake.messages.size).toBe(0);
    h.app.clock.advance(3_600_000);
    await h.outbox.flush();
    expect(h.fake.messages.size).toBe(0);
    expect(h.outbox.backlog()).toMatchObject({ pending: 0, dead: 1 });
    expect(h.app.store.outbox.requeue(1, new Date(0))).toBe(true);
    await h.outbox.flush();
    expect(h.fake.messages.size).toBe(1);
    const ts = [...h.fake.messages.values()][0]!.ts;
    expect(h.app.store.links.find(`slack:C1#${ts}`)).toEqual({ kind: 'issue', id: 1 });
    expect(h.fake.responses.length).toBe(1);
  });

  test('a refusal retrying cannot fix (archived channel) is dropped, explained, and serving goes on', async () => {
    h.fake.failNext('chat.postMessage', { body: { ok: false, error: 'is_archived' } });
    await h.command('/propose', '公車路線整併', 'UAMY');
    expect(blocksText(h.fake.responses.at(-1)!.body.blocks)).toBe('Slack 拒絕了這則訊息（錯誤碼：is_archived），沒有貼出。已儲存的內容不會遺失，可用 /issues 查看；若一直發生，請聯絡主持人。');
    expect(h.outbox.backlog()).toMatchObject({ pending: 0, dead: 1 });
    await proposeCard('第二個議題');
  });

  test('with locale en the same failure is explained in English', async () => {
    await h.close();
    h = await slackHarness({ locale: 'en' });
    h.fake.failNext('chat.postMessage', { body: { ok: false, error: 'is_archived' } });
    await h.command('/propose', 'Bus route merger');
    expect(blocksText(h.fake.responses.at(-1)!.body.blocks)).toBe('Slack refused this message (error: is_archived); it was not posted. What was saved is kept, see /issues; if this keeps happening, tell a facilitator.');
  });
});

describe('markup injection', () => {
  test('&, < and > in a title are escaped in the posted blocks and fallback', async () => {
    await proposeCard('票數 1 < 2 & 3 > 2');
    const call = h.fake.callsTo('chat.postMessage')[0]!;
    const text = blocksText(call.params.blocks);
    expect(text).toContain('票數 1 &lt; 2 &amp; 3 &gt; 2');
    expect(text).not.toMatch(/<(?!https?:)/);
    expect(String(call.params.text)).toContain('票數 1 &lt; 2 &amp; 3 &gt; 2');
    const sections = (call.params.blocks as { type: string; text?: { verbatim?: boolean } }[]).filter((b) => b.type === 'section');
    expect(sections.every((s) => s.text?.verbatim === true)).toBe(true);
  });

  test('a broadcast in a title is refused with a clear message and nothing is posted', async () => {
    await h.command('/propose', '大家看 <!channel> 與 <!subteam^S123|@po-team>', 'UEVE');
    expect(h.fake.callsTo('chat.postMessage').length).toBe(0);
    expect(h.app.store.issues.get(1)).toBeUndefined();
    expect(h.fake.responses.at(-1)!.body.response_type).toBe('ephemeral');
    expect(blocksText(h.fake.responses.at(-1)!.body.blocks)).toContain('全體提及');
  });

  test('a Slack display name carrying markup cannot ping anyone from the card', async () => {
    h.fake.users.set('UEVE', { id: 'UEVE', name: 'eve', profile: { display_name: '<!channel> Eve @here <@U999>' } });
    await proposeCard('普通的議題', 'UEVE');
    const call = h.fake.callsTo('chat.postMessage')[0]!;
    const raw = JSON.stringify(call.params);
    expect(raw).not.toContain('<!');
    expect(raw).not.toContain('<@');
    expect(raw).not.toMatch(/@here/);
    expect(blocksText(call.params.blocks)).toContain('&lt;!channel&gt; Eve @\u200Bhere &lt;@U999&gt;');
  });
});

describe('buttons', () => {
  test('the vote button on a card votes, updates the card and answers only the voter', async () => {
    const ts = await proposeCard();
    expect((await h.button({ user: 'UBOB', ts, actionId: 'po:vote:0', value: '1' })).status).toBe(200);
    expect(h.votes()).toBe(1);
    expect(blocksText(h.fake.callsTo('chat.update')[0]!.params.blocks)).toContain('👍 1 票');
    expect(h.fake.responses.at(-1)!.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
  });
});

describe('identity', () => {
  test('display names come from users.info once per person; agencies from the roster and /iam', async () => {
    await h.close();
    h = await slackHarness({ roster: [{ user: 'slack:UBOB', agency: '交通部', name: '王小明' }], facilitators: ['slack:UPDIS'] });
    h.fake.users.set('UCAT', { id: 'UCAT', name: 'cat', real_name: 'Cat Lin', profile: { display_name: '' } });
    const ts = await proposeCard('公車路線整併', 'UAMY');
    // With a roster, a claim made with /iam waits for a facilitator's /confirm (issue 14, item 10).
    await h.command('/iam', '內政部', 'UCAT');
    expect(blocksText(h.fake.responses.at(-1)!.body.blocks)).toContain('已登記您為「內政部」的聯絡人');
    expect(h.fake.responses.at(-1)!.body.response_type).toBe('ephemeral');
    await h.command('/confirm', 'slack:UCAT 內政部', 'UPDIS');
    await h.reaction({ eventId: 'Ev1', user: 'UBOB', ts });
    await h.reaction({ eventId: 'Ev2', user: 'UCAT', ts });
    await h.reaction({ eventId: 'Ev3', type: 'reaction_removed', user: 'UCAT', ts });
    await h.reaction({ eventId: 'Ev4', user: 'UCAT', ts });
    expect(blocksText(h.fake.messages.get(`C1#${ts}`)!.blocks)).toContain('👍 2 票，來自 2 個部會');
    const lookups = h.fake.callsTo('users.info').map((c) => c.params.user);
    expect(lookups.filter((u) => u === 'UCAT').length).toBe(1);
    await h.command('/issue', '1', 'UAMY');
    const detail = blocksText(h.fake.responses.at(-1)!.body.blocks);
    // The roster's name wins over Slack's; an empty display name falls back to the real name.
    expect(detail).toContain('交通部：王小明');
    expect(detail).toContain('內政部：Cat Lin');
  });

  test('when users.info fails, the vote still counts under the best name known', async () => {
    const ts = await proposeCard();
    h.fake.failNext('users.info', { body: { ok: false, error: 'missing_scope' } });
    await h.reaction({ eventId: 'Ev1', user: 'UDAN', ts });
    expect(h.votes()).toBe(1);
    expect(h.logger.entries.some((e) => e.obj.code === 'missing_scope')).toBe(true);
    h.fake.failNext('users.info', { body: { ok: false, error: 'missing_scope' } });
    await h.command('/propose', '另一個議題', 'UEVA');
    expect(blocksText(h.fake.callsTo('chat.postMessage').at(-1)!.params.blocks)).toContain('提案人：ueva');
  });

  test("a mention in Slack's markup reaches the core as a plain @id (the core parses no platform's syntax)", async () => {
    await h.close();
    h = await slackHarness({ facilitators: ['slack:UPDIS'] });
    h.fake.users.set('UCAT', { id: 'UCAT', name: 'cat', real_name: 'Cat Lin', profile: { display_name: '' } });
    await h.command('/iam', '內政部', 'UCAT');
    await h.command('/action', '<@UCAT> 聯繫提案人', 'UPDIS');
    expect(blocksText(h.fake.responses.at(-1)!.body.blocks)).toContain('📌 列管 #1');
    const cat = h.app.db.$client.prepare(`select id from users where platform_user_id = 'UCAT'`).get() as { id: number };
    expect(h.app.store.actions.get(1)).toMatchObject({ ownerUserId: cat.id });
  });
});

test("Slack's URL verification handshake is answered with the challenge", async () => {
  const res = await sendSigned(h.eventsUrl, JSON.stringify({ token: 't', challenge: 'c-123', type: 'url_verification' }), 'application/json');
  expect(res.status).toBe(200);
  expect(JSON.parse(res.text)).toEqual({ challenge: 'c-123' });
});

describe('files', () => {
  test('the meetings calendar is shared in the channel as a file (files:write external upload)', async () => {
    await h.close();
    h = await slackHarness({ facilitators: ['slack:UPDIS'] });
    await h.command('/meeting', 'add 元旦特別會議 2027-01-01 10:00', 'UPDIS');
    await h.command('/meeting', 'ics', 'UAMY');
    const text = h.fake.responses.at(-1)!.body;
    expect(text.response_type).toBe('in_channel');
    expect(blocksText(text.blocks)).toContain('行事曆檔（iCalendar）：1 場會議');
    expect(JSON.stringify(text)).not.toContain('BEGIN:VCALENDAR');
    expect(h.fake.files.length).toBe(1);
    expect(h.fake.files[0]).toMatchObject({ channel: 'C1', title: 'po-bot-meetings.ics' });
    expect(h.fake.files[0]!.content).toMatch(/^BEGIN:VCALENDAR\r\n[\s\S]*元旦特別會議[\s\S]*END:VCALENDAR\r\n$/);
  });

  test('when Slack refuses the file, the caller gets its content inline, only to them', async () => {
    await h.close();
    h = await slackHarness({ facilitators: ['slack:UPDIS'] });
    await h.command('/meeting', 'add 元旦特別會議 2027-01-01 10:00', 'UPDIS');
    h.fake.failNext('files.getUploadURLExternal', { body: { ok: false, error: 'missing_scope' } });
    await h.command('/meeting', 'ics', 'UAMY');
    const fallback = h.fake.responses.at(-1)!.body;
    expect(fallback.response_type).toBe('ephemeral');
    expect(blocksText(fallback.blocks)).toContain('檔案無法上傳到頻道（Slack 錯誤碼：missing_scope）');
    expect(blocksText(fallback.blocks)).toContain('BEGIN:VCALENDAR');
    expect(h.fake.files.length).toBe(0);
  });
});

describe('channel messages (in-chat minutes)', () => {
  test('messages between /startmeeting and /endmeeting are recorded once, as people read them', async () => {
    await h.close();
    h = await slackHarness({ facilitators: ['slack:UPDIS'] });
    const say = (f: Parameters<typeof messagePayload>[0], o = {}) => sendSigned(h.eventsUrl, JSON.stringify(messagePayload(f)), 'application/json', o).then(async (r) => (await h.settled(), r));
    await say({ eventId: 'M0', user: 'UAMY', text: '會前閒聊，不記錄' });
    await h.command('/startmeeting', '交通議題協作會議', 'UPDIS');
    await say({ eventId: 'M1', user: 'UAMY', text: '建議 <@UBOB> 先看 &lt;第三案&gt; 的 <https://join.gov.tw/idea/1|連署>' });
    await say({ eventId: 'M1', user: 'UAMY', text: '建議 <@UBOB> 先看 &lt;第三案&gt; 的 <https://join.gov.tw/idea/1|連署>' }, { headers: { 'x-slack-retry-num': '1' } });
    await say({ eventId: 'M2', user: 'UBOB', text: '改過的文字', subtype: 'message_changed' });
    await say({ eventId: 'M3', text: '機器人說話', botId: 'B999', subtype: 'bot_message' });
    await say({ eventId: 'M4', user: 'UBOT', text: '我自己' });
    await say({ eventId: 'M5', user: 'UBOB', text: '同意 <!here>' });
    await h.command('/endmeeting', '', 'UPDIS');
    await h.command('/minutes', '', 'UPDIS');
    expect(h.fake.files.length).toBe(1);
    const md = h.fake.files[0]!.content;
    // Slack's &lt; arrives as the < that was typed (the Markdown export escapes it as \<).
    expect(md.match(/Person UAMY（未登記部會）\*\*：建議 @Person UBOB 先看 \\<第三案\\> 的 https:\/\/join\.gov\.tw\/idea\/1\n/g)?.length).toBe(1);
    expect(md).toContain('同意 @here');
    for (const absent of ['會前閒聊', '改過的文字', '機器人說話', '我自己']) expect(md).not.toContain(absent);
  });
});
