import { createInterface } from 'node:readline';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import type { ChatAdapter, Dispatch } from '../chat-adapter';
import type { Answer } from '../../core/feature';
import { parseMessageRef, type ChatRef, type MessageRef, type OutboundMessage, type PersonRef } from '../../core/types';
import { translator, type Locale } from '../../i18n/catalog';
import { CONSOLE_CHAT, consoleActor, isConsoleName, parseConsoleLine } from './parse';
import { renderConsole } from './render';

/** Extra `.name args` instructions other features add (e.g. `.advance` for the clock). */
export type DotCommand = (args: string) => Promise<string | void> | string | void;

export interface ConsoleOptions {
  input: Readable;
  output: Writable;
  /**
   * One JSON line `{"id","text"}` per bot post or update on output, nothing else there; a
   * private one (an answer only its asker sees, a message for one person) adds `"to": "<user>"`.
   */
  json: boolean;
  locale: Locale;
  /** First message id to use, so ids stay unique across restarts on one database. */
  firstMessageId?: number;
  /** Called with each new message id before it is printed (the composition root persists it). */
  onNewMessageId?: (id: number) => void;
  user?: string;
  dotCommands?: Record<string, DotCommand>;
  /** Where posted files (calendar exports) are written; default ./data/exports. */
  exportDir?: string;
}

/**
 * The embedded default chat: a person at a terminal or a script through a pipe. Lines are
 * handled strictly in order; when input ends, pending work finishes and `finished` resolves.
 */
export class ConsoleAdapter implements ChatAdapter {
  readonly platform = 'console' as const;
  private nextId: number;
  private user: string;
  private readonly t;
  private resolveFinished!: () => void;
  readonly finished = new Promise<void>((r) => (this.resolveFinished = r));
  private closed = false;

  constructor(private readonly opts: ConsoleOptions) {
    this.nextId = opts.firstMessageId ?? 1;
    this.user = opts.user ?? 'me';
    this.t = translator(opts.locale);
  }

  async start(dispatch: Dispatch): Promise<void> {
    const rl = createInterface({ input: this.opts.input, crlfDelay: Infinity, terminal: false });
    const interactive = !this.opts.json && (this.opts.input as { isTTY?: boolean }).isTTY === true;
    if (interactive) this.note(this.t('consoleChat.welcome', { user: this.user }));
    // Not awaited: start() returns once the loop runs; `finished` tells when input is done.
    void (async () => {
      try {
        for await (const line of rl) {
          if (this.closed) break;
          let quit = false;
          try {
            quit = await this.handleLine(line, dispatch);
          } catch (e) {
            // No line ends the console: what failed is answered, the next line is read.
            this.note(this.t('consoleChat.lineFailed', { error: String((e as Error)?.message ?? e).slice(0, 200) }));
          }
          if (quit) break;
        }
      } finally {
        rl.close();
        this.resolveFinished();
      }
    })();
  }

