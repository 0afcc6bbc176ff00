import { createHmac } from 'node:crypto';
import { request, Agent } from 'node:http';

export const SIGNING_SECRET = 'test-signing-secret-0123456789';

/** Slack's request signature: `v0=` + HMAC-SHA256 of `v0:<timestamp>:<raw body>`. */
export function sign(body: string, secret: string, timestamp: number): string {
  return 'v0=' + createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
}

export interface SendOptions {
  secret?: string;
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  headers?: Record<string, string>;
  agent?: Agent;
}

/** POSTs a body signed as Slack would; resolves with the status and response text. */
export function sendSigned(url: string, body: string, contentType: string, o: SendOptions = {}): Promise<{ status: number; text: string }> {
  const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
  const headers = {
    'content-type': contentType,
    'content-length': String(Buffer.byteLength(body)),
    'x-slack-request-timestamp': String(timestamp),
    'x-slack-signature': sign(body, o.secret ?? SIGNING_SECRET, timestamp),
    ...o.headers,
  };
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers, agent: o.agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

export function commandPayload(f: { command: string; text: string; user: string; channel?: string; responseUrl: string; userName?: string }): Record<string, string> {
  return {
    token: 'legacy-verification-token',
    team_id: 'T1',
    team_domain: 'po',
    channel_id: f.channel ?? 'C1',
    channel_name: 'po-network',
    user_id: f.user,
    user_name: f.userName ?? f.user.toLowerCase(),
    command: f.command,
    text: f.text,
    api_app_id: 'A1',
    is_enterprise_install: 'false',
    response_url: f.responseUrl,
    trigger_id: '1.2.3',
  };
}

export function reactionPayload(f: {
  eventId: string;
  type?: 'reaction_added' | 'reaction_removed';
  user: string;
  reaction?: string;
  channel?: string;
  ts: string;
  itemUser?: string | null;
}): Record<string, unknown> {
  const event: Record<string, unknown> = {
    type: f.type ?? 'reaction_added',
    user: f.user,
    reaction: f.reaction ?? '+1',
    item: { type: 'message', channel: f.channel ?? 'C1', ts: f.ts },
    event_ts: '1733000100.000100',
  };
  if (f.itemUser !== null) event.item_user = f.itemUser ?? 'UBOT';
  return {
    token: 'legacy-verification-token',
    team_id: 'T1',
    api_app_id: 'A1',
    event,
    type: 'event_callback',
    event_id: f.eventId,
    event_time: 1733000100,
    authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
}

export function buttonPayload(f: { user: string; channel?: string; ts: string; actionId: string; value: string; responseUrl: string }): Record<string, unknown> {
  return {
    type: 'block_actions',
    user: { id: f.user, username: f.user.toLowerCase(), team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: f.ts, channel_id: f.channel ?? 'C1', is_ephemeral: false },
    trigger_id: '1.2.4',
    team: { id: 'T1', domain: 'po' },
    channel: { id: f.channel ?? 'C1', name: 'po-network' },
    message: { type: 'message', ts: f.ts, user: 'UBOT', text: 'card' },
    response_url: f.responseUrl,
    actions: [{ action_id: f.actionId, block_id: 'b1', value: f.value, type: 'button', action_ts: '1733000200.000001' }],
  };
}

export function messagePayload(f: { eventId: string; user?: string; text: string; channel?: string; subtype?: string; botId?: string }): Record<string, unknown> {
  const event: Record<string, unknown> = { type: 'message', channel: f.channel ?? 'C1', text: f.text, ts: '1733000200.000100', event_ts: '1733000200.000100', channel_type: 'channel' };
  if (f.user) event.user = f.user;
  if (f.subtype) event.subtype = f.subtype;
  if (f.botId) event.bot_id = f.botId;
  return { token: 'legacy-verification-token', team_id: 'T1', api_app_id: 'A1', event, type: 'event_callback', event_id: f.eventId, event_time: 1733000200 };
}
