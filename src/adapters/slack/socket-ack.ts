import { defaultProcessEventErrorHandler, SocketModeReceiver, type SocketModeReceiverOptions } from '@slack/bolt';
import { isNotStored } from '../not-stored';

interface SlackEventArgs {
  type: string;
  body: object;
  ack: (response?: unknown) => Promise<void>;
}

/**
 * In Socket Mode Bolt acknowledges an Events API envelope the moment it arrives (its
 * `processBeforeResponse` is for HTTP only), so an event in flight at a crash was lost: Slack
 * had its acknowledgement and does not send it again. This puts the acknowledgement where the
 * HTTP receiver has it: Bolt's ack() for an event envelope only notes that Bolt wants it sent,
 * and it is sent once the app has handled the event, which for a vote is once it is stored (the
 * adapter's middleware resolves then). Commands and buttons keep Bolt's handling: Slack never
 * redelivers them and their ack may carry a payload; the adapter calls ack() for a command
 * once it is stored, for a button at once.
 * An event the core could not store (NotStoredError) is never acknowledged: Slack resends it.
 */
export function socketModeReceiver(options: Omit<SocketModeReceiverOptions, 'processEventErrorHandler'>): SocketModeReceiver {
  // Envelopes whose event could not be stored (the body object is Bolt's and ours alike).
  const notStored = new WeakSet<object>();
  const receiver = new SocketModeReceiver({
    ...options,
    processEventErrorHandler: async (a) => {
      if (!isNotStored(a.error)) return defaultProcessEventErrorHandler(a);
      notStored.add(a.event.body);
      return false;
    },
  });
  return ackEventsWhenHandled(receiver, (body) => notStored.has(body));
}

function ackEventsWhenHandled(receiver: SocketModeReceiver, failed: (body: object) => boolean): SocketModeReceiver {
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
      // Not acknowledged when the event could not be stored, nor when Bolt chose not to (its
      // error handler): Slack will send it again.
      if (wanted && !failed(args.body)) await args.ack(response);
    }
  });
  return receiver;
}
