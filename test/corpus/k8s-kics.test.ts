/**
 * Conformance with KICS's Kubernetes queries, through our rules' `anchors.kics`: every expected
 * line of a positive fixture must be hit by one of the mapped rules (compared on line, as KICS
 * anchors findings on keys), and negative fixtures must raise nothing from the mapped rules.
 * Deliberate disagreements are listed in ALLOW with the reason and counted.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lint, type AnyRule } from '../../rules/src/api';
import { parseYaml, keyRange, mapGet, nodeRange } from '../../rules/src/model/yaml/documents';
import { objectsOf, workloadOf } from '../../rules/src/model/kubernetes/workloads';
import { KUBERNETES_RULES } from '../../rules/src/kubernetes/index';
import { KICS_MESSAGES as apiserverMessages } from '../../rules/src/kubernetes/kube-apiserver-flags';
import { KICS_MESSAGES as controllerManagerMessages } from '../../rules/src/kubernetes/kube-controller-manager-flags';
import { KICS_MESSAGES as schedulerMessages } from '../../rules/src/kubernetes/kube-scheduler-flags';
import { KICS_MESSAGES as etcdMessages } from '../../rules/src/kubernetes/etcd-flags';
import { KICS_MESSAGES as kubeletMessages } from '../../rules/src/kubernetes/kubelet-flags';
import { KICS_MESSAGES as kubeletConfigMessages } from '../../rules/src/kubernetes/kubelet-config';
import { KICS_MESSAGES as encryptionMessages } from '../../rules/src/kubernetes/encryption-config-provider';
import { corpusMissing } from '../utils/corpus';

const repoRoot = path.resolve(__dirname, '..', '..');
const dir = path.join(repoRoot, '..', 'shared', 'corpus', 'kics-k8s');

interface Query { query_dir: string; id: string; positives: string[]; negatives: string[]; expected: { file: string; line: number }[] }

/**
 * Known disagreements: `query/file` (whole file) or `query/file:line` (one expected line).
 * Each says why we deliberately differ from KICS.
 */
