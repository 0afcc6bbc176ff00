// What the core may ask about a chat platform. Each platform's descriptor answers
// (src/adapters/<platform>/<platform>.platform.ts); the core asks these, never a platform's name.

export interface PlatformCapabilities {
  /** A reaction on a card reaches the bot and counts as a vote (else the card's vote button does). */
  reactionVotes: boolean;
  /** An answer inside a group can be shown to the asker alone (an ephemeral message, a terminal). */
  privateRepliesInGroups: boolean;
  /** A posted message can be edited in place, so a card shows its record's current state. */
  editsMessages: boolean;
  limits: {
    /** Characters of one message's text the platform takes (adapters split or trim beyond it). */
    text: number;
    /** Characters of a button's label. */
    buttonLabel: number;
  };
  /**
   * How the platform reaches the bot: `none` (in-process, no network), `outbound` (the bot keeps a
   * connection open: Socket Mode, long polling) or `webhook` (signed requests on the HTTP port);
   * `either` when a setting chooses. A webhook is answered only after the event is stored.
   */
  inbound: 'none' | 'outbound' | 'webhook' | 'either';
}

/** The platforms known to this process, as the core sees them. */
export interface PlatformDirectory {
  capabilities(platform: string): PlatformCapabilities;
  /** A user reference on that platform as people would write one (`<platform>:<id>`), for help texts. */
  userRefExample(platform: string): string;
}
