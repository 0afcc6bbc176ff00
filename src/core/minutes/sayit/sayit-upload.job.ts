import type { JobHandler } from '../../jobs';
import type { Reply, Services } from '../../feature';
import { todayIn } from '../../dates/calendar-date';
import { isRecordPublished } from '../record-published';
import { SayitUploadError } from './sayit.port';

export const SAYIT_JOB = 'sayit-upload';
const key = (meetingId: number) => `sayit:${meetingId}`;
/** A failed upload's second try; later ones are the scheduler's retries of this job, with backoff. */
const retryKey = (meetingId: number) => `sayit:${meetingId}:retry`;
export const SAYIT_FIRST_RETRY_MS = 60_000;

/** The heading SayIt files the section under: the one in the Akoma Ntoso file (export-akoma-ntoso.ts). */
export function sayitHeading(m: { startedAt: Date; title: string }, timezone: string): string {
  return `${todayIn(m.startedAt, timezone)} ${m.title}`;
}

/**
 * Published minutes go to SayIt when it is configured and the web pages have an address SayIt
 * can fetch the file from. A job, so the upload never holds up the publication itself (the web
 * page, the chat), survives a restart and is retried with backoff. Publishing again (a struck
 * line) uploads again; SayIt replaces the section.
 */
export function scheduleSayitUpload(services: Services, meetingId: number, now: Date): boolean {
  if (!services.sayit || !services.settings.webBaseUrl) return false;
  services.store.jobs.cancel(retryKey(meetingId));
  services.store.jobs.schedule({ kind: SAYIT_JOB, key: key(meetingId), dueAt: now, payload: { meetingId } }, { rearm: true });
  return true;
}

export const sayitUploadJob: JobHandler = {
  kind: SAYIT_JOB,
  async run(ctx) {
    const { services } = ctx;
    const { store, logger, settings } = services;
    const meetingId = Number(ctx.job.payload.meetingId);
    const m = store.minutes.byMeeting(meetingId);
    // Nothing to upload any more, or not yet public: SayIt could not fetch the file.
    if (!services.sayit || !settings.webBaseUrl || !m || !isRecordPublished(m)) return [];
    const location = `${settings.webBaseUrl}/meetings/${meetingId}/minutes.an.xml`;
    try {
      const { sectionUrl } = await services.sayit.upload({ location, heading: sayitHeading(m, settings.timezone) });
      store.minutes.sayitUploaded(m.id, sectionUrl, ctx.now);
      logger.info({ meeting: meetingId, sectionUrl, attempts: ctx.job.attempts }, 'minutes uploaded to SayIt');
      return [];
    } catch (e) {
      const code = e instanceof SayitUploadError ? e.code : 'error';
      const reason = e instanceof SayitUploadError ? e.message : String((e as Error)?.message ?? e).slice(0, 300);
      const first = !m.sayit.notified;
      store.minutes.sayitFailed(m.id, `${code}: ${reason}`, ctx.now, true);
      logger.warn({ meeting: meetingId, code, reason, attempts: ctx.job.attempts }, 'SayIt upload failed; will retry');
      if (!first) throw e; // the scheduler tries again later, waiting longer each time
      // The first failure: the facilitators hear of it once, privately, and a retry is planned.
      store.jobs.schedule({ kind: SAYIT_JOB, key: retryKey(meetingId), dueAt: new Date(ctx.now.getTime() + SAYIT_FIRST_RETRY_MS), payload: { meetingId } }, { rearm: true });
      return tellFacilitators(services, ctx.t('minutes.sayitFailed', { id: meetingId, url: services.sayit.baseUrl, reason: `${code}: ${reason}` }));
    }
  },
};

function tellFacilitators(services: Services, text: string): Reply[] {
  return services.people.facilitatorRefs().map((to) => ({ type: 'private' as const, to, message: { text: [text] } }));
}
