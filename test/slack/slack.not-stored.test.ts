import { slackHarness, type SlackHarness } from './support/harness';
import { commandPayload, reactionPayload, sendSigned } from '../support/slack/signed';
import { fillDisk, healthz, holdWriteLock } from '../support/store-faults';

// An event is acknowledged only once it is stored (issue 14, item 1). Over HTTP, Slack resends
// an event it got a non-2xx answer for, with the same event_id; the core skips a repeat.

let h: SlackHarness;
let health: Awaited<ReturnType<typeof healthz>>;
let ts: string;

beforeEach(async () => {
  h = await slackHarness();
  health = await healthz(h.app);
  await h.command('/propose', '公車路線整併');
  ts = [...h.fake.messages.values()].at(-1)!.ts;
});

afterEach(async () => {
  await health.close();
  await h.close();
});

const vote = (user: string, eventId: string, retry = 0) =>
  sendSigned(h.eventsUrl, JSON.stringify(reactionPayload({ eventId, user, ts })), 'application/json', retry ? { headers: { 'x-slack-retry-num': String(retry), 'x-slack-retry-reason': 'http_error' } } : {});

const voters = () => (h.app.db.$client.prepare('select u.platform_user_id as id from votes v join users u on u.id = v.user_id order by 1').pluck().all() as string[]).sort();

test('disk full: a vote that could not be stored is answered 503, not 200; the person is told; /healthz 503; once freed, Slack\'s resends store every vote exactly once', async () => {
  const disk = fillDisk(h.app);
  const people: string[] = [];
  const status = new Map<string, number>();
  // Two dozen at a time, as a busy channel delivers them (some share one transaction), until the
  // file has no room left for some (a vote that fits a page's free space is stored).
  while ([...status.values()].filter((s) => s !== 200).length < 10 && people.length < 1200) {
    const batch = Array.from({ length: 24 }, (_, i) => `U${1000 + people.length + i}`);
    people.push(...batch);
    const res = await Promise.all(batch.map((u) => vote(u, `Ev-${u}`)));
    batch.forEach((u, j) => status.set(u, res[j]!.status));
  }
  await h.settled();
  const acked = people.filter((u) => status.get(u) === 200);
  const refused = people.filter((u) => status.get(u) !== 200);
  expect(refused.length).toBeGreaterThan(0);
  expect(new Set(refused.map((u) => status.get(u)))).toEqual(new Set([503]));
  // Every acknowledged vote is stored, and nothing else.
  expect(voters()).toEqual([...acked].sort());

  // One more vote on its own until one finds no room: /healthz says so until a write succeeds.
  for (let res = 200; res === 200; ) {
    const u = `U${1000 + people.length}`;
    people.push(u);
    res = (await vote(u, `Ev-${u}`)).status;
    if (res !== 200) refused.push(u);
    else acked.push(u);
  }
  expect(await health.get()).toBe(503);
  await h.settled();
  // The person is told, only them.
  const told = h.fake.callsTo('chat.postEphemeral').filter((c) => c.params.user === refused[0]);
  expect(told.length).toBeGreaterThan(0);
  expect(String(told[0]!.params.text)).toContain('暫時無法儲存');

  disk.free();
  // Slack resends each refused event; one already acknowledged is resent too (a lost 200).
  for (const u of refused) expect((await vote(u, `Ev-${u}`, 2)).status).toBe(200);
  expect((await vote(acked[0]!, `Ev-${acked[0]}`, 1)).status).toBe(200);
  await h.settled();
  expect(voters()).toEqual([...people].sort());
  expect(await health.get()).toBe(200);
});

test('another process holding the write lock: the vote is answered 503 after the busy timeout, not lost; after the lock is released the resend stores it once', async () => {
  expect((await vote('UAMY', 'Ev1')).status).toBe(200);
  const lock = holdWriteLock(h.app);
  try {
    expect((await vote('UBOB', 'Ev2')).status).toBe(503);
    expect(h.votes()).toBe(1);
    expect(await health.get()).toBe(503);
  } finally {
    lock.release();
  }
  expect((await vote('UBOB', 'Ev2', 1)).status).toBe(200);
  expect((await vote('UBOB', 'Ev2', 2)).status).toBe(200);
  await h.settled();
  expect(voters()).toEqual(['UAMY', 'UBOB']);
  expect(await health.get()).toBe(200);
});

// Issue 24 item 3: a slash command is acknowledged once it is stored, not before.
const slash = (text: string, id: string) =>
  sendSigned(h.eventsUrl, new URLSearchParams(commandPayload({ command: '/propose', text, user: 'UAMY', responseUrl: h.fake.responseUrl(id) })).toString(), 'application/x-www-form-urlencoded');

test('a slash command is acknowledged once its changes are stored; one that could not be stored is not acknowledged (503), the person is told why, nothing is kept', async () => {
  // When Slack has its 200, the proposal is already in the database.
  expect((await slash('路口安全', 'c1')).status).toBe(200);
  expect(h.app.store.issues.get(2)?.title).toBe('路口安全');
  const lock = holdWriteLock(h.app);
  try {
    expect((await slash('長照資訊整合', 'c2')).status).toBe(503);
  } finally {
    lock.release();
  }
  await h.settled();
  expect(h.app.store.issues.get(3)).toBeUndefined();
  const told = h.fake.responses.filter((r) => r.id === 'c2');
  expect(told).toHaveLength(1);
  expect(JSON.stringify(told[0]!.body)).toContain('暫時無法儲存');
  // The person types it again: stored, acknowledged.
  expect((await slash('長照資訊整合', 'c3')).status).toBe(200);
  expect(h.app.store.issues.get(3)?.title).toBe('長照資訊整合');
});

// Found by the soak (npm run soak): a button vote was acknowledged before it was stored, so a
// kill -9 or a held write lock right after the 200 lost it (3 of 13 Slack button votes lost
// after acknowledgement in a one-day run). Slack does not resend a button press: like a slash
// command, it is acknowledged once stored, or answered 503 and the person sees the press failed.
test('a button vote is acknowledged once it is stored; one that could not be stored is answered 503 and nothing is kept', async () => {
  const press = (user: string) => h.button({ user, ts, actionId: 'po:vote:0', value: '1' });
  // When Slack has its 200, the vote is already in the database.
  expect((await press('UAMY')).status).toBe(200);
  expect(voters()).toEqual(['UAMY']);
  const lock = holdWriteLock(h.app);
  try {
    expect((await press('UBOB')).status).toBe(503);
  } finally {
    lock.release();
  }
  await h.settled();
  expect(voters()).toEqual(['UAMY']);
  // Pressed again: stored, acknowledged.
  expect((await press('UBOB')).status).toBe(200);
  expect(voters()).toEqual(['UAMY', 'UBOB']);
});
