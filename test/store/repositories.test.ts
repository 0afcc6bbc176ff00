import { join } from 'node:path';
import { openDatabase } from '../../src/store/db';
import { sqliteStore } from '../../src/store/sqlite-store';
import { tempDir } from '../support/app';

function twoConnections() {
  const { dir, cleanup } = tempDir();
  const path = join(dir, 'db.sqlite');
  const a = openDatabase(path);
  const b = openDatabase(path);
  const sa = sqliteStore(a);
  const sb = sqliteStore(b);
  const now = new Date('2026-12-01T00:00:00Z');
  const [motc, mol] = sa.people.syncAgencies([
    { code: 'MOTC', name: '交通部', aliases: [] },
    { code: 'MOL', name: '勞動部', aliases: [] },
  ]);
  const u1 = sa.people.upsertUser('console', 'amy', 'Amy', now);
  const u2 = sa.people.upsertUser('console', 'bob', 'Bob', now);
  const u3 = sa.people.upsertUser('console', 'cat', 'Cat', now);
  const issue = sa.issues.create({ title: 't', details: '', petitionUrl: null, proposerId: u1.id, proposerAgencyId: motc!.id, chat: 'console:main', createdAt: now, agencyIds: [mol!.id, motc!.id] });
  return {
    sa, sb, now, motc: motc!, mol: mol!, u1, u2, u3, issue,
    close: () => {
      a.$client.close();
      b.$client.close();
      cleanup();
    },
  };
}

test('one vote per person; tallies count people and distinct agencies', async () => {
  const t = twoConnections();
  try {
    expect(t.sa.votes.cast(t.issue.id, t.u1.id, t.motc.id, t.now)).toBe(true);
    expect(t.sa.votes.cast(t.issue.id, t.u1.id, t.motc.id, t.now)).toBe(false);
    expect(t.sa.votes.cast(t.issue.id, t.u2.id, t.motc.id, t.now)).toBe(true);
    expect(t.sa.votes.cast(t.issue.id, t.u3.id, null, t.now)).toBe(true);
    expect(t.sa.votes.tally(t.issue.id)).toEqual({ votes: 3, agencies: 1 });
    expect(t.sa.votes.retract(t.issue.id, t.u2.id)).toBe(true);
    expect(t.sa.votes.retract(t.issue.id, t.u2.id)).toBe(false);
    expect(t.sa.votes.tally(t.issue.id)).toEqual({ votes: 2, agencies: 1 });
    expect(t.sa.votes.voters(t.issue.id).map((v) => v.name)).toEqual(['Amy', 'Cat']);
    expect(t.sa.issues.get(t.issue.id)!.agencyIds).toEqual([t.motc.id, t.mol.id].sort((a, b) => a - b));
  } finally {
    t.close();
  }
});

test('caches never serve what another connection changed', async () => {
  const t = twoConnections();
  try {
    // Warm a's caches, then write through b.
    expect(t.sa.votes.tally(t.issue.id)).toEqual({ votes: 0, agencies: 0 });
    expect(t.sa.issues.get(t.issue.id)!.status).toBe('open');
    expect(t.sa.links.find('console:main#1')).toBeUndefined();
    t.sb.votes.cast(t.issue.id, t.u2.id, t.mol.id, t.now);
    t.sb.issues.withdraw(t.issue.id, t.now);
    t.sb.links.link('console:main#1', { kind: 'issue', id: t.issue.id }, t.now);
    await Promise.resolve(); // a new turn, as a new event would be
    expect(t.sa.votes.tally(t.issue.id)).toEqual({ votes: 1, agencies: 1 });
    expect(t.sa.issues.get(t.issue.id)!.status).toBe('withdrawn');
    expect(t.sa.links.find('console:main#1')).toEqual({ kind: 'issue', id: t.issue.id });
    expect(t.sa.links.refsFor({ kind: 'issue', id: t.issue.id })).toEqual(['console:main#1']);
    // And the database refuses a second vote from b for a person a already counted.
    expect(t.sa.votes.cast(t.issue.id, t.u2.id, t.mol.id, t.now)).toBe(false);
  } finally {
    t.close();
  }
});

test('processed events are remembered and pruned by age', () => {
  const t = twoConnections();
  try {
    expect(t.sa.events.seen('slack:Ev1')).toBe(false);
    expect(t.sa.events.claim('slack:Ev1', t.now)).toBe(true);
    expect(t.sa.events.claim('slack:Ev1', t.now)).toBe(false);
    expect(t.sb.events.claim('slack:Ev1', t.now)).toBe(false);
    expect(t.sb.events.seen('slack:Ev1')).toBe(true);
    expect(t.sa.events.prune(new Date(t.now.getTime() + 1))).toBe(1);
    expect(t.sa.events.seen('slack:Ev1')).toBe(false);
  } finally {
    t.close();
  }
});

test('agencies from the configuration: written once, then read without a write at each start-up; a renamed agency keeps its id', () => {
  const { dir, cleanup } = tempDir();
  const db = openDatabase(join(dir, 'db.sqlite'));
  try {
    const store = sqliteStore(db);
    const config = [
      { code: 'MOTC', name: '交通部', aliases: [] },
      { code: 'MOL', name: '勞動部', aliases: [] },
    ];
    const first = store.people.syncAgencies(config);
    const changes = () => db.$client.prepare('select total_changes()').pluck().get() as number;
    const before = changes();
    expect(store.people.syncAgencies(config)).toEqual(first);
    expect(changes()).toBe(before);
    const renamed = store.people.syncAgencies([{ ...config[0]!, name: '交通及建設部' }, config[1]!]);
    expect(changes()).toBe(before + 1);
    expect(renamed[0]).toEqual({ ...first[0], name: '交通及建設部' });
    // Dropped from the configuration: the row stays (old votes name it), a new one gets a new id.
    const added = store.people.syncAgencies([config[1]!, { code: 'MOA', name: '農業部', aliases: [] }]);
    expect(added[0]!.id).toBe(first[1]!.id);
    expect(new Set([first[0]!.id, first[1]!.id]).has(added[1]!.id)).toBe(false);
  } finally {
    db.$client.close();
    cleanup();
  }
});
