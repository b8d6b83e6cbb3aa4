/**
 * When a container without `image` marks a Kustomize patch: only in files laid out as patches
 * (or when the path is unknown); a complete manifest elsewhere is linted in full.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../../rules/src/api';
import { KUBERNETES_RULES } from '../../../rules/src/kubernetes/index';
import { parseYaml } from '../../../rules/src/model/yaml/documents';
import { isPatchPath, objectsOf, workloadOf } from '../../../rules/src/model/kubernetes/workloads';

const deployment = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          resources:\n            limits: {memory: 512Mi}\n';

describe('isPatchPath', () => {
  it('recognises Kustomize patch layouts', () => {
    for (const p of ['overlays/prod/deployment.yaml', 'k8s/overlay/dev/app.yaml', 'patches/memory.yaml', 'base/memory-patch.yaml', 'app/PATCH.yml', 'base/deploymentPatch.yaml', 'patch_1.yaml', 'components/probes/deploy.yaml', 'deploy/kustomize/app.yaml', 'C:\\repo\\overlays\\prod\\d.yaml', 'file:///home/u/repo/overlays/prod/d.yaml']) {
      assert.equal(isPatchPath(p), true, p);
    }
  });
  it('treats other paths as complete manifests', () => {
    for (const p of ['manifest.yaml', 'k8s/deployment.yaml', 'deploy/app.yaml', 'checks/no-liveness-probe.yml', 'overlays.yaml', 'dispatcher.yaml', '']) {
      assert.equal(isPatchPath(p), false, p);
    }
  });
});

describe('partial workloads', () => {
  it('an image-less container is partial when the path is unknown or a patch path, not otherwise', () => {
    const file = parseYaml(deployment);
    const partial = (path?: string): boolean | undefined => {
      const o = objectsOf(file, path)[0];
      return o && workloadOf(o)?.partial;
    };
    assert.equal(partial(), true);
    assert.equal(partial('overlays/prod/deployment.yaml'), true);
    assert.equal(partial('k8s/deployment.yaml'), false);
  });
  it('a workload without containers stays partial everywhere', () => {
    const file = parseYaml('apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec:\n  template:\n    spec:\n      serviceAccountName: x\n');
    const o = objectsOf(file, 'k8s/deployment.yaml')[0];
    assert.equal(o && workloadOf(o)?.partial, true);
  });
  it('missing-field rules fire on a complete manifest without image, and stay quiet on the same text as a patch', () => {
    const names = ['liveness-probe-missing', 'memory-requests-missing', 'run-as-non-root'];
    const picked = KUBERNETES_RULES.filter((r) => names.includes(r.name));
    assert.equal(picked.length, names.length);
    const rules = { rules: picked, settings: { enabledRules: picked.map((r) => r.id) } };
    const full = lint({ path: 'k8s/deployment.yaml', text: deployment }, rules);
    assert.deepEqual([...new Set(full.findings.map((f) => f.ruleName))].sort(), ['liveness-probe-missing', 'memory-requests-missing', 'run-as-non-root']);
    const patch = lint({ path: 'overlays/prod/deployment.yaml', text: deployment }, rules);
    assert.deepEqual(patch.findings, []);
  });
});
