/**
 * The workspace index: Kubernetes facts of many files (model/kubernetes/workspace-facts.ts), so
 * rules can judge one file against the others (a Deployment against every NetworkPolicy of its
 * namespace, a file against the kustomizations that list it as a patch). Pure: callers (the CLI's
 * pre-pass, the language server) read the files and hand the facts in; nothing here touches the
 * disk. Pass it to `lint()` as `options.workspace`; rules see `ctx.workspace`, a view of every
 * *other* file (the linted file's own objects come from its model, never from stale facts).
 */
import { isEmptyFacts, normalizePath, type FileFacts, type PolicyFact, type WorkloadFact } from '../model/kubernetes/workspace-facts';

/** What rules see of the workspace: the facts of every file except the one being linted. */
export interface WorkspaceView {
  /** NetworkPolicies of other files in `namespace` (`default` for objects without one). */
  policiesIn(namespace: string): readonly PolicyFact[];
  /** Workloads of other files in `namespace`. */
  workloadsIn(namespace: string): readonly WorkloadFact[];
}

/** What one update of the index changed: for deciding which other files to lint again. */
export interface WorkspaceChange {
  /** The (normalized) path whose facts changed. */
  path: string;
  /** Namespaces whose NetworkPolicies changed (files with workloads there may lint differently). */
  policyNamespaces: string[];
  /** Namespaces whose workloads changed (files with policies there may lint differently). */
  workloadNamespaces: string[];
  /** Files that became, or stopped being, listed as patches. */
  patches: string[];
}

interface Entry {
  facts: FileFacts;
  /** The facts as JSON, to tell a real change from a re-lint with the same facts. */
  key: string;
}

interface Located<T> {
  path: string;
  fact: T;
}

/** Facts of many files, updated one file at a time. */
export class WorkspaceIndex {
  private readonly files = new Map<string, Entry>();
  /** Patch path → kustomizations listing it. */
  private readonly patchedBy = new Map<string, Set<string>>();
  private policies: Map<string, Located<PolicyFact>[]> | undefined;
  private workloads: Map<string, Located<WorkloadFact>[]> | undefined;
  /** Bumped on every change. */
  version = 0;

  /** Number of files with facts. */
  get size(): number {
    return this.files.size;
  }

  /** The facts held for a path, if any. */
  get(path: string): FileFacts | undefined {
    return this.files.get(normalizePath(path))?.facts;
  }

  /** Every path with facts. */
  paths(): string[] {
    return [...this.files.keys()];
  }

  /** The facts of every file (to hand the index to another thread). */
  all(): FileFacts[] {
    return [...this.files.values()].map((e) => e.facts);
  }

  /**
   * Adds or replaces the facts of `facts.path` (empty facts remove the file). Returns what
   * changed, or undefined when the facts are the ones already held.
   */
  set(facts: FileFacts): WorkspaceChange | undefined {
    const path = normalizePath(facts.path);
    if (isEmptyFacts(facts)) return this.remove(path);
    const own: FileFacts = { ...facts, path };
    const key = JSON.stringify(own);
    const old = this.files.get(path);
    if (old?.key === key) return undefined;
    this.files.set(path, { facts: own, key });
    return this.changed(path, old?.facts, own);
  }

  /** Removes a file; returns what changed, or undefined when it had no facts. */
  remove(path: string): WorkspaceChange | undefined {
    const p = normalizePath(path);
    const old = this.files.get(p);
    if (!old) return undefined;
    this.files.delete(p);
    return this.changed(p, old.facts, undefined);
  }

  /** True when some kustomization in the index lists `path` as a patch. */
  isPatch(path: string): boolean {
    return (this.patchedBy.get(normalizePath(path))?.size ?? 0) > 0;
  }

  /** What the rules linting `path` see: every other file's facts. */
  viewFor(path: string): WorkspaceView {
    const self = normalizePath(path);
    return {
      policiesIn: (ns) => others(this.policyMap().get(ns), self),
      workloadsIn: (ns) => others(this.workloadMap().get(ns), self),
    };
  }

  private changed(path: string, before: FileFacts | undefined, after: FileFacts | undefined): WorkspaceChange {
    this.version++;
    this.policies = undefined;
    this.workloads = undefined;
    const policyNamespaces = changedNamespaces(before?.policies ?? [], after?.policies ?? []);
    const workloadNamespaces = changedNamespaces(before?.workloads ?? [], after?.workloads ?? []);
    const was = new Set(before?.patches ?? []);
    const now = new Set(after?.patches ?? []);
    const patches: string[] = [];
    for (const p of was) {
      if (now.has(p)) continue;
      const owners = this.patchedBy.get(p);
      owners?.delete(path);
      if (owners?.size === 0) this.patchedBy.delete(p);
      patches.push(p);
    }
    for (const p of now) {
      if (was.has(p)) continue;
      let owners = this.patchedBy.get(p);
      if (!owners) this.patchedBy.set(p, (owners = new Set()));
      owners.add(path);
      patches.push(p);
    }
    return { path, policyNamespaces, workloadNamespaces, patches: patches.sort() };
  }

  private policyMap(): Map<string, Located<PolicyFact>[]> {
    return (this.policies ??= group(this.files, (f) => f.policies));
  }

  private workloadMap(): Map<string, Located<WorkloadFact>[]> {
    return (this.workloads ??= group(this.files, (f) => f.workloads));
  }
}

/** Which of other files' facts a file's lint reads (the rules enabled for it): policies (K8S055), workloads (K8S056). */
export interface WorkspaceReads {
  policies: boolean;
  workloads: boolean;
}

/**
 * True when a file with `facts` may lint differently after `change` (another file changed): it
 * became or stopped being a listed patch, or it reads policies (workloads) of a namespace where
 * it has workloads (policies) and those changed.
 */
export function affectedBy(change: WorkspaceChange, path: string, facts: FileFacts | undefined, reads: WorkspaceReads = { policies: true, workloads: true }): boolean {
  const p = normalizePath(path);
  if (p === change.path) return false;
  if (change.patches.includes(p)) return true;
  if (!facts) return false;
  if (reads.policies && facts.workloads.some((w) => change.policyNamespaces.includes(w.namespace))) return true;
  return reads.workloads && facts.policies.some((x) => change.workloadNamespaces.includes(x.namespace));
}

/** Namespaces whose facts differ between two lists. */
function changedNamespaces<T extends { namespace: string }>(before: readonly T[], after: readonly T[]): string[] {
  const all = new Set([...before, ...after].map((x) => x.namespace));
  const sig = (list: readonly T[], ns: string): string => JSON.stringify(list.filter((x) => x.namespace === ns));
  return [...all].filter((ns) => sig(before, ns) !== sig(after, ns)).sort();
}

function group<T extends { namespace: string }>(files: ReadonlyMap<string, Entry>, pick: (f: FileFacts) => readonly T[]): Map<string, Located<T>[]> {
  const out = new Map<string, Located<T>[]>();
  for (const [path, { facts }] of files) {
    for (const fact of pick(facts)) {
      let list = out.get(fact.namespace);
      if (!list) out.set(fact.namespace, (list = []));
      list.push({ path, fact });
    }
  }
  return out;
}

function others<T>(list: readonly Located<T>[] | undefined, self: string): T[] {
  if (!list) return [];
  const out: T[] = [];
  for (const l of list) if (l.path !== self) out.push(l.fact);
  return out;
}
