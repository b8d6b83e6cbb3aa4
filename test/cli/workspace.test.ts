/**
 * `bulkhead lint` over a directory judges each file in the workspace the linted files form
 * (server/src/cli/workspace-pass.ts): a NetworkPolicy in one file covers a Deployment in
 * another (K8S055), a policy is judged against workloads of other files (K8S056), a file a
 * kustomization lists as a patch is linted as a partial object whatever its path, and all of it
 * equally with worker threads (`--jobs 2`).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parseJson, runCli, tempTree } from './helpers';
import type { JsonReport } from '../../server/src/cli/format-json';
import { deploymentYaml, policyYaml } from '../utils/k8s-network-fixtures';

const DEPLOYMENT = deploymentYaml();
const POLICY = (app: string): string => policyYaml(app, true);
const ENABLE = ['--enable', 'K8S055', '--enable', 'K8S056'];
/** Rules that report a field a complete Deployment lacks (securityContext, resources, probes). */
const MISSING_FIELD = ['K8S003', 'K8S004', 'K8S012', 'K8S013', 'K8S014', 'K8S032', 'K8S046', 'K8S047'];

async function findings(dir: string, extra: readonly string[] = []): Promise<Map<string, string[]>> {
  const r = await runCli(['lint', '.', '--format', 'json', ...ENABLE, ...extra], dir);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  const report = parseJson<JsonReport>(r);
  return new Map(report.files.map((f) => [f.path, f.findings.map((x) => `${x.ruleId} ${x.message}`)]));
}

const of = (m: Map<string, string[]>, file: string, id: string): string[] => (m.get(file) ?? []).filter((s) => s.startsWith(`${id} `));

for (const jobs of [['--jobs', '1'], ['--jobs', '2']]) {
  describe(`bulkhead lint ${jobs.join(' ')}: the workspace of the linted files`, () => {
    it('K8S055: a NetworkPolicy in another file covers the Deployment; without it the Deployment is reported', async () => {
      const dir = tempTree({ 'deployment.yaml': DEPLOYMENT, 'policies/web.yaml': POLICY('web'), 'configmap.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n' });
      const covered = await findings(dir, jobs);
      assert.deepEqual(of(covered, 'deployment.yaml', 'K8S055'), []);
      assert.ok((covered.get('deployment.yaml') ?? []).length > 0, 'other rules still report the Deployment');
      rmSync(path.join(dir, 'policies', 'web.yaml'));
      const bare = await findings(dir, jobs);
      assert.deepEqual(of(bare, 'deployment.yaml', 'K8S055'), ["K8S055 No NetworkPolicy in the workspace selects the pods of Deployment 'web'."]);
    });

    it('K8S056: a policy is judged against the workloads of every linted file', async () => {
      const dir = tempTree({ 'deployment.yaml': DEPLOYMENT, 'policy.yaml': POLICY('api') });
      const before = await findings(dir, jobs);
      assert.deepEqual(of(before, 'policy.yaml', 'K8S056'), ["K8S056 NetworkPolicy 'api' selects none of the pods defined in the workspace."]);
      writeFileSync(path.join(dir, 'api.yaml'), DEPLOYMENT.replace(/web/g, 'api'));
      const after = await findings(dir, jobs);
      assert.deepEqual(of(after, 'policy.yaml', 'K8S056'), []);
    });

    it('a file a kustomization lists as a patch gets no missing-field findings, whatever its path', async () => {
      const dir = tempTree({ 'prod/deployment.yaml': DEPLOYMENT, 'base/deployment.yaml': DEPLOYMENT, 'kustomization.yaml': 'resources: [base/deployment.yaml]\npatchesStrategicMerge:\n  - prod/deployment.yaml\n' });
      const listed = await findings(dir, jobs);
      const base = listed.get('base/deployment.yaml') ?? [];
      for (const id of MISSING_FIELD) assert.ok(base.some((s) => s.startsWith(`${id} `)), `${id} reports the complete manifest`);
      const patch = listed.get('prod/deployment.yaml') ?? [];
      for (const id of [...MISSING_FIELD, 'K8S055']) assert.deepEqual(patch.filter((s) => s.startsWith(`${id} `)), [], `${id} is quiet on the patch`);
      // Unlisted, the same file is linted in full.
      writeFileSync(path.join(dir, 'kustomization.yaml'), 'resources: [base/deployment.yaml]\n');
      const unlisted = await findings(dir, jobs);
      for (const id of MISSING_FIELD) assert.ok((unlisted.get('prod/deployment.yaml') ?? []).some((s) => s.startsWith(`${id} `)), `${id} reports the unlisted file`);
    });
  });
}

describe('bulkhead lint: workspace and output shapes', () => {
  it('the JSON and SARIF of a workspace run have the same top-level shape as before (no new keys)', async () => {
    const dir = tempTree({ 'deployment.yaml': DEPLOYMENT, 'policy.yaml': POLICY('web') });
    const json = parseJson<Record<string, unknown>>(await runCli(['lint', '.', '--format', 'json'], dir));
    assert.deepEqual(Object.keys(json), ['formatVersion', 'tool', 'files', 'skipped', 'errors', 'summary']);
    const sarif = parseJson<{ runs: { results: unknown[] }[] }>(await runCli(['lint', '.', '--format', 'sarif', ...ENABLE], dir));
    assert.equal(sarif.runs.length, 1);
  });

  it('a single named file is its own workspace (the policy beside it is not read)', async () => {
    const dir = tempTree({ 'deployment.yaml': DEPLOYMENT, 'policy.yaml': POLICY('web') });
    const r = await runCli(['lint', 'deployment.yaml', '--format', 'json', ...ENABLE], dir);
    const report = parseJson<JsonReport>(r);
    assert.deepEqual(report.files[0]?.findings.filter((f) => f.ruleId === 'K8S055').map((f) => f.message), ["No NetworkPolicy in the workspace selects the pods of Deployment 'web'."]);
  });
});
