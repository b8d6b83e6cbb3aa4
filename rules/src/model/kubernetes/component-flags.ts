/**
 * Control-plane and node components run from manifests (static pods such as kubeadm's
 * /etc/kubernetes/manifests/kube-apiserver.yaml): which component a container runs, the
 * `--flags` of its exec-form `command` + `args`, and a small table format for flag checks that
 * the per-component rules share. Shell-form commands (`sh -c "…"`) are not parsed.
 */
import type { Range } from 'vscode-languageserver-types';
import { keyRange, mapGet, nodeRange, seqItems, stringValue } from '../yaml/documents';
import type { Container } from './workloads';

export type Component = 'kube-apiserver' | 'kube-controller-manager' | 'kube-scheduler' | 'etcd' | 'kubelet';

/** One `--name=value` (or `--name value`, or bare boolean `--name`) on the command line. */
export interface FlagUse {
  value: string;
  /** The sequence item holding the flag. */
  node: unknown;
}

/** A container that runs a component, with its flags (the last occurrence of a flag wins). */
export interface Invocation {
  component: Component;
  container: Container;
  flags: ReadonlyMap<string, FlagUse>;
  /** Where to report a missing flag: the `command` key, else `args`, else the container. */
  anchor: Range;
}

const HYPERKUBE: Readonly<Record<string, Component>> = {
  apiserver: 'kube-apiserver', 'kube-apiserver': 'kube-apiserver',
  'controller-manager': 'kube-controller-manager', 'kube-controller-manager': 'kube-controller-manager',
  scheduler: 'kube-scheduler', 'kube-scheduler': 'kube-scheduler', kubelet: 'kubelet',
};

function baseName(p: string): string {
  return p.split('/').pop() ?? p;
}

/** The component named by an executable path, an image repository (`…/kube-apiserver-amd64:v1`) or a hyperkube sub-command. */
function componentOf(word: string): Component | undefined {
  const name = baseName(word).replace(/[:@].*$/, '').replace(/-(amd64|arm64|arm|ppc64le|s390x)$/, '');
  return name === 'etcd' || name === 'kubelet' || name === 'kube-apiserver' || name === 'kube-controller-manager' || name === 'kube-scheduler' ? name : undefined;
}

/** The components normalise `_` to `-` in flag names (`--anonymous_auth` is `--anonymous-auth`). */
function flagName(raw: string): string {
  return raw.replace(/_/g, '-');
}

/** Parses the `--flags` of a list of command-line words; words that are not flags (or their values) are skipped. */
function parseFlags(words: { text: string; node: unknown }[]): Map<string, FlagUse> {
  const flags = new Map<string, FlagUse>();
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (!w || !w.text.startsWith('--') || w.text.length < 3) continue;
    const eq = w.text.indexOf('=');
    if (eq > 2) {
      flags.set(flagName(w.text.slice(2, eq)), { value: w.text.slice(eq + 1), node: w.node });
      continue;
    }
    const next = words[i + 1];
    const separate = next !== undefined && next.text !== '' && !next.text.startsWith('-');
    flags.set(flagName(w.text.slice(2)), { value: separate ? next.text : 'true', node: w.node });
    if (separate) i++;
  }
  return flags;
}

/**
 * The component a container runs and its flags: `command[0]` decides (a hyperkube binary uses its
 * sub-command); without a `command`, the image's repository name does (the image's entrypoint).
 */
export function invocationOf(c: Container): Invocation | undefined {
  const commandItems = seqItems(mapGet(c.node, 'command'));
  const first = stringValue(commandItems[0]);
  const hyper = first !== undefined && baseName(first) === 'hyperkube' ? HYPERKUBE[stringValue(commandItems[1]) ?? ''] : undefined;
  const component = first !== undefined ? hyper ?? componentOf(first) : c.image === undefined ? undefined : componentOf(c.image);
  if (!component) return undefined;
  const words = (items: unknown[]): { text: string; node: unknown }[] => items.map((node) => ({ text: stringValue(node) ?? '', node }));
  const rest = [...words(commandItems.slice(first === undefined ? 0 : hyper ? 2 : 1)), ...words(seqItems(mapGet(c.node, 'args')))];
  const file = c.workload.object.file;
  const anchor = keyRange(file, c.node, 'command') ?? keyRange(file, c.node, 'args') ?? c.range;
  return { component, container: c, flags: parseFlags(rest), anchor };
}

