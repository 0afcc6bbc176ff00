import type { Translation } from '../translation';
import type { delivery as zh } from '../zh-TW/delivery';

export const delivery: Translation<typeof zh> = {
  deadLetter: (p) =>
    `⚠️ A message could not be delivered to ${p.chat}: the platform refused it (${p.code}) and sending it again cannot succeed, so it is no longer retried and is kept as dead letter ${p.id}. ` +
    `Once the cause is fixed (for example the bot is back in the channel), an operator runs npm run outbox -- retry ${p.id} to send it again; the list: npm run outbox -- list. Further refusals for the same chat are not announced again.`,
};
