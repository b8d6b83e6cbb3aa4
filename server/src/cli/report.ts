/**
 * The CLI's result model: one FileReport per file (structured-cloneable, so a worker thread can
 * produce it), the run summary and the exit-code decision shared by every output format.
 */
import type { FileKind, Finding, Problem, Severity } from '../../../rules/src/api';
import type { Suppressed } from '../../../rules/src/engine/suppressions';
import type { InputError } from './files';

/** What `--fail-on` accepts; `none` never fails on findings. */
export type FailOn = 'error' | 'warning' | 'info' | 'none';
export const FAIL_ON_VALUES: readonly FailOn[] = ['error', 'warning', 'info', 'none'];

/** Everything the CLI knows about one file. */
export interface FileReport {
  /** Path as shown to the user (relative to the working directory, `/` separators). */
  path: string;
  /** The engine's file kind, or `config` for a configuration file reported for its problems. */
  kind: FileKind | 'config';
  findings: Finding[];
  /** Parse errors and rule crashes (never the "skipped" note, which is in `skipped`). */
  problems: Problem[];
  suppressed: Suppressed[];
  /** Why the file was not linted (Helm template, binary, too large, unknown kind), if it was not. */
  skipped: string | undefined;
  /** True for files that are not Bulkhead's business (plain YAML found while walking a directory). */
  notApplicable: boolean;
  /** This file's default `--fail-on` from its config (a `.hadolint.yaml` `failure-threshold`), if any. */
  failOn?: FailOn;
}

/** A finished `bulkhead lint` run. */
export interface LintRun {
  /** Reports of every file read, sorted by path. */
  files: FileReport[];
  /** Inputs that could not be read at all. */
  errors: InputError[];
  /** The threshold shown in summaries: the `--fail-on` flag, else the files' common config default, else `error`. */
  failOn: FailOn;
  /** True when `--fail-on` was given: it then decides every file, over config defaults. */
  failOnExplicit?: boolean;
  /** Wall-clock duration of the run in milliseconds (reading and linting). */
  durationMs: number;
}

/** Counts printed in every format. */
export interface Summary {
  /** Every file read, including plain YAML/JSON found while walking that turned out not to be Kubernetes or Compose. */
  filesRead: number;
  /** Files read (including skipped ones, excluding not-applicable YAML). */
  filesChecked: number;
  filesLinted: number;
  filesSkipped: number;
  /** Files that produced at least one finding or problem. */
  filesWithFindings: number;
  findings: number;
  problems: number;
  suppressed: number;
  errors: number;
  warnings: number;
  infos: number;
  hints: number;
  unreadable: number;
}

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };
const THRESHOLD: Record<FailOn, number> = { error: 3, warning: 2, info: 1, none: Number.POSITIVE_INFINITY };

/** True when a finding or problem of this severity makes the run fail under `failOn`. */
export function failsAt(severity: Severity, failOn: FailOn): boolean {
  return RANK[severity] >= THRESHOLD[failOn];
}

/** The threshold that decides a file: an explicit `--fail-on`, else the file's config default, else the run's. */
export function failOnFor(f: FileReport, run: LintRun): FailOn {
  return run.failOnExplicit === true ? run.failOn : f.failOn ?? run.failOn;
}

/** The summary threshold without a flag: the default every linted file shares, else `fallback`. */
export function commonFailOn(files: readonly FileReport[], fallback: FailOn): FailOn {
  const seen = new Set(files.filter((f) => !f.notApplicable && f.skipped === undefined && f.kind !== 'config').map((f) => f.failOn ?? fallback));
  const only = [...seen];
  return only.length === 1 && only[0] !== undefined ? only[0] : fallback;
}

/** Files that belong in reports (drops not-applicable YAML found while walking). */
export function relevantFiles(run: LintRun): FileReport[] {
  return run.files.filter((f) => !f.notApplicable);
}

/** Computes the summary counts of a run. */
export function summarize(run: LintRun): Summary {
  const s: Summary = { filesRead: run.files.length, filesChecked: 0, filesLinted: 0, filesSkipped: 0, filesWithFindings: 0, findings: 0, problems: 0, suppressed: 0, errors: 0, warnings: 0, infos: 0, hints: 0, unreadable: run.errors.length };
  for (const f of relevantFiles(run)) {
    s.filesChecked++;
    if (f.skipped !== undefined) s.filesSkipped++;
    else s.filesLinted++;
    if (f.findings.length + f.problems.length > 0) s.filesWithFindings++;
    s.findings += f.findings.length;
    s.problems += f.problems.length;
    s.suppressed += f.suppressed.length;
    for (const x of [...f.findings, ...f.problems]) {
      if (x.severity === 'error') s.errors++;
      else if (x.severity === 'warning') s.warnings++;
      else if (x.severity === 'info') s.infos++;
      else s.hints++;
    }
  }
  return s;
}

/** 2 when an input was unreadable, 1 when a finding or problem is at or above its file's threshold, else 0. */
export function exitCodeOf(run: LintRun): 0 | 1 | 2 {
  if (run.errors.length > 0) return 2;
  for (const f of run.files) {
    const failOn = failOnFor(f, run);
    for (const x of [...f.findings, ...f.problems]) if (failsAt(x.severity, failOn)) return 1;
  }
  return 0;
}