/** Go's strconv.ParseBool, which the components use for boolean flags. */
export function parseBool(v: string): boolean | undefined {
  if (['1', 't', 'T', 'true', 'TRUE', 'True'].includes(v)) return true;
  if (['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(v)) return false;
  return undefined;
}

/** A comma-separated flag value as a list (`--enable-admission-plugins=A,B`). */
export function listOf(v: string | undefined): string[] {
  return (v ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
}

/** Seconds of a Go duration (`1h2m3s`, `300s`, `0`), or undefined when it does not parse. */
export function durationSeconds(v: string): number | undefined {
  if (/^\d+$/.test(v)) return Number(v);
  const re = /(\d+(?:\.\d+)?)(h|ms|m|s|us|µs|ns)/gy;
  const unit: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 1e-3, us: 1e-6, µs: 1e-6, ns: 1e-9 };
  let total = 0;
  let pos = 0;
  for (let m = re.exec(v); m; m = re.exec(v)) {
    total += Number(m[1]) * (unit[m[2] ?? 's'] ?? 1);
    pos = re.lastIndex;
  }
  return pos === v.length && v.length > 0 ? total : undefined;
}

/**
 * One row of a component's flag table. `judge` receives the flag's value (undefined when the flag is
 * absent) and returns what is wrong, or undefined when the value is acceptable. `id` is the message id.
 */
export interface FlagCheck {
  id: string;
  flag: string;
  /** KICS queries this row answers (the conformance test measures each query on its row only). */
  kics: readonly string[];
  judge: (value: string | undefined, inv: Invocation) => string | undefined;
}

/** A finding of a flag table: the check, the problem text and where to report it. */
export interface FlagProblem {
  check: FlagCheck;
  problem: string;
  range: Range;
}

/** Runs a component's table over one invocation: present flags are reported on their own item, missing ones on `command`. */
export function runFlagChecks(inv: Invocation, checks: readonly FlagCheck[]): FlagProblem[] {
  const file = inv.container.workload.object.file;
  const out: FlagProblem[] = [];
  for (const check of checks) {
    const use = inv.flags.get(check.flag);
    const problem = check.judge(use?.value, inv);
    if (problem === undefined) continue;
    out.push({ check, problem, range: (use && nodeRange(file, use.node)) ?? inv.anchor });
  }
  return out;
}

/** The message table of a flag rule: one message per row, each naming the component and the problem. */
export function flagMessages(checks: readonly FlagCheck[]): Record<string, (component: string, problem: string) => string> {
  return Object.fromEntries(checks.map((c) => [c.id, (component: string, problem: string) => `${component}: ${problem}`]));
}

/** Message id → KICS query ids, for the conformance test. */
export function kicsByMessage(checks: readonly FlagCheck[]): Record<string, readonly string[]> {
  return Object.fromEntries(checks.map((c) => [c.id, c.kics]));
}

/** Row builders for the common shapes. */
export const flagRule = {
  /** A boolean flag that must have the value `want`; `defaultValue` is what an absent flag means (undefined: absent is fine). */
  bool(id: string, flag: string, want: boolean, kics: readonly string[], defaultValue?: boolean): FlagCheck {
    return {
      id, flag, kics,
      judge: (v) => {
        const actual = v === undefined ? defaultValue : parseBool(v);
        if (actual === undefined || actual === want) return undefined;
        return v === undefined ? `--${flag} is not set and defaults to ${String(actual)}; set --${flag}=${String(want)}.` : `--${flag}=${v}; set it to ${String(want)}.`;
      },
    };
  },
  /** A flag that must be present (a file, an address …). */
  required(id: string, flag: string, why: string, kics: readonly string[]): FlagCheck {
    return { id, flag, kics, judge: (v) => (v === undefined || v === '' ? `--${flag} is not set: ${why}` : undefined) };
  },
  /** A list flag that must contain `item` (an absent flag lacks it too). */
  includes(id: string, flag: string, item: string, why: string, kics: readonly string[]): FlagCheck {
    return { id, flag, kics, judge: (v) => (listOf(v).includes(item) ? undefined : v === undefined ? `--${flag} is not set, so ${item} is off: ${why}` : `--${flag}=${v} lacks ${item}: ${why}`) };
  },
  /** A list flag that must not contain `item`. */
  excludes(id: string, flag: string, item: string, why: string, kics: readonly string[]): FlagCheck {
    return { id, flag, kics, judge: (v) => (listOf(v).includes(item) ? `--${flag}=${v} contains ${item}: ${why}` : undefined) };
  },
  /** A numeric flag that must be at least `min` (absent counts as too low: the component keeps nothing). */
  atLeast(id: string, flag: string, min: number, unit: string, kics: readonly string[]): FlagCheck {
    return {
      id, flag, kics,
      judge: (v) => {
        if (v === undefined) return `--${flag} is not set; set it to ${min} ${unit} or more.`;
        const n = Number(v);
        return Number.isFinite(n) && n < min ? `--${flag}=${v}; set it to ${min} ${unit} or more.` : undefined;
      },
    };
  },
  /** A flag that must not be present. */
  forbidden(id: string, flag: string, why: string, kics: readonly string[]): FlagCheck {
    return { id, flag, kics, judge: (v) => (v === undefined ? undefined : `--${flag} is set: ${why}`) };
  },
};

/** TLS suites with forward secrecy and AEAD (ECDHE with GCM or ChaCha20-Poly1305, and the TLS 1.3 suites). */
const STRONG_CIPHER = /^TLS_(ECDHE_(ECDSA|RSA)_WITH_(AES_(128|256)_GCM_SHA(256|384)|CHACHA20_POLY1305(_SHA256)?)|AES_(128|256)_GCM_SHA(256|384)|CHACHA20_POLY1305_SHA256)$/;

/** The suites of a list that are not strong (CBC, RC4, 3DES, plain RSA key exchange …). */
export function weakCiphers(suites: readonly string[]): string[] {
  return suites.filter((s) => !STRONG_CIPHER.test(s));
}

/** A `--tls-cipher-suites` row: an absent flag means Go's defaults, which still offer CBC suites. */
export function cipherCheck(id: string, kics: readonly string[], absentIsWeak: boolean): FlagCheck {
  return {
    id, flag: 'tls-cipher-suites', kics,
    judge: (v) => {
      if (v === undefined) return absentIsWeak ? '--tls-cipher-suites is not set, so Go\'s defaults (which include CBC suites) are offered; list only ECDHE suites with GCM or ChaCha20-Poly1305.' : undefined;
      const weak = weakCiphers(listOf(v));
      return weak.length > 0 ? `--tls-cipher-suites allows weak suites (${weak.join(', ')}); keep only ECDHE suites with GCM or ChaCha20-Poly1305.` : undefined;
    },
  };
}

/** The value of one gate in a `--feature-gates=A=true,B=false` list, if listed. */
export function featureGate(v: string | undefined, gate: string): string | undefined {
  for (const entry of listOf(v)) {
    const [name, value] = entry.split('=');
    if (name?.trim() === gate) return value?.trim() ?? '';
  }
  return undefined;
}

/** The row for `--feature-gates=RotateKubeletServerCertificate=false` (kubelet and kube-controller-manager). */
export function rotateServerCertGate(kics: readonly string[]): FlagCheck {
  return {
    id: 'rotateKubeletServerCertificate', flag: 'feature-gates', kics,
    judge: (v) => (parseBool(featureGate(v, 'RotateKubeletServerCertificate') ?? '') === false ? 'RotateKubeletServerCertificate=false turns off rotation of kubelet serving certificates.' : undefined),
  };
}

/** The row for `--bind-address` of kube-controller-manager and kube-scheduler (default 0.0.0.0). */
export function loopbackBindAddress(kics: readonly string[]): FlagCheck {
  return {
    id: 'bindAddress', flag: 'bind-address', kics,
    judge: (v) => (v === '127.0.0.1' || v === '::1' ? undefined : `${v === undefined ? '--bind-address is not set and defaults to 0.0.0.0' : `--bind-address=${v}`}: the unauthenticated health and metrics endpoints are reachable from the network; set --bind-address=127.0.0.1.`),
  };
}

/** What a flag rule's hook needs of its context: a way to report one problem per table row. */
interface FlagReporter {
  report(d: { at: Range; messageId: string; args: [string, string] }): void;
}

/** The `onContainer` hook of a component's flag rule: its table, run on the containers that run `component`. */
export function componentFlagHook(component: Component, checks: readonly FlagCheck[]): (c: Container, ctx: FlagReporter) => void {
  return (c, ctx) => {
    const inv = invocationOf(c);
    if (inv?.component !== component) return;
    for (const p of runFlagChecks(inv, checks)) ctx.report({ at: p.range, messageId: p.check.id, args: [component, p.problem] });
  };
}
