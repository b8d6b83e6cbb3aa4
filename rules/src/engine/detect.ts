/** File kind detection: by language id and file name first, then by content for YAML. */
import { isMap } from 'yaml';
import type { YamlFile } from '../model/yaml/documents';
import { mapGet, stringValue } from '../model/yaml/documents';
import { hasServicesMap } from '../model/compose/services';

export type FileKind = 'dockerfile' | 'kubernetes' | 'compose' | 'yaml' | 'unknown';

/** The part after the last slash or backslash (no split into an array: this runs three times per linted file). */
function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
}

/** True for `Dockerfile`, `Containerfile`, `*.dockerfile`, `Dockerfile.*`, `*.Dockerfile` (case-insensitive). */
export function isDockerfileName(path: string): boolean {
  const name = baseName(path).toLowerCase();
  return name === 'dockerfile' || name === 'containerfile' || name.endsWith('.dockerfile') || name.endsWith('.containerfile') || name.startsWith('dockerfile.') || name.startsWith('containerfile.');
}

/** True for `compose*.y(a)ml` and `docker-compose*.y(a)ml`. */
export function isComposeName(path: string): boolean {
  const name = baseName(path).toLowerCase();
  if (!(name.endsWith('.yml') || name.endsWith('.yaml'))) return false;
  return name.startsWith('compose') || name.startsWith('docker-compose');
}

/** True for names a YAML (or JSON manifest) parser should read. */
export function isYamlName(path: string): boolean {
  const name = baseName(path).toLowerCase();
  return name.endsWith('.yml') || name.endsWith('.yaml') || name.endsWith('.json');
}

/** Kind from name and language id alone; `yaml` means "parse and look at the content". */
export function kindFromName(path: string, languageId?: string): FileKind {
  if (languageId === 'dockerfile' || isDockerfileName(path)) return 'dockerfile';
  if (languageId === 'dockercompose' || isComposeName(path)) return 'compose';
  if (languageId === 'yaml' || languageId === 'json' || isYamlName(path)) return 'yaml';
  return 'unknown';
}

/** Refines a `yaml` kind by content: Kubernetes when some document has apiVersion + kind, Compose when it has a `services` map. */
export function kindFromYaml(file: YamlFile): FileKind {
  let compose = false;
  for (const d of file.documents) {
    if (!isMap(d.root)) continue;
    if (stringValue(mapGet(d.root, 'apiVersion')) && stringValue(mapGet(d.root, 'kind'))) return 'kubernetes';
    if (hasServicesMap(d.root)) compose = true;
  }
  return compose ? 'compose' : 'yaml';
}
