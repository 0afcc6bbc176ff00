import { parseConsoleLine } from '../../src/adapters/console/parse';

// Node's readline ends a line only at \n, \r\n or \r, so these characters stay inside a line;
// JavaScript's `.` stops at U+2028 and U+2029, which used to drop the `<user>:` prefix and send
// the whole line, prefix and all, as the current user's message.
describe.each([
  ['U+2028', '\u2028'],
  ['U+2029', '\u2029'],
  ['U+0085', '\u0085'],
])('a console line containing %s', (_name, sep) => {
  test('keeps its <user>: prefix for a message', () => {
    const line = parseConsoleLine(`amy: 第一行${sep}第二行`, 'me');
    expect(line).toEqual({
      kind: 'event',
      event: { kind: 'message', text: `第一行${sep}第二行`, actor: { platform: 'console', id: 'amy', name: 'amy' }, chat: 'console:main' },
    });
  });

  test('keeps its <user>: prefix for a command', () => {
    const line = parseConsoleLine(`bob: /propose 標題${sep}說明`, 'me');
    expect(line.kind).toBe('event');
    if (line.kind !== 'event' || line.event.kind !== 'command') throw new Error(`not a command: ${JSON.stringify(line)}`);
    expect(line.event.actor.id).toBe('bob');
    expect(line.event.name).toBe('propose');
  });
});
