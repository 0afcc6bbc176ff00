// Issue 25 item 11: Slack refuses a message whose blocks hold more than about 12,000 characters
// in all (msg_blocks_too_long), whatever each section's own 3,000. The fake Slack refuses as
// Slack does; nothing may be refused, and every line must arrive.
import { renderSlackCard, renderSlackMessages } from '../../src/adapters/slack/render';
import { richToPlain } from '../../src/core/types';
import { blockText } from '../support/slack/fake-slack';
import { slackHarness, blocksText, type SlackHarness } from './support/harness';

let h: SlackHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const PDIS = { platform: 'slack' as const, id: 'UPDIS', name: 'pdis' };
const AMY = { platform: 'slack' as const, id: 'UAMY', name: 'amy' };
/** A chat line straight to the bot, as the slack adapter would hand it over (setting up state). */
async function say(who: typeof PDIS, line: string): Promise<string> {
  const [name, ...rest] = line.slice(1).split(' ');
  const a = await h!.app.bot.dispatch({ kind: 'command', name: name!, args: rest.join(' '), actor: who, chat: 'slack:C1' });
  return a ? richToPlain(a.message.text) : '';
}

function decisionText(i: number): string {
  return `第${i}項決議：` + '各部會於下次會議前完成盤點並回報協作進度'.repeat(24).slice(0, 480 - 8);
}

test('a meeting summary of 40 decisions × 480 characters is posted in messages Slack accepts, every decision in them', async () => {
  h = await slackHarness({ facilitators: ['slack:UPDIS'] });
  await say(PDIS, '/startmeeting 月會');
  for (let i = 1; i <= 40; i++) await say(PDIS, `/decision ${decisionText(i)}`);
  await h.command('/endmeeting', '', 'UPDIS');
  await h.outbox.flush();
  const posts = h.fake.callsTo('chat.postMessage');
  expect(posts.map((c) => (c.params as { error?: string }).error)).not.toContain('msg_blocks_too_long');
  const refused = h.fake.calls.filter((c) => c.method === 'chat.postMessage').filter((c) => blockText(c.params.blocks) > h!.fake.blockTextLimit);
  expect(refused).toEqual([]);
  expect(h.app.store.outbox.backlog(h.app.clock.now())).toMatchObject({ pending: 0, dead: 0 });
  const shown = [...h.fake.messages.values()].map((m) => blocksText(m.blocks)).join('\n');
  for (let i = 1; i <= 40; i++) expect(shown).toContain(decisionText(i));
  expect(posts.length).toBeGreaterThan(1);
});

test('a /case answer after 120 notes (one respond of ~74k characters before) goes out in responds Slack accepts', async () => {
  h = await slackHarness({ facilitators: ['slack:UPDIS'] });
  await say(AMY, '/iam 交通部');
  await say(AMY, '/propose 路口安全');
  await say(PDIS, '/select 1');
  const note = (i: number) => `備註${i}：` + '與地方政府確認路口改善的經費來源與時程'.repeat(30).slice(0, 480);
  for (let i = 1; i <= 120; i++) expect(await say(PDIS, `/case 1 note ${note(i)}`)).not.toContain('超過');
  const res = await h.command('/case', '1', 'UAMY');
  expect(res.status).toBe(200);
  const refused = h.fake.calls.filter((c) => c.status !== 200);
  expect(refused.map((c) => c.method)).toEqual([]);
  const answers = [...h.fake.responses.map((r) => r.body.blocks), ...h.fake.callsTo('chat.postMessage').map((c) => c.params.blocks)];
  for (const b of answers) expect(blockText(b)).toBeLessThanOrEqual(11_000);
  const shown = answers.map((b) => blocksText(b)).join('\n');
  for (let i = 1; i <= 120; i++) expect(shown).toContain(`備註${i}：`);
});

test('the renderer keeps every message, and a card edited in place, within the total', () => {
  const text = Array.from({ length: 40 }, (_, i) => decisionText(i)).join('\n');
  const msgs = renderSlackMessages({ text: [text], buttons: [{ action: 'vote', value: '1', label: '👍' }] }, 'zh-TW');
  for (const m of msgs) expect(blockText(m.blocks)).toBeLessThanOrEqual(11_000);
  expect(msgs.map((m) => blocksText(m.blocks)).join('\n').replace(/\n/g, '')).toContain(decisionText(39));
  const card = renderSlackCard({ text: [text], buttons: [{ action: 'vote', value: '1', label: '👍' }] }, 'zh-TW');
  expect(blockText(card.blocks)).toBeLessThanOrEqual(11_000);
  expect(JSON.stringify(card.blocks)).toContain('👍');
});
