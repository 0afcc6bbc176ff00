import { createServer } from 'node:net';
import { FakeSayit } from '../support/sayit-server';
import { startSite, type WebSite } from '../web/support';
import { say } from '../cases/helpers';
import { RecordingLogger } from '../support/recording-logger';
import { Scheduler } from '../../src/scheduler/scheduler';
import { sayitClient } from '../../src/sayit/sayit-client';
import { checkHealth } from '../../src/http/health';
import { richToPlain } from '../../src/core/types';

// Issue #27, item 4: published minutes are uploaded to SayIt the way SayIt's own pages take
// them (Django's login form with its CSRF token and session cookie, then the Akoma Ntoso import
// form with location=), against a local server that behaves like mysociety/sayit's views.

const DEC7 = new Date('2026-12-07T14:00:00+08:00');
let sayit: FakeSayit;
let s: WebSite;
let logger: RecordingLogger;
let scheduler: Scheduler;

afterEach(async () => {
  await s?.close();
  await sayit?.close();
});

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

async function setUp(account = { username: 'po-bot', password: 'pässwörd-S3cret!' }): Promise<void> {
  sayit = new FakeSayit();
  const sayitUrl = await sayit.start();
  const port = await freePort();
  logger = new RecordingLogger();
  s = await startSite(
    { facilitators: ['console:pdis', 'console:chair2'], web: { baseUrl: `http://127.0.0.1:${port}` } },
    { start: DEC7, port, logger, sayit: sayitClient({ baseUrl: sayitUrl, credentials: account }) },
  );
  scheduler = new Scheduler(s.app.bot, s.app.store.jobs, s.app.clock, logger);
}

/** A recorded meeting linked to case 1: three speakers, a decision. */
async function meeting(): Promise<void> {
  await say(s.app, 'amy', '/propose 公車路線整併');
  await say(s.app, 'pdis', '/select 1');
  await say(s.app, 'pdis', '/startmeeting 12月協作會議');
  await say(s.app, 'pdis', '/topic 第一案 進度');
  await say(s.app, 'amy', '交通部下週提供資料');
  await say(s.app, 'bob', '勞動部無意見');
  await say(s.app, 'pdis', '/decision 4/20 召開會前會');
  await say(s.app, 'pdis', '/endmeeting');
}

const tick = () => scheduler.tick();
const minutes = () => s.app.store.minutes.byMeeting(1)!;
const health = () => checkHealth({ db: s.app.db, adapters: () => [], jobs: s.app.store.jobs, outbox: s.app.store.outbox, clock: s.app.clock, sayit: () => s.app.store.minutes.sayitFailing() });
function noSecrets(): void {
  const seen = JSON.stringify(logger.entries) + JSON.stringify(s.app.delivery.privates) + JSON.stringify(s.app.db.$client.prepare('select * from minutes').all()) + JSON.stringify(s.app.db.$client.prepare('select * from jobs').all());
  expect(seen).not.toContain('pässwörd-S3cret!');
  expect(seen).not.toContain(encodeURIComponent('pässwörd-S3cret!'));
  expect(seen).not.toContain('po-bot');
}

