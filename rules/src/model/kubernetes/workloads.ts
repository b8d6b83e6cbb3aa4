/**
 * One extractor that knows where pod specs live (as kube-linter's extract.PodSpec does): rules
 * receive Kubernetes objects, workloads and containers with ranges and never re-walk YAML.
 */
import type { Range } from 'vscode-languageserver-types';
import { type YamlFile, type YamlDocument, getIn, mapGet, nodeRange, keyRange, seqItems, stringValue, isMap, isScalar, deref } from '../yaml/documents';
import { indentUnit } from '../yaml/edits';

/** A Kubernetes object: one document, or one item of a `List`. */
export interface KubeObject {
  file: YamlFile;
  doc: YamlDocument;
  /** The object's map node. */
  node: unknown;
  apiVersion: string;
  kind: string;
  name: string | undefined;
  namespace: string | undefined;
  /** Where to report findings about the object as a whole: its `kind` key. */
  headRange: Range;
  /**
   * Whether the file is laid out as a Kustomize patch (see `isPatchPath`); undefined when the
   * path is unknown. Decides whether a container without `image` marks a patch.
   */
  inPatchFile?: boolean;
  /**
   * True when a kustomization of the workspace lists the file as a patch (engine/workspace.ts):
   * every workload and container of the file is then partial, whatever the path or the fields.
   */
  listedPatch?: boolean;
  /** The object's workload view once `workloadOf` built it (null: not a workload). */
  workload?: Workload | null;
}

/** Directory names that hold Kustomize overlays, patches and components by convention. */
const PATCH_DIRS: ReadonlySet<string> = new Set(['overlay', 'overlays', 'patch', 'patches', 'component', 'components', 'kustomize']);

/**
 * True when a path looks like a Kustomize patch: under `overlays/`, `patches/`, `components/` or
 * `kustomize/`, or a file name with the word `patch` (`patch.yaml`, `memory-patch.yaml` …).
 */
export function isPatchPath(path: string): boolean {
  const parts = path.split(/[\\/]/).filter((p) => p !== '');
  const base = parts.pop() ?? '';
  // `patch` as a word of the file name (`patch.yaml`, `memory-patch.yaml`, `deploymentPatch.yaml`), not `dispatcher.yaml`.
  const named = /(^|[^a-z])patch(es)?([^a-z]|$)/.test(base.toLowerCase()) || /[a-z]Patch(es)?([^a-z]|$)/.test(base);
  return named || parts.some((p) => PATCH_DIRS.has(p.toLowerCase()));
}

/** Where each workload kind keeps its pod spec. */
const POD_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
  Pod: ['spec'],
  PodTemplate: ['template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
  DeploymentConfig: ['spec', 'template', 'spec'],
};

/** Knative Serving kinds (keyed by kind within the serving.knative.dev group), whose templates are pod specs. */
const KNATIVE_POD_SPEC_PATHS: Readonly<Record<string, readonly string[]>> = {
  Service: ['spec', 'template', 'spec'],
  Configuration: ['spec', 'template', 'spec'],
  Revision: ['spec'],
};

function podSpecPath(o: KubeObject): readonly string[] | undefined {
  if (o.apiVersion.startsWith('serving.knative.dev/')) return KNATIVE_POD_SPEC_PATHS[o.kind];
  // Knative Eventing's ContainerSource runs a pod template too.
  if (o.apiVersion.startsWith('sources.knative.dev/') && o.kind === 'ContainerSource') return ['spec', 'template', 'spec'];
  return POD_SPEC_PATHS[o.kind];
}

/** Kinds that embed a pod template. */
export const WORKLOAD_KINDS: readonly string[] = Object.keys(POD_SPEC_PATHS);

/** A workload: an object with a pod spec. */
export interface Workload {
  object: KubeObject;
  podSpec: unknown;
  /** Pod-level `securityContext` map node, if set. */
  podSecurityContext: unknown;
  /** The pod template's `metadata` map (the object's own metadata for a Pod), if set. */
  podMetadata: unknown;
  /** Where to report pod-level findings: the key of the pod spec (`spec`, or `template.spec`'s `spec`), else the object head. */
  range: Range;
  containers: Container[];
  /**
   * True for partial objects such as Kustomize strategic-merge patches: no containers, or a
   * partial container. Rules that report a *missing* field skip partial workloads.
   */
  partial: boolean;
  /** Indentation step of the document (for inserting nested keys in fixes). */
  indent: number;
}

export type ContainerType = 'container' | 'initContainer' | 'ephemeralContainer';

/** One container of a workload. */
export interface Container {
  workload: Workload;
  type: ContainerType;
  node: unknown;
  name: string | undefined;
  /** Container-level `securityContext` map node, if set. */
  securityContext: unknown;
  /** The `image` value node and its text, if set. */
  imageNode: unknown;
  image: string | undefined;
  /**
   * True when the container has no `image` and the file is (or may be) a Kustomize patch: its
   * path looks like one, or is unknown; always true in a file a kustomization lists as a patch. A complete manifest elsewhere lacking `image` is linted
   * in full: the API server rejects it, and nothing about it says it is a patch.
   */
  partial: boolean;
  /** Where to report container-level findings: the `name` value, else the item. */
  range: Range;
}

