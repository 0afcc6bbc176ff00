import type { Db } from '../../store/db';

const CONSOLE_COUNTER = 'console.message';

/**
 * The console's message ids continue after the highest one ever printed on this database: the
 * counter every print raises, or a linked card from before the counter existed.
 */
export function nextConsoleMessageId(db: Db): number {
  const row = db.$client
    .prepare(
      `select max(coalesce((select max(cast(substr(message_ref, instr(message_ref, '#') + 1) as integer)) from message_links where message_ref like 'console:%'), 0),
                  coalesce((select value from counters where name = ?), 0)) as n`,
    )
    .get(CONSOLE_COUNTER) as { n: number };
  return row.n + 1;
}

/** Records that the console printed message `id`, before it is printed, so a restart never reuses it. */
export function consoleMessagePrinted(db: Db): (id: number) => void {
  const raise = db.$client.prepare(`insert into counters (name, value) values (?, ?) on conflict (name) do update set value = max(value, excluded.value)`);
  return (id) => void raise.run(CONSOLE_COUNTER, id);
}
