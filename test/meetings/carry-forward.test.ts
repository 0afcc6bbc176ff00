import { meetingApp, meetingConfig, FACILITATOR, type MeetingTestApp } from './support';

// Issue #27, item 5: a recorded meeting's motions not discussed carry forward into the next
// meeting's agenda when its record ends, marked 上次未討論 with the meeting they came from; a
// discussed one stays with the meeting that discussed it.

const DEC4 = '2026-12-04T02:00:00Z';
const DEC11 = '2026-12-11T02:00:00Z';
let app: MeetingTestApp;
afterEach(() => app?.cleanup());

async function as(user: string, line: string, iso?: string): Promise<string> {
  if (iso) app.clock.set(new Date(iso));
  return app.cmd(user, line);
}

test('/endmeeting of a scheduled meeting carries its undiscussed motions to the next one, marked 上次未討論', async () => {
  app = meetingApp(meetingConfig(), '2026-12-01T00:00:00Z');
  const dec4 = app.bySeries('collab', DEC4);
  const dec11 = app.bySeries('collab', DEC11);
  await as('moda1', '/agenda add 已討論的動議');
  await as('moi1', '/agenda add 沒討論到的動議');
  await as(FACILITATOR, '/startmeeting', '2026-12-04T01:55:00Z');
  expect(app.posts().at(-1)).toContain(`開始記錄排定的會議 #${dec4.id}`);
  const [reached] = app.store.agenda.queued(dec4.id, 10).rows;
  await as(FACILITATOR, `/agenda done ${reached!.id}`, '2026-12-04T02:30:00Z');
  const ended = await as(FACILITATOR, '/endmeeting', '2026-12-04T03:50:00Z');
  expect(ended).toBe('');
  const posted = app.posts().at(-1)!;
  expect(posted).toContain(`1 項上次未討論的臨時動議已移到下次會議 #${dec11.id}（2026年12月11日（五）10:00）`);

  const next = await as('anyone', `/agenda ${dec11.id}`);
  expect(next).toMatch(new RegExp(`〔#\\d+〕沒討論到的動議 — moi1（內政部）（上次未討論：會議 #${dec4.id}「協作會議」2026年12月4日（五））`));
  expect(next).not.toContain('已討論的動議');
  const old = await as('anyone', `/agenda ${dec4.id}`);
  expect(old).toMatch(/已討論的動議.*（已討論）/);
  expect(old).not.toContain('沒討論到的動議');
  // The meeting stays the meetings feature's to close; closing it later moves nothing twice.
  expect(await as(FACILITATOR, `/meeting close ${dec4.id}`)).toBe(`已結束會議 #${dec4.id}「協作會議」。`);
  expect(app.store.agenda.queued(dec11.id, 10).total).toBe(1);
});

test('en: the carried motion says where it came from', async () => {
  app = meetingApp(meetingConfig({}, { locale: 'en' }), '2026-12-01T00:00:00Z');
  const dec4 = app.bySeries('collab', DEC4);
  const dec11 = app.bySeries('collab', DEC11);
  await as('moi1', '/agenda add not reached');
  await as(FACILITATOR, '/startmeeting', '2026-12-04T01:55:00Z');
  await as(FACILITATOR, '/endmeeting', '2026-12-04T03:50:00Z');
  expect(await as('anyone', `/agenda ${dec11.id}`)).toContain(`not reached - moi1 (Ministry of the Interior) (not discussed last time: meeting #${dec4.id} "協作會議" Fri 4 Dec 2026)`);
  expect(app.posts().at(-1)).toContain(`1 motion not discussed moved to the next meeting #${dec11.id}`);
});
