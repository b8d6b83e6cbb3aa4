import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseYaml, stringValue, scalarValue } from '../../../rules/src/model/yaml/documents';
import { objectsOf, workloadOf, effectiveSecurity, WORKLOAD_KINDS, type Workload } from '../../../rules/src/model/kubernetes/workloads';
import { capabilitiesOf, hostPathsOf, isSensitiveHostPath, isRuntimeSocket, normaliseCap } from '../../../rules/src/model/kubernetes/pod';
import { coversResource, grants, policyRulesOf } from '../../../rules/src/model/kubernetes/rbac';
import { lint } from '../../../rules/src/api';

function workloads(text: string): Workload[] {
  return objectsOf(parseYaml(text)).map(workloadOf).filter((w): w is Workload => w !== undefined);
}

const podSpec = 'containers:\n  - name: c\n    image: x:1\ninitContainers:\n  - name: i\n    image: y:1\nephemeralContainers:\n  - name: e\n    image: z:1\n';
const indent = (s: string, n: number): string => s.split('\n').map((l) => (l ? ' '.repeat(n) + l : l)).join('\n');

describe('workload extraction', () => {
  const cases: [string, string][] = [
    ['Pod', `apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n${indent(podSpec, 2)}`],
    ...['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'].map((k): [string, string] => [k, `apiVersion: apps/v1\nkind: ${k}\nmetadata: {name: a}\nspec:\n  template:\n    spec:\n${indent(podSpec, 6)}`]),
    ['ReplicationController', `apiVersion: v1\nkind: ReplicationController\nmetadata: {name: a}\nspec:\n  template:\n    spec:\n${indent(podSpec, 6)}`],
    ['Job', `apiVersion: batch/v1\nkind: Job\nmetadata: {name: a}\nspec:\n  template:\n    spec:\n${indent(podSpec, 6)}`],
    ['CronJob', `apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: a}\nspec:\n  jobTemplate:\n    spec:\n      template:\n        spec:\n${indent(podSpec, 10)}`],
    ['PodTemplate', `apiVersion: v1\nkind: PodTemplate\nmetadata: {name: a}\ntemplate:\n  spec:\n${indent(podSpec, 4)}`],
  ];
  for (const [kind, text] of cases) {
    it(`finds the pod spec and all container types of a ${kind}`, () => {
      const [w] = workloads(text);
      assert.ok(w, 'a workload');
      assert.equal(w.object.kind, kind);
      assert.deepEqual(w.containers.map((c) => [c.type, c.name, c.image]), [['container', 'c', 'x:1'], ['initContainer', 'i', 'y:1'], ['ephemeralContainer', 'e', 'z:1']]);
      assert.equal(w.partial, false);
      assert.equal(w.range.start.line + 1, text.split('\n').findIndex((l) => /^\s*spec:$/.test(l) && l.length > 0 && text.split('\n').filter((x) => /^\s*spec:$/.test(x)).pop() === l) + 1);
    });
  }
  it('covers every kind it declares', () => {
    for (const k of ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Job', 'CronJob', 'PodTemplate']) assert.ok(WORKLOAD_KINDS.includes(k), k);
  });
  it('expands List items and keeps every document of a stream', () => {
    const text = 'apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    metadata: {name: a}\n    spec: {containers: [{name: c, image: "x:1"}]}\n  - apiVersion: v1\n    kind: Service\n    metadata: {name: s}\n---\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: b}\nspec:\n  containers: [{name: d, image: "x:1"}]\n';
    const objs = objectsOf(parseYaml(text));
    assert.deepEqual(objs.map((o) => `${o.kind}/${o.name}`), ['Pod/a', 'Service/s', 'Pod/b']);
    assert.deepEqual(workloads(text).map((w) => w.object.name), ['a', 'b']);
  });
  it('reads JSON manifests', () => {
    const [w] = workloads('{"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "j"}, "spec": {"template": {"spec": {"containers": [{"name": "c", "image": "x:1"}]}}}}');
    assert.equal(w?.containers[0]?.name, 'c');
  });
  it('reads Knative Serving templates but not the core Service', () => {
    assert.equal(workloads('apiVersion: serving.knative.dev/v1\nkind: Service\nmetadata: {name: k}\nspec:\n  template:\n    spec:\n      containers: [{image: "x:1"}]\n').length, 1);
    assert.equal(workloads('apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  template:\n    spec:\n      containers: [{image: "x:1"}]\n').length, 0);
  });
  it('leaves unknown kinds and CRDs alone', () => {
    assert.equal(workloads('apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\nspec:\n  template:\n    spec:\n      containers: [{name: c, image: "x:1"}]\n').length, 0);
  });
  it('marks partial objects (Kustomize patches)', () => {
    const [noContainers] = workloads('apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec:\n  template:\n    spec:\n      serviceAccountName: x\n');
    assert.equal(noContainers?.partial, true);
    const [noImage] = workloads('apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          resources: {limits: {memory: 1Gi}}\n');
    assert.equal(noImage?.partial, true);
    assert.equal(noImage?.containers[0]?.partial, true);
  });
  it('resolves aliases in container lists', () => {
    const [w] = workloads('apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nx: &c {name: c, image: "x:1"}\nspec:\n  containers: [*c]\n');
    assert.equal(w?.containers[0]?.name, 'c');
  });
});

describe('effectiveSecurity', () => {
  const [w] = workloads('apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  securityContext: {runAsNonRoot: true, runAsUser: 5}\n  containers:\n    - {name: a, image: "x:1"}\n    - {name: b, image: "x:1", securityContext: {runAsNonRoot: false}}\n    - {name: c, image: "x:1", securityContext: {runAsNonRoot: }}\n');
  it('inherits from the pod unless the container overrides', () => {
    const [a, b, c] = w?.containers ?? [];
    assert.deepEqual([a, b, c].map((x) => x && effectiveSecurity(x, 'runAsNonRoot').level), ['pod', 'container', 'pod']);
    assert.equal(b && scalarValue(effectiveSecurity(b, 'runAsNonRoot').node), false);
    assert.equal(a && effectiveSecurity(a, 'seccompProfile').level, 'unset');
  });
});

describe('pod helpers', () => {
  it('normalises capability names', () => {
    assert.equal(normaliseCap(' cap_sys_admin '), 'SYS_ADMIN');
    const [w] = workloads('apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n    - name: a\n      image: x:1\n      securityContext: {capabilities: {add: [Cap_Net_Raw], drop: [all]}}\n');
    const caps = w?.containers[0] && capabilitiesOf(w.containers[0]);
    assert.deepEqual(caps?.add.map((c) => c.value), ['NET_RAW']);
    assert.deepEqual(caps?.drop.map((c) => c.value), ['ALL']);
  });
  it('pairs hostPath volumes with their mounts', () => {
    const [w] = workloads('apiVersion: v1\nkind: Pod\nmetadata: {name: a}\nspec:\n  containers:\n    - name: a\n      image: x:1\n      volumeMounts: [{name: h, mountPath: /h, readOnly: true}]\n  volumes:\n    - name: h\n      hostPath: {path: /etc/ssl}\n');
    const [h] = w ? hostPathsOf(w) : [];
    assert.equal(h?.path, '/etc/ssl');
    assert.equal(h?.mounts[0]?.readOnly, true);
    assert.equal(stringValue(h?.pathNode), '/etc/ssl');
  });
  it('classifies host paths', () => {
    assert.deepEqual(['/', '/etc', '/etc/', '/var/lib/x', '/data', '/variable', '/opt/etc'].map(isSensitiveHostPath), [true, true, true, true, false, false, false]);
    assert.deepEqual(['/var/run/docker.sock', '/run/containerd/containerd.sock', '/var/run/crio', '/var/run', '/data/docker.sockets'].map(isRuntimeSocket), [true, true, true, false, false]);
  });
});

describe('rbac helpers', () => {
  const [r] = policyRulesOf(objectsOf(parseYaml("apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata: {name: r}\nrules:\n  - apiGroups: ['']\n    resources: ['pods/*', secrets]\n    verbs: [Get, list]\n"))[0]!);
  it('understands subresource wildcards and verb case', () => {
    assert.ok(r && coversResource(r, 'pods/exec'));
    assert.ok(r && !coversResource(r, 'pods'));
    assert.deepEqual(r && grants(r, '', ['secrets'], ['get', 'watch']), ['get']);
    assert.deepEqual(r && grants(r, 'apps', ['secrets'], ['get']), []);
  });
});

describe('Kustomize and templated input', () => {
  it('does not flag a strategic-merge patch for fields it does not set', () => {
    const patch = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          resources:\n            limits: {memory: 512Mi}\n';
    const res = lint({ path: 'overlays/prod/patch.yaml', text: patch }, { settings: { enabledRules: ['K8S*'] } });
    assert.equal(res.kind, 'kubernetes');
    assert.deepEqual(res.findings.map((f) => f.ruleName), ['default-namespace'], 'only object-level facts the patch itself states');
  });
  it('leaves kustomization.yaml and CRDs alone', () => {
    const k = lint({ path: 'kustomization.yaml', text: 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [deploy.yaml]\npatches:\n  - path: patch.yaml\n' }, { settings: { enabledRules: ['K8S*'] } });
    assert.deepEqual(k.findings, []);
    const crd = lint({ path: 'crd.yaml', text: 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w, namespace: x}\nspec:\n  containers: [{name: c, image: "x:latest", securityContext: {privileged: true}}]\n' }, { settings: { enabledRules: ['K8S*'] } });
    assert.deepEqual(crd.findings, []);
  });
  it('skips Helm templates with one message and no parse errors', () => {
    const res = lint({ path: 'chart/templates/deploy.yaml', text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\n' });
    assert.ok(res.skipped);
    assert.equal(res.problems.length, 1);
  });
});
