/**
 * Variable assignments an instruction makes visible to the build or the container: ENV and ARG
 * properties, and in RUN the `NAME=value cmd` prefixes and `export NAME=value`.
 */
import type { Range } from 'vscode-languageserver-types';
import type { DockerfileModel, Instruction } from './parse';
import { commandsOf } from './shell';

export interface Assignment {
  name: string;
  value: string | undefined;
  nameRange: Range;
  /** Range of the whole `NAME=value` text. */
  range: Range;
  /** The name in upper case (for case-insensitive lookups). */
  upper: string;
}

function unquote(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (v.length >= 2 && ((v[0] === '"' && v.endsWith('"')) || (v[0] === "'" && v.endsWith("'")))) return v.slice(1, -1);
  return v;
}

const NONE: readonly Assignment[] = [];

/**
 * Assignments made by ENV, ARG (defaults) and RUN (prefixes and export). Several rules ask for
 * the same instruction's, so they are computed once per instruction and kept in the model's
 * cache: the array is shared, never modify it.
 */
export function assignmentsOf(model: DockerfileModel, instr: Instruction): readonly Assignment[] {
  if (instr.keyword !== 'ENV' && instr.keyword !== 'ARG' && instr.keyword !== 'RUN') return NONE;
  let byIndex = model.cache.get('assignments') as (readonly Assignment[] | undefined)[] | undefined;
  if (!byIndex) {
    byIndex = [];
    model.cache.set('assignments', byIndex);
  }
  let out = byIndex[instr.index];
  if (out === undefined) {
    out = computeAssignments(model, instr);
    byIndex[instr.index] = out;
  }
  return out;
}

function computeAssignments(model: DockerfileModel, instr: Instruction): readonly Assignment[] {
  if (instr.keyword !== 'RUN') {
    if (instr.properties.length === 0) return NONE;
    return instr.properties.map((p) => ({ name: p.name, value: unquote(p.value), nameRange: p.nameRange, range: p.range, upper: p.name.toUpperCase() }));
  }
  let out: Assignment[] | undefined;
  for (const c of commandsOf(model, instr)) {
    if (c.assigns.length === 0 || (c.wrappers.length > 0 && c.wrappers[c.wrappers.length - 1] !== 'env')) continue;
    for (const a of c.assigns) {
      const nameEnd = model.lines.positionAt(a.start + a.name.length);
      (out ??= []).push({ name: a.name, value: a.value?.value, nameRange: { start: a.range.start, end: nameEnd }, range: a.range, upper: a.name.toUpperCase() });
    }
  }
  return out ?? NONE;
}

/** Names compared case-insensitively, as the tools reading them do for these settings. */
export function findAssignments(model: DockerfileModel, instr: Instruction, names: readonly string[]): Assignment[] {
  const all = assignmentsOf(model, instr);
  if (all.length === 0) return [];
  const wanted = names.map((n) => n.toUpperCase());
  return all.filter((a) => wanted.includes(a.upper));
}