export const ALLOW: Readonly<Record<string, string>> = {
  // PodSecurityPolicy (policy/v1beta1) was removed in Kubernetes 1.25; we do not port PSP checks (deprecated-api-version covers the object).
  'cluster_allows_unsafe_sysctls/positive1.yaml:24': 'PSP allowedUnsafeSysctls: PodSecurityPolicy is not linted',
  'container_runs_unmasked/positive.yaml': 'PSP allowedProcMountTypes: PodSecurityPolicy is not linted',
  // KICS treats a positive runAsUser as enough; PSS restricted requires runAsNonRoot: true and forbids pod-level runAsUser 0 even when containers override it.
  'containers_running_as_root/negative2.yaml': 'container runAsNonRoot: false violates PSS restricted although runAsUser is 1000',
  'containers_running_as_root/negative3.yaml': 'pod-level runAsUser: 0 violates PSS restricted (runAsUser) although the container overrides it',
  'containers_running_as_root/positive1.yaml:38': 'KICS also reports the pod-level runAsUser 1000 when a container overrides it with 0; we report the container value (line 44) once',
  // KICS requires an AppArmor annotation for every container; PSS baseline only forbids overriding the profile to something other than runtime/default or localhost/*.
  'missing_app_armor_config/positive.yaml': 'different question: KICS wants an annotation per container; we report the invalid profile values themselves (lines 6, 7, 37)',
  // PSS forbids hostPath everywhere; KICS exempts kube-system.
  'non_kube_system_pod_with_host_mount/negative.yaml': 'kube-system DaemonSet with hostPath: forbidden by PSS baseline, exempt in KICS',
  'seccomp_profile_is_not_configured/negative1.yaml': 'defaultProfileName is a PodSecurityPolicy annotation, meaningless on a Pod; the pod has no seccomp profile',
  // KICS anchors the restricted seccomp finding on an unrelated legacy annotation; we report each container without a profile.
  'seccomp_profile_is_not_configured/positive1.yaml:26': 'KICS anchors on the defaultProfileName annotation; we report the container (line 29)',
  'seccomp_profile_is_not_configured/positive1.yaml:43': 'KICS anchors on the template annotation; we report the container (line 46)',
  'image_without_digest/positive.yaml:8': 'image is an unresolved $VARIABLE (substituted by tooling); we do not judge unresolved references',
  'secrets_as_environment_variables/positive.yaml:30': 'KICS anchors on envFrom; we report the secretRef entry (line 31)',
  'service_account_name_undefined_or_empty/positive.yaml:28': 'KICS anchors on the pod spec; we report the empty serviceAccountName key (line 35)',
  // RBAC matches '*' only as a whole value; KICS also treats 'c*e' and 'p*ds' as globs.
  'permissive_access_to_create_pods/positive1.yaml:48': "verb 'c*e' is a literal string in RBAC and grants nothing",
  'permissive_access_to_create_pods/positive1.yaml:60': "resource 'p*ds' is a literal string in RBAC and grants nothing",
  // KICS reports Tiller containers placed directly under a Deployment's spec (not a pod template, ignored by Kubernetes).
  'tiller_is_deployed/positive.yaml:10': 'spec.containers of a Deployment is not a pod template; only the template container (line 24) runs',
  // KICS anchors on metadata; we report the Tiller image (line 24).
  'tiller_is_deployed/positive.yaml:8': 'we report the container image (line 24)',
  'tiller_is_deployed/positive.yaml:15': 'we report the container image (line 24)',
  'tiller_is_deployed/positive.yaml:20': 'we report the container image (line 24)',
  'tiller_service_is_not_deleted/positive.yaml:12': 'KICS also reports the selector; we report the Service once, on its name (line 4)',
  'network_policy_is_not_targeting_any_pod/positive.yaml:22': 'KICS anchors on the label; we report the podSelector key (line 20)',
  'pod_misconfigured_network_policy/negative2.yaml': 'NetworkPolicies are namespaced: the policy in negative2-othernamespace does not select the pod in negative2-namespace',
  // KICS anchors on the `ports` key; we report the offending `hostPort` entry itself.
  'workload_host_port_not_specified/positive.yaml:9': 'we report hostPort on line 12',
  'workload_host_port_not_specified/positive.yaml:24': 'we report hostPort on line 27',
  'statefulset_without_pod_disruption_budget/negative.yaml': 'the budget selects app=nginx33 AND run=test; KICS counts one shared label (run: test) as a match, but the StatefulSet pods (app=nginx123) are not selected',
  'service_does_not_target_pod/positive2.yaml:12': 'numeric targetPort 9377 that no container declares: containerPort is informational and traffic reaches an undeclared port; we judge only named target ports',
  'audit_policy_not_cover_key_security_concerns/positive2.yaml': 'KICS anchors all 7 findings on `rules`; we report the level of the rule that decides (RequestResponse on line 5 for secrets/configmaps/tokenreviews, None on line 13 for exec/port-forward/proxy)',
  // Control-plane flags (kube-apiserver-flags, kubelet-flags, kubelet-config).
  'audit_policy_file_not_defined/positive2.yaml': '--audit-policy-file is set; KICS also requires the named file to be among the scanned files, a host path we cannot see',
  'client_certificate_authentication_not_setup_properly/positive1.yaml': 'kubelet --client-ca-file=/var/lib/ca.txt: KICS wants a .pem/.crt file name; the name says nothing about the content',
  'client_certificate_authentication_not_setup_properly/positive2.yaml': 'kube-apiserver --client-ca-file=/var/lib/ca.txt: same file-name heuristic',
  'client_certificate_authentication_not_setup_properly/positive4.yaml': 'KubeletConfiguration clientCAFile ca.txt: same file-name heuristic',
  'insecure_port_not_properly_set/positive2.yaml': '--insecure-port absent: it defaults to 0 since 1.20 and was removed in 1.24 (setting it stops current API servers); we report only a non-zero value',
  'rotate_kubelet_server_certificate_not_active/positive1.yaml:8': 'KICS anchors on featureGates; we report the RotateKubeletServerCertificate gate (line 9)',
  'rotate_kubelet_server_certificate_not_active/positive3.json:8': 'KICS anchors on featureGates; we report the RotateKubeletServerCertificate gate (line 9)',
};

