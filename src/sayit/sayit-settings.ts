import { ConfigError } from '../config/config-error';
import type { SayitUploader } from '../core/minutes/sayit/sayit.port';
import { sayitClient } from './sayit-client';

/**
 * The uploader, when sayit.url is set; every setting it needs checked at start (exit 78): the
 * account, and an address of the web pages, which SayIt fetches the file from.
 */
export function sayitUploader(s: { url?: string; webBaseUrl?: string; username?: string; password?: string }): SayitUploader | undefined {
  if (!s.url) return undefined;
  if (!s.username || !s.password) throw new ConfigError('sayit.url is set but SAYIT_USERNAME and SAYIT_PASSWORD are not: the bot logs in to SayIt to upload minutes.');
  if (!s.webBaseUrl) throw new ConfigError('sayit.url is set but web.baseUrl (or PUBLIC_URL) is not: SayIt fetches the minutes file from the bot\'s web pages.');
  return sayitClient({ baseUrl: s.url, credentials: { username: s.username, password: s.password } });
}
