/** Registry of an image reference and the `trustedRegistries` policy match, shared by the Kubernetes and Compose registry rules. */
import type { ImageRef } from './dockerfile/image-ref';

/** Docker Hub's other host names: all of them count as `docker.io`. */
const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/** The registry host (lower case, with port) an image is pulled from; images without one come from `docker.io`. */
export function registryOf(ref: ImageRef): string {
  const r = ref.registry?.toLowerCase();
  return r === undefined || DOCKER_HUB.has(r) ? 'docker.io' : r;
}

/** True when `registry` matches a trusted entry: the host itself, `*.suffix` for its subdomains, or `*` for any. */
export function isTrustedRegistry(registry: string, trusted: readonly string[]): boolean {
  return trusted.some((entry) => {
    const t = entry.trim().toLowerCase();
    return t === '*' || t === registry || (DOCKER_HUB.has(t) && registry === 'docker.io') || (t.startsWith('*.') && registry.endsWith(t.slice(1)));
  });
}
