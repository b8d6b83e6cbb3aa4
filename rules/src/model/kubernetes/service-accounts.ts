/**
 * ServiceAccounts of a file, indexed once per file: rules that look up a pod's account (K8S049)
 * ask per workload, and scanning every object each time was quadratic (10,000 pods: 10⁸ steps).
 */
import { mapGet, scalarValue } from '../yaml/documents';
import type { KubeObject } from './workloads';

/** Index of the ServiceAccounts of one object list, by `namespace/name` (namespace empty when unset). */
const indexes = new WeakMap<readonly KubeObject[], Map<string, KubeObject[]>>();

function key(namespace: string | undefined, name: string): string {
  return `${namespace ?? ''}/${name}`;
}

/** The ServiceAccount objects named `name` in `namespace` (unset matches unset only), from a memoised index of `objects`. */
export function serviceAccountsNamed(objects: readonly KubeObject[], name: string, namespace: string | undefined): readonly KubeObject[] {
  let index = indexes.get(objects);
  if (!index) {
    index = new Map();
    for (const o of objects) {
      if (o.kind !== 'ServiceAccount' || o.name === undefined) continue;
      const k = key(o.namespace, o.name);
      const list = index.get(k);
      if (list) list.push(o);
      else index.set(k, [o]);
    }
    indexes.set(objects, index);
  }
  return index.get(key(namespace, name)) ?? [];
}

/** True when a ServiceAccount of that name and namespace in the file sets `automountServiceAccountToken: false`. */
export function accountDisablesTokenMount(objects: readonly KubeObject[], name: string, namespace: string | undefined): boolean {
  return serviceAccountsNamed(objects, name, namespace).some((o) => scalarValue(mapGet(o.node, 'automountServiceAccountToken')) === false);
}
