/** Package inventories: dpkg status, apk installed, npm lockfiles, Python dist-info METADATA. */
import { isRecord, parseJson, rec, str } from './json';
import type { PackageInfo } from './model';

export type PackageDb = 'dpkg' | 'apk' | 'npm-lock' | 'python-metadata';

/** Which package database a path is, if any. */
export function packageDbKind(path: string): PackageDb | undefined {
  if (path === 'var/lib/dpkg/status' || path.startsWith('var/lib/dpkg/status.d/')) return 'dpkg';
  if (path === 'lib/apk/db/installed') return 'apk';
  const b = path.slice(path.lastIndexOf('/') + 1);
  if (b === 'package-lock.json' || b === 'npm-shrinkwrap.json') {
    // Lockfiles of installed dependencies are covered by the project lockfile / node_modules/.package-lock.json.
    const inside = path.indexOf('node_modules/');
    if (inside === -1) return 'npm-lock';
    return undefined;
  }
  if (b === '.package-lock.json' && path.endsWith('node_modules/.package-lock.json')) return 'npm-lock';
  if (b === 'METADATA' && /\.dist-info\/METADATA$/.test(path)) return 'python-metadata';
  if (b === 'PKG-INFO' && /\.egg-info\/PKG-INFO$/.test(path)) return 'python-metadata';
  return undefined;
}

function enc(s: string): string {
  return encodeURIComponent(s).replace(/%40/g, '@');
}

/** Paragraphs of `Key: value` fields (dpkg status, RFC 822 headers); continuation lines are skipped. */
function paragraphs(text: string): Map<string, string>[] {
  const out: Map<string, string>[] = [];
  let cur = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      if (cur.size) out.push(cur);
      cur = new Map();
      continue;
    }
    if (line.startsWith(' ') || line.startsWith('\t')) continue;
    const i = line.indexOf(':');
    if (i > 0) cur.set(line.slice(0, i).trim(), line.slice(i + 1).trim());
  }
  if (cur.size) out.push(cur);
  return out;
}

export function parseDpkgStatus(text: string, source: string, distro = 'debian'): PackageInfo[] {
  const out: PackageInfo[] = [];
  for (const p of paragraphs(text)) {
    const name = p.get('Package');
    const version = p.get('Version');
    const status = p.get('Status');
    if (!name || !version) continue;
    if (status !== undefined && !status.split(/\s+/).includes('installed')) continue;
    const arch = p.get('Architecture');
    out.push({ name, version, type: 'deb', purl: `pkg:deb/${distro}/${enc(name)}@${enc(version)}${arch ? `?arch=${arch}` : ''}`, source });
  }
  return out;
}

export function parseApkInstalled(text: string, source: string): PackageInfo[] {
  const out: PackageInfo[] = [];
  let name: string | undefined;
  let version: string | undefined;
  let arch: string | undefined;
  let license: string | undefined;
  const flush = (): void => {
    if (name && version) out.push({ name, version, type: 'apk', purl: `pkg:apk/alpine/${enc(name)}@${enc(version)}${arch ? `?arch=${arch}` : ''}`, source, license });
    name = version = arch = license = undefined;
  };
  for (const line of text.split('\n')) {
    if (line.trim() === '') {
      flush();
      continue;
    }
    const v = line.slice(2);
    if (line.startsWith('P:')) name = v;
    else if (line.startsWith('V:')) version = v;
    else if (line.startsWith('A:')) arch = v;
    else if (line.startsWith('L:')) license = v;
  }
  flush();
  return out;
}

function npmPurl(name: string, version: string): string {
  if (name.startsWith('@')) {
    const [scope, n] = name.split('/');
    return `pkg:npm/${encodeURIComponent(scope ?? '')}/${enc(n ?? '')}@${enc(version)}`;
  }
  return `pkg:npm/${enc(name)}@${enc(version)}`;
}

export function parseNpmLock(text: string, source: string): PackageInfo[] {
  const doc = rec(parseJson(text));
  if (!doc) return [];
  const out: PackageInfo[] = [];
  const seen = new Set<string>();
  const add = (name: string, version: string | undefined): void => {
    if (!name || !version || seen.has(`${name}@${version}`)) return;
    seen.add(`${name}@${version}`);
    out.push({ name, version, type: 'npm', purl: npmPurl(name, version), source });
  };
  const pkgs = rec(doc.packages);
  if (pkgs) {
    for (const [key, v] of Object.entries(pkgs)) {
      if (key === '' || !isRecord(v) || v.link === true) continue;
      const i = key.lastIndexOf('node_modules/');
      add(str(v.name) ?? (i === -1 ? key : key.slice(i + 'node_modules/'.length)), str(v.version));
    }
    return out;
  }
  const walk = (deps: unknown, depth: number): void => {
    if (depth > 64) return;
    for (const [name, v] of Object.entries(rec(deps) ?? {})) {
      const r = rec(v);
      if (!r) continue;
      add(name, str(r.version));
      walk(r.dependencies, depth + 1);
    }
  };
  walk(doc.dependencies, 0);
  return out;
}

export function parsePythonMetadata(text: string, source: string): PackageInfo[] {
  const head = text.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const p = paragraphs(head)[0];
  const name = p?.get('Name');
  const version = p?.get('Version');
  if (!name || !version) return [];
  const norm = name.toLowerCase().replace(/[-_.]+/g, '-');
  return [{ name, version, type: 'pypi', purl: `pkg:pypi/${enc(norm)}@${enc(version)}`, source, license: p?.get('License') || undefined }];
}

export function parsePackageDb(kind: PackageDb, text: string, source: string, distro?: string): PackageInfo[] {
  switch (kind) {
    case 'dpkg':
      return parseDpkgStatus(text, source, distro);
    case 'apk':
      return parseApkInstalled(text, source);
    case 'npm-lock':
      return parseNpmLock(text, source);
    case 'python-metadata':
      return parsePythonMetadata(text, source);
  }
}

/** `ID=` of /etc/os-release (debian, ubuntu, alpine…). */
export function osReleaseId(text: string): { id?: string; version?: string } {
  const out: { id?: string; version?: string } = {};
  for (const line of text.split('\n')) {
    const i = line.indexOf('=');
    if (i <= 0) continue;
    const k = line.slice(0, i);
    const v = line.slice(i + 1).trim().replace(/^"|"$/g, '');
    if (k === 'ID') out.id = v;
    else if (k === 'VERSION_ID') out.version = v;
  }
  return out;
}

