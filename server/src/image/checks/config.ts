/** Checks on the image config: user, healthcheck, volumes, secrets in Env and Labels. */
import type { ImageConfig } from '../sources/load';
import type { ImageFinding } from '../model';
import { findSecrets, isPlaceholderValue, isSecretName, mask } from './secrets';

const SENSITIVE_VOLUMES = ['/proc', '/sys', '/dev', '/var/run/docker.sock', '/run/docker.sock', '/etc', '/'];

export function configChecks(c: ImageConfig): ImageFinding[] {
  const out: ImageFinding[] = [];
  const user = c.user.split(':')[0] ?? '';
  if (user === '' || user === 'root' || user === '0') {
    out.push({
      id: 'IMG-USER-ROOT',
      aliases: ['CIS-DI-0001'],
      kind: 'config',
      severity: 'medium',
      title: 'Image runs as root',
      message: c.user === '' ? 'The image sets no USER, so containers run as root. Add a non-root USER.' : `The last USER is "${c.user}". Switch to a non-root user.`,
    });
  }
  if (!c.healthcheck) {
    out.push({
      id: 'IMG-NO-HEALTHCHECK',
      aliases: ['CIS-DI-0006'],
      kind: 'config',
      severity: 'low',
      title: 'No HEALTHCHECK',
      message: c.healthcheckNone ? 'HEALTHCHECK is disabled (NONE).' : 'The image defines no HEALTHCHECK.',
    });
  }
  for (const v of c.volumes) {
    const norm = v.replace(/\/+$/, '') || '/';
    if (SENSITIVE_VOLUMES.some((s) => norm === s || (s !== '/' && norm.startsWith(`${s}/`)))) {
      out.push({ id: 'IMG-SENSITIVE-VOLUME', aliases: ['DKL-DI-0002'], kind: 'config', severity: 'high', title: 'Sensitive directory declared as a volume', message: `VOLUME ${v} exposes a host-sensitive path; remove it.` });
    }
  }
  for (const e of c.env) {
    const eq = e.indexOf('=');
    if (eq <= 0) continue;
    const name = e.slice(0, eq);
    const value = e.slice(eq + 1);
    const hits = findSecrets(value);
    if (hits.length > 0 || (isSecretName(name) && !isPlaceholderValue(value))) {
      out.push({
        id: 'IMG-ENV-SECRET',
        aliases: ['CIS-DI-0010'],
        kind: 'config',
        severity: hits[0]?.rule.severity === 'critical' ? 'critical' : 'high',
        title: 'Credential in an environment variable',
        message: `ENV ${name}=${mask(value)} is stored in the image config and visible to anyone who can pull the image${hits[0] ? ` (${hits[0].rule.title})` : ''}. Inject it at run time instead.`,
        path: `config:Env/${name}`,
      });
    }
  }
  for (const [name, value] of Object.entries(c.labels)) {
    const hits = findSecrets(value);
    if (hits.length > 0 || (isSecretName(name) && !isPlaceholderValue(value))) {
      out.push({
        id: 'IMG-LABEL-SECRET',
        aliases: ['CIS-DI-0010'],
        kind: 'config',
        severity: 'high',
        title: 'Credential in a label',
        message: `LABEL ${name}=${mask(value)} looks like a credential; labels are public metadata.`,
        path: `config:Labels/${name}`,
      });
    }
  }
  return out;
}
