import type { SocketModeReceiver } from '@slack/bolt';

interface SlackEventArgs {
  type: string;
  ack: (response?: unknown) => Promise<void>;
}

/**
 * In Socket Mode Bolt acknowledges an Events API envelope the moment it arrives (its
 * `processBeforeResponse` is for HTTP only), so an event in flight at a crash was lost: Slack
 * had its acknowledgement and does not send it again. This puts the acknowledgement where the
 * HTTP receiver has it: Bolt's ack() for an event envelope only notes that Bolt wants it sent,
 * and it is sent once the app has handled the event, which for a vote is once it is stored (the
 * adapter's middleware resolves then). Commands and buttons keep Bolt's handling: they are
 * acknowledged before any work, Slack never redelivers them, and their ack may carry a payload.
 */
export function ackEventsWhenHandled(receiver: SocketModeReceiver): SocketModeReceiver {
  const client = receiver.client;
  const bolts = client.listeners('slack_event') as ((args: SlackEventArgs) => Promise<void>)[];
  // Pinned Bolt registers exactly one; anything else means its receiver changed under us.
  if (bolts.length !== 1) throw new Error(`Bolt's Socket Mode receiver has ${bolts.length} envelope listeners, expected 1`);
  const bolt = bolts[0]!;
  client.removeListener('slack_event', bolt);
  client.on('slack_event', async (args: SlackEventArgs) => {
    if (args.type !== 'events_api') return bolt(args);
    let wanted = false;
    let response: unknown;
    try {
      await bolt({
        ...args,
        ack: async (r?: unknown) => {
          wanted = true;
          response = r;
        },
      });
    } finally {
      // Not acknowledged when Bolt chose not to (its error handler): Slack will send it again.
      if (wanted) await args.ack(response);
    }
  });
  return receiver;
}
