import type { Agency } from '../records';
import { editDistance } from '../input/edit-distance';

function norm(s: string): string {
  return s.normalize('NFKC').trim().toLowerCase().replace(/^[#＃]/, '');
}

export class AgencyDirectory {
  private readonly index = new Map<string, Agency>();
  readonly byId = new Map<number, Agency>();

  constructor(readonly all: readonly Agency[]) {
    for (const a of all) {
      this.byId.set(a.id, a);
      for (const key of [a.name, a.code, ...a.aliases]) this.index.set(norm(key), a);
    }
  }

  find(name: string): Agency | undefined {
    return this.index.get(norm(name));
  }

  name(id: number | null | undefined): string | undefined {
    return id == null ? undefined : this.byId.get(id)?.name;
  }

  /** Up to three agencies whose names contain, or are a short edit away from, the input. */
  suggest(name: string): Agency[] {
    const q = norm(name);
    if (!q) return [];
    const scored: { a: Agency; score: number }[] = [];
    for (const a of this.all) {
      let best = Infinity;
      for (const key of [a.name, a.code, ...a.aliases].map(norm)) {
        if (key.includes(q) || q.includes(key)) best = Math.min(best, 0.5);
        else best = Math.min(best, editDistance(q, key) / Math.max([...q].length, [...key].length));
      }
      if (best <= 0.5) scored.push({ a, score: best });
    }
    return scored.sort((x, y) => x.score - y.score).slice(0, 3).map((s) => s.a);
  }
}