/**
 * KICS queries we deliberately do not implement, by reason (matched on the query directory).
 * Every query is either covered through `anchors.kics` or listed here; the test fails otherwise.
 */
export const OUT_OF_SCOPE: readonly (readonly [RegExp, string])[] = [
  [/^psp_|root_containers_admitted|net_raw_capabilities_disabled_for_psp|not_limited_capabilities_for_pod_security_policy/, 'PodSecurityPolicy was removed in Kubernetes 1.25 (deprecated-api-version reports the object)'],
  [/pod_security_policy_admission_control_plugin|security_context_deny_admission_control_plugin/, 'asks to enable admission plugins that were removed (PodSecurityPolicy in 1.25, SecurityContextDeny in 1.30): an API server given them does not start'],
  [/hpa_targets_invalid_object/, 'an Object metric without describedObject.name is a schema error the API server rejects (schema validation, not a lint rule)'],
  [/statefulset_requests_storage|incorrect_volume_claim/, 'not a fault: a StatefulSet requesting storage is informational, and Kubernetes does not require exactly one ReadWriteOnce claim template'],
  [/cni_plugin|ensure_administrative_boundaries|using_kubernetes_native_secret_management/, 'not decidable from manifests (cluster setup or organisational advice)'],
  [/service_account_allows_access_secrets|pod_or_container_without_(limit_range|resource_quota)|ingress_controller_exposes_workload/, 'needs cross-file resolution (bindings to roles, namespace policies, ingress to workload); partly covered per file by rbac-secrets-access and namespace-limitrange-quota'],
  [/tiller_deployment_is_accessible/, 'KICS judges the Tiller --listen address; we report every Tiller deployment (tiller-deployed)'],
  [/volume_mount_with_os_directory_write_permissions/, 'container-side mountPath of any volume type; we judge host-side paths (hostpath-writable, hostpath-sensitive)'],
];

/**
 * Table-driven rules (one message per row, e.g. one per kube-apiserver flag) answer many KICS
 * queries; for those, only the findings whose message answers the query being measured count.
 */
const MESSAGE_KICS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  K8S083: apiserverMessages,
  K8S084: controllerManagerMessages,
  K8S085: schedulerMessages,
  K8S086: etcdMessages,
  K8S087: kubeletMessages,
  K8S088: kubeletConfigMessages,
  K8S090: encryptionMessages,
};

function mappedRules(id: string): AnyRule[] {
  return KUBERNETES_RULES.filter((r) => (r.anchors.kics ?? []).includes(id));
}

function answers(queryId: string, f: { ruleId: string; messageId: string }): boolean {
  const byMessage = MESSAGE_KICS[f.ruleId];
  return byMessage === undefined || (byMessage[f.messageId] ?? []).includes(queryId);
}

/**
 * KICS reports every control-plane flag finding on the container's `command` key, also when the
 * flag sits in `args` (or further down a block list); we report a flag that is present on the flag
 * itself. For each container: the line of its `command` key and the lines its command and args span.
 */
function commandSpans(text: string): { commandLine: number; from: number; to: number }[] {
  const file = parseYaml(text);
  const out: { commandLine: number; from: number; to: number }[] = [];
  for (const o of objectsOf(file)) {
    for (const c of workloadOf(o)?.containers ?? []) {
      const key = keyRange(file, c.node, 'command');
      const ranges = [nodeRange(file, mapGet(c.node, 'command')), nodeRange(file, mapGet(c.node, 'args'))].filter((r) => r !== undefined);
      if (!key || ranges.length === 0) continue;
      out.push({ commandLine: key.start.line + 1, from: Math.min(...ranges.map((r) => r.start.line + 1)), to: Math.max(...ranges.map((r) => r.end.line + 1)) });
    }
  }
  return out;
}

