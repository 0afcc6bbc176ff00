import type { Store } from '../records';
import type { Logger } from '../logger';
import type { ChatRef } from '../types';
import type { Meeting, NewMeeting } from './meeting';
import type { MeetingSettings, SeriesDef } from './meetings.settings';
import { occurrences } from './series';
import { localDateKey, nextLocalMidnight } from '../dates/zoned-time';

export const REMIND_JOB = 'meetings.remind';
export const AGENDA_JOB = 'meetings.agenda';
export const EXPAND_JOB = 'meetings.expand';

const DAY = 86_400_000;
const jobPrefix = (id: number) => `meeting:${id}:`;
export const remindKey = (id: number, offsetMs: number) => `meeting:${id}:remind:${offsetMs}`;
export const agendaKey = (id: number) => `meeting:${id}:agenda`;

export interface CloseResult {
  carried: number;
  to: Meeting | undefined;
}

/**
 * The meetings' rules over the store: series expanded into stored occurrences, and every
 * meeting's reminder and agenda jobs kept in step with its time and status.
 */
export class MeetingCalendar {
  private readonly seriesById: Map<string, SeriesDef>;

  constructor(
    private readonly store: Store,
    readonly settings: MeetingSettings,
    private readonly logger: Logger,
  ) {
    this.seriesById = new Map(settings.series.map((s) => [s.id, s]));
  }

  seriesOf(m: Meeting): SeriesDef | undefined {
    return m.series === null ? undefined : this.seriesById.get(m.series);
  }

  hasAgenda(m: Meeting): boolean {
    return this.seriesOf(m)?.agenda ?? true;
  }

  reminderOffsets(m: Meeting): readonly number[] {
    return this.seriesOf(m)?.reminderOffsetsMs ?? this.settings.reminderOffsetsMs;
  }

  /**
   * Stores the series' occurrences within the horizon (idempotently), retires stored future
   * occurrences the configuration no longer produces, refreshes details the configuration
   * changed, keeps every upcoming meeting's jobs in step and books the next expansion.
   */
  expand(now: Date): { created: number; retired: number } {
    const { settings, store } = this;
    const to = new Date(now.getTime() + settings.horizonDays * DAY);
    const wanted = new Map<string, NewMeeting>();
    for (const s of settings.series) {
      for (const at of occurrences(s, now, to, settings.timezone)) {
        wanted.set(`${s.id}@${at.getTime()}`, {
          series: s.id,
          occurrence: at,
          kind: s.kind,
          title: s.title,
          startsAt: at,
          durationMin: s.durationMin,
          chats: s.chats,
          createdBy: null,
          createdAt: now,
        });
      }
    }
    let retired = 0;
    const stored = store.transaction(() => {
      for (const m of store.meetings.seriesOccurrences(now, to)) {
        const w = wanted.get(`${m.series}@${m.occurrence!.getTime()}`);
        const moved = m.startsAt.getTime() !== m.occurrence!.getTime();
        if (!w) {
          // The rule changed or the series was removed: an untouched future occurrence goes;
          // one a facilitator moved by hand stays, it is theirs now.
          if (!moved) {
            this.retire(m, now);
            retired++;
          }
          continue;
        }
        if (m.title !== w.title || m.kind !== w.kind || m.durationMin !== w.durationMin || JSON.stringify(m.chats) !== JSON.stringify(w.chats)) {
          store.meetings.updateDetails(m.id, w);
        }
      }
      return store.meetings.ensureOccurrences([...wanted.values()]);
    });
    // One transaction for all of them: a commit per job made start-up take most of a second.
    store.transaction(() => {
      for (const m of store.meetings.between(now, to)) this.syncJobs(m, now, 'keep');
    });
    const next = nextLocalMidnight(now, settings.timezone);
    store.jobs.schedule({ kind: EXPAND_JOB, key: `meetings:expand:${localDateKey(next, settings.timezone)}`, dueAt: next });
    if (stored.length || retired) this.logger.info({ created: stored.length, retired }, 'meeting series expanded');
    return { created: stored.length, retired };
  }

  create(input: NewMeeting, now: Date): Meeting {
    const m = this.store.meetings.create(input);
    this.syncJobs(m, now, 'keep');
    return m;
  }

  /** Cancels a scheduled meeting: its jobs go, its queued items move to the next meeting. */
  cancel(m: Meeting, now: Date): CloseResult | undefined {
    return this.store.transaction(() => {
      if (!this.store.meetings.setStatus(m.id, 'cancelled', now)) return undefined;
      this.store.jobs.cancelPrefix(jobPrefix(m.id));
      return this.carry(m, now);
    });
  }

  /** Closes a meeting: its remaining jobs go, items not reached move to the next meeting. */
  close(m: Meeting, now: Date): CloseResult | undefined {
    return this.store.transaction(() => {
      if (!this.store.meetings.setStatus(m.id, 'closed', now)) return undefined;
      this.store.jobs.cancelPrefix(jobPrefix(m.id));
      return this.carry(m, now);
    });
  }

