import { say, CHAT } from '../cases/helpers';
import { richToPlain, type OutboundMessage } from '../../src/core/types';
import { buildWebApp } from '../../src/web/server';
import { silentLogger } from '../../src/core/logger';
import { WEB_SECTIONS } from '../../src/config/web.schema';
import { MEETING_START, ballotApp, ballotVotes, po, proposeSix, registerPOs } from './helpers';

// Issue 28, item 4: per-agency choices are never published. The same 月會 is held twice; the only
// difference is which agency chose what (交通部 and 內政部 swap their choices; the totals are the
// same). Every public output — chat posts and card edits, public answers, every command's answer
// after the close, the exports, the minutes files, the digest, every web page, /api, the feed
// and the calendar — must be identical between the two: anything that showed an agency's choice
// would differ. The private ballot, which does show it, is the control that proves it would.

const at = (min: number) => new Date(MEETING_START.getTime() + min * 60_000);

function show(m: OutboundMessage): string {
  return [richToPlain(m.text), ...(m.buttons ?? []).map((b) => `[${b.action}:${b.value}:${b.label}]`), m.file ? `${m.file.filename}\n${m.file.content}` : ''].join('\n');
}

const ROUTES = (meeting: number) => [
  '/', '/api/overview', '/cases', '/api/cases', '/cases/1', '/api/cases/1', '/cases/2', '/meetings', '/api/meetings',
  `/meetings/${meeting}`, `/api/meetings/${meeting}`, `/meetings/${meeting}/minutes.md`, `/meetings/${meeting}/minutes.an.xml`,
  '/agencies', '/api/agencies', '/agencies/MOTC', '/api/agencies/MOTC', '/agencies/MOI', '/api/agencies/MOI',
  '/issues', '/api/issues', ...[1, 2, 3, 4, 5, 6].flatMap((n) => [`/issues/${n}`, `/api/issues/${n}`]), '/calendar.ics', '/feed.atom',
];

async function hold(swap: boolean): Promise<{ outputs: string[]; control: string; votes: unknown }> {
  // The record public as the meeting ends (minutes.reviewWorkingDays 0): the web pages below show it.
  const t = ballotApp({ web: { public: [...WEB_SECTIONS] }, minutes: { reviewWorkingDays: 0 } });
  const { app } = t;
  try {
    const outputs: string[] = [];
    const run = async (who: string, line: string) => {
      const r = await say(app, who, line);
      if (r.answer && !r.private) outputs.push(`${line}\n${show(r.answer.message)}`);
      return r;
    };
    await registerPOs(app);
    await proposeSix(app);
    await run('pdis', '/slate add #1 #2 #3 #4');
    await run(po(4), '/slate add #5');
    await run(po(5), '/slate add #6');
    app.clock.set(at(0));
    await run('pdis', '/startmeeting');
    await run('pdis', '/ballot open 10m votes 2');
    const a = '/ballot vote #1 #3';
    const b = '/ballot vote #4 #5';
    await run(po(0), swap ? b : a); // 交通部
    await run(po(1), swap ? a : b); // 內政部
    await run(po(2), '/ballot vote #3');
    const control = (await say(app, po(0), '/ballot')).text;
    app.clock.set(at(10));
    await t.scheduler.tick();
    await run(po(3), '/ballot vote #6'); // late
    await run('pdis', '/ballot select 2');
    for (const line of ['/ballot', '/slate', `/slate ${t.meeting.id}`, '/issues', ...[1, 2, 3, 4, 5, 6].map((n) => `/issue ${n}`), `/agenda ${t.meeting.id}`, '/cases', '/case 1', '/case 2', '/report', '/export issues csv', '/export cases json', '/export actions csv', `/minutes ${t.meeting.id}`, `/minutes ${t.meeting.id} md`, `/minutes ${t.meeting.id} xml`]) {
      const r = await say(app, 'pdis', line);
      outputs.push(`${line}\n${r.answer ? show(r.answer.message) : ''}`);
    }
    await run('pdis', '/endmeeting');
    await app.bot.drain();
    for (const p of app.delivery.posts) outputs.push(`post ${p.ref}\n${show(p.message)}`);
    for (const u of app.delivery.updates) outputs.push(`update ${u.ref}\n${show(u.message)}`);
    const web = buildWebApp({ app, clock: app.clock, logger: silentLogger });
    for (const r of ROUTES(t.meeting.id)) outputs.push(`${r}\n${await (await web.request(r)).text()}`);
    return { outputs, control, votes: ballotVotes(app) };
  } finally {
    app.cleanup();
  }
}

test('every public output is the same whichever agency chose what; only the private ballot differs', async () => {
  const one = await hold(false);
  const two = await hold(true);
  // The store keeps the choices, and they differ: there is something to leak.
  expect(one.votes).not.toEqual(two.votes);
  // The control: the private ballot shows the agency's choice, so a leak would be seen.
  expect(one.control).not.toBe(two.control);
  expect(one.outputs.length).toBeGreaterThan(60);
  expect(one.outputs.join('\n')).toContain('投票結果');
  // The meeting's web page, its record published: the opening, the totals and the selection.
  const page = one.outputs.find((o) => /^\/meetings\/\d+\n/.test(o))!;
  expect(page).toContain('投票截止，3 個部會投票');
  expect(page).toContain('本月未選定');
  const differing = one.outputs.map((o, i) => [o, two.outputs[i]] as const).filter(([x, y]) => x !== y).map(([x]) => x.split('\n')[0]);
  expect(differing).toEqual([]);
  expect(two.outputs.length).toBe(one.outputs.length);
  void CHAT;
}, 60_000);
