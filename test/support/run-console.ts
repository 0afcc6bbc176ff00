import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

export interface ConsoleRun {
  code: number | null;
  stdout: string;
  stderr: string;
  lines: { id: number; text: string }[];
}

/** Runs the real bot (`src/main.ts`, console adapter) as a child process with piped input. */
export function runConsole(input: string, env: Record<string, string>, args: string[] = ['--json'], cwd = ROOT): Promise<ConsoleRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [join(ROOT, 'src', 'main.ts'), ...args], {
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
