/**
 * The Kubernetes facts one file contributes to a workspace (see engine/workspace.ts): its
 * NetworkPolicies, its workloads' pod labels and, for a kustomization, the files it lists as
 * patches. Facts are small plain data (structured-cloneable, so CLI worker threads can share
 * them) taken from the model the lint already built; nothing here reads the disk.
 */
import { getIn, isMap, mapGet, scalarValue, seqItems, stringValue, type YamlFile } from '../yaml/documents';
import { labelsOf, podLabelsOf, type Labels } from './selectors';
import { workloadOf, type KubeObject } from './workloads';

/** One `matchExpressions` term of a label selector. */
export interface SelectorTerm {
  key: string;
  operator: string;
  values: (string | undefined)[];
}

/**
 * A LabelSelector as plain data: `all` for an absent or null selector (selects every pod), `none`
 * for a value that is not a map, else its `matchLabels` and `matchExpressions`.
 */
export type PlainSelector = 'all' | 'none' | { matchLabels: [string, string][]; matchExpressions: SelectorTerm[] };

/** A NetworkPolicy as the workspace sees it. */
export interface PolicyFact {
  name: string | undefined;
  /** `metadata.namespace`, `default` when unset. */
  namespace: string;
  podSelector: PlainSelector;
  /** `spec.policyTypes` as written (undefined when unset). */
  policyTypes: string[] | undefined;
  /** False for a policy with an explicit empty `policyTypes` list (it isolates nothing). */
  isolates: boolean;
}

/** A workload (an object with a pod template) as the workspace sees it. */
export interface WorkloadFact {
  kind: string;
  name: string | undefined;
  /** `metadata.namespace`, `default` when unset. */
  namespace: string;
  /** The pod template's labels. */
  labels: [string, string][];
}

/** What one file contributes to the workspace. */
export interface FileFacts {
  /** The file's path (or URI) as the caller names files. */
  path: string;
  policies: PolicyFact[];
  workloads: WorkloadFact[];
  /** For a kustomization file: the files it lists as patches, resolved against its directory. */
  patches: string[];
}

/** The namespace objects without `metadata.namespace` are counted in. */
export const DEFAULT_NAMESPACE = 'default';

/** True for the file names kustomize reads: `kustomization.yaml`, `kustomization.yml`, `Kustomization`. */
export function isKustomizationName(path: string): boolean {
  const base = path.split(/[\\/]/).pop() ?? '';
  return base === 'kustomization.yaml' || base === 'kustomization.yml' || base === 'Kustomization';
}

/**
 * A path with `/` separators and `.`/`..` segments resolved (URIs keep their scheme part). Keys
 * of the workspace index go through it, so `a/./b` and `a\b` name one file.
 */
export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '.') continue;
    const last = out[out.length - 1];
    if (part === '..' && last !== undefined && last !== '' && last !== '..' && !last.endsWith(':')) out.pop();
    else out.push(part);
  }
  return out.join('/');
}

/** Resolves a path written in a kustomization against the kustomization file's directory. */
export function resolveAgainst(kustomization: string, relative: string): string {
  const rel = relative.replace(/\\/g, '/');
  if (rel.startsWith('/') || /^[A-Za-z]:\//.test(rel)) return normalizePath(rel);
  const dir = normalizePath(kustomization).replace(/\/[^/]*$/, '');
  return normalizePath(`${dir}/${rel}`);
}

/** A local path entry of a kustomization (not an inline patch, not a URL), else undefined. */
function localPath(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  return v === '' || v.includes('\n') || v.includes('://') ? undefined : v;
}

/** The patch files a kustomization lists (`patchesStrategicMerge`, `patches[].path`, `patchesJson6902[].path`). */
export function kustomizationPatches(path: string, file: YamlFile): string[] {
  const out = new Set<string>();
  for (const doc of file.documents) {
    const root = doc.root;
    if (!isMap(root)) continue;
    for (const item of seqItems(mapGet(root, 'patchesStrategicMerge'))) {
      const p = localPath(stringValue(item));
      if (p !== undefined) out.add(resolveAgainst(path, p));
    }
    for (const key of ['patches', 'patchesJson6902']) {
      for (const item of seqItems(mapGet(root, key))) {
        const p = localPath(stringValue(mapGet(item, 'path')));
        if (p !== undefined) out.add(resolveAgainst(path, p));
      }
    }
  }
  return [...out].sort();
}

/** A selector node as plain data (see `selects` in selectors.ts, whose meaning this keeps). */
export function selectorOf(node: unknown): PlainSelector {
  if (!isMap(node)) return node === undefined || node === null || (scalarValue(node) === null) ? 'all' : 'none';
  const matchExpressions = seqItems(mapGet(node, 'matchExpressions')).map((e) => ({
    key: stringValue(mapGet(e, 'key')) ?? '',
    operator: stringValue(mapGet(e, 'operator')) ?? '',
    values: seqItems(mapGet(e, 'values')).map(stringValue),
  }));
  return { matchLabels: [...labelsOf(mapGet(node, 'matchLabels'))], matchExpressions };
}

/** True when a plain selector selects pods with `labels`. */
export function matchesSelector(selector: PlainSelector, labels: Labels): boolean {
  if (selector === 'all') return true;
  if (selector === 'none') return false;
  for (const [k, v] of selector.matchLabels) if (labels.get(k) !== v) return false;
  for (const { key, operator, values } of selector.matchExpressions) {
    const has = labels.has(key);
    const value = labels.get(key);
    if (operator === 'In' && !(has && values.includes(value))) return false;
    if (operator === 'NotIn' && has && values.includes(value)) return false;
    if (operator === 'Exists' && !has) return false;
    if (operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

/** The NetworkPolicy fact of an object, or undefined for other kinds. */
export function policyFactOf(o: KubeObject): PolicyFact | undefined {
  if (o.kind !== 'NetworkPolicy') return undefined;
  const types = getIn(o.node, ['spec', 'policyTypes']);
  const policyTypes = types === undefined ? undefined : seqItems(types).map((t) => stringValue(t) ?? '');
  return { name: o.name, namespace: o.namespace ?? DEFAULT_NAMESPACE, podSelector: selectorOf(getIn(o.node, ['spec', 'podSelector'])), policyTypes, isolates: policyTypes === undefined || policyTypes.length > 0 };
}

/** The workload fact of an object, or undefined for kinds without a pod template. */
export function workloadFactOf(o: KubeObject): WorkloadFact | undefined {
  const w = workloadOf(o);
  if (!w) return undefined;
  return { kind: o.kind, name: o.name, namespace: o.namespace ?? DEFAULT_NAMESPACE, labels: [...podLabelsOf(w)] };
}

/**
 * The facts of one file from its parsed YAML and (for a manifest) its objects. A kustomization
 * file contributes its patch list whether or not it has `apiVersion`/`kind`.
 */
export function factsOf(path: string, file: YamlFile | undefined, objects: readonly KubeObject[] = []): FileFacts {
  const policies: PolicyFact[] = [];
  const workloads: WorkloadFact[] = [];
  for (const o of objects) {
    const p = policyFactOf(o);
    if (p) policies.push(p);
    const w = workloadFactOf(o);
    if (w) workloads.push(w);
  }
  const patches = file && isKustomizationName(path) ? kustomizationPatches(path, file) : [];
  return { path, policies, workloads, patches };
}

/** True when the facts say nothing (the file can be left out of the index). */
export function isEmptyFacts(f: FileFacts): boolean {
  return f.policies.length === 0 && f.workloads.length === 0 && f.patches.length === 0;
}
