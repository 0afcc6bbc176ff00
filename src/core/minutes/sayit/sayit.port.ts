/**
 * Publishing minutes on SayIt (sayit.url): what the core asks of the uploader, which lives
 * outside the core (src/sayit/) because it speaks HTTP. The core never sees the credentials.
 */
export interface SayitUploader {
  /** SayIt's address, for messages (no credentials in it). */
  readonly baseUrl: string;
  /**
   * Logs in and imports the Akoma Ntoso file SayIt fetches from `location`, replacing a
   * section of the same heading (a re-publication). Resolves with the section's URL when
   * SayIt's pages show it; rejects with a SayitUploadError saying why.
   */
  upload(req: { location: string; heading: string }): Promise<{ sectionUrl: string | null }>;
}

/** Why an upload failed, in words for a log line and for the facilitators (never a secret). */
export class SayitUploadError extends Error {
  constructor(
    /** `http-500`, `login-form-changed`, `login-refused`, `import-refused`, `network`… */
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SayitUploadError';
  }
}
