import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { slackCommandName, slackManifest, splitHelp } from '../../src/adapters/slack/manifest';
import { testApp } from '../support/app';

const MANIFEST = resolve(__dirname, '..', '..', 'manifest.yml');

test('manifest.yml declares every command the bot has (regenerate with `npm run slack:manifest`)', () => {
  const app = testApp();
  try {
    const expected = slackManifest({ locale: 'zh-TW', commands: app.bot.listCommands() });
    const actual = readFileSync(MANIFEST, 'utf8');
    // When this fails after adding a command: run `npm run slack:manifest` and commit manifest.yml.
    expect(actual).toBe(expected);
    for (const c of app.bot.listCommands()) expect(actual).toContain(`- command: "/${slackCommandName(c.name)}"`);
    // Slack's own /topic cannot be taken over: the minutes command is /po-topic there.
    expect(actual).toContain('- command: "/po-topic"');
    expect(actual).not.toContain('- command: "/topic"');
    expect(actual).toContain('socket_mode_enabled: true');
    // member_joined_channel (and channels:read, groups:read) for the newcomer's welcome (issue 19).
    expect(actual).toMatch(/bot_events:\n {6}- member_joined_channel\n {6}- member_left_channel\n {6}- message\.channels\n {6}- message\.groups\n {6}- reaction_added\n {6}- reaction_removed\n/);
    // im:write: a private message to one person is a direct message (issue 26's nudges).
    expect(actual).toMatch(/bot:\n {6}- channels:history\n {6}- channels:read\n {6}- chat:write\n {6}- commands\n {6}- files:write\n {6}- groups:history\n {6}- groups:read\n {6}- im:write\n {6}- reactions:read\n {6}- users:read\n/);
  } finally {
    app.cleanup();
  }
});

test('the HTTP variant points commands, events and buttons at the request URL', () => {
  const app = testApp();
  try {
    const url = 'https://po-bot.example.gov.tw/slack/events';
    const m = slackManifest({ locale: 'en', commands: app.bot.listCommands(), requestUrl: url });
    expect(m.split(`url: "${url}"`).length - 1).toBe(app.bot.listCommands().length + 2);
    expect(m).toContain('socket_mode_enabled: false');
    expect(m).toContain('description: "raise an issue; add #agency tags and a Join petition link"');
    expect(m).toContain('usage_hint: "<title> | <details>"');
  } finally {
    app.cleanup();
  }
});

test('help texts split into usage hint and description', () => {
  expect(splitHelp('<編號> — 撤回您的投票')).toEqual({ usage: '<編號>', description: '撤回您的投票' });
  expect(splitHelp('— 列出部會清單與簡稱')).toEqual({ usage: '', description: '列出部會清單與簡稱' });
  expect(splitHelp('no dash here')).toEqual({ usage: '', description: 'no dash here' });
});
