import type { Answer, DispatchHooks, PostOptions } from '../core/feature';
import type { ChatRef, InboundEvent, MessageRef, OutboundMessage, PersonRef, Platform } from '../core/types';
import type { DeliveryErrors } from '../core/delivery/delivery-errors';

export type Dispatch = (e: InboundEvent, hooks?: DispatchHooks) => Promise<Answer | undefined>;

/**
 * The one interface every platform implements. A platform's gaps (no ephemeral messages, no
 * reactions for non-admins) are the adapter's business; this interface does not grow per platform.
 */
export interface ChatAdapter {
  readonly platform: Platform;
  start(dispatch: Dispatch): Promise<void>;
  post(chat: ChatRef, m: OutboundMessage, opts?: PostOptions): Promise<MessageRef>;
  update(ref: MessageRef, m: OutboundMessage): Promise<void>;
  /**
   * A message only `to` (a person on this platform) sees: a direct message, or the platform's
   * nearest equivalent in `near` (a group chat of this platform they are in) when no direct
   * message reaches them. What each platform does is in docs/development.md ("Private
   * messages"). Absent: the platform has none, and such a message becomes a dead letter.
   */
  postPrivate?(to: PersonRef, m: OutboundMessage, opts: PostOptions & { near?: ChatRef }): Promise<MessageRef>;
  stop(): Promise<void>;
  /**
   * Whether the platform says this person is in one of these chats (its home chats), for someone
   * not yet known as a member who writes privately. Absent: the platform cannot tell.
   */
  isMember?(userId: string, chats: readonly ChatRef[]): Promise<boolean>;
  /**
   * Which of the platform's errors stop the outbox retrying a send (its table lives in the
   * adapter's folder); absent: only a PermanentDeliveryError does.
   */
  readonly deliveryErrors?: DeliveryErrors;
  /** Whether the platform connection is up, for /healthz (absent: assumed up while started). */
  connected?(): boolean;
  /** Resolves when the session ends by itself (the console's input closed): the process stops. */
  readonly finished?: Promise<void>;
}
