/**
 * `.bulkhead.yaml` (and `.hadolint.yaml`) parsing and resolution. Pure: callers read the files
 * and pass the text; this module validates it, reports problems with ranges, and computes the
 * effective settings for one linted file.
 *
 * Precedence, lowest to highest: rule defaults → the nearest config file → its `overrides`
 * entries that match the file (in order) → editor settings / CLI flags → inline comments.
 */
import type { Range } from 'vscode-languageserver-types';
import { parseYaml, mapPairs, stringValue, scalarValue, seqItems, nodeRange, isMap, isSeq, type YamlFile } from '../model/yaml/documents';
import type { RuleSettings, SeverityOverride } from './severity';
import { LABEL_TYPES, type LabelType, type PolicyOptions } from './rule';
import { globMatch } from './severity';

/** One validated config file. */
export interface BulkheadConfig {
  rules: Record<string, SeverityOverride>;
  profile: PolicyOptions['profile'] | undefined;
  trustedRegistries: string[] | undefined;
  allowedBaseImages: string[] | undefined;
  /** Path globs (relative to the config's folder, `**` allowed) that are not linted. */
  ignorePaths: string[];
  overrides: { files: string[]; rules: Record<string, SeverityOverride> }[];
  /** Required labels and the format of their values (`labelSchema`, hadolint's `label-schema`). */
  labelSchema: Record<string, LabelType> | undefined;
  /** Report labels outside `labelSchema` (`strictLabels`, hadolint's `strict-labels`). */
  strictLabels: boolean | undefined;
  /** `.hadolint.yaml` failure-threshold as a `--fail-on` level, when read from one. */
  failureThreshold: 'error' | 'warning' | 'info' | undefined;
}

/** A problem in a config file, with its range in that file. */
export interface ConfigProblem {
  message: string;
  range: Range;
}

const SEVERITIES: readonly string[] = ['error', 'warning', 'info', 'hint', 'off'];
const KNOWN_KEYS = ['rules', 'profile', 'trustedRegistries', 'allowedBaseImages', 'labelSchema', 'strictLabels', 'ignorePaths', 'overrides'];

/** An empty config (no file found). */
export function emptyConfig(): BulkheadConfig {
  return { rules: {}, profile: undefined, trustedRegistries: undefined, allowedBaseImages: undefined, ignorePaths: [], overrides: [], labelSchema: undefined, strictLabels: undefined, failureThreshold: undefined };
}

function stringList(file: YamlFile, node: unknown, what: string, problems: ConfigProblem[]): string[] {
  if (!isSeq(node)) {
    problems.push({ message: `${what} must be a list of strings.`, range: nodeRange(file, node) ?? ZERO });
    return [];
  }
  const out: string[] = [];
  for (const item of seqItems(node)) {
    const v = stringValue(item);
    if (v === undefined) problems.push({ message: `${what} must contain only strings.`, range: nodeRange(file, item) ?? ZERO });
    else out.push(v);
  }
  return out;
}

const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function ruleMap(file: YamlFile, node: unknown, problems: ConfigProblem[]): Record<string, SeverityOverride> {
  const out: Record<string, SeverityOverride> = {};
  if (!isMap(node)) {
    problems.push({ message: '`rules` must map rule ids or names to error | warning | info | hint | off.', range: nodeRange(file, node) ?? ZERO });
    return out;
  }
  for (const pair of mapPairs(node)) {
    const key = stringValue(pair.key);
    const raw = scalarValue(pair.value);
    const value = raw === false ? 'off' : raw === true ? undefined : typeof raw === 'string' ? raw.toLowerCase() : undefined;
    if (key === undefined || value === undefined || !SEVERITIES.includes(value)) {
      problems.push({ message: `Rule setting for '${key ?? '?'}' must be one of error, warning, info, hint, off.`, range: nodeRange(file, pair.value) ?? nodeRange(file, pair.key) ?? ZERO });
      continue;
    }
    out[key] = value as SeverityOverride;
  }
  return out;
}

