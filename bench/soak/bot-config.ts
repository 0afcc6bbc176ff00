import { ARCHIVED_CHANNEL } from './platforms';
import { SLACK_CHANNEL, SLACK_FACILITATOR } from './traffic/slack';
import { TELEGRAM_CHAT, TELEGRAM_FACILITATOR } from './traffic/telegram';

/**
 * The soak's bot.config.json: two weekly meetings posted to a Slack channel, a Telegram group
 * and an archived Slack channel (whose posts are refused for good), reminders a day and an hour
 * before, the agenda a day before, the weekly digest on Mondays; facilitators on both platforms
 * (they run the minutes and hear about dead letters).
 */
export function soakConfig(): Record<string, unknown> {
  return {
    locale: 'zh-TW',
    timezone: 'Asia/Taipei',
    facilitators: [`slack:${SLACK_FACILITATOR}`, `telegram:${TELEGRAM_FACILITATOR}`],
    meetings: {
      homeChats: [`slack:${SLACK_CHANNEL}`, `slack:${ARCHIVED_CHANNEL}`, `telegram:${TELEGRAM_CHAT}`],
      reminders: ['1d', '1h'],
      agendaLeadTime: '24h',
      horizonDays: 14,
      holidays: { country: 'TW', extra: [] },
      series: [
        { id: 'collab', title: '協作會議', titleEn: 'Collaboration meeting', kind: 'weekly', start: '2026-01-02 10:00', rrule: 'FREQ=WEEKLY;BYDAY=FR', durationMin: 120 },
        { id: 'premeeting', title: '會前會', titleEn: 'Pre-meeting', kind: 'weekly', start: '2026-01-01 14:00', rrule: 'FREQ=WEEKLY;BYDAY=TH', durationMin: 60, reminders: ['1h'], agenda: false },
      ],
    },
  };
}
