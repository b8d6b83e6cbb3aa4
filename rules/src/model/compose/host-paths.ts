/**
 * What a bind-mounted host path exposes: a container runtime socket (or the directory holding
 * one), a sensitive system directory, or nothing special. Paths are judged after `${VAR:-default}`
 * substitution and slash normalisation; prefixes match whole path components (`/etc` matches
 * `/etc/ssl` but not `/etcetera`).
 */
import { normalizeHostPath } from './interpolation';

export type HostPathClass = 'socket' | 'socket-directory' | 'sensitive' | undefined;

const SOCKETS = new Set(['docker.sock', 'containerd.sock', 'podman.sock', 'crio.sock', 'dockershim.sock', 'cri-dockerd.sock']);
const SOCKET_DIRS = new Set(['/var/run', '/run', '/var/run/docker', '/run/docker', '/run/containerd', '/var/run/containerd', '/run/podman', '/var/run/crio']);
/** System directories whose whole subtree is sensitive. */
const SENSITIVE_TREES = ['/etc', '/proc', '/sys', '/dev', '/boot', '/root', '/var', '/usr', '/lib', '/lib32', '/lib64', '/bin', '/sbin', '/run'];
/** Directories that are sensitive themselves, though their subdirectories usually are not. */
const SENSITIVE_EXACT = new Set(['/', '/home', '/mnt', '/media', '/opt', '/srv']);
/** Public, non-secret host data commonly shared read-only (time zone, CA certificates, machine id). */
export const HARMLESS_READ_ONLY = new Set(['/etc/localtime', '/etc/timezone', '/usr/share/zoneinfo', '/etc/ssl/certs', '/etc/ca-certificates', '/etc/pki/ca-trust', '/etc/machine-id']);

/** Classifies a host path used as a bind-mount source. */
export function classifyHostPath(source: string): HostPathClass {
  if (/^(\\\\\.\\pipe\\|\/\/\.\/pipe\/)docker_engine$/i.test(source.trim())) return 'socket';
  const path = normalizeHostPath(source);
  if (!path.startsWith('/')) return undefined;
  const base = path.slice(path.lastIndexOf('/') + 1);
  if (SOCKETS.has(base)) return 'socket';
  if (SOCKET_DIRS.has(path)) return 'socket-directory';
  if (SENSITIVE_EXACT.has(path)) return 'sensitive';
  if (SENSITIVE_TREES.some((t) => path === t || path.startsWith(`${t}/`))) return 'sensitive';
  return undefined;
}
