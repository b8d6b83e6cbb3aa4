/**
 * ServiceAccounts of a file, indexed once per file: rules that look up a pod's account (K8S049)
 * ask per workload, and scanning every object each time was quadratic (10,000 pods: 10⁸ steps).
 */
import { mapGet, scalarValue } from '../yaml/documents';
import type { KubeObject } from './workloads';

/**
 * Index of the ServiceAccounts of the last object list asked about, by `namespace/name`
 * (namespace empty when unset). One entry, not a WeakMap per file (weak entries cost the garbage
 * collector more than the index saves).
 */
let indexed: readonly KubeObject[] | undefined;
let lastIndex = new Map<string, KubeObject[]>();

function key(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

/** The ServiceAccount objects named `name` in `namespace` (unset matches unset only), from a memoised index of `objects`. */
export function serviceAccountsNamed(objects: readonly KubeObject[], name: string, namespace: string | undefined): readonly KubeObject[] {
  let index = lastIndex;
  if (objects !== indexed) {
    index = new Map();
    for (const o of objects) {
      if (o.kind !== 'ServiceAccount' || o.name === undefined) continue;
      const k = key(o.namespace, o.name);
      const list = index.get(k);
      if (list) list.push(o);
      else index.set(k, [o]);
    }
    indexed = objects;
    lastIndex = index;
  }
  return index.get(key(namespace, name)) ?? [];
}

/** True when a ServiceAccount of that name and namespace in the file sets `automountServiceAccountToken: false`. */
export function accountDisablesTokenMount(objects: readonly KubeObject[], name: string, namespace: string | undefined): boolean {
  return serviceAccountsNamed(objects, name, namespace).some((o) => scalarValue(mapGet(o.node, 'automountServiceAccountToken')) === false);
}
