/**
 * `0000_foundation.sql` was edited in place during the first hour of development (issue 14,
 * item 6), so a database made by one of these builds records a migration that no later build
 * has: its tables differ from the released 0000_foundation and the released migrations cannot
 * run on it. Each row is the SQL's sha256 as drizzle stored it, and the `when` of that build's
 * journal. test/store/early-databases.test.ts builds each database from the old SQL kept in
 * test/store/fixtures/early-builds/<commit>/.
 */
export interface EarlyBuild {
  commit: string;
  date: string;
  what: string;
  sha256: string;
  when: number;
}

export const EARLY_BUILDS: readonly EarlyBuild[] = [
  {
    commit: 'cad90a6',
    date: '2026-11-27',
    what: 'Foundation skeleton',
    sha256: '51c1f0df25bdf653a0ee421a22208adac7272aee07d1ea6d3b29eee2aa65c0e9',
    when: 1795763308574,
  },
  {
    commit: 'd56b4cb',
    date: '2026-11-27',
    what: 'Remember handled platform deliveries',
    sha256: 'd3729cd93c0f6acbd5ff103c6d479def57c9c0e45a702da61af6b1795c5eca13',
    when: 1795763557342,
  },
  {
    commit: '5086bbe',
    date: '2026-11-27',
    what: 'Persistent scheduler and the meetings contract',
    sha256: '921e96925d2f5c24bebc345dbd209c879354a5c96544ecb063c33501c812fbdb',
    when: 1795763721956,
  },
];
