import { slackHarness } from './support/harness';
import { reactionPayload, sendSigned } from '../support/slack/signed';

// Production answers Slack from the listener: an event is acknowledged once its vote is
// committed, so a crash after the acknowledgement cannot lose it; card updates (throttled,
// possibly slow) go on afterwards and never hold up the acknowledgement.
test('a reaction is acknowledged once its vote is stored, without waiting for the card update', async () => {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const h = await slackHarness({}, { cardUpdateIntervalMs: 60_000, sleep: () => held });
  try {
    await h.command('/propose', '公車路線整併');
    const ts = [...h.fake.messages.values()].at(-1)!.ts;
    const react = (user: string, eventId: string) => sendSigned(h.eventsUrl, JSON.stringify(reactionPayload({ eventId, user, ts })), 'application/json');

    expect((await react('UBOB', 'Ev1')).status).toBe(200);
    expect(h.votes()).toBe(1);
    // The first vote's card update went out; the next one waits on the throttle (held open).
    expect((await react('UCAT', 'Ev2')).status).toBe(200);
    expect(h.votes()).toBe(2);
    expect((await react('UDAN', 'Ev3')).status).toBe(200);
    expect(h.votes()).toBe(3);
    const updatesWhileHeld = h.fake.callsTo('chat.update').length;
    release();
    await h.settled();
    expect(h.fake.callsTo('chat.update').length).toBeGreaterThan(updatesWhileHeld);
    expect(JSON.stringify(h.fake.callsTo('chat.update').at(-1)!.params.blocks)).toContain('3 票');
  } finally {
    release();
    await h.close();
  }
});
