import * as z from 'zod';

/**
 * The shapes of the signed bodies Slack sends, as far as Bolt relies on them before any listener
 * runs. Bolt routes a body by which keys it has (`event`, `command`, an interactive `type`) and
 * reads into them unguarded: `"event": null`, `event.item = "x"`, `"user": null` or
 * `"actions": null` threw inside Bolt (500), and a body of no known kind (`{}`) waited Bolt's 3 s
 * for a listener, then 404. Only the edge of the envelope is checked here; each listener's own
 * schema (parse.ts) reads the fields it uses.
 */
export type SlackBodyKind = 'url_verification' | 'event' | 'rate_limited' | 'command' | 'interactive' | 'malformed';

const record = z.looseObject({});
const urlVerification = z.looseObject({ type: z.literal('url_verification'), challenge: z.string().max(500) });
const eventCallback = z.looseObject({
  type: z.literal('event_callback'),
  event: z.looseObject({
    type: z.string().min(1).max(100),
    // Bolt reads `'channel' in event.item` and `'id' in event.channel`: both throw on a non-object.
    item: record.optional(),
    channel: z.union([z.string(), record]).optional(),
    user: z.union([z.string(), record]).optional(),
  }),
});
// Form fields are always strings; a slash command is known by its `command`.
const command = z.looseObject({ command: z.string().min(1).max(100) });
const INTERACTIVE = ['block_actions', 'block_suggestion', 'interactive_message', 'dialog_submission', 'view_submission', 'view_closed', 'shortcut', 'message_action'] as const;
const interactive = z.looseObject({
  type: z.enum(INTERACTIVE),
  user: z.looseObject({ id: z.string().min(1).max(100) }),
  channel: record.optional(),
  container: record.optional(),
  actions: z.array(record).max(100).optional(),
  view: record.optional(),
});

export function slackBodyKind(body: Record<string, unknown>): SlackBodyKind {
  if (body.type === 'url_verification') return urlVerification.safeParse(body).success ? 'url_verification' : 'malformed';
  // Slack tells an app it is dropping its events this minute; there is nothing to route.
  if (body.type === 'app_rate_limited') return 'rate_limited';
  // The order Bolt routes in (getTypeAndConversation): a body with `event` is an event, whatever else it has.
  if ('event' in body) return eventCallback.safeParse(body).success ? 'event' : 'malformed';
  if ('command' in body) return command.safeParse(body).success ? 'command' : 'malformed';
  const i = interactive.safeParse(body);
  if (!i.success) return 'malformed';
  // Bolt treats a body as an action when it has `actions`; these two kinds always carry them.
  if ((i.data.type === 'block_actions' || i.data.type === 'interactive_message') && i.data.actions === undefined) return 'malformed';
  if ((i.data.type === 'view_submission' || i.data.type === 'view_closed') && i.data.view === undefined) return 'malformed';
  return 'interactive';
}