  private async handleLine(line: string, dispatch: Dispatch): Promise<boolean> {
    const parsed = parseConsoleLine(line, this.user);
    if (parsed.kind === 'empty') return false;
    if (parsed.kind === 'blank') return this.note(this.t('consoleChat.blankLine')), false;
    if (parsed.kind === 'event') {
      const answer = await dispatch(parsed.event);
      if (answer) this.show(answer, parsed.event.actor.id);
      return false;
    }
    const { name, args, as } = parsed;
    if (name === 'quit' || name === 'exit') return true;
    if (name === 'as') {
      if (!isConsoleName(args.trim())) return this.note(this.t('consoleChat.asUsage')), false;
      this.user = args.trim();
      this.note(this.t('consoleChat.switched', { user: this.user }));
      return false;
    }
    if (name === 'react' || name === 'unreact') {
      const m = /^#?(\d+)\s+(\S+)$/.exec(args.trim());
      if (!m) return this.note(this.t(name === 'react' ? 'consoleChat.reactUsage' : 'consoleChat.unreactUsage')), false;
      const answer = await dispatch({
        kind: 'reaction',
        emoji: m[2]!,
        added: name === 'react',
        target: `${CONSOLE_CHAT}#${m[1]}`,
        actor: consoleActor(as),
        chat: CONSOLE_CHAT,
      });
      if (answer) this.show(answer, consoleActor(as).id);
      return false;
    }
    if (name === 'join') {
      // `.join <user>`: that user joins the chat, as Slack's member_joined_channel or Telegram's
      // new_chat_members would say. The console shows everything, so the welcome is the full one.
      const who = args.trim();
      if (!isConsoleName(who)) return this.note(this.t('consoleChat.joinUsage')), false;
      const answer = await dispatch({ kind: 'join', privateReach: true, actor: consoleActor(who), chat: CONSOLE_CHAT });
      if (answer) this.show(answer, who);
      return false;
    }
    const extra = this.opts.dotCommands?.[name];
    if (!extra) return this.note(this.t('consoleChat.unknownDot', { name })), false;
    const out = await extra(args);
    if (out) this.note(out);
    return false;
  }

  /** Console-only notes (not bot posts): stderr in JSON mode so stdout stays machine-readable. */
  private note(text: string): void {
    if (this.opts.json) process.stderr.write(text + '\n');
    else this.opts.output.write(text + '\n');
  }

  /**
   * `to`: the one person this is for. A terminal shows everything to whoever sits at it, so a
   * private message is marked as one and names its person; `--json` carries them as `to`.
   * A private answer to the one who typed keeps its plain form on screen (the asker is the
   * reader) and says `to` in JSON only.
   */
  private print(id: string, m: OutboundMessage, to?: { user: string; marked: boolean }): void {
    let text = renderConsole(m);
    const file = m.file ? this.save(m.file) : undefined;
    if (file) text += '\n' + this.t('consoleChat.fileSaved', { path: file });
    if (this.opts.json) {
      this.opts.output.write(JSON.stringify({ id: Number(id), text, ...(file ? { file } : {}), ...(to ? { to: to.user } : {}) }) + '\n');
      return;
    }
    const head = to?.marked ? this.t('consoleChat.privateTo', { user: to.user }) + '\n' : '';
    this.opts.output.write(`[#${id}] ${head}${text}\n`);
  }

  private show(answer: Answer, asker: string): void {
    this.print(this.newId(), answer.message, answer.private ? { user: asker, marked: false } : undefined);
  }

  private newId(): string {
    const n = this.nextId++;
    this.opts.onNewMessageId?.(n);
    return String(n);
  }

  /** A terminal cannot show an attachment: it is written to a file and its path printed. */
  private save(file: NonNullable<OutboundMessage['file']>): string {
    const dir = resolve(this.opts.exportDir ?? join('data', 'exports'));
    mkdirSync(dir, { recursive: true });
    const name = basename(file.filename).replace(/[^\w.-]/g, '_').replace(/^\.+/, '') || 'export';
    const path = join(dir, name);
    writeFileSync(path, file.content, 'utf8');
    return path;
  }

  async post(_chat: ChatRef, m: OutboundMessage): Promise<MessageRef> {
    const id = this.newId();
    this.print(id, m);
    return `${CONSOLE_CHAT}#${id}`;
  }

  /** Printed in the one chat, marked as for `to` alone (a console user is reached wherever they type). */
  async postPrivate(to: PersonRef, m: OutboundMessage): Promise<MessageRef> {
    const id = this.newId();
    this.print(id, m, { user: to.id, marked: true });
    return `${CONSOLE_CHAT}#${id}`;
  }

  async update(ref: MessageRef, m: OutboundMessage): Promise<void> {
    this.print(parseMessageRef(ref).messageId, m);
  }

  async stop(): Promise<void> {
    this.closed = true;
  }
}
