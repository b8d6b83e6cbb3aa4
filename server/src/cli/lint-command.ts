/** `bulkhead lint [paths...]`: reads files asynchronously, lints each, prints one format, returns the exit code. */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { RuleSettings, SeverityOverride } from '../../../rules/src/api';
import { ConfigResolver, type LoadedConfig } from '../config/files';
import { parseArgs, UsageError, type OptionSpec } from './args';
import { collectFiles, type Candidate } from './files';
import { configReport } from './lint-file';
import { lintCandidate, type CandidateResult, type SettingsSource } from './lint-candidate';
import { commonFailOn, exitCodeOf, FAIL_ON_VALUES, type FailOn, type LintRun } from './report';
import { lintInWorkers, parseJobs } from './worker-pool';
import { workspacePass } from './workspace-pass';
import type { FileFacts } from '../../../rules/src/model/kubernetes/workspace-facts';
import { formatText } from './format-text';
import { formatJson } from './format-json';
import { formatSarif } from './format-sarif';
import { LINT_HELP } from './help';

export const FORMATS = ['text', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];
const SEVERITIES: readonly SeverityOverride[] = ['error', 'warning', 'info', 'hint', 'off'];

const OPTIONS: readonly OptionSpec[] = [
  { name: 'format', short: 'f', type: 'value', choices: FORMATS },
  { name: 'fail-on', type: 'value', choices: FAIL_ON_VALUES },
  { name: 'disable', type: 'list' },
  { name: 'enable', type: 'list' },
  { name: 'severity', type: 'list' },
  { name: 'ignore', type: 'list' },
  { name: 'output', short: 'o', type: 'value' },
  { name: 'no-config', type: 'flag' },
  { name: 'jobs', short: 'j', type: 'value' },
  { name: 'help', short: 'h', type: 'flag' },
];

/** How many files are read from disk at once. */
const READ_CONCURRENCY = 32;

/** Turns `--disable`, `--enable` and `--severity id=sev` into engine settings. */
export function settingsFromArgs(disable: readonly string[], enable: readonly string[], severity: readonly string[]): RuleSettings {
  const overrides: Record<string, SeverityOverride> = {};
  for (const item of severity) {
    const eq = item.indexOf('=');
    const key = eq > 0 ? item.slice(0, eq).trim() : '';
    const value = eq > 0 ? item.slice(eq + 1).trim().toLowerCase() : '';
    const sev = SEVERITIES.find((s) => s === value);
    if (key === '' || sev === undefined) throw new UsageError(`invalid --severity '${item}' (expected <rule id or name>=<${SEVERITIES.join('|')}>)`);
    overrides[key] = sev;
  }
  return { disabledRules: [...disable], enabledRules: [...enable], severityOverrides: overrides };
}

/** Splits per-candidate results into reports and unreadable-file errors, in candidate order. */
function collect(files: readonly Candidate[], results: readonly CandidateResult[]): Pick<LintRun, 'files' | 'errors'> {
  const out: Pick<LintRun, 'files' | 'errors'> = { files: [], errors: [] };
  results.forEach((r, i) => {
    if (r === undefined) return;
    if ('error' in r) out.errors.push({ path: files[i]?.display ?? '?', message: r.error });
    else out.files.push(r);
  });
  return out;
}

/** Lints candidates on this thread with a bounded number of reads in flight; results keep the candidates' order. */
export async function lintCandidates(files: readonly Candidate[], source: SettingsSource): Promise<Pick<LintRun, 'files' | 'errors'>> {
  return collect(files, await lintCandidateResults(files, source));
}

/** As `lintCandidates`, with one result per candidate. */
async function lintCandidateResults(files: readonly Candidate[], source: SettingsSource): Promise<CandidateResult[]> {
  const results: CandidateResult[] = new Array(files.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const i = next++;
      const c = files[i];
      if (c) results[i] = await lintCandidate(c, source);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, files.length) }, worker));
  return results;
}

/**
 * Lints the candidates in the workspace they form (workspace-pass.ts): first every file but those
 * holding NetworkPolicies, whose lints report their workloads into the index, then the policy
 * files, which K8S056 judges against every workload (in batch mode by the same workers, once the
 * others' facts were sent to each). Results keep the candidates' order.
 */
