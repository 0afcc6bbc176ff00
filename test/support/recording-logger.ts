import type { Logger } from '../../src/core/logger';

/** Keeps log entries so a test can check what was reported (a Slack error code, a warning). */
export class RecordingLogger implements Logger {
  readonly entries: { level: 'debug' | 'info' | 'warn' | 'error'; obj: Record<string, unknown>; msg?: string }[] = [];
  debug(): void {}
  info(obj: object, msg?: string): void {
    this.entries.push({ level: 'info', obj: obj as Record<string, unknown>, msg });
  }
  warn(obj: object, msg?: string): void {
    this.entries.push({ level: 'warn', obj: obj as Record<string, unknown>, msg });
  }
  error(obj: object, msg?: string): void {
    this.entries.push({ level: 'error', obj: obj as Record<string, unknown>, msg });
  }
}
