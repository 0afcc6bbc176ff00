import { buttonPayload, commandPayload, reactionPayload, sign, SIGNING_SECRET } from '../../../test/support/slack/signed';
import { post } from './post';

// Slack's side of the soak's traffic: signed Events API and interactivity deliveries, as Slack
// makes them. Events are retried by Slack (x-slack-retry-num); slash commands and button
// presses are not.

export const SLACK_CHANNEL = 'C1';
export const SLACK_FACILITATOR = 'UFAC';

export class SlackSender {
  constructor(
    private readonly eventsUrl: () => string,
    private readonly responseUrl: (id: string) => string,
  ) {}

  private send(body: string, contentType: string, retry: number): Promise<number> {
    const ts = Math.floor(Date.now() / 1000);
    const headers: Record<string, string> = { 'content-type': contentType, 'x-slack-request-timestamp': String(ts), 'x-slack-signature': sign(body, SIGNING_SECRET, ts) };
    if (retry > 0) Object.assign(headers, { 'x-slack-retry-num': String(retry), 'x-slack-retry-reason': 'http_timeout' });
    return post(this.eventsUrl(), body, headers);
  }

  reaction(eventId: string, user: string, ts: string, retry: number): Promise<number> {
    return this.send(JSON.stringify(reactionPayload({ eventId, user, ts, channel: SLACK_CHANNEL })), 'application/json', retry);
  }

  /** A channel message (a minutes line while the channel records). */
  message(eventId: string, user: string, text: string, retry: number): Promise<number> {
    const ts = `${Math.floor(Date.now() / 1000)}.${eventId.replace(/\D/g, '').slice(-6).padStart(6, '0')}`;
    const body = {
      token: 'legacy-verification-token',
      team_id: 'T1',
      api_app_id: 'A1',
      type: 'event_callback',
      event_id: eventId,
      event_time: Math.floor(Date.now() / 1000),
      event: { type: 'message', channel: SLACK_CHANNEL, user, text, ts, event_ts: ts, channel_type: 'channel' },
    };
    return this.send(JSON.stringify(body), 'application/json', retry);
  }

  command(command: string, text: string, user: string, id: string): Promise<number> {
    return this.send(new URLSearchParams(commandPayload({ command, text, user, channel: SLACK_CHANNEL, responseUrl: this.responseUrl(id) })).toString(), 'application/x-www-form-urlencoded', 0);
  }

  button(user: string, ts: string, actionId: string, value: string, id: string): Promise<number> {
    const payload = buttonPayload({ user, ts, actionId, value, channel: SLACK_CHANNEL, responseUrl: this.responseUrl(id) });
    return this.send(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded', 0);
  }
}
