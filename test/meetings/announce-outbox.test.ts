import { Outbox } from '../../src/core/delivery/outbox';
import { silentLogger } from '../../src/core/logger';
import type { Delivery } from '../../src/core/feature';
import type { MessageRef } from '../../src/core/types';
import { FACILITATOR, meetingApp, meetingConfig } from './support';

// Issue 14, item 2: a command that announces to several chats queues every post in its own
// transaction, so a crash while the first is being sent cannot lose the others.

test('/meeting cancel to two home chats: both posts are in the outbox once the command is stored, before the first is sent', async () => {
  const app = meetingApp(meetingConfig({ homeChats: ['slack:C1', 'slack:C2'] }));
  try {
    // A platform that never answers: the first send hangs, as at a crash in the send window.
    const hanging: Delivery = { post: () => new Promise<MessageRef>(() => {}), update: async () => {} };
    app.bot.setDelivery(new Outbox(app.store.outbox, hanging, app.store.links, app.clock, silentLogger));
    const m = app.store.meetings.range(app.clock.now(), new Date('2100-01-01'), ['scheduled'])[0]!;
    let stored!: () => void;
    const committed = new Promise<void>((r) => (stored = r));
    void app.bot.dispatch({ kind: 'command', name: 'meeting', args: `cancel ${m.id}`, actor: { platform: 'console', id: FACILITATOR, name: FACILITATOR }, chat: 'console:main' }, { committed: stored });
    await committed;
    const queued = app.db.$client.prepare(`select target from outbox where op = 'post' order by id`).pluck().all();
    expect(queued).toEqual(expect.arrayContaining(['slack:C1', 'slack:C2']));
  } finally {
    app.cleanup();
  }
});
