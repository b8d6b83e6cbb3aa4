/**
 * Conformance with KICS's Kubernetes queries, through our rules' `anchors.kics`: every expected
 * line of a positive fixture must be hit by one of the mapped rules (compared on line, as KICS
 * anchors findings on keys), and negative fixtures must raise nothing from the mapped rules.
 * Deliberate disagreements are listed in ALLOW with the reason and counted.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { lint, type AnyRule } from '../../rules/src/api';
import { KUBERNETES_RULES } from '../../rules/src/kubernetes/index';

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
  'non_kube_system_pod_with_host_mount/negative1.yaml': 'kube-system DaemonSet with hostPath: forbidden by PSS baseline, exempt in KICS',
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
  'tiller_is_deployed/positive.yaml:12': 'same invalid spec.containers entry',
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
};

/**
 * KICS queries we deliberately do not implement, by reason (matched on the query directory).
 * Every query is either covered through `anchors.kics` or listed here; the test fails otherwise.
 */
export const OUT_OF_SCOPE: readonly (readonly [RegExp, string])[] = [
  [/admission_control_plugin|anonymous_auth|audit_log|audit_policy|authorization_mode|auto_tls|basic_auth_file|bind_address|client_certificate|encryption_provider|etcd_|insecure_(bind|port)|kubelet_|not_unique_certificate|peer_auto_tls|profiling_not_set|request_timeout|root_ca_file|rotate_kubelet|secure_port|service_account_(key_file|lookup|private_key)|terminated_pod_garbage|tls_connection|token_auth_file|use_service_account_credentials|weak_tls_cipher/, 'control-plane or kubelet flags / node configuration, not workload manifests'],
  [/^psp_|root_containers_admitted|net_raw_capabilities_disabled_for_psp|not_limited_capabilities_for_pod_security_policy/, 'PodSecurityPolicy was removed in Kubernetes 1.25 (deprecated-api-version reports the object)'],
  [/anti_affinity|disruption_budget|^hpa_|statefulset_|cronjob_deadline|incorrect_volume_claim|metadata_label_is_invalid|service_does_not_target_pod/, 'reliability or hygiene, not security'],
  [/cni_plugin|ensure_administrative_boundaries|using_kubernetes_native_secret_management/, 'not decidable from manifests (cluster setup or organisational advice)'],
  [/service_account_allows_access_secrets|pod_or_container_without_(limit_range|resource_quota)|ingress_controller_exposes_workload/, 'needs cross-file resolution (bindings to roles, namespace policies, ingress to workload); partly covered per file by rbac-secrets-access and namespace-limitrange-quota'],
  [/tiller_deployment_is_accessible/, 'KICS judges the Tiller --listen address; we report every Tiller deployment (tiller-deployed)'],
  [/volume_mount_with_os_directory_write_permissions/, 'container-side mountPath of any volume type; we judge host-side paths (hostpath-writable, hostpath-sensitive)'],
];

function mappedRules(id: string): AnyRule[] {
  return KUBERNETES_RULES.filter((r) => (r.anchors.kics ?? []).includes(id));
}

function linesFor(rules: AnyRule[], file: string): Set<number> {
  const text = readFileSync(file, 'utf8');
  const r = lint({ path: path.basename(file), text }, { rules, settings: { enabledRules: rules.map((x) => x.id) } });
  assert.deepEqual(r.crashedRules, []);
  return new Set(r.findings.map((f) => f.range.start.line + 1));
}

describe('KICS Kubernetes conformance', () => {
  if (!existsSync(path.join(dir, 'index.json'))) {
    it('corpus present', (t) => {
      if (process.env.CI) assert.fail(`missing ${dir}`);
      t.skip(`peer corpus not found at ${dir}`);
    });
    return;
  }
  const queries = (JSON.parse(readFileSync(path.join(dir, 'index.json'), 'utf8')) as { queries: Query[] }).queries;
  const covered = queries.filter((q) => mappedRules(q.id).length > 0);
  let expectedTotal = 0;
  let hit = 0;
  let allowed = 0;
  let negatives = 0;
  let negativesClean = 0;
  for (const q of covered) {
    const rules = mappedRules(q.id);
    describe(`${q.query_dir} → ${rules.map((r) => r.name).join(', ')}`, () => {
      for (const file of q.positives) {
        it(`positive ${file}`, () => {
          const lines = linesFor(rules, path.join(dir, q.query_dir, file));
          const missing: number[] = [];
          for (const e of q.expected.filter((x) => x.file === file)) {
            expectedTotal++;
            if (lines.has(e.line)) hit++;
            else if (ALLOW[`${q.query_dir}/${file}:${e.line}`] !== undefined || ALLOW[`${q.query_dir}/${file}`] !== undefined) allowed++;
            else missing.push(e.line);
          }
          assert.deepEqual(missing, [], `expected lines not reported: ${missing.join(', ')} (we reported ${[...lines].sort((a, b) => a - b).join(', ')})`);
        });
      }
      for (const file of q.negatives) {
        it(`negative ${file}`, () => {
          negatives++;
          const lines = linesFor(rules, path.join(dir, q.query_dir, file));
          if (lines.size === 0) { negativesClean++; return; }
          if (ALLOW[`${q.query_dir}/${file}`] !== undefined) { allowed++; return; }
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
  it('summary', () => {
    const agreement = expectedTotal === 0 ? 0 : hit / expectedTotal;
    console.log(`KICS k8s: ${covered.length}/${queries.length} queries covered; expected lines hit ${hit}/${expectedTotal} (${(agreement * 100).toFixed(1)}%), allow-listed ${allowed} (${Object.keys(ALLOW).length} entries); negatives clean ${negativesClean}/${negatives}`);
    assert.ok(covered.length > 0);
  });
});
