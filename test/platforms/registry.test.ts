import { parseConfig, ConfigError } from '../../src/config/load';
import { readEnv } from '../../src/config/env';
import { platforms } from '../../src/platforms/registry';
import * as z from '../../src/config/zod';

// Platform identity comes from the registry: a reference to a platform nobody registered is
// refused when the config is read, with the names that would work.

function message(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('expected a ConfigError');
}

test('a reference to an unknown platform is refused with the list of known ones', () => {
  const known = platforms.names().join(', ');
  expect(known).toMatch(/console/);
  const m = message(() =>
    parseConfig({ facilitators: ['rocketchat:amy'], roster: [{ user: 'line:U1', agency: '勞動部' }], meetings: { homeChats: ['rocketchat:GENERAL'] } }),
  );
  expect(m).toContain(`facilitators.0: unknown platform "rocketchat": known platforms are ${known}`);
  expect(m).toContain(`roster.0.user: unknown platform "line": known platforms are ${known}`);
  expect(m).toContain(`meetings.homeChats.0: unknown platform "rocketchat": known platforms are ${known}`);
  // Without the `<platform>:` part the message says what the form is, with every platform's example.
  const form = message(() => parseConfig({ meetings: { homeChats: ['general'] } }));
  expect(form).toMatch(/meetings\.homeChats\.0: expected "<platform>:<chat id>", e\.g\. "console:main"/);
  for (const name of platforms.names()) expect(form).toContain(`"${name}:`);
});

test('every registered platform reads its own variables, checked with the rest', () => {
  for (const p of platforms.list()) {
    const keys = Object.keys(p.env.shape);
    // Each variable belongs to one platform: two descriptors claiming one would silently share it.
    for (const other of platforms.list()) if (other !== p) for (const k of keys) expect(Object.keys(other.env.shape)).not.toContain(k);
  }
  // A platform registered at run time has its variables read and checked like the built-in ones.
  const unregister = platforms.register({
    ...platforms.embeddedDefault(),
    name: 'scratch' as never,
    local: false,
    env: z.object({ SCRATCH_PORT: z.port() }) as never,
  });
  try {
    expect(readEnv({ SCRATCH_PORT: '8080' })).toMatchObject({ SCRATCH_PORT: 8080 });
    const m = message(() => readEnv({ SCRATCH_PORT: 'eighty' }));
    expect(m).toMatch(/SCRATCH_PORT/);
    expect(parseConfig({ facilitators: ['scratch:amy'] }).facilitators).toEqual(['scratch:amy']);
    expect(() => platforms.register({ ...platforms.embeddedDefault() })).toThrow(/already registered/);
  } finally {
    unregister();
  }
  expect(platforms.has('scratch')).toBe(false);
  expect(message(() => parseConfig({ facilitators: ['scratch:amy'] }))).toMatch(/unknown platform "scratch"/);
});
