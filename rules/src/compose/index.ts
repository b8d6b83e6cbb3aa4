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
];
