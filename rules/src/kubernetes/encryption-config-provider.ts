import { defineRule } from '../engine/rule';
import { stringItems } from '../model/kubernetes/pod';
import { keyRange, mapGet, mapPairs, nodeRange, seqItems, stringValue } from '../model/yaml/documents';

/** Providers that encrypt with a key that is not stored next to the data in a guessable form (CIS 1.2: aescbc, kms, secretbox). */
const STRONG = new Set(['aescbc', 'kms', 'secretbox']);

/** The provider names of a `providers` list, in order (`- aescbc: {…}` → aescbc). */
function providerNames(providers: unknown): { name: string; node: unknown }[] {
  return seqItems(providers).flatMap((item) => mapPairs(item).slice(0, 1).map((p) => ({ name: stringValue(p.key) ?? '', node: item })));
}

const CONFIG = (providers: string): string => `apiVersion: apiserver.config.k8s.io/v1\nkind: EncryptionConfiguration\nresources:\n  - resources: [secrets]\n    providers:\n${providers}`;

/** Message id → KICS query ids (read by the KICS conformance test); identityFirst is our own check. */
export const KICS_MESSAGES: Record<string, readonly string[]> = { noStrongProvider: ['10efce34-5af6-4d83-b414-9e096d5a06a9'], identityFirst: [] };

export default defineRule({
  id: 'K8S090',
  name: 'encryption-config-provider',
  target: 'kubernetes',
  category: 'secrets',
  severity: 'warning',
  title: 'Encrypt Secrets at rest with aescbc, secretbox or KMS',
  fix: 'none',
  anchors: {
    kics: ['10efce34-5af6-4d83-b414-9e096d5a06a9'],
  },
  messages: {
    noStrongProvider: (resources: string, providers: string) => `Encryption of ${resources} uses no aescbc, secretbox or kms provider (providers: ${providers}).`,
    identityFirst: (resources: string) => `The first provider for ${resources} is identity, so new objects are written to etcd unencrypted; list the encrypting provider first.`,
  },
  docs: {
    summary: 'An `EncryptionConfiguration` (apiserver.config.k8s.io) entry lists no aescbc, secretbox or kms provider, or lists `identity` first.',
    rationale: 'The API server encrypts new objects with the first provider of the list and can read with any of them. With only `identity` (or only `aesgcm`, which needs key rotation every 200,000 writes) Secrets are effectively stored in etcd as plain text or weakly protected; with `identity` first, every newly written Secret is plain text even if an encrypting provider follows. CIS Kubernetes Benchmark 1.2 asks for aescbc, kms or secretbox.',
    remediation: 'Put a kms (v2), secretbox or aescbc provider first in `providers`, keep `identity` last only while migrating, and rewrite existing Secrets afterwards (`kubectl get secrets -A -o json | kubectl replace -f -`).',
    references: ['https://kubernetes.io/docs/tasks/administer-cluster/encrypt-data/'],
    examples: {
      bad: [CONFIG('      - identity: {}\n')],
      good: [CONFIG('      - secretbox:\n          keys: [{name: key1, secret: c2VjcmV0IGlzIHNlY3VyZSBzZWNyZXQgaXMgc2VjdXJl}]\n      - identity: {}\n')],
    },
  },
  hooks: {
    onObject(o, ctx) {
      if (o.kind !== 'EncryptionConfiguration' || !o.apiVersion.startsWith('apiserver.config.k8s.io/')) return;
      for (const entry of seqItems(mapGet(o.node, 'resources'))) {
        const providers = mapGet(entry, 'providers');
        const names = providerNames(providers);
        if (names.length === 0) continue;
        const resources = stringItems(mapGet(entry, 'resources')).map((i) => i.value).join(', ') || 'these resources';
        const at = keyRange(o.file, entry, 'providers') ?? o.headRange;
        if (!names.some((n) => STRONG.has(n.name))) ctx.report({ at, messageId: 'noStrongProvider', args: [resources, names.map((n) => n.name).join(', ')] });
        else if (names[0]?.name === 'identity') ctx.report({ at: nodeRange(o.file, names[0].node) ?? at, messageId: 'identityFirst', args: [resources] });
      }
    },
  },
});
