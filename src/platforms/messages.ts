import { slack as slackZhTW } from '../adapters/slack/messages.zh-TW';
import { slack as slackEn } from '../adapters/slack/messages.en';
import { telegram as telegramZhTW } from '../adapters/telegram/messages.zh-TW';
import { telegram as telegramEn } from '../adapters/telegram/messages.en';

// Each platform's own messages live in its folder; the catalogs include them as parts named by
// the platform (keys `<platform>.<message>`). A platform with messages of its own adds them here,
// beside its registry line. Kept apart from registry.ts: the catalog must load without the
// descriptors, which use it.
export const platformMessagesZhTW = { slack: slackZhTW, telegram: telegramZhTW };
export const platformMessagesEn = { slack: slackEn, telegram: telegramEn };