/** Reads a label schema: a map of label key → one of LABEL_TYPES (case-insensitive). */
function labelSchema(file: YamlFile, node: unknown, what: string, problems: ConfigProblem[]): Record<string, LabelType> {
  const out: Record<string, LabelType> = {};
  if (!isMap(node)) {
    problems.push({ message: `${what} must map label keys to ${LABEL_TYPES.join(' | ')}.`, range: nodeRange(file, node) ?? ZERO });
    return out;
  }
  for (const pair of mapPairs(node)) {
    const key = stringValue(pair.key);
    const type = stringValue(pair.value)?.toLowerCase();
    const known = LABEL_TYPES.find((t) => t === type);
    if (key === undefined || key === '' || known === undefined) {
      problems.push({ message: `Label type for '${key ?? '?'}' must be one of ${LABEL_TYPES.join(', ')}.`, range: nodeRange(file, pair.value) ?? nodeRange(file, pair.key) ?? ZERO });
      continue;
    }
    out[key] = known;
  }
  return out;
}

function boolean(file: YamlFile, node: unknown, what: string, problems: ConfigProblem[]): boolean | undefined {
  const v = scalarValue(node);
  if (typeof v === 'boolean') return v;
  problems.push({ message: `${what} must be true or false.`, range: nodeRange(file, node) ?? ZERO });
  return undefined;
}

/** Parses and validates a `.bulkhead.yaml` text. Unknown keys and bad values are problems, never silently ignored. */
export function parseConfig(text: string): { config: BulkheadConfig; problems: ConfigProblem[] } {
  const file = parseYaml(text);
  const problems: ConfigProblem[] = file.errors.map((e) => ({ message: `YAML: ${e.message}`, range: e.range }));
  const config = emptyConfig();
  const root = file.documents[0]?.root;
  if (root === undefined || root === null || (isMapEmptyScalar(root))) return { config, problems };
  if (!isMap(root)) {
    problems.push({ message: 'A Bulkhead config file must be a map of settings.', range: nodeRange(file, root) ?? ZERO });
    return { config, problems };
  }
  for (const pair of mapPairs(root)) {
    const key = stringValue(pair.key) ?? '';
    const value = pair.value;
    const keyRange = nodeRange(file, pair.key) ?? ZERO;
    switch (key) {
      case 'rules':
        config.rules = ruleMap(file, value, problems);
        break;
      case 'profile': {
        const v = stringValue(value);
        if (v === 'baseline' || v === 'restricted') config.profile = v;
        else problems.push({ message: '`profile` must be baseline or restricted.', range: nodeRange(file, value) ?? keyRange });
        break;
      }
      case 'trustedRegistries':
        config.trustedRegistries = stringList(file, value, '`trustedRegistries`', problems);
        break;
      case 'allowedBaseImages':
        config.allowedBaseImages = stringList(file, value, '`allowedBaseImages`', problems);
        break;
      case 'labelSchema':
        config.labelSchema = labelSchema(file, value, '`labelSchema`', problems);
        break;
      case 'strictLabels':
        config.strictLabels = boolean(file, value, '`strictLabels`', problems);
        break;
      case 'ignorePaths':
        config.ignorePaths = stringList(file, value, '`ignorePaths`', problems);
        break;
      case 'overrides':
        if (!isSeq(value)) {
          problems.push({ message: '`overrides` must be a list of { files, rules } entries.', range: nodeRange(file, value) ?? keyRange });
          break;
        }
        for (const item of seqItems(value)) {
          const files = mapPairs(item).find((p) => stringValue(p.key) === 'files');
          const rules = mapPairs(item).find((p) => stringValue(p.key) === 'rules');
          if (!files || !rules) {
            problems.push({ message: 'Each override needs `files` (a list of globs) and `rules`.', range: nodeRange(file, item) ?? keyRange });
            continue;
          }
          config.overrides.push({ files: stringList(file, files.value, '`files`', problems), rules: ruleMap(file, rules.value, problems) });
        }
        break;
      default:
        problems.push({ message: `Unknown setting '${key}'. Known settings: ${KNOWN_KEYS.join(', ')}.`, range: keyRange });
    }
  }
  return { config, problems };
}

function isMapEmptyScalar(node: unknown): boolean {
  return scalarValue(node) === null;
}

/**
 * Hadolint's `failure-threshold` names mapped to a `--fail-on` level. Bulkhead's lowest level is
 * `info` (hints never fail a run); hadolint's `style`, `ignore` and `none` fail on any finding, so
 * they map to `info`.
 */
