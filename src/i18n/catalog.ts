import { zhTW } from './zh-TW';
import { en } from './en';
import type { Translation } from './translation';

export type Locale = 'zh-TW' | 'en';
export const LOCALES: readonly Locale[] = ['zh-TW', 'en'];

type Catalog = typeof zhTW;
type Feature = Extract<keyof Catalog, string>;

/** `feature.message`, e.g. `issues.proposeUsage`. */
export type MessageKey = { [F in Feature]: `${F}.${Extract<keyof Catalog[F], string>}` }[Feature];

type Entry<K extends string> = K extends `${infer F}.${infer M}`
  ? F extends Feature
    ? M extends keyof Catalog[F]
      ? Catalog[F][M]
      : never
    : never
  : never;

export type MessageParams<K extends MessageKey> = Entry<K> extends (p: infer P) => string ? P : undefined;

// Compile-time proof that every locale translates every part of the zh-TW catalog.
const catalogs: { readonly [L in Locale]: { readonly [F in Feature]: Translation<Catalog[F]> } } = {
  'zh-TW': zhTW,
  en,
};

export type Translate = <K extends MessageKey>(key: K, ...params: MessageParams<K> extends undefined ? [] : [MessageParams<K>]) => string;

export function translator(locale: Locale): Translate {
  const catalog = catalogs[locale] as unknown as Record<string, Record<string, string | ((p: unknown) => string)>>;
  return ((key: string, params?: unknown) => {
    const dot = key.indexOf('.');
    const entry = catalog[key.slice(0, dot)]?.[key.slice(dot + 1)];
    if (entry === undefined) return key;
    return typeof entry === 'function' ? entry(params) : entry;
  }) as Translate;
}

/** Untyped lookup for keys that travelled as data (a UserError's key and params). */
export function translateDynamic(locale: Locale, key: string, params: unknown): string {
  return (translator(locale) as unknown as (k: string, p: unknown) => string)(key, params);
}

export function isLocale(s: string): s is Locale {
  return (LOCALES as readonly string[]).includes(s);
}

/** Keys whose message takes no parameters (command descriptions, fixed labels). */
export type PlainMessageKey = { [K in MessageKey]: MessageParams<K> extends undefined ? K : never }[MessageKey];
