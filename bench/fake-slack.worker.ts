import { parentPort } from 'node:worker_threads';
import { FakeSlack } from '../test/support/slack/fake-slack';

// The fake Web API on its own thread during the benchmark, so Slack's side of each call does
// not eat the CPU of the app being measured (the real Slack runs elsewhere too).
const fake = new FakeSlack();
parentPort!.on('message', async (m: { id: number; op: 'start' | 'stop' | 'state' }) => {
  if (m.op === 'start') {
    await fake.start();
    parentPort!.postMessage({ id: m.id, apiUrl: fake.apiUrl });
  } else if (m.op === 'state') {
    const updates = fake.callsTo('chat.update').length;
    // Calls are not needed afterwards; dropping them keeps the worker's memory flat.
    fake.calls.length = 0;
    parentPort!.postMessage({ id: m.id, updates, messages: [...fake.messages.values()].map((x) => ({ ts: x.ts, blocks: JSON.stringify(x.blocks) })) });
  } else {
    await fake.stop();
    parentPort!.postMessage({ id: m.id });
  }
});
