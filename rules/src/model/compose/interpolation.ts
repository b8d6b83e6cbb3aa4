/**
 * Compose variable interpolation, statically: `${VAR:-default}` and `${VAR-default}` are
 * replaced by their default so paths like `${DOCKER_SOCK:-/var/run/docker.sock}` can be judged;
 * other references are left as written.
 */

/** Replaces interpolations that carry a default value by that default. */
export function substituteDefaults(text: string): string {
  return text.replace(/\$\{[A-Za-z_][A-Za-z0-9_]*:?-([^}]*)\}/g, (_m, def: string) => def);
}

/** True when the text still contains a `$VAR` or `${VAR}` reference (`$$` is a literal dollar). */
export function hasInterpolation(text: string): boolean {
  return /(^|[^$])\$(\{|[A-Za-z_])/.test(text);
}

/** Normalises a POSIX host path: defaults substituted, duplicate and trailing slashes removed. */
export function normalizeHostPath(path: string): string {
  const p = substituteDefaults(path.trim()).replace(/\/{2,}/g, '/');
  return p.length > 1 ? p.replace(/\/+$/, '') : p;
}
