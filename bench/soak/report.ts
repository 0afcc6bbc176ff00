import type { Row } from './check-deliveries';
import type { PostsReport } from './check-posts';

// The soak's table and its verdict.

export interface RunStats {
  seed: number;
  days: number;
  wallMs: number;
  lives: number;
  kills: number;
  lockHolds: number;
  lockHeldMs: number;
  diskLimited: number;
  /** Lives under the file size limit that could not start (expected now and then). */
  diskFailedStarts: number;
  faults: { ratelimit: number; serverError: number; timeout: number; permanent: number };
  web: { pages: number; busy: number; failed: number };
  peakRssKiB: number;
  /** Lives that failed to start, crashed, or did not exit 0 on SIGTERM, with why. */
  problems: string[];
  sabotage?: string;
}

function table(rows: readonly Row[]): string {
  const head = ['kind', 'sent', 'acknowledged', 'stored', 'lost after ack', 'doubled'];
  const body = rows.map((r) => [r.label, String(r.sent), r.acked === undefined ? '–' : String(r.acked), String(r.stored), String(r.lost), String(r.doubled)]);
  const width = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => '| ' + cells.map((c, i) => (i === 0 ? c.padEnd(width[i]!) : c.padStart(width[i]!))).join(' | ') + ' |';
  return [line(head), '|' + width.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : '-'.repeat(w + 1) + ':')).join('|') + '|', ...body.map(line)].join('\n');
}

/** The reasons the run fails (empty: it passed). */
export function failures(rows: readonly Row[], posts: PostsReport, stats: RunStats): string[] {
  const out: string[] = [];
  for (const r of rows) {
    if (r.lost) out.push(`${r.label}: ${r.lost} lost after acknowledgement`);
    if (r.doubled) out.push(`${r.label}: ${r.doubled} stored twice`);
  }
  if (posts.remindersPosted !== posts.remindersDue) out.push(`reminders: ${posts.remindersDue} due, ${posts.remindersPosted} posted`);
  if (posts.deadLetters !== posts.deadLettersExpected) out.push(`dead letters: ${posts.deadLetters}, expected ${posts.deadLettersExpected} (the archived channel's posts)`);
  if (posts.unsent) out.push(`${posts.unsent} outbox entries still unsent at the end`);
  if (posts.slackKeyRepeats) out.push(`${posts.slackKeyRepeats} Slack posts repeated under one outbox key`);
  out.push(...stats.problems);
  return out;
}

export function render(rows: readonly Row[], posts: PostsReport, stats: RunStats): string {
  const mib = (kib: number) => `${(kib / 1024).toFixed(0)} MiB`;
  const min = (ms: number) => `${(ms / 60_000).toFixed(1)} min`;
  return [
    `soak: seed ${stats.seed}, ${stats.days} simulated days in ${min(stats.wallMs)} wall-clock; ${stats.lives} lives of the bot, ${stats.kills} kill -9`,
    `chaos: write lock held by another process ${stats.lockHolds}× (${(stats.lockHeldMs / 1000).toFixed(1)} s in all); file size limit (ulimit -f) on ${stats.diskLimited} lives (${stats.diskFailedStarts} could not start); platform faults: ${stats.faults.ratelimit} × 429 Retry-After, ${stats.faults.serverError} × 5xx, ${stats.faults.timeout} × timeout, ${stats.faults.permanent} × permanent (is_archived)`,
    `web load from 127.0.0.2: ${stats.web.pages} pages served, ${stats.web.busy} × 503 busy, ${stats.web.failed} failed (mostly while the bot was down)`,
    '',
    table(rows),
    '',
    `reminders due ${posts.remindersDue}, posted ${posts.remindersPosted}; dead letters ${posts.deadLetters} (expected ${posts.deadLettersExpected}: every post to the archived channel); outbox unsent at the end ${posts.unsent}; Slack posts repeated under one outbox key ${posts.slackKeyRepeats}`,
    `peak RSS of a bot process ${mib(stats.peakRssKiB)}`,
    ...(stats.sabotage ? [`sabotage (test only): ${stats.sabotage}`] : []),
  ].join('\n');
}
