/**
 * Finds dangerous environment settings (`NODE_TLS_REJECT_UNAUTHORIZED=0`, …) wherever a
 * Dockerfile can set them: ENV, ARG defaults, `NAME=value cmd` prefixes and `export` in RUN.
 */
import type { DockerfileModel, Instruction } from './parse';
import { findAssignments, type Assignment } from './assignments';

/** Assignments to one of `names` whose value satisfies `bad` (keyword-filtered to ENV/ARG/RUN). */
export function badSettings(model: DockerfileModel, instr: Instruction, names: readonly string[], bad: (value: string) => boolean): Assignment[] {
  if (!['ENV', 'ARG', 'RUN'].includes(instr.keyword)) return [];
  return findAssignments(model, instr, names).filter((a) => a.value !== undefined && bad(a.value));
}
