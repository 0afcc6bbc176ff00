import type { Command } from '../../core/feature';
import { LOCALES, translator, type Locale } from '../../i18n/catalog';
import { trimPlain } from './render';

/** Telegram's setMyCommands takes two-letter ISO 639-1 codes: zh-TW users report `zh`. */
export const TELEGRAM_LANGUAGE: Readonly<Record<Locale, string>> = { 'zh-TW': 'zh', en: 'en' };

const NAME = /^[a-z0-9_]{1,32}$/;
const DESCRIPTION_MAX = 256;
const COMMANDS_MAX = 100;

export interface BotCommandEntry {
  command: string;
  description: string;
}

export interface CommandMenu {
  /** Undefined for the default menu shown to users whose language has no menu of its own. */
  languageCode?: string;
  commands: BotCommandEntry[];
}

/**
 * The /help descriptions read "<編號> — 議題詳情…"; the menu shows them after the command
 * name, so only a bare leading dash is dropped. Telegram wants 1–256 characters.
 */
export function menuDescription(text: string, name: string): string {
  const cleaned = text.replace(/^\s*[—–-]\s*/, '').replace(/\s+/g, ' ').trim();
  return trimPlain(cleaned || name, DESCRIPTION_MAX);
}

function entries(commands: readonly Command[], locale: Locale): BotCommandEntry[] {
  const t = translator(locale);
  return commands
    .filter((c) => NAME.test(c.name))
    .slice(0, COMMANDS_MAX)
    .map((c) => ({ command: c.name, description: menuDescription(t(c.description), c.name) }));
}

/** A menu per locale plus the default (the configured locale), from the bot's own command list. */
export function commandMenus(commands: readonly Command[], defaultLocale: Locale): CommandMenu[] {
  return [
    { commands: entries(commands, defaultLocale) },
    ...LOCALES.map((l) => ({ languageCode: TELEGRAM_LANGUAGE[l], commands: entries(commands, l) })),
  ];
}

/** Names Telegram would refuse (uppercase, hyphens, too long): they still work typed, just not in the menu. */
export function unlistableCommands(commands: readonly Command[]): string[] {
  return commands.filter((c) => !NAME.test(c.name)).map((c) => c.name);
}
