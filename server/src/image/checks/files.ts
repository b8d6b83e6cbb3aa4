/** Path and mode checks on single entries of the final filesystem view (after Dockle's file checks, plus more). */
import type { ImageFinding } from '../model';

const CREDENTIAL_NAMES = new Set([
  'credentials.json', 'credential.json', 'credentials', 'credential', 'password.txt', 'id_rsa', 'id_dsa', 'id_ecdsa', 'id_ed25519',
  'secret_token.rb', 'carrierwave.rb', 'omniauth.rb', 'settings.py', 'database.yml', 'credentials.xml', '.netrc', '.pgpass', '.git-credentials', '.htpasswd',
]);
const CREDENTIAL_EXTS = ['.secret', '.ovpn', '.private_key', '.cscfg', '.rdp', '.mdf', '.sdf', '.bek', '.tpm', '.fve', '.jks', '.psafe3', '.agilekeychain', '.keychain', '.pcap', '.gnucache'];
const LEFTOVER_NAMES = new Set(['Dockerfile', 'docker-compose.yml', 'docker-compose.yaml', 'compose.yaml', '.vimrc', '.DS_Store']);
const LEFTOVER_DIRS = new Set(['.aws', '.azure', '.gcp', '.vscode', '.idea', '.npm', '.cache', '.docker', '.kube']);
const CACHE_DIRS = ['var/cache/apk', 'var/cache/apt/archives', 'var/lib/apt/lists', 'root/.cache/pip', 'root/.npm', 'var/cache/yum', 'var/cache/dnf'];

export interface FileEntry {
  path: string;
  type: string;
  mode: number;
  size: number;
}

function base(p: string): string {
  const i = p.lastIndexOf('/');
  return i === -1 ? p : p.slice(i + 1);
}

/** The package cache directory a path sits in (a cached file inside it), if any. Lock files and `partial/` are not cache. */
export function packageCacheOf(path: string): string | undefined {
  const dir = CACHE_DIRS.find((d) => path.startsWith(`${d}/`));
  if (!dir) return undefined;
  const b = base(path);
  if (b === 'lock' || path.includes('/partial/')) return undefined;
  if (dir === 'var/cache/apt/archives' && !b.endsWith('.deb')) return undefined;
  return dir;
}

/** The `.git` directory a path lies inside (for layers that omit directory entries), if any. */
export function gitDirOf(path: string): string | undefined {
  const segs = path.split('/');
  const i = segs.indexOf('.git');
  if (i === -1 || i === segs.length - 1) return undefined;
  const dir = segs.slice(0, i + 1).join('/');
  return dir.includes('node_modules/') || dir.includes('/vendor/') ? undefined : dir;
}

export function isEnvFile(path: string): boolean {
  const b = base(path);
  return b === '.env' || (b.startsWith('.env.') && !b.endsWith('.example') && !b.endsWith('.sample') && !b.endsWith('.template'));
}

export function fileChecks(e: FileEntry): ImageFinding[] {
  const out: ImageFinding[] = [];
  const b = base(e.path);
  const perm = (e.mode & 0o7777).toString(8).padStart(4, '0');
  const inDeps = e.path.includes('node_modules/') || e.path.includes('/vendor/');
  if (e.type === 'file' || e.type === 'link') {
    if (e.mode & 0o4000) out.push({ id: 'IMG-SETUID', aliases: ['CIS-DI-0008'], kind: 'file', severity: 'low', title: 'setuid file', message: `/${e.path} is setuid (mode ${perm}); confirm it is needed or remove the bit (chmod u-s).`, path: e.path });
    if (e.mode & 0o2000) out.push({ id: 'IMG-SETGID', aliases: ['CIS-DI-0008'], kind: 'file', severity: 'low', title: 'setgid file', message: `/${e.path} is setgid (mode ${perm}); confirm it is needed or remove the bit (chmod g-s).`, path: e.path });
    if (e.mode & 0o002) out.push({ id: 'IMG-WORLD-WRITABLE', kind: 'file', severity: 'medium', title: 'World-writable file', message: `/${e.path} is writable by every user (mode ${perm}).`, path: e.path });
    if (isEnvFile(e.path) && !inDeps) {
      out.push({ id: 'IMG-DOTENV', aliases: ['CIS-DI-0010'], kind: 'file', severity: 'high', title: '.env file in the image', message: `/${e.path} is an environment file that usually holds credentials; exclude it with .dockerignore.`, path: e.path });
    } else if (!inDeps && (CREDENTIAL_NAMES.has(b) || CREDENTIAL_EXTS.some((x) => b.endsWith(x)))) {
      out.push({ id: 'IMG-CREDENTIAL-FILE', aliases: ['CIS-DI-0010'], kind: 'file', severity: 'high', title: 'Credential file in the image', message: `/${e.path} is a credential file by name; remove it from the image.`, path: e.path });
    }
    if (LEFTOVER_NAMES.has(b) && !inDeps) out.push({ id: 'IMG-LEFTOVER', aliases: ['DKL-LI-0003'], kind: 'file', severity: 'info', title: 'Unnecessary file', message: `/${e.path} is not needed at run time.`, path: e.path });
  } else if (e.type === 'directory') {
    if (e.mode & 0o002 && !(e.mode & 0o1000)) {
      out.push({ id: 'IMG-WORLD-WRITABLE', kind: 'file', severity: 'medium', title: 'World-writable directory without sticky bit', message: `/${e.path} is writable by every user without the sticky bit (mode ${perm}); any user can delete others' files there.`, path: e.path });
    }
    if (b === '.git' && !inDeps) out.push({ id: 'IMG-GIT-DIR', aliases: ['DKL-LI-0003'], kind: 'file', severity: 'medium', title: '.git directory in the image', message: `/${e.path} exposes the repository history (and possibly credentials in its config); exclude it with .dockerignore.`, path: e.path });
    else if (LEFTOVER_DIRS.has(b) && !inDeps) out.push({ id: 'IMG-LEFTOVER', aliases: ['DKL-LI-0003'], kind: 'file', severity: b === '.aws' || b === '.azure' || b === '.gcp' || b === '.docker' || b === '.kube' ? 'medium' : 'info', title: 'Unnecessary directory', message: `/${e.path} is a tool directory that is not needed at run time and may hold credentials.`, path: e.path });
  }
  return out;
}
