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
}

function unquote(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (v.length >= 2 && ((v[0] === '"' && v.endsWith('"')) || (v[0] === "'" && v.endsWith("'")))) return v.slice(1, -1);
  return v;
}

/** Assignments made by ENV, ARG (defaults) and RUN (prefixes and export). */
export function assignmentsOf(model: DockerfileModel, instr: Instruction): Assignment[] {
  if (instr.keyword === 'ENV' || instr.keyword === 'ARG') {
    return instr.properties.map((p) => ({ name: p.name, value: unquote(p.value), nameRange: p.nameRange, range: p.range }));
  }
  if (instr.keyword !== 'RUN') return [];
  const out: Assignment[] = [];
  for (const c of commandsOf(model, instr)) {
    if (c.wrappers.length > 0 && c.wrappers[c.wrappers.length - 1] !== 'env') continue;
    for (const a of c.assigns) {
      const nameEnd = model.lines.positionAt(a.start + a.name.length);
      out.push({ name: a.name, value: a.value?.value, nameRange: { start: a.range.start, end: nameEnd }, range: a.range });
    }
  }
  return out;
}

/** Names compared case-insensitively, as the tools reading them do for these settings. */
export function findAssignments(model: DockerfileModel, instr: Instruction, names: readonly string[]): Assignment[] {
  const wanted = names.map((n) => n.toUpperCase());
  return assignmentsOf(model, instr).filter((a) => wanted.includes(a.name.toUpperCase()));
}
