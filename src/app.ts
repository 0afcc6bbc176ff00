import { Bot } from './core/bot';
import type { Clock } from './core/clock';
import type { Logger } from './core/logger';
import { AgencyDirectory } from './core/people/agency-match';
import { People } from './core/people/people';
import { Membership } from './core/people/membership';
import { issuesFeature } from './core/issues/issues.feature';
import { votesFeature } from './core/votes/votes.feature';
import { accountsFeature } from './core/accounts/accounts.feature';
import { peopleFeature } from './core/people/people.feature';
import { helpFeature } from './core/help/help.feature';
import { maintenanceFeature, scheduleMaintenance } from './core/maintenance/maintenance.feature';
import { planWeeklyReport } from './core/reports/weekly-report.job';
import { caseworkSettings } from './core/cases/casework.settings';
import { casesFeature } from './core/cases/cases.feature';
import { actionsFeature } from './core/actions/actions.feature';
import { minutesFeature } from './core/minutes/minutes.feature';
import type { SayitUploader } from './core/minutes/sayit/sayit.port';
import { reportsFeature } from './core/reports/reports.feature';
import { searchFeature } from './core/search/search.feature';
import { welcomeFeature } from './core/welcome/welcome.feature';
import { ballotFeature } from './core/ballot/ballot.feature';
import type { LoadedConfig } from './config/load';
import { openDatabase, type Db } from './store/db';
import { sqliteStore } from './store/sqlite-store';
import type { Store } from './core/records';
import type { ChatRef } from './core/types';
import { MeetingCalendar } from './core/meetings/calendar';
import { meetingsFeature } from './core/meetings/meetings.feature';
import { meetingSettings } from './core/meetings/meetings.settings';
import { LibraryHolidays } from './core/meetings/holidays';
import { OfficeCalendar } from './core/calendar/office-calendar';
import { CalendarFileError } from './core/calendar/official-year';
import { loadOperatorYears, officialYears } from './calendar/load';
import { ConfigError } from './config/load';
import type { CaseworkSettings } from './core/cases/casework.settings';
import { WebAccess, type WebAccessOptions } from './web/auth/web-access';
import { loadWebSecret } from './web/auth/secret-file';
import { webFeature } from './web/web.feature';
import { startupMark } from './startup-trace';
import { platforms } from './platforms/registry';

export interface App {
  bot: Bot;
  db: Db;
  store: Store;
  config: LoadedConfig;
  meetings: MeetingCalendar;
  casework: CaseworkSettings;
  /** Sign-in links and sessions for the web pages. */
  web: WebAccess;
  /** Who may use the bot outside the network's chats; adapters that can tell confirm members. */
  membership: Membership;
  close(): void;
}

/** Builds the bot on its database with every feature installed; no adapters yet. */
export function createApp(opts: {
  config: LoadedConfig;
  databasePath: string;
  clock: Clock;
  logger: Logger;
  /** Whether a chat's platform has a running adapter (scheduled posts skip the others). */
  canPost?: (chat: ChatRef) => boolean;
  /** The web pages: WEB_SECRET and where they are reached (default: not served, no links in chat). */
  web?: Partial<Omit<WebAccessOptions, 'secret'>> & { envSecret?: string; publicUrl?: string };
  /** Publishes minutes on SayIt (sayit.url and its account; src/sayit/). */
  sayit?: SayitUploader;
}): App {
  const { config, clock, logger } = opts;
  const db = openDatabase(opts.databasePath);
  startupMark('database');
  const store = sqliteStore(db);
  startupMark('store');
  const agencies = new AgencyDirectory(store.people.syncAgencies(config.agencies), config.locale);
  const people = new People(store.people, agencies, config.roster, new Set(config.facilitators));
  startupMark('agencies');
  const holidays = officeCalendar(config, logger, () => store.closures.all());
  const bot = new Bot({
    store,
    people,
    clock,
    logger,
    settings: { locale: config.locale, timezone: config.timezone, voting: config.voting, webBaseUrl: config.web.baseUrl ?? opts.web?.publicUrl },
    calendar: holidays,
    platforms,
    sayit: opts.sayit,
  });
  // The signing secret is read (or its file made) now, at start-up: no page ever writes it.
  const web = new WebAccess(store, { secret: loadWebSecret(opts.web?.envSecret, opts.databasePath), baseUrl: opts.web?.baseUrl ?? (() => undefined) });
  const meetings = new MeetingCalendar(store, meetingSettings(config.meetings, { timezone: config.timezone, holidays, canPost: opts.canPost, locale: config.locale }), logger);
  const casework = caseworkSettings(config.cases, config.roster, agencies);
  // Where scheduled posts for everyone go: the home chats on platforms running here.
  const homeChats = () => meetings.settings.homeChats.filter((c) => meetings.settings.canPost(c));
  // Every configured home chat defines the network, whether or not its platform runs here.
  const membership = new Membership(people, () => meetings.settings.homeChats, clock);
  bot.setMembership(membership);
  // One network across platforms (issue 30): the configured home chats whose platforms run here.
  // The embedded console's own home is not one of them: it is a local stand-in, not a chat of the network.
  bot.setNetwork(() => (config.meetings.homeChats as readonly ChatRef[]).filter((c) => meetings.settings.canPost(c)));
  bot
    .use(issuesFeature)
    .use(votesFeature)
    .use(peopleFeature)
    .use(accountsFeature)
    .use(meetingsFeature(meetings, () => bot.agendaContributors()))
    .use(maintenanceFeature)
    .use(casesFeature(casework, homeChats))
    .use(ballotFeature(casework, config.ballot))
    .use(actionsFeature(casework))
    .use(minutesFeature(meetings, { reviewWorkingDays: config.minutes.reviewWorkingDays, homeChats }))
    .use(reportsFeature(casework, homeChats))
    .use(searchFeature)
    .use(welcomeFeature({ calendar: meetings, casework, guide: config.guide }))
    .use(webFeature(web))
    .use(helpFeature(() => bot.listCommands()));
  scheduleMaintenance(store, clock.now());
  planWeeklyReport(bot.services, casework, clock.now());
  return { bot, db, store, config, meetings, casework, web, membership, close: () => db.$client.close() };
}

/**
 * The official office calendar (shipped years plus the operator's calendar.dir, checked now),
 * with date-holidays behind it for other years. A bad calendar file is a configuration error.
 */
function officeCalendar(config: LoadedConfig, logger: Logger, closures: () => ReadonlyMap<string, string>): OfficeCalendar {
  let operator;
  try {
    operator = config.calendar.dir ? loadOperatorYears(config.calendar.dir) : new Map();
  } catch (e) {
    if (e instanceof CalendarFileError) throw new ConfigError(`Invalid office calendar (calendar.dir):\n${e.message}`);
    throw e;
  }
  return new OfficeCalendar({
    official: officialYears(operator),
    fallback: () => new LibraryHolidays(config.meetings.holidays.country, config.meetings.holidays.extra),
    timeZone: config.timezone,
    logger,
    closures,
  });
}