test('publication uploads: login with CSRF and session, import by location, the section recorded and shown everywhere', async () => {
  await setUp();
  await meeting();
  expect(sayit.requests).toHaveLength(0); // a job: the end of the meeting never waits for SayIt
  await tick();

  // Django's way: the login page (CSRF token + cookie), the login POST, the import form, its POST.
  expect(sayit.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /accounts/login/', 'POST /accounts/login/', 'GET /import/akomantoso', 'POST /import/akomantoso', 'GET /']);
  const loginPost = new URLSearchParams(sayit.requests[1]!.body);
  expect(loginPost.get('username')).toBe('po-bot');
  expect(loginPost.get('csrfmiddlewaretoken')).toMatch(/^[0-9a-f]{32}$/);
  expect(sayit.imports).toEqual([{ location: `${s.base}/meetings/1/minutes.an.xml`, existing: 'replace', result: 'created' }]);

  // What SayIt made of the file, read the way the SayIt tests read it.
  const [section] = sayit.sections;
  expect(section!.heading).toBe('2026-12-07 12月協作會議');
  expect(section!.doc.speeches).toEqual(['議題：第一案 進度', '交通部下週提供資料', '勞動部無意見', '決議：4/20 召開會前會']);
  expect([...section!.doc.speakers.keys()].sort()).toEqual(['/ontology/person/console/amy', '/ontology/person/console/bob', '/ontology/person/console/pdis']);

  const url = `${sayit.base}/section-1`;
  expect(minutes().sayit).toMatchObject({ url, error: null });
  expect(await (await s.get('/meetings/1')).text()).toContain(`<a href="${url}">SayIt</a>`);
  expect(await (await s.get('/cases/1')).text()).toContain(`<a href="${url}">SayIt</a>`);
  expect((await say(s.app, 'amy', '/meeting 1')).text).toContain(`SayIt：${url}`);
  expect((await say(s.app, 'amy', '/case 1')).text).toContain(`SayIt：${url}`);
  expect(health().checks.sayit).toEqual({ ok: true, failing: 0, meetings: [] });
  expect(logger.at('info').some((e) => e.msg === 'minutes uploaded to SayIt')).toBe(true);
  noSecrets();
});

test('a re-publication (a struck line) replaces the section: one section, the line gone', async () => {
  await setUp();
  await meeting();
  await tick();
  await say(s.app, 'pdis', '/minutes strike 1 4 日期誤植');
  await tick();
  expect(sayit.imports.map((i) => i.result)).toEqual(['created', 'replaced']);
  expect(sayit.imports[1]!.existing).toBe('replace');
  expect(sayit.sections).toHaveLength(1);
  expect(sayit.sections[0]!.doc.speeches).toEqual(['議題：第一案 進度', '交通部下週提供資料', '勞動部無意見']);
  noSecrets();
});

test('SayIt answering 500: the web publishes anyway, /healthz shows it, the facilitators hear once, privately; retried with backoff until it works', async () => {
  await setUp();
  sayit.failNext = 2;
  await meeting();
  await tick();
  // Published on the web whatever SayIt does.
  const anonymous = await (await s.get('/meetings/1')).text();
  expect(anonymous).toContain('交通部下週提供資料');
  expect(minutes().sayit.error).toContain('http-500');
  expect(health().status).toBe('degraded');
  expect(health().checks.sayit).toMatchObject({ ok: false, failing: 1, meetings: [1] });
  const told = s.app.delivery.privates.map((p) => [p.to.id, richToPlain(p.message.text)]);
  expect(told).toHaveLength(2);
  expect(told.map(([to]) => to).sort()).toEqual(['chair2', 'pdis']);
  expect(told[0]![1]).toContain('會議 #1 的會議紀錄上傳到 SayIt');
  expect(told[0]![1]).toContain('http-500');
  expect(logger.at('warn').find((e) => e.msg === 'SayIt upload failed; will retry')?.obj).toMatchObject({ meeting: 1, code: 'http-500' });

  // The first retry a minute later fails again: no second notice; the scheduler waits longer.
  s.app.clock.advance(61_000);
  await tick();
  expect(sayit.imports).toHaveLength(0);
  expect(s.app.delivery.privates).toHaveLength(2);
  s.app.clock.advance(30_000);
  await tick();
  expect(sayit.requests.filter((r) => r.method === 'GET' && r.path === '/accounts/login/')).toHaveLength(2); // not yet
  s.app.clock.advance(31_000);
  await tick();
  expect(sayit.imports.map((i) => i.result)).toEqual(['created']);
  expect(minutes().sayit).toMatchObject({ url: `${sayit.base}/section-1`, error: null, notified: false });
  expect(health().checks.sayit).toEqual({ ok: true, failing: 0, meetings: [] });
  // Nothing runs again: one section, one import.
  s.app.clock.advance(3_600_000);
  await tick();
  expect(sayit.sections).toHaveLength(1);
  noSecrets();
});

test('a login page that changed shape: a clear log line, nothing imported, nothing published twice', async () => {
  await setUp();
  sayit.loginShape = 'changed';
  await meeting();
  await tick();
  expect(sayit.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /accounts/login/']);
  expect(minutes().sayit.error).toContain('login-form-changed');
  expect(logger.at('warn').find((e) => e.msg === 'SayIt upload failed; will retry')?.obj).toMatchObject({ code: 'login-form-changed' });
  expect(richToPlain(s.app.delivery.privates[0]!.message.text)).toContain('has no username/password form with a CSRF token');
  sayit.loginShape = 'django';
  s.app.clock.advance(61_000);
  await tick();
  s.app.clock.advance(3_600_000);
  await tick();
  expect(sayit.imports.map((i) => i.result)).toEqual(['created']);
  noSecrets();
});

test('a wrong password is a refusal with SayIt\'s own words, never the password', async () => {
  await setUp({ username: 'po-bot', password: 'wrong-pässwörd' });
  await meeting();
  await tick();
  expect(minutes().sayit.error).toContain('login-refused');
  expect(minutes().sayit.error).toContain('Please enter a correct username and password');
  expect(sayit.imports).toHaveLength(0);
  expect(JSON.stringify(logger.entries) + JSON.stringify(s.app.delivery.privates)).not.toContain('wrong-pässwörd');
});

test('a file SayIt cannot import: the form comes back with its error, reported as a refusal', async () => {
  sayit = new FakeSayit();
  await sayit.start();
  const client = sayitClient({ baseUrl: sayit.base, credentials: sayit.account });
  await expect(client.upload({ location: `${sayit.base}/no-such-file.an.xml`, heading: 'x' })).rejects.toMatchObject({
    code: 'import-refused',
    message: 'SayIt did not import the file (200): Sorry - something went wrong with the import',
  });
  await expect(client.upload({ location: 'not a url', heading: 'x' })).rejects.toMatchObject({ code: 'import-refused', message: expect.stringContaining('Enter a valid URL.') });
  // A SayIt that is not there at all.
  await sayit.close();
  await expect(client.upload({ location: 'http://127.0.0.1/x', heading: 'x' })).rejects.toMatchObject({ code: 'network' });
  sayit = new FakeSayit();
  await sayit.start();
});
