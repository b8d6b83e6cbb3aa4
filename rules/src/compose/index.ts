/** Compose rules, sorted by id. Add each new rule here exactly once. */
import type { AnyRule } from '../engine/rule';
import privilegedService from './privileged-service';
import networkModeHost from './network-mode-host';
import dockerSocketVolume from './docker-socket-volume';
import capAddDangerous from './cap-add-dangerous';
import securityOptSeccompUnconfined from './security-opt-seccomp-unconfined';
import securityOptApparmorUnconfined from './security-opt-apparmor-unconfined';
import securityOptLabelDisable from './security-opt-label-disable';
import pidHost from './pid-host';
import ipcHost from './ipc-host';
import usernsHost from './userns-host';
import utsHost from './uts-host';
import cgroupCustom from './cgroup-custom';
import sensitiveHostMount from './sensitive-host-mount';
import bindMountWritable from './bind-mount-writable';
import mountPropagationShared from './mount-propagation-shared';
import sharedVolume from './shared-volume';
import capAddBeyondDefault from './cap-add-beyond-default';
import capDropMissing from './cap-drop-missing';
import noNewPrivileges from './no-new-privileges';
import userRoot from './user-root';
import userUnset from './user-unset';
import readOnlyMissing from './read-only-missing';
import portsAllInterfaces from './ports-all-interfaces';
import privilegedHostPort from './privileged-host-port';
import secretInEnvironment from './secret-in-environment';
import secretInBuildArgs from './secret-in-build-args';
import healthcheckNotSet from './healthcheck-not-set';
import memoryLimitMissing from './memory-limit-missing';
import cpuLimitMissing from './cpu-limit-missing';
import pidsLimitMissing from './pids-limit-missing';
import oomKillDisable from './oom-kill-disable';
import devices from './devices';
import sysctls from './sysctls';
import restartOnFailure5 from './restart-on-failure-5';
import imageLatest from './image-latest';
import imageDigestMissing from './image-digest-missing';
import securityOptSystempathsUnconfined from './security-opt-systempaths-unconfined';
import imageFromUntrustedRegistry from './image-from-untrusted-registry';

export const COMPOSE_RULES: readonly AnyRule[] = [
  privilegedService,
  networkModeHost,
  dockerSocketVolume,
  capAddDangerous,
  securityOptSeccompUnconfined,
  securityOptApparmorUnconfined,
  securityOptLabelDisable,
  pidHost,
  ipcHost,
  usernsHost,
  utsHost,
  cgroupCustom,
  sensitiveHostMount,
  bindMountWritable,
  mountPropagationShared,
  sharedVolume,
  capAddBeyondDefault,
  capDropMissing,
  noNewPrivileges,
  userRoot,
  userUnset,
  readOnlyMissing,
  portsAllInterfaces,
  privilegedHostPort,
  secretInEnvironment,
  secretInBuildArgs,
  healthcheckNotSet,
  memoryLimitMissing,
  cpuLimitMissing,
  pidsLimitMissing,
  oomKillDisable,
  devices,
  sysctls,
  restartOnFailure5,
  imageLatest,
  imageDigestMissing,
  securityOptSystempathsUnconfined,
  imageFromUntrustedRegistry,
];
