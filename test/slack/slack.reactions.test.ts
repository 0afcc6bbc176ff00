import { slackHarness, type SlackHarness } from './support/harness';

// Issue 14, item 11: in Slack `+1` and `+1::skin-tone-4` are two reactions but one vote; the
// vote stays while any of the person's vote reactions is still on the card.

let h: SlackHarness;
let ts: string;

beforeEach(async () => {
  h = await slackHarness();
  await h.command('/propose', '公車路線整併');
  ts = [...h.fake.messages.values()].at(-1)!.ts;
});

afterEach(async () => {
  await h.close();
});

let events = 0;
/** A person puts a reaction on the card (or takes it off): Slack's state changes, then its event arrives. */
async function react(user: string, reaction: string, added: boolean): Promise<void> {
  h.fake.react('C1', ts, user, reaction, added);
  const res = await h.reaction({ eventId: `EvR${++events}`, user, ts, reaction, type: added ? 'reaction_added' : 'reaction_removed' });
  expect(res.status).toBe(200);
}

test('+1, then +1::skin-tone-4, then the skin tone taken off: the vote stays; the last vote reaction taken off withdraws it', async () => {
  await react('UBOB', '+1', true);
  await react('UBOB', '+1::skin-tone-4', true);
  expect(h.votes()).toBe(1);
  await react('UBOB', '+1::skin-tone-4', false);
  expect(h.votes()).toBe(1);
  await react('UBOB', '+1', false);
  expect(h.votes()).toBe(0);
});

test('the other order, and another person\'s reaction does not keep mine', async () => {
  await react('UBOB', '+1::skin-tone-2', true);
  await react('UBOB', '+1', true);
  await react('UCAT', '+1', true);
  await react('UBOB', '+1', false);
  expect(h.votes()).toBe(2);
  await react('UBOB', '+1::skin-tone-2', false);
  expect(h.votes()).toBe(1);
  // A reaction that is not a vote never counts as one that remains.
  await react('UCAT', 'eyes', true);
  await react('UCAT', '+1', false);
  expect(h.votes()).toBe(0);
});

test('if Slack cannot say which reactions remain, a removal counts as before', async () => {
  await react('UBOB', '+1', true);
  await react('UBOB', '+1::skin-tone-4', true);
  h.fake.failNext('reactions.get', { body: { ok: false, error: 'internal_error' } });
  await react('UBOB', '+1::skin-tone-4', false);
  expect(h.votes()).toBe(0);
});
