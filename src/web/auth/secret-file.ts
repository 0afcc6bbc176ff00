import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { ConfigError } from '../../config/load';
import { dirname, join } from 'node:path';

/** The signing secret's file when WEB_SECRET is unset: beside the database, never inside it. */
export const SECRET_FILE = 'web-secret';

/**
 * The web's signing secret: WEB_SECRET, else the data directory's `web-secret` file, created
 * (mode 0600, 256 random bits) on the first start. Read once at start-up, so no page has to
 * write anything to answer. Backups copy the database only, so a backup cannot mint sessions;
 * deleting the file (or changing WEB_SECRET) and restarting signs everyone out.
 * An in-memory database has no data directory: its secret lives as long as the process.
 */
export function loadWebSecret(envSecret: string | undefined, databasePath: string): string {
  if (envSecret) return envSecret;
  if (databasePath === ':memory:') return randomBytes(32).toString('base64url');
  const file = join(dirname(databasePath), SECRET_FILE);
  // Written whole under another name, then linked into place (which fails if the file exists):
  // two processes starting together keep the first one's secret, and none reads half a file.
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, randomBytes(32).toString('base64url') + '\n', { mode: 0o600, flag: 'w' });
    linkSync(tmp, file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  } finally {
    rmSync(tmp, { force: true });
  }
  const secret = readFileSync(file, 'utf8').trim();
  if (secret.length < 32) throw new ConfigError(`The web signing secret in ${file} is shorter than 32 characters: delete the file to have a new one made (everyone is signed out).`);
  return secret;
}
