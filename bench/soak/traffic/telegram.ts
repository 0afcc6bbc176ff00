import { post } from './post';

// Telegram's side: updates POSTed to the bot's webhook with its secret, as Telegram delivers
// them; Telegram sends an update again (same update_id) until it gets a 2xx.

export const TELEGRAM_CHAT = -100123;
export const TELEGRAM_FACILITATOR = 900;
export const TELEGRAM_SECRET = 'soak-secret';
export const TELEGRAM_PATH = '/telegram';
const chat = { id: TELEGRAM_CHAT, type: 'supergroup', title: 'PO soak' };
const person = (id: number) => ({ id, is_bot: false, first_name: `PO ${id}` });

export class TelegramSender {
  constructor(private readonly webhookUrl: () => string) {}

  private send(update: unknown): Promise<number> {
    return post(this.webhookUrl(), JSON.stringify(update), { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': TELEGRAM_SECRET });
  }

  /** A message or a command (text starting with /). */
  message(updateId: number, user: number, text: string): Promise<number> {
    const command = /^\/\w+/.exec(text)?.[0];
    return this.send({
      update_id: updateId,
      message: { message_id: updateId, date: Math.floor(Date.now() / 1000), chat, from: person(user), text, ...(command ? { entities: [{ type: 'bot_command', offset: 0, length: command.length }] } : {}) },
    });
  }

  reaction(updateId: number, user: number, messageId: number): Promise<number> {
    return this.send({
      update_id: updateId,
      message_reaction: { chat, message_id: messageId, user: person(user), date: Math.floor(Date.now() / 1000), old_reaction: [], new_reaction: [{ type: 'emoji', emoji: '👍' }] },
    });
  }

  button(updateId: number, user: number, messageId: number, data: string): Promise<number> {
    return this.send({
      update_id: updateId,
      callback_query: { id: `cq${updateId}`, from: person(user), chat_instance: 'soak', data, message: { message_id: messageId, date: Math.floor(Date.now() / 1000), chat, text: 'card' } },
    });
  }
}
