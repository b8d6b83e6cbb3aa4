/** Dockerfile rules, sorted by id. Add each new rule here exactly once. */
import type { AnyRule } from '../engine/rule';
import latestTag from './latest-tag';

export const DOCKERFILE_RULES: readonly AnyRule[] = [latestTag];
