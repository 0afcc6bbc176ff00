// A second bot process on the same database file, for tests of several processes on one file
// (issue 14, item 3). Run with tsx; it reads one JSON command per line on stdin and answers one
// JSON line on stdout:
//   {"op":"dispatch","event":{…}}  → {"answer": "<plain text>" | null}
//   {"op":"recover"}                → {"recovered": <entries re-sent>, "posts": ["<chat>", …]}
// Its delivery is the real Outbox in front of a platform that records what it accepted.
import { createInterface } from 'node:readline';
import { createApp } from '../../src/app';
import { parseConfig } from '../../src/config/load';
import { AdjustableClock } from '../../src/core/clock';
import { silentLogger } from '../../src/core/logger';
import { Outbox } from '../../src/core/delivery/outbox';
import { ownerGone, processOwner } from '../../src/store/process-owner';
import { richToPlain, type ChatRef, type InboundEvent, type MessageRef } from '../../src/core/types';

const [file, config, now] = process.argv.slice(2) as [string, string, string];
const clock = new AdjustableClock(new Date(now));
const app = createApp({ config: parseConfig(JSON.parse(config)), databasePath: file, clock, logger: silentLogger });
const posts: string[] = [];
let n = 0;
const platform = {
  post: async (chat: ChatRef) => {
    posts.push(chat);
    return `${chat}#b${++n}` as MessageRef;
  },
  update: async () => {},
};
const outbox = new Outbox(app.store.outbox, platform, app.store.links, clock, silentLogger, { owner: processOwner(), ownerGone });
app.bot.setDelivery(outbox);

const out = (o: unknown) => process.stdout.write(JSON.stringify(o) + '\n');
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const cmd = JSON.parse(line) as { op: 'dispatch'; event: InboundEvent } | { op: 'recover' };
  void (async () => {
    if (cmd.op === 'dispatch') {
      const a = await app.bot.dispatch(cmd.event);
      await app.bot.drain();
      out({ answer: a ? richToPlain(a.message.text) : null });
    } else {
      const recovered = await outbox.recover();
      out({ recovered, posts });
    }
  })();
});
lines.on('close', () => {
  app.close();
  process.exit(0);
});
out({ ready: true });
