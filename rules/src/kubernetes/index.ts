/** Kubernetes rules, sorted by id. Add each new rule here exactly once. */
import type { AnyRule } from '../engine/rule';
import privilegedContainer from './privileged-container';
import allowPrivilegeEscalationTrue from './allow-privilege-escalation-true';
import allowPrivilegeEscalationUnset from './allow-privilege-escalation-unset';
import runAsNonRoot from './run-as-non-root';
import runAsUid0 from './run-as-uid-0';
import hostNetwork from './host-network';
import hostPid from './host-pid';
import hostIpc from './host-ipc';
import hostpathVolume from './hostpath-volume';
import capabilitiesBeyondDefault from './capabilities-beyond-default';
import capabilitiesDropAll from './capabilities-drop-all';
import readOnlyRootFs from './read-only-root-fs';
import memoryLimitsMissing from './memory-limits-missing';
import cpuLimitsMissing from './cpu-limits-missing';
import imageTagLatest from './image-tag-latest';
import secretLiteralInEnv from './secret-literal-in-env';
import capSysAdmin from './cap-sys-admin';
import capNetRaw from './cap-net-raw';
import capSysModule from './cap-sys-module';
import hostpathSensitive from './hostpath-sensitive';
import hostpathWritable from './hostpath-writable';
import dockerSocketMount from './docker-socket-mount';
import hostPort from './host-port';
import apparmorUnconfined from './apparmor-unconfined';
import selinuxCustomOptions from './selinux-custom-options';
import procMountUnmasked from './proc-mount-unmasked';
import unsafeSysctls from './unsafe-sysctls';
import seccompUnconfined from './seccomp-unconfined';
import windowsHostProcess from './windows-host-process';
import probeHostField from './probe-host-field';
import restrictedVolumeTypes from './restricted-volume-types';
import seccompNotSet from './seccomp-not-set';
import runAsGroup0 from './run-as-group-0';
import securityContextMissing from './security-context-missing';
import runAsHighUid from './run-as-high-uid';
import runAsHighGid from './run-as-high-gid';
import hostUsers from './host-users';
import hostAliases from './host-aliases';
import privilegedPort from './privileged-port';
import sshPort from './ssh-port';
import imageNoDigest from './image-no-digest';
import imagePullPolicy from './image-pull-policy';
import cpuRequestsMissing from './cpu-requests-missing';
import memoryRequestsMissing from './memory-requests-missing';
import livenessProbeMissing from './liveness-probe-missing';
import readinessProbeMissing from './readiness-probe-missing';
import probePortNotExposed from './probe-port-not-exposed';
import automountSaToken from './automount-sa-token';
import defaultServiceAccount from './default-service-account';
import secretInEnvRef from './secret-in-env-ref';
import sensitiveConfigmap from './sensitive-configmap';
import defaultNamespace from './default-namespace';
import kubeSystemNamespace from './kube-system-namespace';
import missingNetworkPolicy from './missing-network-policy';
import danglingNetworkPolicy from './dangling-network-policy';
import serviceNodeport from './service-nodeport';
import serviceLoadbalancer from './service-loadbalancer';
import serviceExternalIps from './service-external-ips';
import ingressNoTls from './ingress-no-tls';
import ingressNginxSnippets from './ingress-nginx-snippets';
import namespaceLimitrangeQuota from './namespace-limitrange-quota';
import rbacWildcard from './rbac-wildcard';
import rbacSecretsAccess from './rbac-secrets-access';
import rbacClusterAdminBinding from './rbac-cluster-admin-binding';
import rbacPodsExecAttach from './rbac-pods-exec-attach';
import rbacCreatePods from './rbac-create-pods';
import rbacEscalateBind from './rbac-escalate-bind';
import rbacImpersonate from './rbac-impersonate';
import rbacNodesProxy from './rbac-nodes-proxy';
import rbacPortForward from './rbac-port-forward';
import rbacWebhookConfig from './rbac-webhook-config';
import rbacCsrApprove from './rbac-csr-approve';
import rbacSystemGroupsBinding from './rbac-system-groups-binding';
import rbacMiscSensitive from './rbac-misc-sensitive';
import rbacBindingSecretsAccess from './rbac-binding-secrets-access';
import rbacBindingCreatePods from './rbac-binding-create-pods';
import sharedServiceAccount from './shared-service-account';
import tillerDeployed from './tiller-deployed';
import dashboardDeployed from './dashboard-deployed';
import gitSyncDangerous from './git-sync-dangerous';
import deprecatedApiVersion from './deprecated-api-version';
import secretStringData from './secret-string-data';
import kubeApiserverFlags from './kube-apiserver-flags';
import kubeControllerManagerFlags from './kube-controller-manager-flags';
import kubeSchedulerFlags from './kube-scheduler-flags';
import etcdFlags from './etcd-flags';
import kubeletFlags from './kubelet-flags';
import kubeletConfig from './kubelet-config';
import etcdSharedCa from './etcd-shared-ca';
import encryptionConfigProvider from './encryption-config-provider';
import cronjobStartingDeadline from './cronjob-starting-deadline';
import hpaFixedReplicas from './hpa-fixed-replicas';
import labelInvalid from './label-invalid';
import podAntiAffinityMissing from './pod-anti-affinity-missing';
import pdbMissing from './pdb-missing';
import serviceSelectsNoPods from './service-selects-no-pods';
import auditPolicyCoverage from './audit-policy-coverage';
import statefulsetServiceHeadless from './statefulset-service-headless';
import imageUntrustedRegistry from './image-untrusted-registry';

