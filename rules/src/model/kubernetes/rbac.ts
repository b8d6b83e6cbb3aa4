/**
 * RBAC facts: the policy rules of Roles and ClusterRoles, and what they grant (with `*`
 * wildcards and subresources understood), plus binding subjects and role references.
 */
import type { Range } from 'vscode-languageserver-types';
import { getIn, keyRange, mapGet, nodeRange, seqItems, stringValue } from '../yaml/documents';
import type { KubeObject } from './workloads';
import { stringItems, type Item } from './pod';

/** True for Role and ClusterRole objects of the RBAC API group. */
export function isRole(o: KubeObject): boolean {
  return (o.kind === 'Role' || o.kind === 'ClusterRole') && o.apiVersion.startsWith('rbac.authorization.k8s.io/');
}

/** True for RoleBinding and ClusterRoleBinding objects of the RBAC API group. */
export function isBinding(o: KubeObject): boolean {
  return (o.kind === 'RoleBinding' || o.kind === 'ClusterRoleBinding') && o.apiVersion.startsWith('rbac.authorization.k8s.io/');
}

/** One entry of a role's `rules`. */
export interface PolicyRule {
  object: KubeObject;
  node: unknown;
  apiGroups: Item[];
  resources: Item[];
  verbs: Item[];
  resourceNames: Item[];
  /** The `verbs` key (where verb findings are reported), else the rule item. */
  verbsRange: Range;
  /** The `resources` key (where findings about a sensitive resource are reported), else the rule item. */
  resourcesRange: Range;
}

/** The policy rules of a Role or ClusterRole (empty for anything else). */
export function policyRulesOf(o: KubeObject): PolicyRule[] {
  if (!isRole(o)) return [];
  return seqItems(mapGet(o.node, 'rules')).map((node) => ({
    object: o,
    node,
    apiGroups: stringItems(mapGet(node, 'apiGroups')),
    resources: stringItems(mapGet(node, 'resources')),
    verbs: stringItems(mapGet(node, 'verbs')),
    resourceNames: stringItems(mapGet(node, 'resourceNames')),
    verbsRange: keyRange(o.file, node, 'verbs') ?? nodeRange(o.file, node) ?? o.headRange,
    resourcesRange: keyRange(o.file, node, 'resources') ?? nodeRange(o.file, node) ?? o.headRange,
  }));
}

/** True when the rule covers API group `group` ('' is the core group). */
export function coversGroup(r: PolicyRule, group: string): boolean {
  return r.apiGroups.some((g) => g.value === '*' || g.value === group);
}

/** True when the rule covers `resource` (`pods`, `pods/exec` …), honouring wildcards (all, pods/all, all/scale); a resource written x/* matches any subresource of x. */
export function coversResource(r: PolicyRule, resource: string): boolean {
  const [base] = resource.split('/');
  return r.resources.some((x) =>
    x.value === '*' || x.value === resource
    || (resource.includes('/') && x.value === `${base}/*`)
    || (resource.endsWith('/*') && x.value.startsWith(`${base}/`))
    || (x.value.startsWith('*/') && resource.endsWith(x.value.slice(1))));
}

/** The verbs among `verbs` that the rule grants (all of them when it has `*`). */
export function grantedVerbs(r: PolicyRule, verbs: readonly string[]): string[] {
  if (r.verbs.some((v) => v.value === '*')) return [...verbs];
  return verbs.filter((v) => r.verbs.some((x) => x.value.toLowerCase() === v));
}

/** A grant check: group, one of the resources, one of the verbs. Returns the matching verbs, or [] when not granted. */
export function grants(r: PolicyRule, group: string, resources: readonly string[], verbs: readonly string[]): string[] {
  if (!coversGroup(r, group) || !resources.some((res) => coversResource(r, res))) return [];
  return grantedVerbs(r, verbs);
}

/** The `roleRef` of a binding. */
export function roleRefOf(o: KubeObject): { kind: string | undefined; name: string | undefined; nameNode: unknown } {
  const ref = mapGet(o.node, 'roleRef');
  return { kind: stringValue(mapGet(ref, 'kind')), name: stringValue(mapGet(ref, 'name')), nameNode: getIn(ref, ['name']) };
}

/** The subjects of a binding: kind, name and the name node. */
export function subjectsOf(o: KubeObject): { kind: string | undefined; name: string | undefined; nameNode: unknown; namespace: string | undefined }[] {
  return seqItems(mapGet(o.node, 'subjects')).map((s) => ({ kind: stringValue(mapGet(s, 'kind')), name: stringValue(mapGet(s, 'name')), nameNode: mapGet(s, 'name'), namespace: stringValue(mapGet(s, 'namespace')) }));
}

