/**
 * The Compose model: the `services` map of a Compose file with each service's node and ranges.
 * Rules read fields through the YAML helpers; this module only finds services.
 */
import type { Range } from 'vscode-languageserver-types';
import { type YamlFile, type YamlDocument, mapGet, mapPairs, nodeRange, stringValue, isMap, deref } from '../yaml/documents';

/** One service under `services:`. */
export interface ComposeService {
  name: string;
  node: unknown;
  doc: YamlDocument;
  /** The service key's range: where findings about the service as a whole go. */
  range: Range;
}

/** A Compose file. */
export interface ComposeModel {
  file: YamlFile;
  services: ComposeService[];
  /** The top-level `version`, when given (obsolete, but some checks depend on it). */
  version: string | undefined;
}

/** Extracts services from the first document that has a `services` map. */
export function composeModelOf(file: YamlFile): ComposeModel {
  const services: ComposeService[] = [];
  let version: string | undefined;
  for (const doc of file.documents) {
    const servicesNode = mapGet(doc.root, 'services');
    if (!isMap(servicesNode)) continue;
    version = stringValue(mapGet(doc.root, 'version'));
    for (const pair of mapPairs(servicesNode)) {
      const name = stringValue(pair.key);
      const node = deref(doc, pair.value);
      if (name === undefined) continue;
      services.push({ name, node, doc, range: nodeRange(file, pair.key) ?? doc.range });
    }
    break;
  }
  return { file, services, version };
}

/** True when a YAML root looks like a Compose file (a top-level `services` map). */
export function hasServicesMap(root: unknown): boolean {
  return isMap(mapGet(root, 'services'));
}
