/**
 * Which Slack workspaces a request names. A slash command, an event or a button press from
 * another workspace (a Slack Connect channel, a shared DM) is not from the network: the adapter
 * answers it once and passes nothing to the core (issue 23).
 */
export function teamsNamed(body: unknown): string[] {
  const b = body as {
    team_id?: unknown;
    user_team?: unknown;
    team?: { id?: unknown };
    user?: { team_id?: unknown };
    event?: { user_team?: unknown; team?: unknown };
  } | null;
  if (!b || typeof b !== 'object') return [];
  const found = [b.team_id, b.user_team, b.team?.id, b.user?.team_id, b.event?.user_team, b.event?.team];
  return found.filter((t): t is string => typeof t === 'string' && t.length > 0);
}

/** Whether the request names a workspace other than ours (ours unknown: never). */
export function fromAnotherWorkspace(body: unknown, ours: string): boolean {
  return ours !== '' && teamsNamed(body).some((t) => t !== ours);
}

/** A Slack DM's channel id starts with D: the person's private chat with the bot. */
export function isDirectChannel(channel: string): boolean {
  return channel.startsWith('D');
}
