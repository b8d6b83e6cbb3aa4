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
import cpuRequestsMissing from './cpu-requests-missing';
import memoryRequestsMissing from './memory-requests-missing';

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
  cpuRequestsMissing, // K8S044
  memoryRequestsMissing, // K8S045
];
