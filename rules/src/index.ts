/** The registry: every rule, in a fixed order (no filesystem globbing at run time). */
import type { AnyRule } from './engine/rule';
import { DOCKERFILE_RULES } from './dockerfile/index';
import { KUBERNETES_RULES } from './kubernetes/index';
import { COMPOSE_RULES } from './compose/index';

export const RULES: readonly AnyRule[] = [...DOCKERFILE_RULES, ...KUBERNETES_RULES, ...COMPOSE_RULES];
