/**
 * Builders for control-plane flag tests: a static Pod whose container runs `words` as an
 * exec-form block-list command (word i is on line 10 + i; the `command:` key is on line 9).
 */
import { pod } from './kinds';

export const COMMAND_LINE = 9;

/** The line of word `i` of the command (0 = the executable). */
export function wordLine(i: number): number {
  return 10 + i;
}

/** A Pod running `words` (one per line) with `image`. */
export function staticPod(words: readonly string[], image = 'registry.k8s.io/kube-apiserver:v1.31.0'): string {
  return pod(`containers:\n  - name: main\n    image: ${image}\n    command:\n${words.map((w) => `      - ${JSON.stringify(w)}\n`).join('')}`);
}

/** `flags` with `--name` replaced by `--name=value` (value undefined: removed; absent: appended). */
export function withFlag(flags: readonly string[], name: string, value: string | undefined): string[] {
  const i = flags.findIndex((f) => f === `--${name}` || f.startsWith(`--${name}=`));
  const out = flags.filter((_, j) => j !== i);
  if (value === undefined) return out;
  out.splice(i < 0 ? out.length : i, 0, `--${name}=${value}`);
  return out;
}

/** Index in `flags` of `--name` (for line numbers), or -1. */
export function flagIndex(flags: readonly string[], name: string): number {
  return flags.findIndex((f) => f === `--${name}` || f.startsWith(`--${name}=`));
}