async function lintInWorkspace(files: readonly Candidate[], flags: RuleSettings, useConfig: boolean, jobs: number): Promise<{ results: CandidateResult[]; configs: LoadedConfig[] }> {
  const source: SettingsSource = { flags, configs: useConfig ? new ConfigResolver() : undefined, used: new Map() };
  const timing = process.env.BULKHEAD_TIMING === '1';
  const t0 = process.cpuUsage();
  const pass = await workspacePass(files, source);
  if (timing) {
    const cpu = process.cpuUsage(t0);
    process.stderr.write(`bulkhead: workspace pre-pass: ${pass.read} files read, ${pass.parsed} parsed, ${pass.index.size} with facts, ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU\n`);
  }
  const { index } = pass;
  if (jobs > 1 && files.length > 1) {
    const out = await lintInWorkers(files, flags, useConfig, jobs, { facts: index.all(), collect: pass.policyFiles.size > 0 }, pass.policyFiles);
    return { results: out.results, configs: out.configs };
  }
  // The workloads of the files linted first are only needed when policy files are linted after them.
  const collect = pass.policyFiles.size > 0;
  source.workspace = { index, ...(collect ? { onFacts: (f: FileFacts): void => void (f.workloads.length > 0 ? index.set(f) : undefined) } : {}) };
  const order = [...files.keys()];
  const first = order.filter((i) => !pass.policyFiles.has(i));
  const last = order.filter((i) => pass.policyFiles.has(i));
  const results: CandidateResult[] = new Array(files.length);
  for (const round of [first, last]) {
    const out = await lintCandidateResults(round.map((i) => files[i] as Candidate), source);
    out.forEach((r, k) => (results[round[k]!] = r));
    source.workspace = { index };
  }
  return { results, configs: [...source.used.values()] };
}

function displayOf(absolute: string, cwd: string): string {
  const rel = path.relative(cwd, absolute);
  return (path.isAbsolute(rel) ? absolute : rel).split(path.sep).join('/');
}

/** Runs the lint command; resolves to the exit code. */
export async function lintCommand(argv: readonly string[], cwd: string = process.cwd()): Promise<number> {
  const args = parseArgs(argv, OPTIONS);
  if (args.flags.has('help')) {
    process.stdout.write(LINT_HELP);
    return 0;
  }
  const format = (args.values.get('format') ?? 'text') as Format;
  const failOnFlag = args.values.get('fail-on') as FailOn | undefined;
  const settings = settingsFromArgs(args.lists.get('disable') ?? [], args.lists.get('enable') ?? [], args.lists.get('severity') ?? []);
  const jobs = parseJobs(args.values.get('jobs'));
  if (jobs === undefined) throw new UsageError(`invalid value '${args.values.get('jobs') ?? ''}' for '--jobs' (expected a number from 1 to 64, or auto)`);
  const inputs = args.positionals.length > 0 ? args.positionals : ['.'];
  if (inputs.includes('-')) throw new UsageError('reading from standard input is not supported; pass file or directory paths');
  const started = performance.now();
  const found = await collectFiles(inputs, cwd, args.lists.get('ignore') ?? []);
  const useConfig = !args.flags.has('no-config');
  const batch = await lintInWorkspace(found.files, settings, useConfig, jobs);
  const linted = collect(found.files, batch.results);
  const usedConfigs = batch.configs;
  for (const config of usedConfigs) {
    if (config.problems.length > 0) linted.files.push(configReport(displayOf(config.path, cwd), config.problems));
  }
  // Without --fail-on, each Dockerfile's .hadolint.yaml failure-threshold is its default threshold.
  const failOn = failOnFlag ?? commonFailOn(linted.files, 'error');
  const run: LintRun = { files: linted.files, errors: [...found.errors, ...linted.errors], failOn, failOnExplicit: failOnFlag !== undefined, durationMs: performance.now() - started };
  for (const e of run.errors) process.stderr.write(`bulkhead: cannot read '${e.path}': ${e.message}\n`);
  const output = format === 'json' ? formatJson(run) : format === 'sarif' ? formatSarif(run, cwd) : formatText(run);
  const target = args.values.get('output');
  if (target !== undefined) {
    try {
      await fs.writeFile(path.resolve(cwd, target), output);
    } catch (e) {
      process.stderr.write(`bulkhead: cannot write '${target}': ${e instanceof Error ? e.message : String(e)}\n`);
      return 2;
    }
  } else {
    process.stdout.write(output);
  }
  return exitCodeOf(run);
}
