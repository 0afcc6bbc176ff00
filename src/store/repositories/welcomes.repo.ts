import type { Db } from '../db';
import type { WelcomeLog } from '../../core/welcome/welcome';

export function welcomesRepo(db: Db): WelcomeLog {
  const claim = db.$client.prepare('insert into welcomes (chat, user_id, at) values (?, ?, ?) on conflict do nothing');
  return {
    claim: (chat, userId, at) => claim.run(chat, userId, at.getTime()).changes === 1,
  };
}
