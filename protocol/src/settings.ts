/** Typed settings shared by client and server, with normalisers that turn unknown input into safe defaults. */

export type SeveritySetting = 'error' | 'warning' | 'info' | 'hint' | 'off';

/** Bulkhead's per-resource settings (`bulkhead.*`). */
export interface BulkheadSettings {
  enable: boolean;
  disabledRules: string[];
  severityOverrides: Record<string, SeveritySetting>;
}

export const DEFAULT_SETTINGS: BulkheadSettings = { enable: true, disabledRules: [], severityOverrides: {} };

const SEVERITIES: readonly string[] = ['error', 'warning', 'info', 'hint', 'off'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Narrows an unknown settings object (from the client or a file) to `BulkheadSettings`. */
export function normaliseSettings(raw: unknown): BulkheadSettings {
  if (!isRecord(raw)) return { ...DEFAULT_SETTINGS };
  const enable = typeof raw['enable'] === 'boolean' ? raw['enable'] : DEFAULT_SETTINGS.enable;
  const disabledRules = Array.isArray(raw['disabledRules']) ? raw['disabledRules'].filter((x): x is string => typeof x === 'string') : [];
  const severityOverrides: Record<string, SeveritySetting> = {};
  const so = raw['severityOverrides'];
  if (isRecord(so)) {
    for (const [k, v] of Object.entries(so)) if (typeof v === 'string' && SEVERITIES.includes(v)) severityOverrides[k] = v as SeveritySetting;
  }
  return { enable, disabledRules, severityOverrides };
}
