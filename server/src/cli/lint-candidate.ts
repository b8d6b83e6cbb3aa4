/**
 * Lints one candidate file: resolves its settings (CLI flags over the nearest config files),
 * reads it and runs the pure `lintFile`. Used on the main thread and inside batch workers.
 */
import { promises as fs } from 'node:fs';
import { MAX_FILE_BYTES, type RuleSettings } from '../../../rules/src/api';
import type { ConfigResolver, LoadedConfig } from '../config/files';
import type { Candidate } from './files';
import { lintFile, tooLargeReport, type WorkspaceLink } from './lint-file';
import { FAIL_ON_VALUES, type FileReport } from './report';

/** What one candidate produced: a report, an unreadable-file error, or nothing (ignored by config). */
export type CandidateResult = FileReport | { error: string } | undefined;

/** Where per-file settings come from: the CLI flags, layered over the nearest config files unless `--no-config`. */
export interface SettingsSource {
  flags: RuleSettings;
  configs: ConfigResolver | undefined;
  /** Config files that were used, to report their problems once. */
  used: Map<string, LoadedConfig>;
  /** The workspace index files are linted in (built by the pre-pass, see workspace-pass.ts). */
  workspace?: WorkspaceLink;
}

/** Lints one candidate; never throws (read failures become `{ error }`). */
export async function lintCandidate(c: Candidate, source: SettingsSource): Promise<CandidateResult> {
  try {
    let settings = source.flags;
    let policy = {};
    let failOn: FileReport['failOn'];
    if (source.configs) {
      const resolved = source.configs.resolve(c.absolute, source.flags);
      for (const s of resolved.sources) source.used.set(s.path, s);
      if (resolved.ignored) {
        if (!c.explicit) return undefined;
        return { path: c.display, kind: 'unknown', findings: [], problems: [], suppressed: [], skipped: `Ignored by ignorePaths in ${resolved.sources[0]?.path ?? 'the config file'}.`, notApplicable: false };
      }
      settings = resolved.settings;
      policy = resolved.policy;
      failOn = FAIL_ON_VALUES.find((v) => v === resolved.failureThreshold);
    }
    const stat = await fs.stat(c.absolute);
    if (stat.size > MAX_FILE_BYTES) return tooLargeReport(c.display, stat.size, MAX_FILE_BYTES);
    const text = await fs.readFile(c.absolute, 'utf8');
    const report = lintFile({ path: c.absolute, display: c.display, text, languageId: c.languageId, explicit: c.explicit }, settings, policy, source.workspace);
    // A .hadolint.yaml failure-threshold is hadolint's, so it sets the default threshold of Dockerfiles only.
    if (failOn !== undefined && report.kind === 'dockerfile') report.failOn = failOn;
    return report;
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
    return { error: code === 'EACCES' || code === 'EPERM' ? 'permission denied' : e instanceof Error ? e.message : String(e) };
  }
}