export const KUBERNETES_RULES: readonly AnyRule[] = [
  privilegedContainer, // K8S001
  allowPrivilegeEscalationTrue, // K8S002
  allowPrivilegeEscalationUnset, // K8S003
  runAsNonRoot, // K8S004
  runAsUid0, // K8S005
  hostNetwork, // K8S006
  hostPid, // K8S007
  hostIpc, // K8S008
  hostpathVolume, // K8S009
  capabilitiesBeyondDefault, // K8S010
  capabilitiesDropAll, // K8S011
  readOnlyRootFs, // K8S012
  memoryLimitsMissing, // K8S013
  cpuLimitsMissing, // K8S014
  imageTagLatest, // K8S015
  secretLiteralInEnv, // K8S016
  capSysAdmin, // K8S017
  capNetRaw, // K8S018
  capSysModule, // K8S019
  hostpathSensitive, // K8S020
  hostpathWritable, // K8S021
  dockerSocketMount, // K8S022
  hostPort, // K8S023
  apparmorUnconfined, // K8S024
  selinuxCustomOptions, // K8S025
  procMountUnmasked, // K8S026
  unsafeSysctls, // K8S027
  seccompUnconfined, // K8S028
  windowsHostProcess, // K8S029
  probeHostField, // K8S030
  restrictedVolumeTypes, // K8S031
  seccompNotSet, // K8S032
  runAsGroup0, // K8S033
  securityContextMissing, // K8S034
  runAsHighUid, // K8S035
  runAsHighGid, // K8S036
  hostUsers, // K8S037
  hostAliases, // K8S038
  privilegedPort, // K8S039
  sshPort, // K8S040
  imageNoDigest, // K8S041
  imagePullPolicy, // K8S042
  cpuRequestsMissing, // K8S044
  memoryRequestsMissing, // K8S045
  livenessProbeMissing, // K8S046
  readinessProbeMissing, // K8S047
  probePortNotExposed, // K8S048
  automountSaToken, // K8S049
  defaultServiceAccount, // K8S050
  secretInEnvRef, // K8S051
  sensitiveConfigmap, // K8S052
  defaultNamespace, // K8S053
  kubeSystemNamespace, // K8S054
  missingNetworkPolicy, // K8S055
  danglingNetworkPolicy, // K8S056
  serviceNodeport, // K8S057
  serviceLoadbalancer, // K8S058
  serviceExternalIps, // K8S059
  ingressNoTls, // K8S060
  ingressNginxSnippets, // K8S061
  namespaceLimitrangeQuota, // K8S063
  rbacWildcard, // K8S064
  rbacSecretsAccess, // K8S065
  rbacClusterAdminBinding, // K8S066
  rbacPodsExecAttach, // K8S067
  rbacCreatePods, // K8S068
  rbacEscalateBind, // K8S069
  rbacImpersonate, // K8S070
  rbacNodesProxy, // K8S071
  rbacPortForward, // K8S072
  rbacWebhookConfig, // K8S073
  rbacCsrApprove, // K8S074
  rbacSystemGroupsBinding, // K8S075
  rbacMiscSensitive, // K8S076
  sharedServiceAccount, // K8S077
  tillerDeployed, // K8S078
  dashboardDeployed, // K8S079
  gitSyncDangerous, // K8S080
  deprecatedApiVersion, // K8S081
  secretStringData, // K8S082
  kubeApiserverFlags, // K8S083
  kubeControllerManagerFlags, // K8S084
  kubeSchedulerFlags, // K8S085
  etcdFlags, // K8S086
  kubeletFlags, // K8S087
  kubeletConfig, // K8S088
  etcdSharedCa, // K8S089
  encryptionConfigProvider, // K8S090
  cronjobStartingDeadline, // K8S091
  hpaFixedReplicas, // K8S092
  labelInvalid, // K8S093
  podAntiAffinityMissing, // K8S094
  pdbMissing, // K8S095
  serviceSelectsNoPods, // K8S096
  auditPolicyCoverage, // K8S097
  statefulsetServiceHeadless, // K8S098
  imageUntrustedRegistry, // K8S099
  rbacBindingSecretsAccess, // K8S100
  rbacBindingCreatePods, // K8S101
];
