/**
 * The workspace index (rules/src/engine/workspace.ts) and the facts it holds
 * (model/kubernetes/workspace-facts.ts), as tables; then lint() with an index: K8S055/K8S056
 * judged across files, kustomization patches linted as partial objects, and the incremental
 * lint equal to a full one when the patch status of a file changes.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lint, type LintOptions } from '../../rules/src/api';
import { LintMemory } from '../../rules/src/engine/incremental';
import { WorkspaceIndex, affectedBy, type WorkspaceChange } from '../../rules/src/engine/workspace';
import { mapGet, parseYaml } from '../../rules/src/model/yaml/documents';
import { objectsOf } from '../../rules/src/model/kubernetes/workloads';
import { factsOf, isKustomizationName, matchesSelector, normalizePath, resolveAgainst, selectorOf, type FileFacts } from '../../rules/src/model/kubernetes/workspace-facts';
import { dedent } from '../utils/dedent';

function factsOfText(path: string, text: string): FileFacts {
  const file = parseYaml(text);
  return factsOf(path, file, objectsOf(file, path));
}

const deployment = (ns?: string, app = 'web'): string => dedent`
  apiVersion: apps/v1
  kind: Deployment
  metadata:
    name: ${app}
  ${ns ? `  namespace: ${ns}` : ''}
  spec:
    template:
      metadata:
        labels: {app: ${app}}
      spec:
        containers:
          - name: ${app}
            image: nginx:1.27
`;
const policy = (selector: string, ns?: string, extra = ''): string => dedent`
  apiVersion: networking.k8s.io/v1
  kind: NetworkPolicy
  metadata:
    name: pol
  ${ns ? `  namespace: ${ns}` : ''}
  spec:
    podSelector: ${selector}
    ${extra}
`;

describe('workspace facts', () => {
  const table: { name: string; path: string; text: string; expect: Partial<FileFacts> }[] = [
    { name: 'deployment: namespace default, pod labels', path: '/r/a.yaml', text: deployment(), expect: { policies: [], workloads: [{ kind: 'Deployment', name: 'web', namespace: 'default', labels: [['app', 'web']] }], patches: [] } },
    { name: 'deployment in a namespace', path: '/r/a.yaml', text: deployment('shop'), expect: { workloads: [{ kind: 'Deployment', name: 'web', namespace: 'shop', labels: [['app', 'web']] }] } },
    { name: 'policy with matchLabels', path: '/r/p.yaml', text: policy('{matchLabels: {app: web}}', 'shop'), expect: { policies: [{ name: 'pol', namespace: 'shop', podSelector: { matchLabels: [['app', 'web']], matchExpressions: [] }, policyTypes: undefined, isolates: true }] } },
    { name: 'policy with empty policyTypes isolates nothing', path: '/r/p.yaml', text: policy('{}', undefined, 'policyTypes: []'), expect: { policies: [{ name: 'pol', namespace: 'default', podSelector: { matchLabels: [], matchExpressions: [] }, policyTypes: [], isolates: false }] } },
    { name: 'policy with a null podSelector selects all', path: '/r/p.yaml', text: policy('', undefined, 'policyTypes: [Ingress]'), expect: { policies: [{ name: 'pol', namespace: 'default', podSelector: 'all', policyTypes: ['Ingress'], isolates: true }] } },
    {
      name: 'kustomization lists patches of all three kinds, resolved against its directory',
      path: '/r/overlays/prod/kustomization.yaml',
      text: dedent`
        resources: [../../base]
        patchesStrategicMerge:
          - deployment.yaml
          - ./sub/../memory.yaml
          - |
            apiVersion: apps/v1
            kind: Deployment
        patches:
          - path: ../../common/probes.yaml
          - patch: |-
              - op: remove
                path: /spec/replicas
        patchesJson6902:
          - target: {kind: Deployment, name: web}
            path: json/replicas.yaml
          - path: https://example.com/remote.yaml
      `,
      expect: { patches: ['/r/common/probes.yaml', '/r/overlays/prod/deployment.yaml', '/r/overlays/prod/json/replicas.yaml', '/r/overlays/prod/memory.yaml'], policies: [], workloads: [] },
    },
    { name: 'a file not named kustomization lists no patches', path: '/r/other.yaml', text: 'patchesStrategicMerge: [a.yaml]\n', expect: { patches: [] } },
    { name: 'Kustomization (no extension) with apiVersion', path: 'C:\\r\\app\\Kustomization', text: 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\npatches:\n  - path: p.yaml\n', expect: { patches: ['C:/r/app/p.yaml'] } },
  ];
  for (const c of table) {
    it(c.name, () => {
      const facts = factsOfText(c.path, c.text);
      for (const [k, v] of Object.entries(c.expect)) assert.deepEqual(facts[k as keyof FileFacts], v, k);
    });
  }

  it('names and paths', () => {
    for (const [p, yes] of [['a/kustomization.yaml', true], ['kustomization.yml', true], ['x\\Kustomization', true], ['kustomization.json', false], ['my-kustomization.yaml', false]] as const) assert.equal(isKustomizationName(p), yes, p);
    for (const [p, n] of [['a/./b/../c.yaml', 'a/c.yaml'], ['C:\\r\\x.yaml', 'C:/r/x.yaml'], ['file:///r/a/../b.yaml', 'file:///r/b.yaml'], ['../x.yaml', '../x.yaml']] as const) assert.equal(normalizePath(p), n, p);
    assert.equal(resolveAgainst('file:///r/k/kustomization.yaml', '../p.yaml'), 'file:///r/p.yaml');
    assert.equal(resolveAgainst('/r/k/kustomization.yaml', '/abs/p.yaml'), '/abs/p.yaml');
  });

  it('selectors as plain data keep the meaning of matchLabels and matchExpressions', () => {
    const sel = (text: string): ReturnType<typeof selectorOf> => selectorOf(mapGet(parseYaml(`s: ${text}\n`).documents[0]?.root, 's'));
    const labels = new Map([['app', 'web'], ['tier', 'front']]);
    const table: [string, boolean][] = [
      ['{}', true],
      ['{matchLabels: {app: web}}', true],
      ['{matchLabels: {app: api}}', false],
      ['{matchExpressions: [{key: tier, operator: In, values: [front, back]}]}', true],
      ['{matchExpressions: [{key: tier, operator: NotIn, values: [front]}]}', false],
      ['{matchExpressions: [{key: zone, operator: Exists}]}', false],
      ['{matchExpressions: [{key: zone, operator: DoesNotExist}]}', true],
      ['just-a-string', false],
    ];
    for (const [text, expected] of table) assert.equal(matchesSelector(sel(text), labels), expected, text);
  });
});

describe('WorkspaceIndex', () => {
  it('add, replace and remove report what changed; an identical update reports nothing', () => {
    const index = new WorkspaceIndex();
    const p = factsOfText('/r/p.yaml', policy('{matchLabels: {app: web}}', 'shop'));
    const steps: { name: string; run: () => unknown; expect: unknown; size: number }[] = [
      { name: 'add a policy', run: () => index.set(p), expect: { path: '/r/p.yaml', policyNamespaces: ['shop'], workloadNamespaces: [], patches: [] }, size: 1 },
      { name: 'same facts again', run: () => index.set(p), expect: undefined, size: 1 },
      { name: 'move it to another namespace', run: () => index.set(factsOfText('/r/p.yaml', policy('{matchLabels: {app: web}}', 'blog'))), expect: { path: '/r/p.yaml', policyNamespaces: ['blog', 'shop'], workloadNamespaces: [], patches: [] }, size: 1 },
      { name: 'add a workload beside it', run: () => index.set(factsOfText('/r/p.yaml', `${policy('{matchLabels: {app: web}}', 'blog')}---\n${deployment('blog')}`)), expect: { path: '/r/p.yaml', policyNamespaces: [], workloadNamespaces: ['blog'], patches: [] }, size: 1 },
      { name: 'add a kustomization', run: () => index.set(factsOfText('/r/kustomization.yaml', 'patchesStrategicMerge: [prod/deployment.yaml]\n')), expect: { path: '/r/kustomization.yaml', policyNamespaces: [], workloadNamespaces: [], patches: ['/r/prod/deployment.yaml'] }, size: 2 },
      { name: 'a file without facts is not held', run: () => index.set({ path: '/r/cm.yaml', policies: [], workloads: [], patches: [] }), expect: undefined, size: 2 },
      { name: 'remove the policy', run: () => index.remove('/r/./p.yaml'), expect: { path: '/r/p.yaml', policyNamespaces: ['blog'], workloadNamespaces: ['blog'], patches: [] }, size: 1 },
      { name: 'remove it again', run: () => index.remove('/r/p.yaml'), expect: undefined, size: 1 },
      { name: 'empty the kustomization', run: () => index.set(factsOfText('/r/kustomization.yaml', 'resources: [a.yaml]\n')), expect: { path: '/r/kustomization.yaml', policyNamespaces: [], workloadNamespaces: [], patches: ['/r/prod/deployment.yaml'] }, size: 0 },
    ];
    for (const s of steps) {
      assert.deepEqual(s.run(), s.expect, s.name);
      assert.equal(index.size, s.size, `${s.name}: size`);
    }
  });

  it('isPatch follows every kustomization listing a file', () => {
    const index = new WorkspaceIndex();
    index.set(factsOfText('/r/a/kustomization.yaml', 'patches: [{path: ../prod/d.yaml}]\n'));
    index.set(factsOfText('/r/b/kustomization.yml', 'patchesStrategicMerge: [../prod/d.yaml]\n'));
    assert.equal(index.isPatch('/r/prod/d.yaml'), true);
    assert.equal(index.isPatch('/r/prod/./d.yaml'), true);
    assert.equal(index.isPatch('/r/prod/other.yaml'), false);
    index.remove('/r/a/kustomization.yaml');
    assert.equal(index.isPatch('/r/prod/d.yaml'), true, 'still listed by b');
    index.remove('/r/b/kustomization.yml');
    assert.equal(index.isPatch('/r/prod/d.yaml'), false);
  });

  it('a view leaves out the linted file and filters by namespace', () => {
    const index = new WorkspaceIndex();
    index.set(factsOfText('/r/p.yaml', `${policy('{}', 'shop')}---\n${deployment('shop', 'api')}`));
    index.set(factsOfText('/r/d.yaml', deployment('shop')));
    assert.deepEqual(index.viewFor('/r/d.yaml').policiesIn('shop').map((p) => p.name), ['pol']);
    assert.deepEqual(index.viewFor('/r/p.yaml').policiesIn('shop'), []);
    assert.deepEqual(index.viewFor('/r/d.yaml').policiesIn('default'), []);
    assert.deepEqual(index.viewFor('/r/p.yaml').workloadsIn('shop').map((w) => w.name), ['web']);
    assert.deepEqual(index.viewFor('/r/x.yaml').workloadsIn('shop').map((w) => w.name).sort(), ['api', 'web']);
  });

  it('affectedBy: workloads where policies changed, policies where workloads changed, files whose patch status changed; only for the facts a file reads', () => {
    const policyChange = { path: '/r/p.yaml', policyNamespaces: ['shop'], workloadNamespaces: [], patches: ['/r/prod/d.yaml'] };
    const workloadChange = { path: '/r/w.yaml', policyNamespaces: [], workloadNamespaces: ['shop'], patches: [] };
    const both = { policies: true, workloads: true };
    const none = { policies: false, workloads: false };
    const table: [string, WorkspaceChange, string, FileFacts | undefined, typeof both, boolean][] = [
      ['workload in the namespace of a changed policy', policyChange, '/r/d.yaml', factsOfText('/r/d.yaml', deployment('shop')), both, true],
      ['the same, K8S055 off', policyChange, '/r/d.yaml', factsOfText('/r/d.yaml', deployment('shop')), { policies: false, workloads: true }, false],
      ['workload in another namespace', policyChange, '/r/e.yaml', factsOfText('/r/e.yaml', deployment('blog')), both, false],
      ['policy where only policies changed', policyChange, '/r/q.yaml', factsOfText('/r/q.yaml', policy('{}', 'shop')), both, false],
      ['policy where workloads changed', workloadChange, '/r/q.yaml', factsOfText('/r/q.yaml', policy('{}', 'shop')), both, true],
      ['the same, K8S056 off', workloadChange, '/r/q.yaml', factsOfText('/r/q.yaml', policy('{}', 'shop')), { policies: true, workloads: false }, false],
      ['workload where workloads changed', workloadChange, '/r/d.yaml', factsOfText('/r/d.yaml', deployment('shop')), both, false],
      ['a file whose patch status changed, whatever it reads', policyChange, '/r/prod/d.yaml', undefined, none, true],
      ['the changed file itself', policyChange, '/r/p.yaml', factsOfText('/r/p.yaml', deployment('shop')), both, false],
      ['a file without facts', policyChange, '/r/none.yaml', undefined, both, false],
    ];
    for (const [name, change, path, facts, reads, expected] of table) assert.equal(affectedBy(change, path, facts, reads), expected, name);
  });
});

describe('lint() with a workspace index', () => {
  const enabled: LintOptions = { settings: { enabledRules: ['K8S055', 'K8S056'] } };
  const ids = (text: string, path: string, options: LintOptions): string[] => lint({ path, text }, { ...enabled, ...options }).findings.map((f) => `${f.ruleId} ${f.message}`);

  it('K8S055: a policy in another file of the namespace covers the workload; the message names the workspace', () => {
    const index = new WorkspaceIndex();
    assert.deepEqual(ids(deployment('shop'), '/r/d.yaml', {}).filter((m) => m.startsWith('K8S055')), ["K8S055 No NetworkPolicy in this file selects the pods of Deployment 'web'."]);
    assert.deepEqual(ids(deployment('shop'), '/r/d.yaml', { workspace: index }).filter((m) => m.startsWith('K8S055')), ["K8S055 No NetworkPolicy in the workspace selects the pods of Deployment 'web'."]);
    index.set(factsOfText('/r/p.yaml', policy('{matchLabels: {app: web}}', 'shop')));
    assert.deepEqual(ids(deployment('shop'), '/r/d.yaml', { workspace: index }).filter((m) => m.startsWith('K8S055')), []);
    // Same labels, other namespace: not covered.
    assert.equal(ids(deployment('blog'), '/r/d.yaml', { workspace: index }).filter((m) => m.startsWith('K8S055')).length, 1);
    index.set(factsOfText('/r/p.yaml', policy('{matchLabels: {app: web}}', 'shop', 'policyTypes: []')));
    assert.equal(ids(deployment('shop'), '/r/d.yaml', { workspace: index }).filter((m) => m.startsWith('K8S055')).length, 1, 'an empty policyTypes list isolates nothing');
  });

  it('K8S056: a policy is judged against the workloads of every file of its namespace', () => {
    const index = new WorkspaceIndex();
    const pol = policy('{matchLabels: {app: web}}', 'shop');
    assert.deepEqual(ids(pol, '/r/p.yaml', { workspace: index }).filter((m) => m.startsWith('K8S056')), [], 'no workloads known: not judged');
    index.set(factsOfText('/r/api.yaml', deployment('shop', 'api')));
    assert.deepEqual(ids(pol, '/r/p.yaml', { workspace: index }).filter((m) => m.startsWith('K8S056')), ["K8S056 NetworkPolicy 'pol' selects none of the pods defined in the workspace."]);
    index.set(factsOfText('/r/web.yaml', deployment('shop', 'web')));
    assert.deepEqual(ids(pol, '/r/p.yaml', { workspace: index }).filter((m) => m.startsWith('K8S056')), []);
  });

  it('onFacts hands out the facts of the linted manifest', () => {
    const seen: FileFacts[] = [];
    lint({ path: '/r/d.yaml', text: deployment('shop') }, { onFacts: (f) => seen.push(f) });
    assert.deepEqual(seen, [factsOfText('/r/d.yaml', deployment('shop'))]);
  });

  it('a file listed as a patch gets no missing-field findings, whatever its path', () => {
    const text = deployment();
    const index = new WorkspaceIndex();
    const plain = lint({ path: '/r/prod/deployment.yaml', text }, { workspace: index }).findings.map((f) => f.ruleId);
    // Missing-field rules that report the complete manifest (securityContext, resources, probes).
    const missing = ['K8S003', 'K8S004', 'K8S012', 'K8S013', 'K8S014', 'K8S032', 'K8S046', 'K8S047'];
    for (const id of missing) assert.ok(plain.includes(id), `${id} reports the manifest before it is listed as a patch`);
    index.set(factsOfText('/r/kustomization.yaml', 'patchesStrategicMerge: [prod/deployment.yaml]\n'));
    const patched = lint({ path: '/r/prod/deployment.yaml', text }, { workspace: index }).findings.map((f) => f.ruleId);
    for (const id of missing) assert.ok(!patched.includes(id), `${id} is quiet on a listed patch`);
    // A value that is set and wrong is still reported in a patch.
    const privileged = text.replace('image: nginx:1.27\n', 'image: nginx:1.27\n          securityContext: {privileged: true}\n');
    assert.ok(lint({ path: '/r/prod/deployment.yaml', text: privileged }, { workspace: index }).findings.some((f) => f.ruleId === 'K8S001'));
  });

  it('the incremental lint follows a change of patch status (same findings as a full lint)', () => {
    const memory = new LintMemory();
    const index = new WorkspaceIndex();
    const path = '/r/prod/deployment.yaml';
    const big = Array.from({ length: 40 }, (_, i) => deployment(undefined, `app${i}`)).join('---\n');
    const full = (): string[] => lint({ path, text: big }, { workspace: index }).findings.map((f) => `${f.ruleId}@${f.range.start.line}`);
    const incremental = (): string[] => lint({ path, text: big }, { workspace: index, memory }).findings.map((f) => `${f.ruleId}@${f.range.start.line}`);
    const before = incremental();
    assert.deepEqual(before, full());
    index.set(factsOfText('/r/kustomization.yaml', 'patchesStrategicMerge: [prod/deployment.yaml]\n'));
    const after = incremental();
    assert.deepEqual(after, full());
    assert.ok(after.length < before.length, 'the patch status changed the findings');
    index.remove('/r/kustomization.yaml');
    assert.deepEqual(incremental(), before);
  });
});
