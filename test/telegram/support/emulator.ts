import TelegramServer from 'telegram-test-api';
import { freePort, within } from './net';

export type Emulator = InstanceType<typeof TelegramServer>;

/** telegram-test-api on 127.0.0.1 and a free port: an independent Bot API emulator. */
export async function startEmulator(): Promise<{ server: Emulator; apiRoot: string }> {
  const port = await freePort();
  const server = new TelegramServer({ port, host: '127.0.0.1' });
  await server.start();
  return { server, apiRoot: server.config.apiURL };
}

export interface SentMessage {
  messageId: number;
  chatId: string;
  text: string;
  parseMode?: string;
  keyboard?: { text: string; callback_data: string }[][];
}

/** What the bot sent (and later edited), as the emulator stored it. */
export function sentMessages(server: Emulator, token: string): SentMessage[] {
  return server.storage.botMessages
    .filter((m) => m.botToken === token)
    .map((m) => {
      const msg = m.message as unknown as Record<string, unknown>;
      const markup = msg.reply_markup as { inline_keyboard?: SentMessage['keyboard'] } | undefined;
      return {
        messageId: m.messageId,
        chatId: String(msg.chat_id),
        text: String(msg.text),
        parseMode: msg.parse_mode as string | undefined,
        keyboard: markup?.inline_keyboard,
      };
    });
}

/** Resolves on the emulator's next event of that name: subscribe BEFORE triggering it. */
export function next(server: Emulator, event: 'AddedBotMessage' | 'EditedMessageText', ms = 5000): Promise<void> {
  return within(new Promise<void>((r) => server.once(event, () => r())), ms, event);
}

/** Resolves after `n` more emulator events of that name. */
export function nextN(server: Emulator, event: 'AddedBotMessage' | 'EditedMessageText', n: number, ms = 5000): Promise<void> {
  let seen = 0;
  return within(
    new Promise<void>((r) => {
      const on = () => {
        if (++seen < n) return;
        server.off(event, on);
        r();
      };
      server.on(event, on);
    }),
    ms,
    `${n} × ${event}`,
  );
}
