/**
 * Maps image findings back to Dockerfile lines: history steps (`created_by`) are matched to the final
 * stage's instructions from the end; steps before the first match come from the base image (FROM line).
 */
import { finalStage, parseDockerfile, type Instruction, type Stage } from '../../../rules/src/model/dockerfile/parse';
import { normaliseCreatedBy } from './checks/shell-words';
import type { DockerfileLocation, ImageFinding, ScanResult } from './model';

export interface HistoryMapping {
  /** For each history index: the instruction that created it, or undefined (base image / unknown). */
  byHistory: (Instruction | undefined)[];
  /** The FROM line of the final stage's root (the base image). */
  from: Instruction | undefined;
  chain: Instruction[];
}

const collapse = (s: string): string => s.replace(/\\\r?\n/g, ' ').replace(/\s+/g, ' ').trim();

function dest(words: string[]): string {
  return (words[words.length - 1] ?? '').replace(/\/+$/, '') || '/';
}

function matches(instr: Instruction, keyword: string, rest: string, exactPosition: boolean): boolean {
  if (instr.keyword !== keyword) return false;
  if (keyword === 'RUN') {
    const mine = collapse(instr.json ? instr.json.map((w) => w.value).join(' ') : instr.args.map((w) => w.value).join(' '));
    const theirs = collapse(rest.replace(/^\[|\]$/g, '').replace(/"/g, ''));
    const mineNoQuotes = mine.replace(/"/g, '');
    return mineNoQuotes === theirs || (mine.length > 0 && (theirs.includes(mineNoQuotes) || mineNoQuotes.includes(theirs))) || (exactPosition && mine.length === 0);
  }
  if (keyword === 'COPY' || keyword === 'ADD') {
    const theirWords = collapse(rest).split(' ');
    const inAt = theirWords.lastIndexOf('in');
    const theirDest = dest(inAt >= 0 ? theirWords.slice(inAt + 1) : theirWords);
    const myDest = dest(instr.args.map((w) => w.value));
    return theirDest === myDest || exactPosition;
  }
  return true;
}

function stageChain(stage: Stage): Instruction[] {
  const chain: Stage[] = [];
  for (let s: Stage | undefined = stage; s && chain.length < 64; s = s.fromStage) chain.unshift(s);
  return chain.flatMap((s) => s.instructions.filter((i) => i.keyword !== 'FROM' && !i.onbuild));
}

export function mapHistory(dockerfileText: string, history: readonly { createdBy: string }[]): HistoryMapping {
  const model = parseDockerfile(dockerfileText);
  const stage = finalStage(model);
  if (!stage) return { byHistory: history.map(() => undefined), from: undefined, chain: [] };
  let root: Stage = stage;
  for (let n = 0; root.fromStage && n < 64; n++) root = root.fromStage;
  const chain = stageChain(stage);
  const byHistory: (Instruction | undefined)[] = history.map(() => undefined);
  let j = chain.length - 1;
  for (let h = history.length - 1; h >= 0 && j >= 0; h--) {
    const { keyword, rest } = normaliseCreatedBy(history[h]?.createdBy ?? '');
    if (!keyword) break;
    let found = -1;
    for (let k = j; k >= 0 && k >= j - 3; k--) {
      const instr = chain[k];
      if (instr && matches(instr, keyword, rest, k === j)) {
        found = k;
        break;
      }
    }
    if (found < 0) break;
    byHistory[h] = chain[found];
    j = found - 1;
  }
  return { byHistory, from: root.from, chain };
}

function loc(path: string, i: Instruction): DockerfileLocation {
  const text = `${i.keyword} ${collapse(i.argsText)}`;
  return { path, line: i.range.start.line, endLine: i.range.end.line, instruction: text.length > 80 ? `${text.slice(0, 77)}…` : text };
}

/** Sets `location` on each finding that can be placed on a Dockerfile line. */
export function applyDockerfileLocations(result: ScanResult, dockerfilePath: string, dockerfileText: string, diffIds: readonly string[]): void {
  const m = mapHistory(dockerfileText, result.image.history);
  const nonEmpty = result.image.history.map((h, i) => (h.emptyLayer ? -1 : i)).filter((i) => i >= 0);
  const offset = nonEmpty.length - diffIds.length;
  const historyOfLayer = (layer: number): number => nonEmpty[layer + offset] ?? -1;
  const last = (pred: (i: Instruction) => boolean): Instruction | undefined => [...m.chain].reverse().find(pred);
  const place = (f: ImageFinding): Instruction | undefined => {
    const name = f.path?.startsWith('config:') ? f.path.slice(f.path.indexOf('/') + 1) : undefined;
    switch (f.id) {
      case 'IMG-USER-ROOT':
        return last((i) => i.keyword === 'USER') ?? m.from;
      case 'IMG-NO-HEALTHCHECK':
        return last((i) => i.keyword === 'HEALTHCHECK') ?? m.from;
      case 'IMG-SENSITIVE-VOLUME':
        return last((i) => i.keyword === 'VOLUME' && f.message.split(' ').some((w) => i.argsText.includes(w) && w.startsWith('/'))) ?? m.from;
      case 'IMG-ENV-SECRET':
        return last((i) => (i.keyword === 'ENV' || i.keyword === 'ARG') && i.properties.some((p) => p.name === name)) ?? m.from;
      case 'IMG-LABEL-SECRET':
        return last((i) => i.keyword === 'LABEL' && i.properties.some((p) => p.name === name)) ?? m.from;
      default:
        break;
    }
    let h = f.historyIndex;
    if (h === undefined && f.layerDigest) {
      const li = diffIds.indexOf(f.layerDigest);
      if (li >= 0) h = historyOfLayer(li);
      else {
        const ld = result.image.layers.findIndex((l) => l.digest === f.layerDigest || l.diffId === f.layerDigest);
        if (ld >= 0) h = historyOfLayer(ld);
      }
    }
    if (h === undefined && f.layerIndex !== undefined) h = historyOfLayer(f.layerIndex);
    if (h !== undefined && h >= 0) return m.byHistory[h] ?? m.from;
    return f.kind === 'vulnerability' ? m.from : undefined;
  };
  for (const f of result.findings) {
    const i = place(f);
    if (i) f.location = loc(dockerfilePath, i);
  }
}
