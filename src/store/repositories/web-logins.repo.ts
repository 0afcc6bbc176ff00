import type { Db } from '../db';
import type { WebLoginRepo } from '../../core/records';

export function webLoginsRepo(db: Db): WebLoginRepo {
  const c = db.$client;
  const read = c.prepare<[number], { link: number; session: number }>('select link_epoch as link, session_epoch as session from web_logins where user_id = ?');
  const ensure = c.prepare('insert into web_logins (user_id) values (?) on conflict do nothing');
  // Compare-and-set in one statement: of two requests using the same link at once, one wins.
  const use = c.prepare('update web_logins set link_epoch = link_epoch + 1 where user_id = ? and link_epoch = ?');
  const end = c.prepare('update web_logins set session_epoch = session_epoch + 1 where user_id = ?');
  return {
    epochs(userId) {
      return read.get(userId) ?? { link: 0, session: 0 };
    },
    useLink(userId, epoch) {
      ensure.run(userId);
      return use.run(userId, epoch).changes === 1;
    },
    endSessions(userId) {
      ensure.run(userId);
      end.run(userId);
    },
  };
}
