/**
 * Package-manager invocations recognised in parsed RUN commands: which command installs
 * packages, which options take a value (so values are not mistaken for packages), and the
 * package words themselves. Rules about pinning, `-y`, caches and cleanup share these.
 */
import type { DockerfileModel, Instruction } from './parse';
import { commandsOf, type ShellCommand, type ShellWord } from './shell';
import { positionals } from './shell-query';
import { commandsNamed } from './command-names';

/** How one package manager is invoked. */
export interface PackageManager {
  id: string;
  names: readonly string[];
  /** Subcommands that install packages. */
  install: readonly string[];
  /** Options that take a separate value. */
  valueOpts: readonly string[];
}

export const APT_GET: PackageManager = { id: 'apt-get', names: ['apt-get'], install: ['install'], valueOpts: ['-o', '-c', '-t', '-a', '--option', '--config-file', '--target-release', '--host-architecture'] };
export const APT: PackageManager = { id: 'apt', names: ['apt'], install: ['install'], valueOpts: APT_GET.valueOpts };
export const APK: PackageManager = { id: 'apk', names: ['apk'], install: ['add'], valueOpts: ['-X', '--repository', '-t', '--virtual', '-p', '--root', '--arch', '--cache-dir', '--keys-dir', '--repositories-file', '--timeout'] };
export const YUM: PackageManager = { id: 'yum', names: ['yum'], install: ['install', 'groupinstall', 'localinstall'], valueOpts: ['-c', '--config', '--installroot', '--enablerepo', '--disablerepo', '-d', '--debuglevel', '-e', '--errorlevel', '-x', '--exclude', '--releasever', '--setopt', '--downloaddir', '--rpmverbosity'] };
export const DNF: PackageManager = { id: 'dnf', names: ['dnf', 'microdnf', 'tdnf'], install: ['install', 'in', 'groupinstall', 'localinstall'], valueOpts: YUM.valueOpts };
export const ZYPPER: PackageManager = { id: 'zypper', names: ['zypper'], install: ['install', 'in'], valueOpts: ['-r', '--repo', '-t', '--type', '--from', '-p', '--plus-repo', '--root', '-R'] };
export const GEM: PackageManager = { id: 'gem', names: ['gem'], install: ['install', 'i'], valueOpts: ['-v', '--version', '-i', '--install-dir', '-n', '--bindir', '--source', '-s', '-P', '--trust-policy', '--platform', '-g', '--file', '--document'] };
export const NPM: PackageManager = { id: 'npm', names: ['npm'], install: ['install', 'i', 'add', 'isntall', 'in'], valueOpts: ['--registry', '--prefix', '-C', '--cache', '--userconfig', '--tag', '-w', '--workspace', '--loglevel', '--omit', '--include', '--install-strategy'] };
export const PIP: PackageManager = {
  id: 'pip', names: ['pip', 'pip2', 'pip3', 'pipx'], install: ['install'],
  valueOpts: ['-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-t', '--target', '--platform', '--python-version', '--implementation', '--abi', '--root', '--prefix', '--src', '--upgrade-strategy', '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '--trusted-host', '--cache-dir', '--build', '--proxy', '--retries', '--timeout', '--exists-action', '--cert', '--client-cert', '--log', '--no-binary', '--only-binary', '--progress-bar', '--root-user-action', '--python', '--report'],
};

function isPipName(name: string): boolean {
  // Most commands are not pip: a prefix test first, the pattern only for `pip…` names.
  return name.startsWith('pip') && (PIP.names.includes(name) || /^pip\d(\.\d+)?$/.test(name));
}
function isPythonName(name: string): boolean {
  return name.startsWith('python') && /^python(\d(\.\d+)?)?$/.test(name);
}

/**
 * A command seen as a pip invocation (`pip …`, `pip3 …`, `python -m pip …`): returns a view of
 * the command whose `args` start after `pip`, or undefined.
 */
export function asPip(cmd: ShellCommand): ShellCommand | undefined {
  if (isPipName(cmd.name)) return cmd;
  if (!isPythonName(cmd.name)) return undefined;
  const m = cmd.args.findIndex((a) => a.value === '-m');
  if (m < 0 || cmd.args[m + 1]?.value !== 'pip') return undefined;
  return { ...cmd, name: 'pip', words: cmd.args.slice(m + 1), args: cmd.args.slice(m + 2) };
}

/** True when `cmd` is run by package manager `pm` (pip through `asPip`). */
export function isManager(cmd: ShellCommand, pm: PackageManager): boolean {
  return pm === PIP ? asPip(cmd) !== undefined : pm.names.includes(cmd.name);
}

/** The install command view of `cmd` for `pm`, or undefined when it is not an install. */
export function asInstall(cmd: ShellCommand, pm: PackageManager): ShellCommand | undefined {
  const c = pm === PIP ? asPip(cmd) : pm.names.includes(cmd.name) ? cmd : undefined;
  if (!c) return undefined;
  const sub = positionals(c, pm.valueOpts)[0];
  return sub !== undefined && pm.install.includes(sub.value) ? c : undefined;
}

/** The package words of an install command (positionals after the subcommand). */
export function installedPackages(cmd: ShellCommand, pm: PackageManager): ShellWord[] {
  return positionals(cmd, pm.valueOpts).slice(1);
}

/** Every install command of `pm` in a RUN. */
export function installsOf(model: DockerfileModel, instr: Instruction, pm: PackageManager): ShellCommand[] {
  const out: ShellCommand[] = [];
  // pip also runs as `python -m pip`, so its installs are looked for in every command.
  for (const c of pm === PIP ? commandsOf(model, instr) : commandsNamed(model, instr, pm.names)) {
    const i = asInstall(c, pm);
    if (i) out.push(i);
  }
  return out;
}

/** True when the RUN has a command `names` whose first positional is one of `subs` (e.g. `yum clean all`). */
export function runsSubcommand(model: DockerfileModel, instr: Instruction, names: readonly string[], subs: readonly string[]): boolean {
  return commandsNamed(model, instr, names).some((c) => subs.includes(positionals(c)[0]?.value ?? ''));
}

/** `RUN --mount=type=cache|tmpfs,target=…` targets of an instruction. */
export function cacheMountTargets(instr: Instruction): string[] {
  const out: string[] = [];
  for (const f of instr.flags) {
    if (f.name !== 'mount' || !f.value) continue;
    const kv = new Map(f.value.split(',').map((p) => { const eq = p.indexOf('='); return eq < 0 ? [p, ''] : [p.slice(0, eq), p.slice(eq + 1)]; }));
    const type = kv.get('type');
    const target = kv.get('target') ?? kv.get('dst') ?? kv.get('destination');
    if ((type === 'cache' || type === 'tmpfs') && target) out.push(target.replace(/\/+$/, ''));
  }
  return out;
}
