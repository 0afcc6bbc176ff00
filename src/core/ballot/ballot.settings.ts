/** The `ballot` part of the configuration, as the feature uses it. */
export interface BallotSettings {
  /** A ballot's length when /ballot open names none. */
  minutes: number;
  votesPerAgency: number;
}

/** How many cases `/ballot select` makes when no number is given: the 月會 takes about two a month. */
export const DEFAULT_SELECT = 2;
/** Shortest and longest ballot (issue 28: under a minute or over a day is refused). */
export const MIN_BALLOT_MS = 60_000;
export const MAX_BALLOT_MS = 24 * 3_600_000;
