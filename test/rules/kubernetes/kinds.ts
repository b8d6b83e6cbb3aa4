/**
 * Wraps one pod spec in every workload kind that embeds a PodSpec, shifting expected positions
 * so one table row checks exact lines and columns for Pod, Deployment, …, CronJob, PodTemplate.
 */
import type { ExpectedError, InvalidCase, ValidCase } from '../../utils/rule-tester';

interface Wrapper {
  kind: string;
  head: string;
  indent: number;
}

const WRAPPERS: readonly Wrapper[] = [
  { kind: 'Pod', head: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: w\nspec:\n', indent: 2 },
  ...['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'].map((kind) => ({ kind, head: `apiVersion: apps/v1\nkind: ${kind}\nmetadata:\n  name: w\nspec:\n  template:\n    spec:\n`, indent: 6 })),
  { kind: 'ReplicationController', head: 'apiVersion: v1\nkind: ReplicationController\nmetadata:\n  name: w\nspec:\n  template:\n    spec:\n', indent: 6 },
  { kind: 'Job', head: 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: w\nspec:\n  template:\n    spec:\n', indent: 6 },
  { kind: 'CronJob', head: 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: w\nspec:\n  schedule: "* * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n', indent: 10 },
  { kind: 'PodTemplate', head: 'apiVersion: v1\nkind: PodTemplate\nmetadata:\n  name: w\ntemplate:\n  spec:\n', indent: 4 },
];

/** Kinds whose pods run to completion (some rules skip them). */
export const BATCH_KINDS = ['Job', 'CronJob'];

function wrap(w: Wrapper, podSpec: string): string {
  const body = podSpec.split('\n').map((l) => (l === '' ? l : ' '.repeat(w.indent) + l)).join('\n');
  return w.head + body;
}

function lines(text: string): number {
  return text.split('\n').length - 1;
}

/** `podSpec` (written at column 0) inside every workload kind, as valid cases. */
export function validInEveryKind(podSpec: string, name: string, skip: readonly string[] = []): ValidCase[] {
  return WRAPPERS.filter((w) => !skip.includes(w.kind)).map((w) => ({ code: wrap(w, podSpec), name: `${name} (${w.kind})` }));
}

/** `podSpec` inside every workload kind; `errors` are positions inside `podSpec` (1-based), shifted per kind; "Pod 'w'" in messages becomes the kind. */
export function invalidInEveryKind(podSpec: string, name: string, errors: ExpectedError[], skip: readonly string[] = []): InvalidCase[] {
  return WRAPPERS.filter((w) => !skip.includes(w.kind)).map((w) => ({
    code: wrap(w, podSpec),
    name: `${name} (${w.kind})`,
    errors: errors.map((e) => ({
      ...e,
      ...(e.message !== undefined ? { message: e.message.replace("Pod 'w'", `${w.kind} 'w'`) } : {}),
      ...(e.line !== undefined ? { line: e.line + lines(w.head) } : {}),
      ...(e.endLine !== undefined ? { endLine: e.endLine + lines(w.head) } : {}),
      ...(e.column !== undefined ? { column: e.column + w.indent } : {}),
      ...(e.endColumn !== undefined ? { endColumn: e.endColumn + w.indent } : {}),
    })),
  }));
}

/** A Pod manifest around `podSpec` (written at column 0); pod-spec line n is file line n + 5. */
export function pod(podSpec: string): string {
  return wrap(WRAPPERS[0] as Wrapper, podSpec);
}

/** A Role/ClusterRole named `r` whose `rules:` body (column 0) starts on line 6. */
export function role(rules: string, kind = 'ClusterRole'): string {
  return `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: r\nrules:\n${rules}`;
}

/** A binding named `b` to `roleKind`/`roleName` with the given subjects (column 0); roleRef name is on line 8. */
export function binding(roleName: string, subjects: string, kind = 'ClusterRoleBinding', roleKind = 'ClusterRole'): string {
  return `apiVersion: rbac.authorization.k8s.io/v1\nkind: ${kind}\nmetadata:\n  name: b\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n  kind: ${roleKind}\n  name: ${roleName}\nsubjects:\n${subjects}`;
}
