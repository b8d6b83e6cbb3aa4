/** Manifest builders for the binding-side RBAC rule tables (K8S100, K8S101). */

/** One ServiceAccount subject, `shop/app`. */
export const SA = 'subjects:\n- kind: ServiceAccount\n  name: app\n  namespace: shop\n';

/** A Role or ClusterRole named `name` (namespace `shop`, none for null); its `rules:` body (column 0) starts on line 7 with a namespace, else line 6. */
export function role(name: string, rules: string, kind = 'Role', namespace: string | null = 'shop', extraMeta = ''): string {
  return `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: ${name}\n${namespace !== null ? `  namespace: ${namespace}\n` : ''}${extraMeta}rules:\n${rules}`;
}

/** A binding `b` (namespace `shop`, none for null) to `refKind`/`refName`; its roleRef name is on line 9 (8 without namespace), column 9. */
export function binding(refName: string, refKind = 'Role', kind = 'RoleBinding', namespace: string | null = 'shop', subjects = SA): string {
  return `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: b\n${namespace !== null ? `  namespace: ${namespace}\n` : ''}roleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ${refKind}\n  name: ${refName}\n${subjects}`;
}

/** Documents joined into one multi-document file. */
export const doc = (...parts: string[]): string => parts.join('---\n');

/** A ClusterRole `name` aggregating the ClusterRoles labelled `example.com/aggregate-to-<name>: "true"` (9 lines). */
export function aggregator(name: string): string {
  return `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: ${name}\naggregationRule:\n  clusterRoleSelectors:\n  - matchLabels:\n      example.com/aggregate-to-${name}: "true"\nrules: []\n`;
}

/** metadata lines labelling a ClusterRole for aggregation into `name`. */
export const aggregatedInto = (name: string): string => `  labels:\n    example.com/aggregate-to-${name}: "true"\n`;
