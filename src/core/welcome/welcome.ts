import type { ChatRef } from '../types';

/** Who was welcomed where: one welcome per person per chat, remembered across restarts. */
export interface WelcomeLog {
  /** Records the welcome; false when this person was already welcomed in this chat. */
  claim(chat: ChatRef, userId: number, at: Date): boolean;
}
