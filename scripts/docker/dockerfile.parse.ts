/**
 * A small Dockerfile reader: enough of the syntax (comments, line continuations, flags, exec and
 * shell forms, ENV pairs, stages) for the linter and the replay to check the image without a
 * container engine. Heredocs and a non-default escape character are refused, not guessed at.
 */

export interface Instruction {
  /** 1-based line where the instruction starts. */
  line: number;
  keyword: string;
  /** Arguments after the keyword and its `--flags`, continuations joined. */
  args: string;
  flags: Record<string, string>;
}

export interface Stage {
  index: number;
  name?: string;
  image: string;
  line: number;
  instructions: Instruction[];
}

export interface Dockerfile {
  /** ARGs before the first FROM. */
  preamble: Instruction[];
  stages: Stage[];
}

export class DockerfileSyntaxError extends Error {
  override name = 'DockerfileSyntaxError';
}

// Instructions whose leading `--name=value` words are flags rather than arguments.
const FLAGGED = new Set(['FROM', 'COPY', 'ADD', 'RUN', 'HEALTHCHECK']);

export function parseDockerfile(text: string): Dockerfile {
  const lines = text.split(/\r?\n/);
  const logical: { line: number; text: string }[] = [];
  let current: { line: number; parts: string[] } | undefined;
  lines.forEach((raw, i) => {
    const directive = /^#\s*escape\s*=\s*(\S)/i.exec(raw);
    if (directive && directive[1] !== '\\' && logical.length === 0 && !current) {
      throw new DockerfileSyntaxError(`line ${i + 1}: escape character ${directive[1]} is not supported`);
    }
    // A comment line is dropped, even in the middle of a continued instruction (as Docker does).
    if (/^\s*#/.test(raw)) return;
    if (!current && raw.trim() === '') return;
    const continued = /\\\s*$/.test(raw);
    const body = continued ? raw.replace(/\\\s*$/, '') : raw;
    if (!current) current = { line: i + 1, parts: [] };
    current.parts.push(body.trim());
    if (!continued) {
      logical.push({ line: current.line, text: current.parts.filter(Boolean).join(' ') });
      current = undefined;
    }
  });
  if (current) logical.push({ line: current.line, text: current.parts.filter(Boolean).join(' ') });

  const file: Dockerfile = { preamble: [], stages: [] };
  for (const { line, text: t } of logical) {
    const m = /^(\S+)\s*(.*)$/s.exec(t);
    if (!m) continue;
    const keyword = m[1]!.toUpperCase();
    let rest = m[2]!;
    if (/<<-?\s*["']?\w+/.test(rest) && (keyword === 'RUN' || keyword === 'COPY')) {
      throw new DockerfileSyntaxError(`line ${line}: heredocs are not supported by this reader`);
    }
    const flags: Record<string, string> = {};
    if (FLAGGED.has(keyword)) {
      for (;;) {
        const f = /^--([a-z-]+)(?:=(\S*))?\s*/.exec(rest);
        if (!f) break;
        flags[f[1]!] = f[2] ?? 'true';
        rest = rest.slice(f[0].length);
      }
    }
    const instr: Instruction = { line, keyword, args: rest.trim(), flags };
    if (keyword === 'FROM') {
      const from = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(instr.args);
      if (!from) throw new DockerfileSyntaxError(`line ${line}: cannot read FROM ${instr.args}`);
      file.stages.push({ index: file.stages.length, image: from[1]!, name: from[2]?.toLowerCase(), line, instructions: [] });
      continue;
    }
    const stage = file.stages.at(-1);
    if (!stage) {
      if (keyword !== 'ARG') throw new DockerfileSyntaxError(`line ${line}: ${keyword} before the first FROM`);
      file.preamble.push(instr);
    } else stage.instructions.push(instr);
  }
  return file;
}

/** The JSON array of an exec-form instruction (`CMD ["node", "x"]`), or undefined for shell form. */
export function execForm(args: string): string[] | undefined {
  if (!args.startsWith('[')) return undefined;
  try {
    const v: unknown = JSON.parse(args);
    return Array.isArray(v) && v.every((x) => typeof x === 'string') ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Splits shell-like words, honouring single and double quotes and backslash escapes. */
export function words(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quote: '"' | "'" | undefined;
  let any = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"' && i + 1 < s.length) cur += s[++i];
      else cur += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      any = true;
    } else if (c === '\\' && i + 1 < s.length) {
      cur += s[++i];
      any = true;
    } else if (/\s/.test(c)) {
      if (cur || any) out.push(cur);
      cur = '';
      any = false;
    } else cur += c;
  }
  if (quote) throw new DockerfileSyntaxError(`unterminated quote in: ${s}`);
  if (cur || any) out.push(cur);
  return out;
}

/** `ENV A=1 B="two words"` (or the legacy `ENV A value`) as ordered pairs. */
export function envPairs(args: string): [string, string][] {
  const w = words(args);
  if (w.length > 0 && !w[0]!.includes('=')) return [[w[0]!, w.slice(1).join(' ')]];
  return w.map((p) => {
    const eq = p.indexOf('=');
    if (eq <= 0) throw new DockerfileSyntaxError(`cannot read ENV/ARG pair "${p}"`);
    return [p.slice(0, eq), p.slice(eq + 1)];
  });
}

/** Sources and destination of a COPY/ADD, in either form. */
export function copyArgs(instr: Instruction): { sources: string[]; dest: string } {
  const list = execForm(instr.args) ?? words(instr.args);
  if (list.length < 2) throw new DockerfileSyntaxError(`line ${instr.line}: ${instr.keyword} needs a source and a destination`);
  return { sources: list.slice(0, -1), dest: list.at(-1)! };
}

export interface Healthcheck {
  options: Record<string, string>;
  /** Exec form argv, or `['/bin/sh', '-c', cmd]` for the shell form, as Docker runs it. */
  argv: string[];
  execForm: boolean;
}

/** The HEALTHCHECK's command, or 'NONE'. */
export function healthcheck(instr: Instruction): Healthcheck | 'NONE' {
  if (/^NONE$/i.test(instr.args)) return 'NONE';
  const m = /^CMD\s+(.*)$/is.exec(instr.args);
  if (!m) throw new DockerfileSyntaxError(`line ${instr.line}: HEALTHCHECK must be CMD … or NONE`);
  const exec = execForm(m[1]!.trim());
  return { options: instr.flags, argv: exec ?? ['/bin/sh', '-c', m[1]!.trim()], execForm: exec !== undefined };
}

/** Splits a RUN shell line into its `&&`-joined commands (the only chaining the replay accepts). */
export function runCommands(args: string): string[][] {
  return args
    .split(/\s&&\s/)
    .map((c) => words(c.trim()))
    .filter((c) => c.length > 0);
}

/** Environment of a stage up to (not including) instruction index `upTo`. */
export function stageEnv(stage: Stage, upTo = stage.instructions.length): Record<string, string> {
  const env: Record<string, string> = {};
  for (const i of stage.instructions.slice(0, upTo)) if (i.keyword === 'ENV') for (const [k, v] of envPairs(i.args)) env[k] = v;
  return env;
}

/** Resolves a container path against the working directory, POSIX style. */
export function containerPath(p: string, workdir: string): string {
  const abs = p.startsWith('/') ? p : `${workdir.replace(/\/$/, '')}/${p}`;
  const out: string[] = [];
  for (const seg of abs.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return '/' + out.join('/');
}

/** WORKDIR in force before instruction index `upTo` of a stage ('/' when none). */
export function stageWorkdir(stage: Stage, upTo = stage.instructions.length): string {
  let wd = '/';
  for (const i of stage.instructions.slice(0, upTo)) if (i.keyword === 'WORKDIR') wd = containerPath(words(i.args)[0] ?? '/', wd);
  return wd;
}
