import type { Delivery, PostOptions } from '../core/feature';
import { parseChatRef, parseMessageRef, type Actor, type ChatRef, type MessageRef, type OutboundMessage, type PersonRef, type Platform } from '../core/types';
import type { ChatAdapter } from './chat-adapter';
import { genericDeliveryErrors, PermanentDeliveryError, type ClassifiesDeliveryErrors, type DeliveryFailure } from '../core/delivery/delivery-errors';

/** Routes the core's posts and updates to the adapter of each chat's platform. */
export class AdapterHub implements Delivery, ClassifiesDeliveryErrors {
  private readonly adapters = new Map<Platform, ChatAdapter>();

  add(adapter: ChatAdapter): void {
    this.adapters.set(adapter.platform, adapter);
  }

  list(): ChatAdapter[] {
    return [...this.adapters.values()];
  }

  private for(platform: Platform): ChatAdapter {
    const a = this.adapters.get(platform);
    if (!a) throw new Error(`No ${platform} adapter is running`);
    return a;
  }

  post(chat: ChatRef, message: OutboundMessage, _show?: unknown, opts?: PostOptions): Promise<MessageRef> {
    return this.for(parseChatRef(chat).platform).post(chat, message, opts);
  }

  /**
   * To the person's own platform. `near` is passed on only when it is a chat of that platform
   * (a person registered on one platform cannot be reached in another's group).
   */
  postPrivate(to: PersonRef, message: OutboundMessage, near?: ChatRef, opts?: PostOptions): Promise<MessageRef> {
    const a = this.for(to.platform);
    if (!a.postPrivate) throw new PermanentDeliveryError(`The ${to.platform} platform cannot send private messages`, 'private_unsupported');
    const sameChat = near && parseChatRef(near).platform === to.platform ? { near } : {};
    return a.postPrivate(to, message, { key: opts?.key ?? '', resend: opts?.resend ?? false, ...sameChat });
  }

  /** The platform's word on membership (core/people/membership.ts); false where it cannot tell. */
  async isMember(actor: Pick<Actor, 'platform' | 'id'>, chats: readonly ChatRef[]): Promise<boolean> {
    const a = this.adapters.get(actor.platform);
    return a?.isMember ? a.isMember(actor.id, chats) : false;
  }

  /** A failed send, as the target's platform classifies its own errors. */
  classifyDeliveryError(target: string, error: unknown, op: 'post' | 'update'): DeliveryFailure {
    const platform = target.slice(0, target.indexOf(':')) as Platform;
    return (this.adapters.get(platform)?.deliveryErrors ?? genericDeliveryErrors).classify(error, op);
  }

  update(ref: MessageRef, message: OutboundMessage): Promise<void> {
    return this.for(parseMessageRef(ref).platform).update(ref, message);
  }
}
