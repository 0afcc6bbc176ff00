import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { builtMain } from './test-build';

export const ROOT = join(__dirname, '..', '..');

export interface ConsoleRun {
  code: number | null;
  stdout: string;
  stderr: string;
  lines: { id: number; text: string }[];
}

/**
 * Runs the real bot (console adapter) as a child process with piped input: this checkout's build,
 * as the image runs it (`node dist/main.js`; test/support/build.global.ts). Resolves once the
 * process has exited and its pipes are closed.
 */
export function runConsole(input: string, env: Record<string, string>, args: string[] = ['--json'], cwd = ROOT): Promise<ConsoleRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [builtMain(), ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const lines = args.includes('--json')
        ? stdout
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l) as { id: number; text: string })
        : [];
      resolve({ code, stdout, stderr, lines });
    });
    child.stdin.end(input);
  });
}
