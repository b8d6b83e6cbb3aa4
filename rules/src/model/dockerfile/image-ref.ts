/**
 * Image references (`[registry/]repository[:tag][@digest]`) split into their parts, following
 * the distribution reference grammar: the first path component is a registry when it contains
 * a `.` or `:` or is `localhost`.
 */
export interface ImageRef {
  /** The reference as written (after variable substitution). */
  raw: string;
  /** Registry host (with port), or undefined for Docker Hub. */
  registry?: string;
  /** Repository path without registry, e.g. `library/alpine` is reported as `alpine`. */
  repository: string;
  tag?: string;
  digest?: string;
  /** Offsets of the tag (after ':') and digest (after '@') within `raw`, when present. */
  tagOffset?: number;
  digestOffset?: number;
}

/** Parses an image reference; returns undefined for an empty string. Never throws. */
export function parseImageRef(raw: string): ImageRef | undefined {
  const ref = raw.trim();
  if (ref === '') return undefined;
  let rest = ref;
  let digest: string | undefined;
  let digestOffset: number | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    digestOffset = at + 1;
    rest = rest.slice(0, at);
  }
  let registry: string | undefined;
  let pathStart = 0;
  const slash = rest.indexOf('/');
  if (slash >= 0) {
    const first = rest.slice(0, slash);
    if (first.includes('.') || first.includes(':') || first === 'localhost') {
      registry = first;
      pathStart = slash + 1;
    }
  }
  let repository = rest.slice(pathStart);
  let tag: string | undefined;
  let tagOffset: number | undefined;
  const colon = repository.lastIndexOf(':');
  if (colon >= 0) {
    tag = repository.slice(colon + 1);
    tagOffset = pathStart + colon + 1;
    repository = repository.slice(0, colon);
  }
  const out: ImageRef = { raw: ref, repository };
  if (registry !== undefined) out.registry = registry;
  if (tag !== undefined) { out.tag = tag; out.tagOffset = tagOffset; }
  if (digest !== undefined) { out.digest = digest; out.digestOffset = digestOffset; }
  return out;
}

/** True when the reference names no tag and no digest (so `latest` is implied). */
export function isUntagged(ref: ImageRef): boolean {
  return ref.tag === undefined && ref.digest === undefined;
}
