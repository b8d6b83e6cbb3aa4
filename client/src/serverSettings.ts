/** The settings the client hands the server (no `vscode` import, so tests can load it). */
import { normaliseSettings, type BulkheadSettings } from '../../protocol/src/settings';

/** What the server receives for `bulkhead`: normalised, with `auto` schema validation resolved to `on` or `off`. */
export function serverSettings(raw: unknown, yamlExtensionActive: boolean): BulkheadSettings {
  const s = normaliseSettings(raw);
  if (s.yaml.schemaValidation === 'auto') s.yaml.schemaValidation = yamlExtensionActive ? 'off' : 'on';
  return s;
}
