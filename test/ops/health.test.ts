import { request } from 'node:http';
import { testApp } from '../support/app';
import { checkHealth } from '../../src/http/health';
import { HttpServer, healthRoute } from '../../src/http/http-server';
import { silentLogger } from '../../src/core/logger';
import type { ChatAdapter } from '../../src/adapters/chat-adapter';

function adapter(platform: 'slack' | 'telegram', up: () => boolean): ChatAdapter {
  return { platform, start: async () => {}, post: async () => 'slack:C#1', update: async () => {}, stop: async () => {}, connected: up };
}

test('healthy, then degraded by a lost adapter, a stuck scheduler, an old outbox backlog or a closed database', () => {
  const app = testApp();
  try {
    let slackUp = true;
    const sources = { db: app.db, adapters: () => [adapter('slack', () => slackUp)], jobs: app.store.jobs, outbox: app.store.outbox, clock: app.clock };
    expect(checkHealth(sources)).toMatchObject({ status: 'ok', checks: { database: { ok: true }, adapters: { slack: { ok: true } }, scheduler: { ok: true, overdueJobs: 0 }, outbox: { ok: true, pending: 0 } } });

    slackUp = false;
    expect(checkHealth(sources).status).toBe('degraded');
    slackUp = true;

    app.store.jobs.schedule({ kind: 'x', key: 'stuck', dueAt: new Date(app.clock.now().getTime() - 10 * 60_000) });
    expect(checkHealth(sources).checks.scheduler).toEqual({ ok: false, overdueJobs: 1, lagMs: 10 * 60_000 });
    app.store.jobs.cancel('stuck');

    app.store.outbox.enqueuePost('slack:C', { text: ['x'] }, null, new Date(app.clock.now().getTime() - 11 * 60_000));
    expect(checkHealth(sources).checks.outbox).toMatchObject({ ok: false, pending: 1 });
    expect(checkHealth(sources).status).toBe('degraded');

    app.db.$client.close();
    expect(checkHealth(sources).checks.database.ok).toBe(false);
  } finally {
    app.cleanup();
  }
});

test('GET /healthz answers 200 or 503 with the report as JSON; other paths 404', async () => {
  const http = new HttpServer(silentLogger);
  let status = 'ok';
  http.mount('/healthz', healthRoute(() => ({ status })));
  const port = await http.listen(0, '127.0.0.1');
  const get = (path: string) =>
    new Promise<{ code: number; body: string }>((resolve, reject) => {
      request({ host: '127.0.0.1', port, path }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve({ code: res.statusCode!, body }));
      })
        .on('error', reject)
        .end();
    });
  try {
    expect(await get('/healthz')).toEqual({ code: 200, body: '{"status":"ok"}' });
    status = 'degraded';
    expect((await get('/healthz')).code).toBe(503);
    expect((await get('/nope')).code).toBe(404);
  } finally {
    await http.close();
  }
});
