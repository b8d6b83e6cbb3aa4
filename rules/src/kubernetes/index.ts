/** Kubernetes rules, sorted by id. Add each new rule here exactly once. */
import type { AnyRule } from '../engine/rule';
import privilegedContainer from './privileged-container';

export const KUBERNETES_RULES: readonly AnyRule[] = [privilegedContainer];
