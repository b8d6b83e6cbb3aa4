/**
 * Short fuzz run for CI: random (grammar-built) and mutated (corpus-seeded) Dockerfiles,
 * Kubernetes manifests and Compose files must lint without throwing, within a time budget,
 * without rule crashes, with every range inside the document, and every quick fix must produce
 * a document that lints again. The seed is fixed so CI is reproducible; the long run is
 * test/fuzz/long-run.ts. Set BULKHEAD_FUZZ_RUNS to scale the case counts.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex } from '../../rules/src/model/text';
import { checkDocument, corpusPresent, rangeInside, describeViolations, loadSeeds, mutate, mutations, randomCompose, randomDockerfile, randomManifest, type Target } from './harness';

const SEED = Number(process.env.BULKHEAD_FUZZ_SEED ?? 20261126);
const SCALE = Number(process.env.BULKHEAD_FUZZ_RUNS ?? 1);
const runs = (n: number): number => Math.max(1, Math.round(n * SCALE));

function property(target: Target, gen: fc.Arbitrary<string>, numRuns: number): void {
  fc.assert(
    fc.property(gen, (text) => {
      const vs = checkDocument(target, text);
      if (vs.length > 0) throw new Error(describeViolations(target, text, vs));
    }),
    { seed: SEED, numRuns, endOnFailure: false },
  );
}

describe('fuzz: random documents from a grammar', () => {
  it('Dockerfiles', () => property('dockerfile', randomDockerfile, runs(300)));
  it('Kubernetes manifests', () => property('kubernetes', randomManifest, runs(200)));
  it('Compose files', () => property('compose', randomCompose, runs(200)));
});

describe('fuzz: mutated corpus documents (half-typed, truncated, spliced)', () => {
  const seeds = corpusPresent() ? loadSeeds() : undefined;
  for (const [target, n] of [['dockerfile', 300], ['kubernetes', 200], ['compose', 150]] as const) {
    it(`${target} seeds`, (t) => {
      if (!seeds) {
        if (process.env.CI) assert.fail('../shared/corpus is missing; the fuzz seeds come from it');
        t.skip('../shared/corpus is missing: mutation fuzzing skipped');
        return;
      }
      const pool = seeds[target];
      assert.ok(pool.length > 10, `expected corpus seeds for ${target}, found ${pool.length}`);
      property(target, fc.tuple(fc.nat({ max: pool.length - 1 }), mutations(target)).map(([i, ms]) => mutate(pool[i] ?? '', ms)), runs(n));
    });
  }
  it('every unmutated seed passes the invariants', (t) => {
    if (!seeds) {
      if (process.env.CI) assert.fail('../shared/corpus is missing');
      t.skip('../shared/corpus is missing: seed check skipped');
      return;
    }
    for (const target of ['dockerfile', 'kubernetes', 'compose'] as const) {
      for (const text of seeds[target]) {
        const vs = checkDocument(target, text);
        assert.deepEqual(vs, [], describeViolations(target, text, vs));
      }
    }
  });
});

describe('fuzz harness self-check', () => {
  it('mutate is deterministic and wraps positions around the text length', () => {
    const ms = [{ op: 'insert' as const, a: 5, b: 0, token: 'X' }, { op: 'delete' as const, a: 0, b: 1, token: '' }];
    assert.equal(mutate('abc', ms), 'Xbc');
    assert.equal(mutate('abc', [{ op: 'truncate', a: 2, b: 0, token: '' }]), 'ab');
    assert.equal(mutate('a\nb', [{ op: 'swapLines', a: 0, b: 1, token: '' }]), 'b\na');
  });
  it('rangeInside rejects positions past a line end, past the last line and reversed ranges', () => {
    const lines = new LineIndex('ab\ncd');
    const r = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });
    assert.equal(rangeInside(lines, r(0, 0, 1, 2)), true);
    assert.equal(rangeInside(lines, r(0, 0, 0, 3)), false);
    assert.equal(rangeInside(lines, r(0, 0, 2, 0)), false);
    assert.equal(rangeInside(lines, r(1, 1, 0, 1)), false);
  });
  it('empty documents pass every invariant', () => {
    assert.deepEqual(checkDocument('dockerfile', ''), []);
    assert.deepEqual(checkDocument('kubernetes', ''), []);
    assert.deepEqual(checkDocument('compose', ''), []);
  });
});
