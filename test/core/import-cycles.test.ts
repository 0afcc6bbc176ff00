import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// Modules in a cycle load in an order that depends on who is imported first: a value read at
// load time can be undefined in one entry point and fine in another. Type-only imports are erased
// and cannot do that, but a low floor (the date vocabulary) must not sit in any cycle at all,
// or every feature that dates something ends up importing every other.

const CORE = resolve(__dirname, '..', '..', 'src', 'core');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(p) ? [p] : [];
  });
}

interface Edge {
  to: string;
  typeOnly: boolean;
}

const IMPORT = /^\s*(import|export)\s+(type\s+)?([^;]*?)\s+from\s+['"](\.[^'"]+)['"]/gm;

/** Relative imports inside src/core, each marked type-only when the compiler erases it. */
function edges(file: string, source: string): Edge[] {
  const out: Edge[] = [];
  for (const m of source.matchAll(IMPORT)) {
    const base = resolve(dirname(file), m[4]!);
    const to = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((p) => existsSync(p));
    if (!to || !to.startsWith(CORE)) continue;
    const names = /^\{([\s\S]*)\}$/.exec(m[3]!.trim())?.[1];
    const allTypes = names !== undefined && names.split(',').filter((n) => n.trim()).every((n) => /^\s*type\s/.test(n));
    out.push({ to, typeOnly: m[2] !== undefined || allTypes });
  }
  return out;
}

/** Strongly connected components of more than one file (or a file importing itself). */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const part: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      part.push(w);
    } while (w !== v);
    if (part.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(part.map((p) => relative(CORE, p)).sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

function coreGraph(includeTypes: boolean): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const f of files(CORE)) {
    const list = edges(f, readFileSync(f, 'utf8'));
    graph.set(f, list.filter((e) => includeTypes || !e.typeOnly).map((e) => e.to));
  }
  return graph;
}

test('no two files under src/core import each other at run time, directly or round a circle', () => {
  expect(cycles(coreGraph(false))).toEqual([]);
});

test('the date vocabulary and the office calendar are in no import cycle, type imports included', () => {
  const inCycle = cycles(coreGraph(true))
    .flat()
    .filter((f) => f.startsWith('dates/') || f.startsWith('calendar/'));
  expect(inCycle).toEqual([]);
});

test('the date vocabulary is a floor: it imports nothing of core but itself and the input words', () => {
  const dates = join(CORE, 'dates');
  const upward = files(dates).flatMap((f) =>
    edges(f, readFileSync(f, 'utf8'))
      .map((e) => relative(CORE, e.to))
      .filter((to) => !to.startsWith('dates/') && !to.startsWith('input/'))
      .map((to) => `${relative(CORE, f)} → ${to}`),
  );
  expect(files(dates).length).toBeGreaterThan(0);
  expect(upward).toEqual([]);
});

test('the walk finds a cycle, tells type-only imports apart and ignores what is outside core', () => {
  const a = join(CORE, 'a.ts');
  const b = join(CORE, 'b.ts');
  const c = join(CORE, 'c.ts');
  expect(cycles(new Map([[a, [b]], [b, [c]], [c, [a]]]))).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  expect(cycles(new Map([[a, [b]], [b, []]]))).toEqual([]);
  const feature = join(CORE, 'feature.ts');
  const got = edges(feature, `import type { Store } from './records';\nimport { type Clock, type X } from './clock';\nimport { UserError } from './errors';\nimport { t } from '../i18n/catalog';`);
  expect(got.map((e) => [relative(CORE, e.to), e.typeOnly])).toEqual([
    ['records.ts', true],
    ['clock.ts', true],
    ['errors.ts', false],
  ]);
});
