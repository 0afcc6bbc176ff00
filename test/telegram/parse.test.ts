import { telegramActor, interpretUpdate, parseCommand, updateSchema, type ParseContext } from '../../src/adapters/telegram/parse';
import { isVoteReaction } from '../../src/core/votes/vote-reaction';

const ctx: ParseContext = { botId: 4242, botUsername: 'PoBot', isVoteReaction: (e) => isVoteReaction(e, ['+1', 'thumbsup', '👍']) };
const group = { id: -1001, type: 'supergroup', title: 'PO' };
const amy = { id: 11, is_bot: false, first_name: 'Amy', last_name: 'Lin', language_code: 'zh-hant' };

function interpret(update: unknown) {
  return interpretUpdate(updateSchema.parse(update), ctx);
}

test('commands: plain, addressed to us (any case), to another bot, with multi-line args', () => {
  expect(parseCommand('/propose 標題 | 說明', 'PoBot')).toEqual({ name: 'propose', args: '標題 | 說明', addressed: false });
  expect(parseCommand('/propose@pobot 標題', 'PoBot')).toEqual({ name: 'propose', args: '標題', addressed: true });
  expect(parseCommand('/Propose@PoBot', 'PoBot')).toEqual({ name: 'propose', args: '', addressed: true });
  expect(parseCommand('/propose@OtherBot 標題', 'PoBot')).toEqual({ otherBot: 'OtherBot' });
  expect(parseCommand('/propose\n標題\n說明', 'PoBot')).toEqual({ name: 'propose', args: '標題\n說明', addressed: false });
  expect(parseCommand('hello /propose', 'PoBot')).toBeUndefined();
  expect(parseCommand('/propose標題', 'PoBot')).toBeUndefined();
});

test('a command message becomes a command event with the delivery key and the sender', () => {
  const it = interpret({ update_id: 7, message: { message_id: 3, date: 0, chat: group, from: amy, text: '/vote@PoBot 2' } });
  expect(it).toEqual({
    kind: 'event',
    chatId: -1001,
    chatType: 'supergroup',
    replyTo: 3,
    addressed: true,
    event: {
      kind: 'command',
      name: 'vote',
      args: '2',
      chat: 'telegram:-1001',
      dedupKey: 'telegram:4242:7',
      actor: { platform: 'telegram', id: '11', name: 'Amy Lin', languageHint: 'zh-hant' },
    },
  });
  expect(interpret({ update_id: 8, message: { message_id: 4, date: 0, chat: group, from: amy, text: '/vote@Other 2' } }).kind).toBe('ignore');
  expect(interpret({ update_id: 9, message: { message_id: 5, date: 0, chat: group, from: { ...amy, is_bot: true }, text: '/vote 2' } }).kind).toBe('ignore');
  const dm = interpret({ update_id: 10, message: { message_id: 6, date: 0, chat: { id: 11, type: 'private' }, from: amy, text: 'hi' } });
  expect(dm).toMatchObject({ kind: 'event', replyTo: undefined, event: { kind: 'message', text: 'hi' } });
});

test('reactions: only a change of the vote emoji is an event', () => {
  const r = (oldR: object[], newR: object[], user: object | null = amy) =>
    interpret({ update_id: 20, message_reaction: { chat: group, message_id: 9, ...(user ? { user } : { actor_chat: group }), date: 0, old_reaction: oldR, new_reaction: newR } });
  const e = (emoji: string) => ({ type: 'emoji', emoji });
  expect(r([], [e('👍')])).toMatchObject({ kind: 'event', event: { kind: 'reaction', emoji: '👍', added: true, target: 'telegram:-1001#9', dedupKey: 'telegram:4242:20' } });
  expect(r([e('👍🏻')], [e('❤')])).toMatchObject({ kind: 'event', event: { added: false, emoji: '👍🏻' } });
  expect(r([e('❤')], [e('❤'), e('👍')])).toMatchObject({ kind: 'event', event: { added: true } });
  expect(r([e('👍')], [e('👍'), e('🔥')]).kind).toBe('ignore');
  expect(r([], [e('❤')]).kind).toBe('ignore');
  expect(r([], [{ type: 'custom_emoji', custom_emoji_id: '5' }, { type: 'paid' }]).kind).toBe('ignore');
  expect(r([], [e('👍')], null)).toEqual({ kind: 'ignore', reason: 'anonymous reaction' });
});

test('button presses: our data maps to a button event on the card; anything else is answered, not dispatched', () => {
  const q = (data: string | undefined, message: object | null = { message_id: 9, date: 0, chat: group }) =>
    interpret({ update_id: 30, callback_query: { id: 'q', from: amy, chat_instance: 'c', ...(data ? { data } : {}), ...(message ? { message } : {}) } });
  expect(q('vote:3')).toMatchObject({ kind: 'callback', queryId: 'q', chatId: -1001, event: { kind: 'button', action: 'vote', value: '3', target: 'telegram:-1001#9', dedupKey: 'telegram:4242:30' } });
  expect(q('junk')).toEqual({ kind: 'callback', queryId: 'q', chatId: -1001 });
  expect(q('vote:3', null)).toEqual({ kind: 'callback', queryId: 'q', chatId: undefined });
});

test('membership changes of the bot itself, not of others', () => {
  const m = (userId: number) =>
    interpret({
      update_id: 40,
      my_chat_member: {
        chat: group,
        from: amy,
        date: 0,
        old_chat_member: { status: 'member', user: { id: userId, is_bot: true, first_name: 'x' } },
        new_chat_member: { status: 'kicked', user: { id: userId, is_bot: true, first_name: 'x' } },
      },
    });
  expect(m(4242)).toMatchObject({ kind: 'membership', status: 'kicked', previous: 'member' });
  expect(m(1).kind).toBe('ignore');
});

test('malformed updates are refused at the edge', () => {
  expect(updateSchema.safeParse({ update_id: -1 }).success).toBe(false);
  expect(updateSchema.safeParse({ update_id: 1, message: { message_id: 'x' } }).success).toBe(false);
  expect(updateSchema.safeParse({ update_id: 1, poll: { id: 'p' } }).success).toBe(true);
});

test('a sender is named by first and last name, else username, else id', () => {
  expect(telegramActor({ id: 1, first_name: 'Amy', last_name: 'Lin' }).name).toBe('Amy Lin');
  expect(telegramActor({ id: 1, first_name: 'Amy' }).name).toBe('Amy');
  expect(telegramActor({ id: 1, first_name: '', last_name: 'Lin' }).name).toBe('Lin');
  expect(telegramActor({ id: 1, first_name: ' ', username: 'amy_l' }).name).toBe('amy_l');
  expect(telegramActor({ id: 7, first_name: '' })).toEqual({ platform: 'telegram', id: '7', name: '7' });
  expect(telegramActor({ id: 1, first_name: 'Amy', language_code: 'zh-hant' }).languageHint).toBe('zh-hant');
});
