const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Consecutive pieces were cut between grapheme clusters: joined, there is a boundary where they meet. */
export function noClusterSplit(pieces: readonly string[]): void {
  for (let i = 1; i < pieces.length; i++) {
    const a = pieces[i - 1]!.slice(-40);
    const b = pieces[i]!.slice(0, 40);
    const boundaries = new Set([...segmenter.segment(a + b)].map((s) => s.index));
    if (!boundaries.has(a.length)) throw new Error(`a cut splits a character: ${JSON.stringify(a.slice(-6))} | ${JSON.stringify(b.slice(0, 6))}`);
  }
}

/** Every line is found in `out`, each after the one before it (linear, for 200,000 characters). */
export function expectLinesInOrder(out: string, lines: readonly string[]): void {
  let at = 0;
  for (const line of lines) {
    const i = out.indexOf(line, at);
    if (i < 0) throw new Error(`line missing from the output: ${JSON.stringify(line.slice(0, 80))}`);
    at = i + line.length;
  }
}
