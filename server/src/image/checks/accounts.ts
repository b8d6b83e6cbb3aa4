/** /etc/passwd, /etc/group and /etc/shadow checks (empty passwords, duplicate UIDs and GIDs). */
import type { ImageFinding } from '../model';

function lines(text: string): string[][] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .map((l) => l.split(':'));
}

export function shadowChecks(path: string, text: string): ImageFinding[] {
  const empty = lines(text).filter((f) => f.length >= 2 && f[1] === '').map((f) => f[0] ?? '');
  if (empty.length === 0) return [];
  return [
    {
      id: 'IMG-EMPTY-PASSWORD',
      aliases: ['DKL-LI-0001'],
      kind: 'file',
      severity: 'high',
      title: 'Account with an empty password',
      message: `/${path}: ${empty.join(', ')} ${empty.length === 1 ? 'has' : 'have'} an empty password, so anyone can log in as ${empty.length === 1 ? 'it' : 'them'}. Lock the account (passwd -l).`,
      path,
    },
  ];
}

/** Duplicate numeric ids in the 3rd field of passwd (UIDs) or group (GIDs). */
export function duplicateIdChecks(path: string, text: string, what: 'UID' | 'GID'): ImageFinding[] {
  const byId = new Map<string, string[]>();
  for (const f of lines(text)) {
    const id = f[2];
    if (f.length < 3 || id === undefined || !/^\d+$/.test(id)) continue;
    byId.set(id, [...(byId.get(id) ?? []), f[0] ?? '']);
  }
  const out: ImageFinding[] = [];
  for (const [id, names] of byId) {
    if (names.length < 2) continue;
    out.push({
      id: what === 'UID' ? 'IMG-DUPLICATE-UID' : 'IMG-DUPLICATE-GID',
      aliases: ['DKL-LI-0002'],
      kind: 'file',
      severity: 'medium',
      title: `Duplicate ${what}`,
      message: `/${path}: ${names.join(', ')} share ${what} ${id}; they are the same identity to the kernel.`,
      path,
    });
  }
  return out;
}
