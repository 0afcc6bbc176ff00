import type { Command, Feature } from '../feature';
import type { Span } from '../types';
import { UserError } from '../errors';

/** /help lists whatever commands the bot has registered, so new features appear by themselves. */
export function helpFeature(listCommands: () => readonly Command[]): Feature {
  const help: Command = {
    name: 'help',
    description: 'help.help',
    handle(ctx, args) {
      const topic = args.trim().replace(/^\//, '').toLowerCase();
      const commands = listCommands();
      if (topic) {
        const c = commands.find((x) => x.name === topic);
        if (!c) throw new UserError('help.unknownTopic', { name: topic.slice(0, 40) });
        const d = ctx.t(c.description);
        return { type: 'reply', message: { text: [{ code: `/${c.name}` }, ' ', d] }, private: true };
      }
      const text: Span[] = [{ bold: ctx.t('help.header') }];
      for (const c of commands) text.push('\n', { code: `/${c.name}` }, ' ', ctx.t(c.description));
      text.push('\n', ctx.t('help.footer'));
      return { type: 'reply', message: { text }, private: true };
    },
  };
  return { name: 'help', commands: [help] };
}
