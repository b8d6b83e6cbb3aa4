/** The one result model every scanner (built-in, Trivy, Grype, Docker Scout) is normalised into. */

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

export function severityRank(s: Severity): number {
  return 4 - SEVERITIES.indexOf(s);
}

/** Maps a scanner's severity word (CRITICAL, High, Negligible, UNKNOWN, …) to ours. */
export function normaliseSeverity(word: string | undefined): Severity {
  switch ((word ?? '').toLowerCase()) {
    case 'critical':
      return 'critical';
    case 'high':
    case 'fatal':
    case 'error':
      return 'high';
    case 'medium':
    case 'moderate':
    case 'warn':
    case 'warning':
      return 'medium';
    case 'low':
    case 'negligible':
    case 'note':
      return 'low';
    default:
      return 'info';
  }
}

export type FindingKind = 'vulnerability' | 'config' | 'history' | 'file' | 'secret';

/** Where a finding lands in the Dockerfile (0-based line), when a Dockerfile was given. */
export interface DockerfileLocation {
  path: string;
  line: number;
  endLine: number;
  instruction: string;
}

export interface ImageFinding {
  /** Check id (e.g. `IMG-USER-ROOT`, `CIS-DI-0001` alias in `aliases`) or vulnerability id (CVE-…). */
  id: string;
  kind: FindingKind;
  severity: Severity;
  title: string;
  message: string;
  /** Ids of the same check in other tools (Dockle, Trivy). */
  aliases?: string[];
  /** File path inside the image, without a leading slash. */
  path?: string;
  /** 0-based index of the layer the finding comes from. */
  layerIndex?: number;
  layerDigest?: string;
  /** 0-based index into the config's history. */
  historyIndex?: number;
  createdBy?: string;
  /** Vulnerabilities: the package. */
  pkg?: { name: string; installed: string; fixed?: string; type?: string; purl?: string };
  url?: string;
  /** True when the file was deleted by a later layer (still present in the image bytes). */
  deletedLater?: boolean;
  location?: DockerfileLocation;
}

export interface PackageInfo {
  name: string;
  version: string;
  /** deb, apk, npm, pypi. */
  type: 'deb' | 'apk' | 'npm' | 'pypi';
  purl: string;
  /** Path of the database/lockfile it was read from. */
  source: string;
  layerIndex?: number;
  license?: string;
}

export interface LayerInfo {
  index: number;
  digest: string;
  diffId?: string;
  mediaType?: string;
  compression?: 'gzip' | 'zstd' | 'none';
  size?: number;
  uncompressedSize?: number;
  entries?: number;
  createdBy?: string;
}

export interface ImageSummary {
  /** What the user asked to scan. */
  input: string;
  /** The tags found in the archive/engine. */
  tags: string[];
  imageId?: string;
  os?: string;
  architecture?: string;
  user?: string;
  layers: LayerInfo[];
  history: { createdBy: string; emptyLayer: boolean }[];
  format?: string;
}

export interface ScanResult {
  scanner: { name: string; version?: string };
  image: ImageSummary;
  findings: ImageFinding[];
  packages: PackageInfo[];
  /** Non-fatal remarks (skipped layers, capped scans, several images in a layout…). */
  notes: string[];
  durationMs: number;
}

/** A failure with a message meant for the user (what happened and what to do). */
export class ScanError extends Error {
  constructor(
    message: string,
    readonly code:
      | 'input'
      | 'format'
      | 'corrupt'
      | 'limit'
      | 'not-installed'
      | 'db'
      | 'offline'
      | 'exit'
      | 'output'
      | 'timeout'
      | 'cancelled'
      | 'engine',
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'ScanError';
  }
}
