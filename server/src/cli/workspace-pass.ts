/**
 * The CLI's workspace pre-pass: before linting, the Kubernetes facts that other files depend on
 * are gathered from every candidate (engine/workspace.ts). Only two kinds of file can change how
 * *another* file is linted before its own lint: a NetworkPolicy (K8S055 looks for one covering
 * each workload) and a kustomization (its patches are linted as partial objects). So the pass
 * reads every YAML candidate as bytes and parses only kustomization files and files containing
 * the word `NetworkPolicy` (the prefilter the language server's startup scan shares,
 * workspace-scan.ts); every other file's facts (its workloads, which K8S056 needs) come
 * out of its own lint, and the files holding policies are linted last, once all workloads are
 * known (see `lintCommand`).
 */
import { promises as fs } from 'node:fs';
import { MAX_FILE_BYTES, kindFromName } from '../../../rules/src/api';
import { WorkspaceIndex } from '../../../rules/src/engine/workspace';
import type { FileFacts } from '../../../rules/src/model/kubernetes/workspace-facts';
import { factsOfBytes, mayCarryFacts } from '../workspace-scan';
import type { Candidate } from './files';
import type { SettingsSource } from './lint-candidate';

/** How many files the pre-pass reads at once. */
const READ_CONCURRENCY = 32;

/** What the pre-pass found. */
export interface WorkspacePass {
  index: WorkspaceIndex;
  /** Indexes (into the candidates) of files holding NetworkPolicies: linted after the others. */
  policyFiles: Set<number>;
  /** Files read and files parsed by the pass, for the curious (`BULKHEAD_TIMING`). */
  read: number;
  parsed: number;
}

/** The facts of one candidate, when it may hold a NetworkPolicy or is a kustomization; never throws. */
async function factsOfCandidate(c: Candidate, source: SettingsSource): Promise<{ read: boolean; facts: FileFacts | undefined }> {
  if (c.languageId === 'dockerfile' || kindFromName(c.absolute) !== 'yaml') return { read: false, facts: undefined };
  try {
    if (source.configs?.resolve(c.absolute, source.flags).ignored) return { read: false, facts: undefined };
    const stat = await fs.stat(c.absolute);
    if (stat.size > MAX_FILE_BYTES) return { read: false, facts: undefined };
    const bytes = await fs.readFile(c.absolute);
    if (!mayCarryFacts(c.absolute, bytes)) return { read: true, facts: undefined };
    return { read: true, facts: factsOfBytes(c.absolute, bytes) };
  } catch {
    // Unreadable files are reported by their lint.
    return { read: true, facts: undefined };
  }
}

/** Builds the workspace index from the candidates' NetworkPolicies and kustomizations. */
export async function workspacePass(files: readonly Candidate[], source: SettingsSource): Promise<WorkspacePass> {
  const pass: WorkspacePass = { index: new WorkspaceIndex(), policyFiles: new Set(), read: 0, parsed: 0 };
  const found: (FileFacts | undefined)[] = new Array(files.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const i = next++;
      const c = files[i];
      if (!c) continue;
      const r = await factsOfCandidate(c, source);
      if (r.read) pass.read++;
      if (r.facts) {
        pass.parsed++;
        found[i] = r.facts;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, files.length) }, worker));
  // Added in candidate order, so the index does not depend on which read finished first.
  found.forEach((facts, i) => {
    if (!facts) return;
    pass.index.set(facts);
    if (facts.policies.length > 0) pass.policyFiles.add(i);
  });
  return pass;
}
