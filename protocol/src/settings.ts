/** Typed settings shared by client and server, with normalisers that turn unknown input into safe defaults. */

export type SeveritySetting = 'error' | 'warning' | 'info' | 'hint' | 'off';

/** `bulkhead.yaml.schemaValidation`: `auto` turns schema validation off when the Red Hat YAML extension is active. */
export type SchemaValidationSetting = 'auto' | 'on' | 'off';

/** Bulkhead's per-resource settings (`bulkhead.*`). */
export interface BulkheadSettings {
  /** Lint documents at all. */
  enable: boolean;
  /** Rule ids, names or globs to turn off. */
  disabledRules: string[];
  /** Rule ids, names or globs to turn on although they are off by default. */
  enabledRules: string[];
  /** Severity per rule id, name or glob; `off` disables the rule. */
  severityOverrides: Record<string, SeveritySetting>;
  /** JSON-schema validation, completion and hover for Compose and Kubernetes YAML. */
  yaml: { schemaValidation: SchemaValidationSetting };
  /** Pod Security Standards profile; a `profile` in the nearest `.bulkhead.yaml` takes precedence. */
  profile: ProfileSetting;
  /** Registries base images may come from (empty: any); the config file's list takes precedence. */
  trustedRegistries: string[];
  /** Allowed base images (`*` wildcards; empty: any); the config file's list takes precedence. */
  allowedBaseImages: string[];
  /** Path globs, relative to the workspace folder, that are not linted (added to the config file's). */
  ignorePaths: string[];
  /** Required labels → value type (text, url, hash, rfc3339, semver, spdx, email); the config file's schema takes precedence. */
  labelSchema: Record<string, string>;
  /** Report labels outside `labelSchema`; the config file's value takes precedence. */
  strictLabels: boolean;
}

/** `bulkhead.profile`. */
export type ProfileSetting = 'baseline' | 'restricted';

export const DEFAULT_SETTINGS: BulkheadSettings = {
  enable: true,
  disabledRules: [],
  enabledRules: [],
  severityOverrides: {},
  yaml: { schemaValidation: 'auto' },
  profile: 'restricted',
  trustedRegistries: [],
  allowedBaseImages: [],
  ignorePaths: [],
  labelSchema: {},
  strictLabels: false,
};

const SEVERITIES: readonly string[] = ['error', 'warning', 'info', 'hint', 'off'];
const SCHEMA_MODES: readonly string[] = ['auto', 'on', 'off'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function stringList(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (isRecord(v)) for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x;
  return out;
}

/** Narrows an unknown settings object (from the client or a file) to `BulkheadSettings`. */
export function normaliseSettings(raw: unknown): BulkheadSettings {
  if (!isRecord(raw)) return { ...DEFAULT_SETTINGS, yaml: { ...DEFAULT_SETTINGS.yaml }, trustedRegistries: [], allowedBaseImages: [], ignorePaths: [], labelSchema: {} };
  const enable = typeof raw['enable'] === 'boolean' ? raw['enable'] : DEFAULT_SETTINGS.enable;
  const severityOverrides: Record<string, SeveritySetting> = {};
  const so = raw['severityOverrides'];
  if (isRecord(so)) {
    for (const [k, v] of Object.entries(so)) if (typeof v === 'string' && SEVERITIES.includes(v)) severityOverrides[k] = v as SeveritySetting;
  }
  const yaml = raw['yaml'];
  const mode = isRecord(yaml) ? yaml['schemaValidation'] : undefined;
  const schemaValidation = typeof mode === 'string' && SCHEMA_MODES.includes(mode) ? (mode as SchemaValidationSetting) : DEFAULT_SETTINGS.yaml.schemaValidation;
  const profile = raw['profile'] === 'baseline' || raw['profile'] === 'restricted' ? raw['profile'] : DEFAULT_SETTINGS.profile;
  return {
    enable,
    disabledRules: stringList(raw['disabledRules']),
    enabledRules: stringList(raw['enabledRules']),
    severityOverrides,
    yaml: { schemaValidation },
    profile,
    trustedRegistries: stringList(raw['trustedRegistries']),
    allowedBaseImages: stringList(raw['allowedBaseImages']),
    ignorePaths: stringList(raw['ignorePaths']),
    labelSchema: stringMap(raw['labelSchema']),
    strictLabels: raw['strictLabels'] === true,
  };
}
