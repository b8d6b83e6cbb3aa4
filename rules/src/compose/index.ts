/** Compose rules, sorted by id. Add each new rule here exactly once. */
import type { AnyRule } from '../engine/rule';
import privilegedService from './privileged-service';

export const COMPOSE_RULES: readonly AnyRule[] = [privilegedService];
