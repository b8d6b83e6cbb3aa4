/**
 * Batch mode (`bulkhead lint --jobs N`): lints candidates in N worker threads. Each worker runs
 * this same bundle (marked through `workerData`), resolves configs, reads and lints the files it
 * is handed, and posts back structured-cloneable FileReports; results keep the candidates' order.
 * Workers lint in the workspace the main thread's pre-pass found (its facts are handed over at
 * start) and send back the facts of each file they lint (its workloads, for the files linted last).
 */
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { RuleSettings } from '../../../rules/src/api';
import { WorkspaceIndex } from '../../../rules/src/engine/workspace';
import type { FileFacts } from '../../../rules/src/model/kubernetes/workspace-facts';
import { ConfigResolver, type LoadedConfig } from '../config/files';
import type { Candidate } from './files';
import { lintCandidate, type CandidateResult, type SettingsSource } from './lint-candidate';

const MARK = 'bulkheadLintWorker';

/** The workspace workers lint in: the index's facts, and whether each file's own facts are wanted back. */
export interface WorkerWorkspace {
  facts: FileFacts[];
  collect: boolean;
}

interface WorkerInit {
  [MARK]: true;
  flags: RuleSettings;
  useConfig: boolean;
  /** The workspace index to lint in (undefined: no index), and whether to send back each file's facts. */
  workspace: WorkerWorkspace | undefined;
}
interface Job {
  index: number;
  candidate: Candidate;
}
/** Facts of files linted in other workers, sent before the deferred files (see `lintInWorkers`). */
interface MoreFacts {
  facts: FileFacts[];
}
interface Reply {
  index: number;
  result: CandidateResult;
  /** Config files this worker used for the first time (their problems are reported once). */
  configs: LoadedConfig[];
  /** The linted file's facts, when it has workloads. */
  facts: FileFacts | undefined;
}

/** Files handed to one worker before it answers, to keep its reads overlapping. */
const IN_FLIGHT = 4;

/** True inside a lint worker thread started by `lintInWorkers`. */
export function isLintWorker(): boolean {
  return !isMainThread && typeof workerData === 'object' && workerData !== null && MARK in workerData;
}

/** The body of a worker thread: lints each job it receives and posts the result back. */
export function runLintWorker(): void {
  const init = workerData as WorkerInit;
  const source: SettingsSource = { flags: init.flags, configs: init.useConfig ? new ConfigResolver() : undefined, used: new Map() };
  /** Facts of the files linted and not yet answered, by path. */
  const facts = new Map<string, FileFacts>();
  if (init.workspace) {
    const index = new WorkspaceIndex();
    for (const f of init.workspace.facts) index.set(f);
    source.workspace = { index, ...(init.workspace.collect ? { onFacts: (f: FileFacts): void => void (f.workloads.length > 0 ? facts.set(f.path, f) : undefined) } : {}) };
  }
  const sent = new Set<string>();
  parentPort?.on('message', (message: Job | MoreFacts) => {
    if ('facts' in message) {
      for (const f of message.facts) source.workspace?.index.set(f);
      return;
    }
    const job = message;
    void lintCandidate(job.candidate, source).then((result) => {
      const configs = [...source.used.values()].filter((c) => !sent.has(c.path));
      for (const c of configs) sent.add(c.path);
      const own = facts.get(job.candidate.absolute);
      facts.delete(job.candidate.absolute);
      const reply: Reply = { index: job.index, result, configs, facts: own };
      parentPort?.postMessage(reply);
    });
  });
}

/** Parses `--jobs`: a positive integer or `auto` (one per available CPU). */
export function parseJobs(value: string | undefined): number | undefined {
  if (value === undefined) return 1;
  if (value === 'auto') return Math.max(1, availableParallelism());
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 64 ? n : undefined;
}

/**
 * Lints `files` in `jobs` worker threads, in `workspace` when given; resolves to the results in
 * candidate order, the configs used and (when `workspace.collect`) the facts of the linted files
 * with workloads. The files at the indexes in `deferred` are linted last, by the same workers,
 * once every other file is linted and the facts collected meanwhile were sent to every worker.
 */
export function lintInWorkers(files: readonly Candidate[], flags: RuleSettings, useConfig: boolean, jobs: number, workspace?: WorkerWorkspace, deferred: ReadonlySet<number> = new Set()): Promise<{ results: CandidateResult[]; configs: LoadedConfig[]; facts: FileFacts[] }> {
  const results: CandidateResult[] = new Array(files.length);
  const configs = new Map<string, LoadedConfig>();
  const facts: FileFacts[] = [];
  if (files.length === 0) return Promise.resolve({ results, configs: [], facts });
  return new Promise((resolve, reject) => {
    const workers: Worker[] = [];
    const order = [...files.keys()].filter((i) => !deferred.has(i));
    /** Jobs of the first round: the deferred ones are fed once these are all done. */
    const firstRound = order.length;
    order.push(...[...files.keys()].filter((i) => deferred.has(i)));
    let next = 0;
    let done = 0;
    let failed = false;
    const finish = (error?: Error): void => {
      for (const w of workers) void w.terminate();
      if (error) reject(error);
      else resolve({ results, configs: [...configs.values()], facts });
    };
    const feed = (w: Worker): void => {
      if (next >= files.length || (next === firstRound && done < firstRound)) return;
      const index = order[next++]!;
      const job: Job = { index, candidate: files[index] as Candidate };
      w.postMessage(job);
    };
    /** The first round is done: every worker gets its facts, then the deferred jobs. */
    const startDeferred = (): void => {
      const more: MoreFacts = { facts };
      for (const w of workers) w.postMessage(more);
      for (const w of workers) for (let j = 0; j < IN_FLIGHT; j++) feed(w);
    };
    const init: WorkerInit = { [MARK]: true, flags, useConfig, workspace };
    for (let k = 0; k < Math.min(jobs, files.length); k++) {
      const w = new Worker(__filename, { workerData: init });
      w.on('message', (reply: Reply) => {
        results[reply.index] = reply.result;
        for (const c of reply.configs) configs.set(c.path, c);
        if (reply.facts) facts.push(reply.facts);
        if (++done === files.length) finish();
        else if (done === firstRound) startDeferred();
        else feed(w);
      });
      w.on('error', (e) => {
        if (failed) return;
        failed = true;
        finish(e instanceof Error ? e : new Error(String(e)));
      });
      workers.push(w);
      for (let j = 0; j < IN_FLIGHT; j++) feed(w);
    }
  });
}
