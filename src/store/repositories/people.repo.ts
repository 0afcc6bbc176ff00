import { and, asc, eq, isNull, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../db';
import { agencies, linkCodes, users } from '../schema';
import type { Agency, PeopleRepo, User } from '../../core/records';
import type { Platform } from '../../core/types';
import { dataVersion } from '../versioned-cache';

type UserRow = typeof users.$inferSelect;

function toUser(r: UserRow): User {
  return { id: r.id, platform: r.platform as Platform, platformUserId: r.platformUserId, name: r.displayName, agencyId: r.agencyId, agencyConfirmed: r.agencyConfirmedBy !== null,
    // Seeing the person clears left_at: what happened last counts, even within one millisecond.
    inNetwork: r.networkSeenAt !== null && r.networkLeftAt === null,
    personId: r.personId,
  };
}

export function peopleRepo(db: Db): PeopleRepo {
  const byIdentity = db
    .select()
    .from(users)
    .where(and(eq(users.platform, sql.placeholder('platform')), eq(users.platformUserId, sql.placeholder('pid'))))
    .prepare();
  const byId = db.select().from(users).where(eq(users.id, sql.placeholder('id'))).prepare();
  // Prepared once: a person's first event builds no SQL.
  const insertUser = db
    .insert(users)
    .values({ platform: sql.placeholder('platform'), platformUserId: sql.placeholder('pid'), displayName: sql.placeholder('name'), createdAt: sql.placeholder('now'), updatedAt: sql.placeholder('now') })
    .onConflictDoUpdate({ target: [users.platform, users.platformUserId], set: { displayName: sql`excluded.display_name` } })
    .returning()
    .prepare();

  return {
    syncAgencies(list) {
      // Every start-up: read once, write only what the configuration changed (most starts: nothing).
      const read = () => new Map(db.select({ id: agencies.id, code: agencies.code, name: agencies.name }).from(agencies).all().map((r) => [r.code, r]));
      let stored = read();
      const changed = list.filter((a) => stored.get(a.code)?.name !== a.name);
      if (changed.length) {
        stored = db.transaction((tx) => {
          for (const a of changed) tx.insert(agencies).values({ code: a.code, name: a.name }).onConflictDoUpdate({ target: agencies.code, set: { name: a.name } }).run();
          return read();
        });
      }
      // Agencies dropped from the config keep their rows: old votes and issues still name them.
      return list.map((a): Agency => ({ id: stored.get(a.code)!.id, code: a.code, name: a.name, nameEn: a.nameEn, aliases: a.aliases }));
    },
    upsertUser(platform, pid, name, now) {
      const existing = byIdentity.get({ platform, pid });
      if (existing) {
        if (existing.displayName !== name) {
          db.update(users).set({ displayName: name, updatedAt: now.getTime() }).where(eq(users.id, existing.id)).run();
          existing.displayName = name;
        }
        return toUser(existing);
      }
      return toUser(insertUser.get({ platform, pid, name, now: now.getTime() })!);
    },
    setAgency(userId, agencyId, now) {
      // A new claim is not confirmed, whoever confirmed the old one.
      db.update(users).set({ agencyId, agencyConfirmedBy: null, updatedAt: now.getTime() }).where(eq(users.id, userId)).run();
    },
    confirmAgency(userId, agencyId, byUserId, now) {
      db.update(users).set({ agencyId, agencyConfirmedBy: byUserId, updatedAt: now.getTime() }).where(eq(users.id, userId)).run();
    },
    userByRef(platform, pid) {
      const r = byIdentity.get({ platform, pid });
      return r ? toUser(r) : undefined;
    },
    usersNamed(name) {
      return db.select().from(users).where(sql`lower(${users.displayName}) = lower(${name})`).orderBy(users.id).all().map(toUser);
    },
    getUser(id) {
      const r = byId.get({ id });
      return r ? toUser(r) : undefined;
    },
    dataVersion: dataVersion(db.$client),
    markSeenInNetwork(userId, now) {
      db.update(users).set({ networkSeenAt: now.getTime(), networkLeftAt: null }).where(eq(users.id, userId)).run();
    },
    markLeftNetwork(platform, pid, now) {
      db.update(users).set({ networkLeftAt: now.getTime() }).where(and(eq(users.platform, platform), eq(users.platformUserId, pid))).run();
    },
    linkedAccounts(user) {
      if (user.personId === null) return [];
      return db.select().from(users).where(and(eq(users.personId, user.personId), ne(users.id, user.id))).orderBy(asc(users.id)).all().map(toUser);
    },
    linkAccounts(a, b, now) {
      const personId = Math.min(a, b);
      db.update(users).set({ personId, updatedAt: now.getTime() }).where(or(eq(users.id, a), eq(users.id, b))).run();
    },
    unlinkPerson(personId, now) {
      db.update(users).set({ personId: null, updatedAt: now.getTime() }).where(eq(users.personId, personId)).run();
    },
    saveLinkCode(codeHash, userId, now, expiresAt) {
      // One live code per account: asking again makes the earlier one worthless.
      db.update(linkCodes).set({ usedAt: now.getTime() }).where(and(eq(linkCodes.userId, userId), isNull(linkCodes.usedAt))).run();
      db.insert(linkCodes).values({ codeHash, userId, createdAt: now.getTime(), expiresAt: expiresAt.getTime() }).run();
    },
    linkCode(codeHash) {
      const r = db.select().from(linkCodes).where(eq(linkCodes.codeHash, codeHash)).get();
      return r ? { userId: r.userId, expiresAt: new Date(r.expiresAt), usedAt: r.usedAt === null ? null : new Date(r.usedAt) } : undefined;
    },
    useLinkCode(codeHash, now) {
      return db.update(linkCodes).set({ usedAt: now.getTime() }).where(and(eq(linkCodes.codeHash, codeHash), isNull(linkCodes.usedAt))).run().changes > 0;
    },
    usersByAgency(agencyId) {
      return db.select().from(users).where(eq(users.agencyId, agencyId)).orderBy(users.id).all().map(toUser);
    },
  };
}
