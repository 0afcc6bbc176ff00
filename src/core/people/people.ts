import type { Actor, PersonRef, Platform } from '../types';
import type { PeopleRepo, User } from '../records';
import type { AgencyDirectory } from './agency-match';
import { cleanName } from '../input/check-text';

/** Someone `/confirm` may mean: a known account, or a roster entry not seen yet. */
export interface Candidate {
  ref: string;
  user?: User;
}

function splitKey(key: string): [Platform, string] {
  const i = key.indexOf(':');
  return [key.slice(0, i) as Platform, key.slice(i + 1)];
}

export interface RosterEntry {
  user: string;
  agency: string;
  name?: string;
}

/**
 * Maps platform identities to users. Keeps recently seen users in memory so the vote path
 * does not write on every event; the roster pins some people to an agency. The memory is
 * dropped whenever another process has written to the database (its `/iam` must count here at
 * the next event), keyed to the store's data version like the store's own caches.
 */
export class People {
  private version = Number.NaN;
  private readonly cache = new Map<string, User>();
  private readonly byId = new Map<number, User>();
  private readonly roster = new Map<string, { agencyId: number; name?: string }>();

  constructor(
    private readonly repo: PeopleRepo,
    readonly agencies: AgencyDirectory,
    roster: readonly RosterEntry[],
    private readonly facilitators: ReadonlySet<string>,
  ) {
    for (const r of roster) {
      const a = agencies.find(r.agency);
      if (a) this.roster.set(r.user, { agencyId: a.id, name: r.name });
    }
  }

  static key(actor: Pick<Actor, 'platform' | 'id'>): string {
    return `${actor.platform}:${actor.id}`;
  }

  resolve(actor: Actor, now: Date): User {
    const key = People.key(actor);
    const pinned = this.roster.get(key);
    // Display names come from platform profiles: cleaned, not refused (check-text.ts).
    const name = cleanName(pinned?.name ?? actor.name) || actor.id;
    this.sync();
    const cached = this.cache.get(key);
    if (cached && cached.name === name) return cached;
    let user = this.repo.upsertUser(actor.platform, actor.id, name, now);
    if (pinned && user.agencyId !== pinned.agencyId) {
      this.repo.setAgency(user.id, pinned.agencyId, now);
      user = { ...user, agencyId: pinned.agencyId };
    }
    this.remember(user);
    return user;
  }

  rosterAgency(actor: Pick<Actor, 'platform' | 'id'>): number | undefined {
    return this.roster.get(People.key(actor))?.agencyId;
  }

  /** The facilitators, as private messages name them (their name as last seen, else their id). */
  facilitatorRefs(): PersonRef[] {
    return [...this.facilitators].map((key) => {
      const at = key.indexOf(':');
      const platform = key.slice(0, at) as Platform;
      const id = key.slice(at + 1);
      return { platform, id, name: this.repo.userByRef(platform, id)?.name ?? id };
    });
  }

  isFacilitator(actor: Pick<Actor, 'platform' | 'id'>): boolean {
    return this.facilitators.has(People.key(actor));
  }

  /** The facilitators by configuration, as people to write to (their name when the bot has seen them). */
  facilitatorList(): { platform: Platform; id: string; name: string }[] {
    return [...this.facilitators].map((key) => {
      const i = key.indexOf(':');
      const platform = key.slice(0, i) as Platform;
      const id = key.slice(i + 1);
      return { platform, id, name: this.repo.userByRef(platform, id)?.name ?? id };
    });
  }

  /**
   * A member by configuration (facilitators, the roster) or seen in a network group chat and not
   * seen leaving since. Reads only: asking about a stranger stores nothing.
   */
  isKnownMember(actor: Pick<Actor, 'platform' | 'id'>): boolean {
    const key = People.key(actor);
    if (this.facilitators.has(key) || this.roster.has(key)) return true;
    this.sync();
    const user = this.cache.get(key) ?? this.repo.userByRef(actor.platform, actor.id);
    return user?.inNetwork ?? false;
  }

  /** The person spoke or acted in a network group chat: a member from now on, until seen leaving. */
  seenInNetwork(user: User, now: Date): User {
    if (user.inNetwork) return user;
    this.repo.markSeenInNetwork(user.id, now);
    const updated = { ...user, inNetwork: true };
    this.remember(updated);
    return updated;
  }

  /** The person left (or was removed from) a network group chat. */
  leftNetwork(actor: Pick<Actor, 'platform' | 'id'>, now: Date): void {
    this.repo.markLeftNetwork(actor.platform, actor.id, now);
    const key = People.key(actor);
    const cached = this.cache.get(key);
    if (cached) this.remember({ ...cached, inNetwork: false });
  }

  /** A claim (`/iam`): one person has one agency, so every linked account takes it too. */
  setAgency(user: User, agencyId: number, now: Date): User {
    for (const u of [user, ...this.linked(user)]) {
      this.repo.setAgency(u.id, agencyId, now);
      this.remember({ ...u, agencyId, agencyConfirmed: false });
    }
    return { ...user, agencyId, agencyConfirmed: false };
  }

  /** The other accounts linked into this person (`/link`); none for most. */
  linked(user: User): User[] {
    return user.personId === null ? [] : this.repo.linkedAccounts(user);
  }

  /** The person's account on `platform` (itself, or a linked one), for a mention there. */
  accountOn(user: User, platform: Platform): User | undefined {
    if (user.platform === platform) return user;
    return this.linked(user).find((u) => u.platform === platform);
  }