const CONTAINER_FIELDS: readonly [string, ContainerType][] = [
  ['containers', 'container'],
  ['initContainers', 'initContainer'],
  ['ephemeralContainers', 'ephemeralContainer'],
];

/**
 * Extracts every Kubernetes object (documents with apiVersion and kind; `List` items expanded).
 * `path`, when given, tells whether the file is laid out as a Kustomize patch (see `isPatchPath`);
 * `listedPatch` says a kustomization lists it as one (its objects are then partial).
 */
export function objectsOf(file: YamlFile, path?: string, listedPatch = false): KubeObject[] {
  const out: KubeObject[] = [];
  const inPatchFile = path === undefined ? undefined : isPatchPath(path);
  const add = (o: KubeObject): void => {
    if (inPatchFile !== undefined) o.inPatchFile = inPatchFile;
    if (listedPatch) o.listedPatch = true;
    out.push(o);
  };
  for (const doc of file.documents) {
    const root = doc.root;
    const obj = toObject(file, doc, root);
    if (!obj) continue;
    if (obj.kind === 'List' || obj.kind.endsWith('List')) {
      for (const item of seqItems(mapGet(root, 'items'))) {
        const inner = toObject(file, doc, deref(doc, item));
        if (inner) add(inner);
      }
    } else {
      add(obj);
    }
  }
  return out;
}

function toObject(file: YamlFile, doc: YamlDocument, node: unknown): KubeObject | undefined {
  if (!isMap(node)) return undefined;
  const apiVersion = stringValue(mapGet(node, 'apiVersion'));
  const kind = stringValue(mapGet(node, 'kind'));
  if (!apiVersion || !kind) return undefined;
  const headRange = keyRange(file, node, 'kind') ?? doc.range;
  return {
    file, doc, node, apiVersion, kind,
    name: stringValue(getIn(node, ['metadata', 'name'])),
    namespace: stringValue(getIn(node, ['metadata', 'namespace'])),
    headRange,
    workload: undefined,
  };
}

/** The workload view of an object, or undefined for kinds without a pod spec (built once per object). */
export function workloadOf(o: KubeObject): Workload | undefined {
  let w = o.workload;
  if (w === undefined) {
    w = buildWorkload(o) ?? null;
    o.workload = w;
  }
  return w ?? undefined;
}

function buildWorkload(o: KubeObject): Workload | undefined {
  const path = podSpecPath(o);
  if (!path) return undefined;
  const podSpec = getIn(o.node, path);
  if (!isMap(podSpec)) return undefined;
  const metaPath = path.length === 1 ? ['metadata'] : [...path.slice(0, -1), 'metadata'];
  const w: Workload = {
    object: o,
    podSpec,
    podSecurityContext: mapGet(podSpec, 'securityContext'),
    podMetadata: getIn(o.node, metaPath),
    range: keyRange(o.file, path.length > 1 ? getIn(o.node, path.slice(0, -1)) : o.node, path[path.length - 1] ?? 'spec') ?? o.headRange,
    containers: [],
    partial: false,
    indent: indentUnit(o.file, o.doc.root),
  };
  for (const [field, type] of CONTAINER_FIELDS) {
    for (const item of seqItems(mapGet(podSpec, field))) {
      const node = deref(o.doc, item);
      if (!isMap(node)) continue;
      const nameNode = mapGet(node, 'name');
      const imageNode = mapGet(node, 'image');
      const image = stringValue(imageNode);
      w.containers.push({
        workload: w,
        type,
        node,
        name: stringValue(nameNode),
        securityContext: mapGet(node, 'securityContext'),
        imageNode,
        image,
        partial: (image === undefined && o.inPatchFile !== false) || o.listedPatch === true,
        range: nodeRange(o.file, nameNode) ?? nodeRange(o.file, node) ?? w.range,
      });
    }
  }
  w.partial = w.containers.length === 0 || w.containers.some((c) => c.partial);
  return w;
}

/** A security setting as it applies to a container: the container's own value wins over the pod's. */
export interface Effective {
  value: unknown;
  /** The node that set it (for ranges), undefined when unset at both levels. */
  node: unknown;
  level: 'container' | 'pod' | 'unset';
}

/** 'Container', 'Init container' or 'Ephemeral container', for messages. */
export function containerLabel(c: Container): string {
  const what = c.type === 'container' ? 'Container' : c.type === 'initContainer' ? 'Init container' : 'Ephemeral container';
  return `${what} '${c.name ?? '(unnamed)'}'`;
}

/** `Deployment 'web'`, for messages. */
export function objectLabel(o: KubeObject): string {
  return `${o.kind} '${o.name ?? '(unnamed)'}'`;
}

/** Resolves a `securityContext` field that exists at both pod and container level (runAsNonRoot, runAsUser, seccompProfile …). */
export function effectiveSecurity(c: Container, field: string): Effective {
  const own = mapGet(c.securityContext, field);
  if (isSet(own)) return { value: own, node: own, level: 'container' };
  const pod = mapGet(c.workload.podSecurityContext, field);
  if (isSet(pod)) return { value: pod, node: pod, level: 'pod' };
  return { value: undefined, node: undefined, level: 'unset' };
}

function isSet(node: unknown): boolean {
  return node !== undefined && node !== null && !(isScalar(node) && node.value === null);
}
