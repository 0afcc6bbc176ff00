import type { Db } from '../db';
import type { SecretRepo } from '../../core/records';

export function secretsRepo(db: Db): SecretRepo {
  const c = db.$client;
  const insert = c.prepare('insert into app_secrets (name, value, created_at) values (?, ?, ?) on conflict do nothing');
  const read = c.prepare<[string], { value: string }>('select value from app_secrets where name = ?');
  return {
    getOrCreate(name, make, at) {
      // Insert-or-keep, then read: two processes starting together end up with the same secret.
      insert.run(name, make(), at.getTime());
      return read.get(name)!.value;
    },
  };
}
