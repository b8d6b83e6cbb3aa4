/**
 * Secret heuristics for Compose `environment` and `build.args`: which variable names say they
 * hold a credential (judged by name tokens, so `PASSWORD_FILE` or `TOKEN_TTL` stay quiet), which
 * values are real literals (not `${VAR}` interpolation), and credentials embedded in URLs.
 */
import { hasInterpolation } from './interpolation';

const SECRET_WORDS = new Set(['PASSWORD', 'PASSWD', 'PASS', 'PASSPHRASE', 'PWD', 'SECRET', 'TOKEN', 'APIKEY', 'CREDENTIAL', 'CREDENTIALS', 'PRIVATEKEY', 'ACCESSKEY', 'SECRETKEY']);
/** `<qualifier>_KEY` is a secret for these qualifiers. */
const KEY_QUALIFIERS = new Set(['API', 'PRIVATE', 'ACCESS', 'SECRET', 'SIGNING', 'ENCRYPTION', 'MASTER', 'AUTH', 'LICENSE', 'APP', 'CLIENT', 'ENCRYPT', 'JWT', 'HMAC']);
/** A last name token that makes the variable describe a secret rather than hold it. */
const DESCRIPTIVE = new Set(['FILE', 'PATH', 'DIR', 'URL', 'URI', 'HOST', 'PORT', 'NAME', 'USER', 'USERNAME', 'TYPE', 'LENGTH', 'ENABLED', 'REQUIRED', 'MODE', 'METHOD', 'HEADER', 'VERSION', 'EXPIRY', 'EXPIRES', 'TTL', 'TIMEOUT', 'POLICY', 'ALGORITHM', 'PROVIDER', 'FIELD', 'PREFIX', 'SUFFIX', 'ID', 'LIFETIME', 'ROUNDS', 'COST', 'SIZE', 'MIN', 'MAX']);
/** Tokens that make the value public. */
const PUBLIC = new Set(['PUBLIC', 'PUB', 'PUBLISHABLE']);

function nameTokens(name: string): string[] {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase().split(/[^A-Z0-9]+/).filter((t) => t !== '');
}

/** True when a variable name says it holds a credential. */
export function isSecretName(name: string): boolean {
  const t = nameTokens(name);
  const last = t[t.length - 1];
  if (last === undefined || DESCRIPTIVE.has(last) || t.some((x) => PUBLIC.has(x))) return false;
  if (t.length === 1 && last === 'PWD') return false; // the shell's working directory
  return t.some((x, i) => SECRET_WORDS.has(x) || (x === 'KEY' && i > 0 && KEY_QUALIFIERS.has(t[i - 1] ?? '')));
}

/** True when a value is a literal worth reporting: non-empty, not interpolated, not a boolean. */
export function isLiteralSecretValue(value: string | undefined): value is string {
  if (value === undefined) return false;
  const v = value.trim();
  if (v === '' || hasInterpolation(v)) return false;
  return !/^(true|false|yes|no|on|off|null|none)$/i.test(v);
}

/** The literal password of a `scheme://user:password@host` URL, when there is one. */
export function urlPassword(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const m = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/\s:@]*:([^@/\s]+)@/.exec(value.trim());
  const pass = m?.[1];
  return pass !== undefined && !hasInterpolation(pass) ? pass : undefined;
}
