/**
 * Every Dockerfile text of the peer corpora (real-world official images, KICS samples, hadolint's
 * spec snippets), named by where it comes from: the input of the differential tests that compare
 * a fast path with the library it replaces.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export interface CorpusSource {
  name: string;
  text: string;
}

function dockerfilesUnder(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) dockerfilesUnder(p, out);
    else if (name.endsWith('.dockerfile') || name.includes('Dockerfile')) out.push(p);
  }
  return out;
}

/** `corpus` is ../shared/corpus; the caller checks that it exists. */
export function corpusDockerfiles(corpus: string): CorpusSource[] {
  const sources: CorpusSource[] = [];
  for (const sub of ['real-world/dockerfiles', 'kics-dockerfile']) {
    for (const f of dockerfilesUnder(path.join(corpus, sub))) sources.push({ name: path.relative(corpus, f), text: readFileSync(f, 'utf8') });
  }
  readFileSync(path.join(corpus, 'hadolint-cases.jsonl'), 'utf8').split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const row = JSON.parse(line) as { dockerfile: string };
    sources.push({ name: `hadolint-cases.jsonl:${i + 1}`, text: `${row.dockerfile}\n` });
  });
  return sources;
}
