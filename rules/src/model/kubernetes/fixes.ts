/**
 * Fix builders for Kubernetes rules: set a nested key under a container's or pod's
 * `securityContext` (creating it when absent) with the document's own indentation.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import { setIn, removeKey, type YamlValue } from '../yaml/edits';
import type { Container, Workload } from './workloads';
import { isMap } from '../yaml/documents';

/** Sets `securityContext.<path>` on a container. */
export function setContainerField(c: Container, path: readonly string[], value: YamlValue): TextEdit | undefined {
  return setIn(c.workload.object.file, c.node, path, value, c.workload.indent);
}

/** Sets `securityContext.<path>` on a container (creating `securityContext` when needed). */
export function setContainerSecurity(c: Container, path: readonly string[], value: YamlValue): TextEdit | undefined {
  return setContainerField(c, ['securityContext', ...path], value);
}

/** Sets `<path>` on the pod spec. */
export function setPodField(w: Workload, path: readonly string[], value: YamlValue): TextEdit | undefined {
  return setIn(w.object.file, w.podSpec, path, value, w.indent);
}

/** Sets `securityContext.<path>` on the pod spec. */
export function setPodSecurity(w: Workload, path: readonly string[], value: YamlValue): TextEdit | undefined {
  return setPodField(w, ['securityContext', ...path], value);
}

/** Removes `key` from a map node of the workload's file. */
export function removeField(w: Workload, map: unknown, key: string): TextEdit | undefined {
  return isMap(map) ? removeKey(w.object.file, map, key) : undefined;
}
