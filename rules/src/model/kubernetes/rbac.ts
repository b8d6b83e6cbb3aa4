/**
 * RBAC facts: the policy rules of Roles and ClusterRoles, and what they grant (with `*`
 * wildcards and subresources understood), plus binding subjects and role references.
 */
import type { Range } from 'vscode-languageserver-types';
import { getIn, keyRange, mapGet, nodeRange, seqItems, stringValue } from '../yaml/documents';
import type { KubeObject } from './workloads';
import { stringItems, type Item } from './pod';
import { labelsOf, selects } from './selectors';

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

/** The fields of a policy rule that decide what it grants (the built-in roles below have only these). */
export type Grants = Pick<PolicyRule, 'apiGroups' | 'resources' | 'verbs' | 'resourceNames'>;

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
export function coversGroup(r: Grants, group: string): boolean {
  return r.apiGroups.some((g) => g.value === '*' || g.value === group);
}

/** True when the rule covers `resource` (`pods`, `pods/exec` …), honouring wildcards (all, pods/all, all/scale); a resource written x/* matches any subresource of x. */
export function coversResource(r: Grants, resource: string): boolean {
  const [base] = resource.split('/');
  return r.resources.some((x) =>
    x.value === '*' || x.value === resource
    || (resource.includes('/') && x.value === `${base}/*`)
    || (resource.endsWith('/*') && x.value.startsWith(`${base}/`))
    || (x.value.startsWith('*/') && resource.endsWith(x.value.slice(1))));
}

/** The verbs among `verbs` that the rule grants (all of them when it has `*`). */
export function grantedVerbs(r: Grants, verbs: readonly string[]): string[] {
  if (r.verbs.some((v) => v.value === '*')) return [...verbs];
  return verbs.filter((v) => r.verbs.some((x) => x.value.toLowerCase() === v));
}

