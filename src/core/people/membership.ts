import type { Actor, ChatRef, InboundEvent, Platform } from '../types';
import { parseChatRef } from '../types';
import type { Clock } from '../clock';
import type { People } from './people';

/**
 * Asks a platform whether the person is in one of these chats (Telegram: getChatMember on the
 * home groups). Platforms that cannot tell answer false; the adapters own the mechanics.
 */
export type PlatformMemberCheck = (actor: Actor, chats: readonly ChatRef[]) => Promise<boolean>;

/** How long a platform's answer is trusted: a removed member is refused again within minutes. */
const CONFIRMED_MS = 10 * 60_000;
/** A refusal is remembered briefly too, so a stranger repeating a command does not cost an API call each. */
const REFUSED_MS = 60_000;

/**
 * Who may use the bot (issue 23): the network is its home chats (with none configured for a
 * platform, every group chat the bot is in). Anyone acting in a network chat is a member and is
 * remembered as one; elsewhere (a private chat, a group that is not the network's) only a member
 * may: a facilitator or roster entry by configuration, someone seen in a network chat who has
 * not left since, or someone the platform confirms is in a home chat. Everyone else is refused
 * and nothing of theirs is stored.
 */
export class Membership {
  private readonly platformAnswers = new Map<string, { member: boolean; until: number }>();
  private check: PlatformMemberCheck | undefined;

  constructor(
    private readonly people: People,
    private readonly homeChats: () => readonly ChatRef[],
    private readonly clock: Clock,
  ) {}

  /** Wired by the composition root to the running adapters. */
  setPlatformCheck(check: PlatformMemberCheck): void {
    this.check = check;
  }

  /** One of the network's group chats. */
  isNetworkChat(e: Pick<InboundEvent, 'chat' | 'direct'>): boolean {
    if (e.direct) return false;
    const home = this.homeChatsOn(parseChatRef(e.chat).platform);
    return !home.length || home.includes(e.chat);
  }

  /** Synchronous: whether the event's sender may use the bot, from what is known now. */
  admits(e: InboundEvent): boolean {
    if (this.isNetworkChat(e)) return true;
    if (this.people.isKnownMember(e.actor)) return true;
    return !this.expired(e.actor) && this.platformAnswers.get(key(e.actor))!.member;
  }

  /**
   * Before an event that would be refused: asks the platform (when it can tell) and remembers the
   * answer briefly. Never throws: a platform that cannot be reached answers "not confirmed".
   */
  async confirm(e: InboundEvent): Promise<void> {
    if (!this.check || this.admits(e)) return;
    const k = key(e.actor);
    if (!this.expired(e.actor)) return;
    // Without home chats configured there is no chat to ask about: the groups the bot is in are
    // known only from what arrives from them.
    const home = this.homeChatsOn(e.actor.platform);
    let member = false;
    if (home.length) {
      try {
        member = await this.check(e.actor, home);
      } catch {
        member = false;
      }
    }
    if (this.platformAnswers.size > 10_000) this.platformAnswers.clear();
    this.platformAnswers.set(k, { member, until: this.clock.now().getTime() + (member ? CONFIRMED_MS : REFUSED_MS) });
  }

  /** The person left a network chat: the platform's earlier "yes" no longer counts. */
  forgetConfirmation(actor: Pick<Actor, 'platform' | 'id'>): void {
    this.platformAnswers.delete(key(actor));
  }

  private expired(actor: Pick<Actor, 'platform' | 'id'>): boolean {
    const a = this.platformAnswers.get(key(actor));
    return !a || a.until <= this.clock.now().getTime();
  }

  private homeChatsOn(platform: Platform): ChatRef[] {
    return this.homeChats().filter((c) => parseChatRef(c).platform === platform);
  }
}

function key(actor: Pick<Actor, 'platform' | 'id'>): string {
  return `${actor.platform}:${actor.id}`;
}