/** True when KICS's line is a `command` key and we report the same query on a flag of that container's command or args. */
function sameFlagOtherLine(file: string, line: number, ours: Set<number>): boolean {
  return commandSpans(readFileSync(file, 'utf8')).some((s) => s.commandLine === line && [...ours].some((l) => l > line && l >= s.from && l <= s.to));
}

function linesFor(queryId: string, rules: AnyRule[], file: string): Set<number> {
  const text = readFileSync(file, 'utf8');
  const r = lint({ path: path.basename(file), text }, { rules, settings: { enabledRules: rules.map((x) => x.id) } });
  assert.deepEqual(r.crashedRules, []);
  return new Set(r.findings.filter((f) => answers(queryId, f)).map((f) => f.range.start.line + 1));
}

describe('KICS Kubernetes conformance', () => {
  if (corpusMissing(path.join(dir, 'index.json'), 'peer corpus', dir)) return;
  const queries = (JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8')) as { queries: Query[] }).queries;
  const covered = queries.filter((q) => mappedRules(q.id).length > 0);
  let expectedTotal = 0;
  let hit = 0;
  let allowed = 0;
  let flagAnchored = 0;
  let negatives = 0;
  let negativesClean = 0;
  /** Allow-list keys that a disagreement actually needed (the rest are stale and fail the suite). */
  const needed = new Set<string>();
  for (const q of covered) {
    const rules = mappedRules(q.id);
    describe(`${q.query_dir} → ${rules.map((r) => r.name).join(', ')}`, () => {
      for (const file of q.positives) {
        it(`positive ${file}`, () => {
          const lines = linesFor(q.id, rules, path.join(dir, q.query_dir, file));
          const missing: number[] = [];
          for (const e of q.expected.filter((x) => x.file === file)) {
            expectedTotal++;
            if (lines.has(e.line)) hit++;
            else if (sameFlagOtherLine(path.join(dir, q.query_dir, file), e.line, lines)) flagAnchored++;
            else {
              const key = [`${q.query_dir}/${file}:${e.line}`, `${q.query_dir}/${file}`].find((k) => ALLOW[k] !== undefined);
              if (key === undefined) missing.push(e.line);
              else { allowed++; needed.add(key); }
            }
          }
          assert.deepEqual(missing, [], `expected lines not reported: ${missing.join(', ')} (we reported ${[...lines].sort((a, b) => a - b).join(', ')})`);
        });
      }
      for (const file of q.negatives) {
        it(`negative ${file}`, () => {
          negatives++;
          const lines = linesFor(q.id, rules, path.join(dir, q.query_dir, file));
          if (lines.size === 0) { negativesClean++; return; }
          if (ALLOW[`${q.query_dir}/${file}`] !== undefined) { allowed++; needed.add(`${q.query_dir}/${file}`); return; }
          assert.deepEqual([...lines], [], 'negative fixture raised findings');
        });
      }
    });
  }
  it('every query is covered or explained as out of scope', () => {
    const unexplained = queries.filter((q) => mappedRules(q.id).length === 0 && !OUT_OF_SCOPE.some(([re]) => re.test(q.query_dir))).map((q) => q.query_dir);
    assert.deepEqual(unexplained, []);
    const outOfScope = queries.filter((q) => mappedRules(q.id).length === 0).length;
    console.log(`KICS k8s: ${covered.length} covered + ${outOfScope} out of scope = ${covered.length + outOfScope}/${queries.length}`);
  });
  it('every allow-list entry is still needed (no stale or misspelt entries)', () => {
    assert.deepEqual(Object.keys(ALLOW).filter((k) => !needed.has(k)), []);
  });
  it('summary', () => {
    const agreement = expectedTotal === 0 ? 0 : hit / expectedTotal;
    console.log(`KICS k8s: ${covered.length}/${queries.length} queries covered; expected lines hit ${hit}/${expectedTotal} (${(agreement * 100).toFixed(1)}%), same flag reported on its own line instead of \`command\` ${flagAnchored}, allow-listed ${allowed} (${Object.keys(ALLOW).length} entries); negatives clean ${negativesClean}/${negatives}`);
    assert.ok(covered.length > 0);
  });
});