  /**
   * Its record has ended (/endmeeting): the motions it did not discuss go on the next meeting's
   * agenda now, not only when someone closes the meeting. Discussed ones stay with it.
   */
  carryForward(m: Meeting, now: Date): CloseResult {
    return this.carry(m, now);
  }

  /** Moves a meeting; its reminders and agenda move with it. */
  move(m: Meeting, startsAt: Date, now: Date): Meeting | undefined {
    return this.store.transaction(() => {
      if (!this.store.meetings.reschedule(m.id, startsAt)) return undefined;
      const moved = this.store.meetings.get(m.id)!;
      this.syncJobs(moved, now, 'moved');
      return moved;
    });
  }

  /**
   * The meeting items go to next: the sooner of the series' next one and the next meeting with an
   * agenda in the same chats (any kind: a 季會's motion waits a week for the 協作會議, not three
   * months for the next 季會).
   */
  successor(m: Meeting): Meeting | undefined {
    const bySeries = this.store.meetings.next(m);
    const after = new Date(m.startsAt.getTime() + 1);
    const until = new Date(after.getTime() + this.settings.horizonDays * DAY);
    const shared = (x: Meeting) => (m.chats.length === 0 && x.chats.length === 0) || x.chats.some((c) => m.chats.includes(c));
    const any = this.store.meetings.between(after, until).find((x) => x.id !== m.id && this.hasAgenda(x) && shared(x));
    if (!bySeries || !any) return bySeries ?? any;
    return any.startsAt.getTime() < bySeries.startsAt.getTime() ? any : bySeries;
  }

  /**
   * The meeting `/agenda` means in a chat: the one going on there, else the next one with an
   * agenda there, else the next one with an agenda anywhere.
   */
  current(chat: ChatRef, now: Date): Meeting | undefined {
    const running = this.store.meetings.inProgress(chat, now);
    if (running && this.hasAgenda(running)) return running;
    const upcoming = this.store.meetings.between(now, new Date(now.getTime() + this.settings.horizonDays * DAY)).filter((m) => this.hasAgenda(m));
    return upcoming.find((m) => m.chats.includes(chat)) ?? upcoming[0];
  }

  private carry(m: Meeting, now: Date): CloseResult {
    const to = this.successor(m);
    const carried = to ? this.store.agenda.carryOver(m.id, to.id, now) : 0;
    return { carried, to };
  }

  private retire(m: Meeting, now: Date): void {
    this.store.meetings.setStatus(m.id, 'cancelled', now);
    this.store.jobs.cancelPrefix(jobPrefix(m.id));
    this.carry(m, now);
  }

  /**
   * Puts the meeting's reminder and agenda jobs where its time says. 'keep' (creation, expansion
   * after a restart) never touches a job already due, so a reminder missed during downtime still
   * goes out once; 'moved' re-arms jobs that were sent for the old time and drops those the new
   * time has already passed.
   */
  private syncJobs(m: Meeting, now: Date, mode: 'keep' | 'moved'): void {
    const { jobs } = this.store;
    const start = m.startsAt.getTime();
    const chat = m.chats[0];
    const offsets = this.reminderOffsets(m);
    for (const j of jobs.pending(`${jobPrefix(m.id)}remind:`)) {
      if (!offsets.includes(j.payload.offsetMs as number)) jobs.cancel(j.key);
    }
    for (const offsetMs of offsets) {
      const due = start - offsetMs;
      const key = remindKey(m.id, offsetMs);
      if (due > now.getTime()) jobs.schedule({ kind: REMIND_JOB, key, dueAt: new Date(due), payload: { meetingId: m.id, offsetMs, chat } }, { rearm: mode === 'moved' });
      else if (mode === 'moved') jobs.cancel(key);
    }
    const key = agendaKey(m.id);
    if (!this.hasAgenda(m)) {
      jobs.cancel(key);
      return;
    }
    const due = start - this.settings.agendaLeadMs;
    if (due > now.getTime()) jobs.schedule({ kind: AGENDA_JOB, key, dueAt: new Date(due), payload: { meetingId: m.id, chat } }, { rearm: mode === 'moved' });
    else if (start > now.getTime()) {
      // Inside its lead time already (an ad-hoc meeting for tomorrow, a meeting moved sooner):
      // post the agenda now, unless it went out already or is due anyway before the start.
      const existing = jobs.get(key);
      if (!existing || existing.status === 'cancelled' || (existing.status === 'pending' && existing.dueAt.getTime() >= start)) {
        jobs.schedule({ kind: AGENDA_JOB, key, dueAt: now, payload: { meetingId: m.id, chat } });
      }
    }
  }
}
