/** Object-level helpers for non-workload rules (Services, Ingresses, namespaces, annotations). */
import type { Range } from 'vscode-languageserver-types';
import { getIn, keyRange, mapGet, mapPairs, nodeRange, stringValue } from '../yaml/documents';
import type { KubeObject } from './workloads';

/** Range of `metadata.name`'s value, else the object's `kind` key. */
export function nameRange(o: KubeObject): Range {
  return nodeRange(o.file, getIn(o.node, ['metadata', 'name'])) ?? o.headRange;
}

/** Range of `metadata.<key>` (its key), else of `metadata.name`. */
export function metadataKeyRange(o: KubeObject, key: string): Range {
  return keyRange(o.file, mapGet(o.node, 'metadata'), key) ?? nameRange(o);
}

/** The object's annotations as [key, value text, value node]. */
export function annotationsOf(o: KubeObject): { key: string; value: string | undefined; keyNode: unknown; valueNode: unknown }[] {
  return mapPairs(getIn(o.node, ['metadata', 'annotations'])).map((p) => ({ key: stringValue(p.key) ?? '', value: stringValue(p.value), keyNode: p.key, valueNode: p.value }));
}

/** True for the core `v1` Service kind (not Knative's `Service`). */
export function isCoreService(o: KubeObject): boolean {
  return o.kind === 'Service' && o.apiVersion === 'v1';
}

/** True for Ingress objects of any served API group. */
export function isIngress(o: KubeObject): boolean {
  return o.kind === 'Ingress' && (o.apiVersion.startsWith('networking.k8s.io/') || o.apiVersion.startsWith('extensions/'));
}
