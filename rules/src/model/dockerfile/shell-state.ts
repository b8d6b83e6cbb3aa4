/**
 * The shell each RUN runs under: `/bin/sh -c` unless a SHELL instruction of the stage (or of the
 * stage it is built FROM) changed it. Computed once per model.
 */
import type { DockerfileModel, Instruction } from './parse';

export interface ShellState {
  /** The SHELL argv, e.g. `["/bin/bash", "-o", "pipefail", "-c"]`. */
  argv: string[];
  /** True for POSIX-family shells whose RUN text we can parse (sh, bash, ash, dash, zsh, ksh). */
  posix: boolean;
  /** True when the SHELL options enable `pipefail`. */
  pipefail: boolean;
  /** The SHELL instruction that set this state, if any. */
  setBy: Instruction | undefined;
}

const POSIX = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh', 'busybox']);
export const DEFAULT_SHELL: ShellState = { argv: ['/bin/sh', '-c'], posix: true, pipefail: false, setBy: undefined };

/** Builds the state a SHELL argv describes. */
export function shellStateOf(argv: string[], setBy: Instruction | undefined): ShellState {
  const exe = (argv[0] ?? '').split(/[\\/]/).pop()!.toLowerCase().replace(/\.exe$/, '');
  const pipefail = argv.some((a, i) => a === 'pipefail' && /^-[a-zA-Z]*o$/.test(argv[i - 1] ?? ''));
  return { argv, posix: POSIX.has(exe), pipefail, setBy };
}

function jsonArgv(i: Instruction): string[] | undefined {
  if (!i.json) return undefined;
  return i.json.map((w) => {
    try {
      const v: unknown = JSON.parse(w.value);
      return typeof v === 'string' ? v : w.value;
    } catch {
      return w.value.replace(/^"|"$/g, '');
    }
  });
}

/** The state per instruction index; empty when no SHELL instruction changes the default. */
function compute(model: DockerfileModel): Map<number, ShellState> {
  const byInstr = new Map<number, ShellState>();
  if (!model.instructions.some((i) => i.keyword === 'SHELL' && !i.onbuild)) return byInstr;
  const endOfStage: ShellState[] = [];
  for (const stage of model.stages) {
    let state = stage.fromStage ? (endOfStage[stage.fromStage.index] ?? DEFAULT_SHELL) : DEFAULT_SHELL;
    for (const i of stage.instructions) {
      byInstr.set(i.index, state);
      if (i.keyword === 'SHELL' && !i.onbuild) {
        const argv = jsonArgv(i);
        if (argv && argv.length > 0) state = shellStateOf(argv, i);
      }
    }
    endOfStage[stage.index] = state;
  }
  return byInstr;
}

/** The shell in effect at an instruction. */
export function shellStateAt(model: DockerfileModel, instr: Instruction): ShellState {
  let map = model.cache.get('shell-state') as Map<number, ShellState> | undefined;
  if (!map) {
    map = compute(model);
    model.cache.set('shell-state', map);
  }
  return map.get(instr.index) ?? DEFAULT_SHELL;
}