const FAILURE_THRESHOLDS: Readonly<Record<string, 'error' | 'warning' | 'info'>> = { error: 'error', warning: 'warning', info: 'info', style: 'info', ignore: 'info', none: 'info' };

/** Hadolint's severity names mapped to ours. */
const HADOLINT_LEVELS: Readonly<Record<string, SeverityOverride>> = { error: 'error', warning: 'warning', info: 'info', style: 'hint', ignore: 'off', none: 'off' };

/**
 * Reads a `.hadolint.yaml`: `ignored` (DL ids), `override` (error/warning/info/style lists),
 * `trustedRegistries`, `label-schema`, `strict-labels`, `failure-threshold`. Hadolint ids are kept as they are; the engine maps
 * them to Bulkhead rules through each rule's `anchors.hadolint`.
 */
export function parseHadolintConfig(text: string): { config: BulkheadConfig; problems: ConfigProblem[] } {
  const file = parseYaml(text);
  const problems: ConfigProblem[] = file.errors.map((e) => ({ message: `YAML: ${e.message}`, range: e.range }));
  const config = emptyConfig();
  const root = file.documents[0]?.root;
  for (const pair of mapPairs(root)) {
    const key = stringValue(pair.key);
    if (key === 'ignored') for (const id of stringList(file, pair.value, '`ignored`', problems)) config.rules[id] = 'off';
    else if (key === 'trustedRegistries') config.trustedRegistries = stringList(file, pair.value, '`trustedRegistries`', problems);
    else if (key === 'label-schema') config.labelSchema = labelSchema(file, pair.value, '`label-schema`', problems);
    else if (key === 'strict-labels') config.strictLabels = boolean(file, pair.value, '`strict-labels`', problems);
    else if (key === 'failure-threshold') config.failureThreshold = FAILURE_THRESHOLDS[stringValue(pair.value)?.toLowerCase() ?? ''];
    else if (key === 'override') {
      for (const level of mapPairs(pair.value)) {
        const sev = HADOLINT_LEVELS[stringValue(level.key) ?? ''];
        if (!sev) continue;
        for (const id of stringList(file, level.value, '`override`', problems)) config.rules[id] = sev;
      }
    }
  }
  return { config, problems };
}

/** Matches a `/`-separated relative path against a glob with `*` (within a segment) and `**` (any depth). */
export function pathGlobMatch(pattern: string, relPath: string): boolean {
  const p = pattern.replace(/^\.\//, '').split('/');
  const s = relPath.replace(/\\/g, '/').split('/');
  const match = (pi: number, si: number): boolean => {
    if (pi === p.length) return si === s.length;
    const seg = p[pi]!;
    if (seg === '**') {
      for (let k = si; k <= s.length; k++) if (match(pi + 1, k)) return true;
      return false;
    }
    if (si === s.length) return false;
    return globMatch(seg, s[si]!) && match(pi + 1, si + 1);
  };
  // A pattern without a slash matches a name at any depth, as in .gitignore.
  if (!pattern.includes('/')) return s.some((seg) => globMatch(pattern, seg));
  return match(0, 0);
}

/** Effective settings for a file at `relPath` (relative to the config's folder), layered under `editor` settings. */
export function resolveSettings(config: BulkheadConfig, relPath: string, editor: RuleSettings = {}): { settings: RuleSettings; policy: Partial<PolicyOptions>; ignored: boolean } {
  const layers: Record<string, SeverityOverride>[] = [config.rules];
  for (const o of config.overrides) if (o.files.some((f) => pathGlobMatch(f, relPath))) layers.push(o.rules);
  const policy: Partial<PolicyOptions> = {};
  if (config.profile) policy.profile = config.profile;
  if (config.trustedRegistries) policy.trustedRegistries = config.trustedRegistries;
  if (config.allowedBaseImages) policy.allowedBaseImages = config.allowedBaseImages;
  if (config.labelSchema) policy.labelSchema = config.labelSchema;
  if (config.strictLabels !== undefined) policy.strictLabels = config.strictLabels;
  return {
    settings: { ...editor, severityLayers: [...layers, ...(editor.severityLayers ?? [])] },
    policy,
    ignored: config.ignorePaths.some((g) => pathGlobMatch(g, relPath)),
  };
}
