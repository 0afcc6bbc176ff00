import TelegramServer from 'telegram-test-api';
import { FakeSlack } from '../../test/support/slack/fake-slack';
import { freePort } from '../../test/telegram/support/net';
import { ChaosProxy, type Fault } from './chaos-proxy';

// The far side of the network: the fake Slack Web API and telegram-test-api, each behind a
// chaos proxy the soak switches faults on and off in.

export const TELEGRAM_TOKEN = '4242:soak-token';
/** A Slack channel that refuses every post for good: its scheduled posts become dead letters. */
export const ARCHIVED_CHANNEL = 'CARCHIVED';

export interface Platforms {
  slack: FakeSlack;
  telegram: InstanceType<typeof TelegramServer>;
  slackProxy: ChaosProxy;
  telegramProxy: ChaosProxy;
  /** Sets the same fault on both platforms ('none' clears it). */
  setFault(f: Fault): void;
  stop(): Promise<void>;
}

export async function startPlatforms(): Promise<Platforms> {
  const slack = new FakeSlack();
  await slack.start();
  // Kept for the whole run (its default forgets messages after 60 s; in seconds, and under
  // setInterval's 2^31 ms).
  const telegram = new TelegramServer({ port: await freePort(), host: '127.0.0.1', storeTimeout: 20 * 86_400 });
  await telegram.start();
  const slackProxy = new ChaosProxy('slack', slack.apiUrl.replace(/\/api\/$/, ''), ARCHIVED_CHANNEL);
  const telegramProxy = new ChaosProxy('telegram', telegram.config.apiURL);
  await Promise.all([slackProxy.start(), telegramProxy.start()]);
  return {
    slack,
    telegram,
    slackProxy,
    telegramProxy,
    setFault(f) {
      slackProxy.fault = f;
      telegramProxy.fault = f;
    },
    async stop() {
      await Promise.all([slackProxy.stop(), telegramProxy.stop()]);
      await slack.stop();
      await telegram.stop();
    },
  };
}
