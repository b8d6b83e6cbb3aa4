/**
 * The commands of a RUN grouped by name, built once per instruction (in the model's cache). About
 * twenty package-manager rules each look for their own command names in every RUN: with the index
 * a RUN without `apt-get` costs the apt rules one lookup instead of a walk over its commands.
 */
import type { DockerfileModel, Instruction } from './parse';
import { commandsOf, type ShellCommand } from './shell';

const NONE: readonly ShellCommand[] = [];

function indexOf(model: DockerfileModel, instr: Instruction): Map<string, ShellCommand[]> {
  let byInstruction = model.cache.get('command-names') as (Map<string, ShellCommand[]> | undefined)[] | undefined;
  if (!byInstruction) {
    byInstruction = [];
    model.cache.set('command-names', byInstruction);
  }
  let index = byInstruction[instr.index];
  if (index === undefined) {
    index = new Map();
    for (const c of commandsOf(model, instr)) {
      const list = index.get(c.name);
      if (list) list.push(c);
      else index.set(c.name, [c]);
    }
    byInstruction[instr.index] = index;
  }
  return index;
}

/** The commands of a RUN named one of `names`, in the order of `commandsOf`. Shared: never modify it. */
export function commandsNamed(model: DockerfileModel, instr: Instruction, names: readonly string[]): readonly ShellCommand[] {
  if (instr.keyword !== 'RUN') return NONE;
  const index = indexOf(model, instr);
  let found: readonly ShellCommand[] | undefined;
  for (const n of names) {
    const list = index.get(n);
    if (list === undefined) continue;
    // Commands of two of the names: keep their order in the script.
    if (found !== undefined) return commandsOf(model, instr).filter((c) => names.includes(c.name));
    found = list;
  }
  return found ?? NONE;
}