  /** Links two accounts into one person (the rules are checked by the caller: accounts/link.ts). */
  link(a: User, b: User, now: Date): { a: User; b: User } {
    this.repo.linkAccounts(a.id, b.id, now);
    const personId = Math.min(a.id, b.id);
    const out = { a: { ...a, personId }, b: { ...b, personId } };
    this.remember(out.a);
    this.remember(out.b);
    return out;
  }

  /** Every account of the person stands alone again. */
  unlink(user: User, now: Date): void {
    if (user.personId === null) return;
    const all = [user, ...this.linked(user)];
    this.repo.unlinkPerson(user.personId, now);
    for (const u of all) this.remember({ ...u, personId: null });
  }

  /** Whether a roster is in use: then agency claims need a facilitator's `/confirm` to carry authority. */
  get rosterInUse(): boolean {
    return this.roster.size > 0;
  }

  /**
   * The agency a person may act for (mark its follow-up items done, be mentioned as its PO):
   * any claimed one while no roster is configured; with a roster, the roster's own entry or a
   * claim a facilitator confirmed. Anyone may still vote, under whatever they claimed.
   */
  actsFor(user: User): number | null {
    if (user.agencyId === null) return null;
    if (!this.rosterInUse || user.agencyConfirmed) return user.agencyId;
    const pinned = this.roster.get(`${user.platform}:${user.platformUserId}`)?.agencyId;
    if (pinned === user.agencyId) return user.agencyId;
    // A linked person is confirmed as a whole: the roster entry of their other account counts here.
    return user.personId !== null && this.standsConfirmed(user, user.agencyId) ? user.agencyId : null;
  }

  /** Whether the person stands for the agency by the roster or a facilitator's `/confirm` (not a bare claim), on any linked account. */
  standsConfirmed(user: User, agencyId: number | null): boolean {
    if (agencyId === null) return false;
    return [user, ...this.linked(user)].some((u) => this.accountConfirmed(u, agencyId));
  }

  private accountConfirmed(user: User, agencyId: number): boolean {
    if (this.roster.get(`${user.platform}:${user.platformUserId}`)?.agencyId === agencyId) return true;
    return user.agencyConfirmed && user.agencyId === agencyId;
  }

  /** The roster's agency for this person on any of their linked accounts (it pins the person). */
  rosterAgencyOf(user: User): number | undefined {
    for (const u of [user, ...this.linked(user)]) {
      const pinned = this.roster.get(`${u.platform}:${u.platformUserId}`)?.agencyId;
      if (pinned !== undefined) return pinned;
    }
    return undefined;
  }

  /** A facilitator's `/confirm`: the person, on every linked account, acts for the agency from now on. */
  confirm(user: User, agencyId: number, by: User, now: Date): User {
    for (const u of [user, ...this.linked(user)]) {
      this.repo.confirmAgency(u.id, agencyId, by.id, now);
      this.remember({ ...u, agencyId, agencyConfirmed: true });
    }
    return { ...user, agencyId, agencyConfirmed: true };
  }

  /**
   * `/confirm`'s person (issue 23, item 5): `platform:id`, or a mention (`@id` as the platform
   * delivers it), or a display name, which names the person only when exactly one account has
   * it, counting roster entries not seen yet: a lookalike of someone on the roster is never
   * taken for them. Several candidates: the caller lists them by id.
   */
  findPeople(who: string, from: Platform): Candidate[] {
    const ref = /^([a-z][a-z0-9_-]*):(\S+)$/.exec(who);
    if (ref) return this.candidate(ref[1] as Platform, ref[2]!);
    const mention = /^@(\S+)$/.exec(who);
    if (mention) {
      const byId = this.candidate(from, mention[1]!);
      if (byId[0]?.user) return byId;
    }
    const name = mention ? mention[1]! : who;
    const found: Candidate[] = this.repo.usersNamed(name).map((u) => ({ ref: `${u.platform}:${u.platformUserId}`, user: u }));
    const lower = name.toLowerCase();
    for (const [key, entry] of this.roster) {
      if (entry.name?.toLowerCase() !== lower || found.some((c) => c.ref === key)) continue;
      found.push(this.candidate(...splitKey(key))[0]!);
    }
    return found;
  }

  /** A roster entry never seen yet gets its row when a facilitator confirms it. */
  ensureUser(c: Candidate, now: Date): User {
    if (c.user) return c.user;
    const [platform, id] = splitKey(c.ref);
    return this.repo.upsertUser(platform, id, cleanName(this.roster.get(c.ref)?.name ?? id) || id, now);
  }

  private candidate(platform: Platform, id: string): Candidate[] {
    const ref = `${platform}:${id}`;
    const user = this.repo.userByRef(platform, id);
    if (user) return [{ ref, user }];
    return this.roster.has(ref) ? [{ ref }] : [];
  }

  /** By id, for display (a card's proposer): names change rarely, so recent ones are kept. */
  get(id: number): User | undefined {
    this.sync();
    const hit = this.byId.get(id);
    if (hit) return hit;
    const u = this.repo.getUser(id);
    if (u) this.remember(u);
    return u;
  }

  /** After a rollback: a user or agency remembered from it may never have been stored. */
  forgetCached(): void {
    this.cache.clear();
    this.byId.clear();
  }

  private sync(): void {
    const v = this.repo.dataVersion();
    if (v === this.version) return;
    this.forgetCached();
    this.version = v;
  }

  private remember(u: User): void {
    if (this.cache.size > 10_000) this.cache.clear();
    if (this.byId.size > 10_000) this.byId.clear();
    this.cache.set(`${u.platform}:${u.platformUserId}`, u);
    this.byId.set(u.id, u);
  }
}
