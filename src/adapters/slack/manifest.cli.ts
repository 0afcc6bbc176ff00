import { createApp } from '../../app';
import { loadConfigFile } from '../../config/load';
import { systemClock } from '../../core/clock';
import { silentLogger } from '../../core/logger';
import { isLocale } from '../../i18n/catalog';
import { slackManifest } from './manifest';

// `npm run slack:manifest [-- --url https://host/slack/events] [--locale en]` prints the app
// manifest for the bot's commands (from bot.config.json or BOT_CONFIG) on stdout.
const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const config = loadConfigFile(process.env.BOT_CONFIG ?? 'bot.config.json');
const locale = opt('--locale') ?? config.locale;
if (!isLocale(locale)) {
  process.stderr.write(`unknown locale ${locale}\n`);
  process.exit(64);
}
const app = createApp({ config, databasePath: ':memory:', clock: systemClock, logger: silentLogger });
process.stdout.write(slackManifest({ locale, commands: app.bot.listCommands(), requestUrl: opt('--url') }));
app.close();