/** A grant check: group, one of the resources, one of the verbs. Returns the matching verbs, or [] when not granted. */
export function grants(r: Grants, group: string, resources: readonly string[], verbs: readonly string[]): string[] {
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


/** What one policy rule grants of a dangerous access: the verbs and the resources, or undefined for nothing. */
export interface Access {
  verbs: string[];
  resources: string[];
}
/** A dangerous access, decided per policy rule. Role-side and binding-side rules share these. */
export type AccessCheck = (r: Grants) => Access | undefined;

/** get, list or watch on Secrets. A rule limited by `resourceNames` reaches only the named Secrets, which is the remedy, so it does not count. */
export const readsSecrets: AccessCheck = (r) => {
  if (r.resourceNames.length > 0) return undefined;
  const verbs = grants(r, '', ['secrets'], ['get', 'list', 'watch']);
  return verbs.length > 0 ? { verbs, resources: ['secrets'] } : undefined;
};

/** Resources whose creation starts pods, by API group. */
const POD_CREATORS: readonly (readonly [string, readonly string[]])[] = [
  ['', ['pods', 'replicationcontrollers']],
  ['apps', ['deployments', 'statefulsets', 'daemonsets', 'replicasets']],
  ['extensions', ['deployments', 'daemonsets', 'replicasets']],
  ['batch', ['jobs', 'cronjobs']],
];

/** Every resource `createsPods` looks for (for messages: granting all of them is "pods and every workload kind"). */
export const POD_CREATOR_RESOURCES: ReadonlySet<string> = new Set(POD_CREATORS.flatMap(([, list]) => list));

/** create on pods or on a controller that creates pods. RBAC cannot restrict create by name (the name is not known when it is authorised), so a rule with `resourceNames` grants no create at all. */
export const createsPods: AccessCheck = (r) => {
  if (r.resourceNames.length > 0 || grantedVerbs(r, ['create']).length === 0) return undefined;
  const resources = new Set<string>();
  for (const [group, list] of POD_CREATORS) if (coversGroup(r, group)) for (const res of list) if (coversResource(r, res)) resources.add(res);
  return resources.size > 0 ? { verbs: ['create'], resources: [...resources] } : undefined;
};

/** Merges what several rules grant (verbs and resources each once, in first-seen order). */
export function mergeAccess(list: readonly (Access | undefined)[]): Access | undefined {
  const verbs = new Set<string>();
  const resources = new Set<string>();
  for (const a of list) {
    if (!a) continue;
    for (const v of a.verbs) verbs.add(v);
    for (const r of a.resources) resources.add(r);
  }
  return verbs.size > 0 ? { verbs: [...verbs], resources: [...resources] } : undefined;
}

/** The role a binding's roleRef names: a Role in the binding's namespace, or a ClusterRole. */
export interface RoleTarget {
  kind: 'Role' | 'ClusterRole';
  name: string;
  /** For a Role: the binding's namespace (undefined when unset, which matches a Role without one). */
  namespace: string | undefined;
}

/** Where a RoleBinding or ClusterRoleBinding points; undefined for anything else or a roleRef the API server would reject. */
export function roleTargetOf(binding: KubeObject): RoleTarget | undefined {
  if (!isBinding(binding)) return undefined;
  const ref = mapGet(binding.node, 'roleRef');
  const group = stringValue(mapGet(ref, 'apiGroup'));
  const { kind, name } = roleRefOf(binding);
  if (name === undefined || name === '' || (group !== undefined && group !== 'rbac.authorization.k8s.io')) return undefined;
  if (kind === 'ClusterRole') return { kind, name, namespace: undefined };
  if (kind === 'Role' && binding.kind === 'RoleBinding') return { kind, name, namespace: binding.namespace };
  return undefined;
}

function roleKey(kind: string, name: string, namespace: string | undefined): string {
  return kind === 'Role' ? `Role/${namespace ?? ''}/${name}` : `ClusterRole/${name}`;
}

const item = (value: string, index: number): Item => ({ value, node: undefined, index });
const builtInRule = (apiGroups: string[], resources: string[], verbs: string[]): Grants => ({ apiGroups: apiGroups.map(item), resources: resources.map(item), verbs: verbs.map(item), resourceNames: [] });
const WRITE = ['create', 'delete', 'deletecollection', 'patch', 'update'];
/** What the built-in `edit` ClusterRole grants of the accesses checked here (`admin` aggregates `edit`). `cluster-admin` is K8S066's. */
const EDIT: readonly Grants[] = [
  builtInRule([''], ['secrets'], ['get', 'list', 'watch', ...WRITE]),
  builtInRule([''], ['pods', 'replicationcontrollers'], WRITE),
  builtInRule(['apps'], ['deployments', 'statefulsets', 'daemonsets', 'replicasets'], WRITE),
  builtInRule(['extensions'], ['deployments', 'daemonsets', 'replicasets'], WRITE),
  builtInRule(['batch'], ['jobs', 'cronjobs'], WRITE),
];
const BUILT_IN: ReadonlyMap<string, readonly Grants[]> = new Map([['admin', EDIT], ['edit', EDIT]]);

/**
 * The Roles and ClusterRoles bindings can refer to, with each role's effective policy rules (its
 * own plus, for an aggregated ClusterRole, those of the ClusterRoles its selectors pick) and the
 * result of each access check per role, both computed once. Built from the objects of a file;
 * a workspace index can build one from the roles of other files as well.
 */
export class RoleIndex {
  private readonly byKey = new Map<string, KubeObject[]>();
  private readonly clusterRoles: KubeObject[] = [];
  private readonly effective = new Map<KubeObject, readonly Grants[]>();
  private readonly checked = new Map<AccessCheck, Map<KubeObject, Access | undefined>>();
  private readonly labels = new Map<KubeObject, Map<string, string>>();

  constructor(objects: readonly KubeObject[]) {
    for (const o of objects) {
      if (!isRole(o) || o.name === undefined) continue;
      const key = roleKey(o.kind, o.name, o.namespace);
      const list = this.byKey.get(key);
      if (list) list.push(o);
      else this.byKey.set(key, [o]);
      if (o.kind === 'ClusterRole') this.clusterRoles.push(o);
    }
  }

  /** The roles a target names (several when the same role is defined twice). */
  find(t: RoleTarget): readonly KubeObject[] {
    return this.byKey.get(roleKey(t.kind, t.name, t.namespace)) ?? [];
  }

  /** The role's policy rules, with those of the ClusterRoles it aggregates (followed transitively, each once). */
  rulesOf(role: KubeObject): readonly Grants[] {
    let rules = this.effective.get(role);
    if (rules) return rules;
    const out: Grants[] = [];
    const seen = new Set<KubeObject>();
    const visit = (r: KubeObject): void => {
      if (seen.has(r)) return;
      seen.add(r);
      out.push(...policyRulesOf(r));
      if (r.kind !== 'ClusterRole') return;
      const selectors = seqItems(getIn(r.node, ['aggregationRule', 'clusterRoleSelectors']));
      if (selectors.length === 0) return;
      for (const other of this.clusterRoles) {
        if (other === r) continue;
        let labels = this.labels.get(other);
        if (!labels) this.labels.set(other, (labels = labelsOf(getIn(other.node, ['metadata', 'labels']))));
        const l = labels;
        if (selectors.some((s) => selects(s, l))) visit(other);
      }
    };
    visit(role);
    rules = out;
    this.effective.set(role, rules);
    return rules;
  }

  /** What the role grants of one access, computed once per role and check. */
  access(role: KubeObject, check: AccessCheck): Access | undefined {
    let byRole = this.checked.get(check);
    if (!byRole) this.checked.set(check, (byRole = new Map()));
    if (byRole.has(role)) return byRole.get(role);
    const a = mergeAccess(this.rulesOf(role).map(check));
    byRole.set(role, a);
    return a;
  }
}

/** What a role a binding names grants of one access (`access` undefined: none of it). */
export interface FoundRole {
  access: Access | undefined;
  /** A built-in ClusterRole known by name (`admin`, `edit`), not a definition that was read. */
  builtIn: boolean;
}

/**
 * Looks up the role a binding names and judges it with `check`; undefined when the role is unknown
 * to this lookup. The file's roles, the built-in ones and (later) those of other workspace files are
 * each a lookup; `anyOf` chains them.
 */
export type RoleLookup = (target: RoleTarget, check: AccessCheck) => FoundRole | undefined;

/** The roles of an index (several definitions of one role are merged). */
export function indexLookup(index: RoleIndex): RoleLookup {
  return (target, check) => {
    const roles = index.find(target);
    return roles.length > 0 ? { access: mergeAccess(roles.map((r) => index.access(r, check))), builtIn: false } : undefined;
  };
}

/** The built-in ClusterRoles `admin` and `edit`. */
export const builtInRoles: RoleLookup = (target, check) => {
  const rules = target.kind === 'ClusterRole' ? BUILT_IN.get(target.name) : undefined;
  return rules && { access: mergeAccess(rules.map(check)), builtIn: true };
};

/** The first lookup that knows the role answers. */
export function anyOf(...lookups: readonly RoleLookup[]): RoleLookup {
  return (target, check) => {
    for (const l of lookups) {
      const found = l(target, check);
      if (found) return found;
    }
    return undefined;
  };
}

let indexedObjects: readonly KubeObject[] | undefined;
let lastLookup: RoleLookup | undefined;

/**
 * The roles a binding of this file can be judged against: the file's own (a RoleIndex), then the
 * built-in `admin` and `edit`. Memoised for the last object list asked about, so every binding of
 * a file shares one index and each role is judged once per check.
 */
export function rolesVisibleFrom(objects: readonly KubeObject[]): RoleLookup {
  if (objects !== indexedObjects || !lastLookup) {
    lastLookup = anyOf(indexLookup(new RoleIndex(objects)), builtInRoles);
    indexedObjects = objects;
  }
  return lastLookup;
}

/** What a binding grants of one access, through which role. */
export interface BoundAccess {
  target: RoleTarget;
  access: Access;
  /** The role is a built-in ClusterRole not defined in the file (`admin`, `edit`). */
  builtIn: boolean;
}

/**
 * What a binding hands its subjects of one access, judged from the role it refers to as `roles`
 * finds it; undefined when the role is unknown, grants none of it, or is `cluster-admin` (K8S066
 * reports those bindings).
 */
export function boundAccess(roles: RoleLookup, binding: KubeObject, check: AccessCheck): BoundAccess | undefined {
  const target = roleTargetOf(binding);
  if (!target || (target.kind === 'ClusterRole' && target.name === 'cluster-admin')) return undefined;
  const found = roles(target, check);
  return found?.access && { target, access: found.access, builtIn: found.builtIn };
}

/** Where binding findings go: the roleRef's name, else the roleRef key, else the object's head. */
export function bindingAt(binding: KubeObject): Range {
  return nodeRange(binding.file, roleRefOf(binding).nameNode) ?? keyRange(binding.file, binding.node, 'roleRef') ?? binding.headRange;
}

/** `ServiceAccount 'ns/name'`, `User 'alice'` …, for messages: up to three subjects, then how many more; undefined when the binding has none (it grants nothing). */
export function subjectsLabel(binding: KubeObject): string | undefined {
  const all = subjectsOf(binding).map((s) => `${s.kind ?? 'subject'} '${s.kind === 'ServiceAccount' && s.namespace !== undefined ? `${s.namespace}/` : ''}${s.name ?? '(unnamed)'}'`);
  if (all.length === 0) return undefined;
  if (all.length <= 3) return all.join(', ');
  return `${all.slice(0, 3).join(', ')} and ${all.length - 3} more`;
}

/** Where a binding's grant applies, for messages. */
export function bindingScope(binding: KubeObject): string {
  if (binding.kind === 'ClusterRoleBinding') return 'in every namespace';
  return binding.namespace !== undefined ? `in namespace '${binding.namespace}'` : 'in its namespace';
}

/** `Role 'reader'`, `the built-in ClusterRole 'edit'`, for messages. */
export function boundRoleLabel(b: BoundAccess): string {
  return `${b.builtIn ? 'the built-in ' : ''}${b.target.kind} '${b.target.name}'`;
}
