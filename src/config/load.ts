import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type * as z from './zod';
import { configSchema, type BotConfig } from './schema';
import { DEFAULT_AGENCIES } from './default-agencies';

import { ConfigError } from './config-error';

// Its own module so the platform descriptors (loaded by the config schema) can throw it.
export { ConfigError };

export type LoadedConfig = Omit<BotConfig, 'agencies'> & {
  agencies: { code: string; name: string; nameEn?: string; aliases: string[] }[];
  /** The guide file's text, when `welcome.guideFile` is set. */
  guide?: string;
};

/** A guide longer than this would not be read in a chat (and would take several messages). */
export const GUIDE_MAX_CHARS = 20_000;

/** Reads `welcome.guideFile` (relative to the working directory): readable, UTF-8, not blank, not huge. */
export function readGuide(path: string): string {
  const abs = resolve(path);
  let bytes: Buffer;
  try {
    bytes = readFileSync(abs);
  } catch (e) {
    throw new ConfigError(`welcome.guideFile: cannot read ${abs}: ${(e as Error).message}`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new ConfigError(`welcome.guideFile: ${abs} is not UTF-8 text`);
  }
  if (!text.trim()) throw new ConfigError(`welcome.guideFile: ${abs} is empty`);
  if (text.length > GUIDE_MAX_CHARS) throw new ConfigError(`welcome.guideFile: ${abs} has ${text.length} characters; at most ${GUIDE_MAX_CHARS}`);
  return text.trim();
}

function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .map((i) => `  - ${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('\n');
}

/** Validates a parsed config object; throws ConfigError naming each bad key path. */
export function parseConfig(raw: unknown, source = 'bot.config.json'): LoadedConfig {
  const result = configSchema.safeParse(raw);
  if (!result.success) throw new ConfigError(`Invalid ${source}:\n${describeIssues(result.error)}`);
  const agencies = (result.data.agencies ?? DEFAULT_AGENCIES).map((a) => ({ ...a, aliases: a.aliases ?? [] }));
  const known = new Set(agencies.flatMap((a) => [a.name, a.code, ...(a.nameEn ? [a.nameEn] : []), ...a.aliases]));
  const problems: string[] = [];
  const seen = new Set<string>();
  agencies.forEach((a, i) => {
    if (seen.has(a.code)) problems.push(`  - agencies.${i}.code: duplicate code "${a.code}"`);
    seen.add(a.code);
  });
  result.data.roster.forEach((r, i) => {
    if (!known.has(r.agency)) problems.push(`  - roster.${i}.agency: "${r.agency}" is not in the agency list`);
  });
  if (problems.length) throw new ConfigError(`Invalid ${source}:\n${problems.join('\n')}`);
  const guideFile = result.data.welcome.guideFile;
  return { ...result.data, agencies, ...(guideFile ? { guide: readGuide(guideFile) } : {}) };
}

export function loadConfigFile(path: string): LoadedConfig {
  const abs = resolve(path);
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch (e) {
    throw new ConfigError(`Cannot read config file ${abs}: ${(e as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`${abs} is not valid JSON: ${(e as Error).message}`);
  }
  return parseConfig(raw, abs);
}
