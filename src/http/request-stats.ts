/**
 * Counts of requests refused at the HTTP edge (by reason) and of failures no request handler
 * caught, shown on /healthz: a flood of bad requests or a recurring crash is visible without
 * any request's headers or body ever reaching a log line.
 */
export type RefusalReason = 'method' | 'busy' | 'too_large' | 'unsigned' | 'stale' | 'future' | 'bad_signature' | 'malformed' | 'timeout' | 'client_limit' | 'pages_busy';

export interface RequestCounts {
  refused: Partial<Record<RefusalReason, number>>;
  /** Requests answered 500 because their handler threw or never answered. */
  failed: number;
  /** Errors that reached the process-level guard (no request to answer). */
  uncaught: number;
}

export class RequestStats {
  private readonly counts: RequestCounts = { refused: {}, failed: 0, uncaught: 0 };

  refused(reason: RefusalReason): void {
    this.counts.refused[reason] = (this.counts.refused[reason] ?? 0) + 1;
  }

  failed(): void {
    this.counts.failed++;
  }

  uncaught(): void {
    this.counts.uncaught++;
  }

  snapshot(): RequestCounts {
    return { refused: { ...this.counts.refused }, failed: this.counts.failed, uncaught: this.counts.uncaught };
  }
}
