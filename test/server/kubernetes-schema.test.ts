/** The committed Kubernetes schema is exactly what the generator makes from the installed kubernetes-types. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { generateKubernetesSchema, KUBERNETES_SCHEMA_FILE } from '../../server/src/yaml/kubernetesSchema';

const repoRoot = join(__dirname, '..', '..');

describe('server/schemas/kubernetes.json', () => {
  const generated = generateKubernetesSchema(dirname(require.resolve('kubernetes-types/package.json')));

  it('is up to date (regenerate: node --import tsx server/src/yaml/kubernetesSchema.ts)', () => {
    const committed: unknown = JSON.parse(readFileSync(join(repoRoot, KUBERNETES_SCHEMA_FILE), 'utf8'));
    assert.deepEqual(committed, generated);
  });

  it('dispatches every pod-template kind on apiVersion and kind', () => {
    const allOf = generated['allOf'] as { if: { properties: { apiVersion: { const: string }; kind: { const: string } } }; then: { $ref: string } }[];
    const has = (apiVersion: string, kind: string): string | undefined => allOf.find((x) => x.if.properties.apiVersion.const === apiVersion && x.if.properties.kind.const === kind)?.then.$ref;
    assert.equal(has('v1', 'Pod'), '#/definitions/core.v1.Pod');
    assert.equal(has('apps/v1', 'Deployment'), '#/definitions/apps.v1.Deployment');
    for (const [v, k] of [['apps/v1', 'StatefulSet'], ['apps/v1', 'DaemonSet'], ['apps/v1', 'ReplicaSet'], ['v1', 'ReplicationController'], ['batch/v1', 'Job'], ['batch/v1', 'CronJob'], ['v1', 'PodTemplate']] as const) {
      assert.ok(has(v, k), `${v} ${k}`);
    }
  });

  it('keeps descriptions, required fields and closed objects', () => {
    const defs = generated['definitions'] as Record<string, { properties: Record<string, { description?: string; type?: string | string[]; items?: unknown }>; required?: string[]; additionalProperties?: boolean }>;
    const container = defs['core.v1.Container'];
    assert.ok(container);
    assert.deepEqual(container.required, ['name']);
    assert.equal(container.additionalProperties, false);
    assert.match(container.properties['imagePullPolicy']?.description ?? '', /Always, Never, IfNotPresent/);
    assert.deepEqual(container.properties['ports']?.items, { $ref: '#/definitions/core.v1.ContainerPort' });
    assert.deepEqual(defs['core.v1.SecurityContext']?.properties['privileged']?.type, ['boolean', 'null'], 'optional fields accept an empty value');
    assert.deepEqual(defs['core.v1.ContainerPort']?.properties['containerPort']?.type, 'number', 'required fields do not');
    const limits = defs['core.v1.ResourceRequirements']?.properties['limits'] as { additionalProperties?: { type?: string[] } } | undefined;
    assert.deepEqual(limits?.additionalProperties?.type, ['string', 'number'], 'quantities are int-or-string (cpu: 1)');
  });
});
