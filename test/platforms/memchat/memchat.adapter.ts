import type { ChatAdapter, Dispatch } from '../../../src/adapters/chat-adapter';
import { richToPlain, type ChatRef, type MessageRef, type OutboundMessage, type PersonRef } from '../../../src/core/types';

/** One message as the in-memory chat shows it. */
export interface MemMessage {
  chat: ChatRef;
  text: string;
  buttons: string[];
  /** How many times the bot edited it. */
  edits: number;
}

/**
 * A chat that lives in memory: the far side (people typing, reacting) is this object's methods,
 * the near side the ChatAdapter the core delivers to. Everything a real adapter translates from
 * its SDK, this one translates from method calls.
 */
export class MemChatAdapter implements ChatAdapter {
  readonly platform = 'memchat' as const;
  readonly messages = new Map<MessageRef, MemMessage>();
  /** Answers given to a person (the platform has no private answer in a room: they are public). */
  readonly answers: { chat: ChatRef; text: string }[] = [];
  private dispatch: Dispatch | undefined;
  private nextId = 1;
  private delivery = 0;

  constructor(readonly rooms: readonly string[]) {}

  async start(dispatch: Dispatch): Promise<void> {
    this.dispatch = dispatch;
  }

  async post(chat: ChatRef, m: OutboundMessage): Promise<MessageRef> {
    const ref = `${chat}#${this.nextId++}` as MessageRef;
    this.messages.set(ref, { chat, text: richToPlain(m.text), buttons: (m.buttons ?? []).map((b) => b.label), edits: 0 });
    return ref;
  }

  /** Private messages, as each person's own inbox would show them. */
  readonly privates: { to: string; text: string }[] = [];

  async postPrivate(to: PersonRef, m: OutboundMessage): Promise<MessageRef> {
    this.privates.push({ to: to.id, text: richToPlain(m.text) });
    return `memchat:@${to.id}#${this.nextId++}` as MessageRef;
  }

  async update(ref: MessageRef, m: OutboundMessage): Promise<void> {
    const shown = this.messages.get(ref);
    if (!shown) throw new Error(`memchat: no message ${ref}`);
    Object.assign(shown, { text: richToPlain(m.text), buttons: (m.buttons ?? []).map((b) => b.label), edits: shown.edits + 1 });
  }

  async stop(): Promise<void> {
    this.dispatch = undefined;
  }

  /** `user` types `line` in `room`; the answer, as the room shows it. */
  async say(user: string, room: string, line: string): Promise<string | undefined> {
    const m = /^\/(\S+)\s*([\s\S]*)$/.exec(line);
    if (!m) throw new Error('memchat: only commands are typed in this test chat');
    const chat = `memchat:${room}` as ChatRef;
    const answer = await this.send({ kind: 'command', name: m[1]!, args: m[2]!, actor: this.actor(user), chat, dedupKey: this.dedupKey() });
    if (!answer) return undefined;
    const text = richToPlain(answer.message.text);
    this.answers.push({ chat, text });
    return text;
  }

  /** `user` reacts with `emoji` to the message `ref`. */
  async react(user: string, ref: MessageRef, emoji: string): Promise<void> {
    const shown = this.messages.get(ref);
    if (!shown) throw new Error(`memchat: no message ${ref}`);
    await this.send({ kind: 'reaction', emoji, added: true, target: ref, actor: this.actor(user), chat: shown.chat, dedupKey: this.dedupKey() });
  }

  private send(e: Parameters<Dispatch>[0]) {
    if (!this.dispatch) throw new Error('memchat: not started');
    return this.dispatch(e);
  }

  private actor(user: string) {
    return { platform: this.platform, id: user, name: user };
  }

  /** Each delivery gets an id a redelivery would repeat (the platform's update id). */
  private dedupKey(): string {
    return `memchat:${++this.delivery}`;
  }
}
