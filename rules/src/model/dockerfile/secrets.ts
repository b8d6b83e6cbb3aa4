/**
 * Heuristics for secret-looking variable names and values, shared by the ARG/ENV rule and the
 * RUN-level rules. Names are split into tokens (`_`, `-`, `.`, camelCase) and judged by tokens,
 * never by substring, so `PASSWORD_FILE`, `GPG_KEY` or `TOKENIZER_PATH` stay quiet.
 */

const SECRET_TOKENS = new Set(['PASSWORD', 'PASSWD', 'PASSPHRASE', 'PWORD', 'SECRET', 'SECRETS', 'TOKEN', 'APIKEY', 'CREDENTIAL', 'CREDENTIALS', 'PRIVATEKEY', 'ACCESSKEY', 'SECRETKEY', 'AUTHTOKEN', 'CLIENTSECRET']);
/** Words that make `<word>_KEY` a secret. */
const KEY_QUALIFIERS = new Set(['API', 'PRIVATE', 'ACCESS', 'SECRET', 'SIGNING', 'ENCRYPTION', 'MASTER', 'AUTH', 'LICENSE', 'SSH', 'APP', 'CLIENT']);
/** A trailing token that makes the variable describe a secret rather than hold it. */
const NOT_A_VALUE = new Set(['FILE', 'PATH', 'DIR', 'URL', 'URI', 'HOST', 'PORT', 'ENDPOINT', 'NAME', 'USER', 'USERNAME', 'TYPE', 'LENGTH', 'ENABLED', 'REQUIRED', 'MODE', 'METHOD', 'HEADER', 'VERSION', 'LOCATION', 'ID_FILE', 'PROVIDER', 'EXPIRY', 'EXPIRES', 'TTL', 'TIMEOUT', 'REGEX', 'POLICY', 'HASH_ALGORITHM', 'FINGERPRINT', 'ENV', 'VAR', 'FIELD', 'PREFIX', 'SUFFIX', 'COMMAND', 'CMD', 'SCRIPT']);
/** Substrings of every token that can make a name secret (SECRET_TOKENS, KEY and PASS). */
const SECRET_PARTS = ['PASS', 'PWORD', 'SECRET', 'TOKEN', 'KEY', 'CREDENTIAL'];
/** Tokens that mark a public value. */
const PUBLIC = new Set(['PUBLIC', 'PUB', 'GPG', 'PGP']);

function tokens(name: string): string[] {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase().split(/[_\-.]+/).filter((t) => t !== '');
}

/** True when a variable name says it holds a credential. */
export function isSecretName(name: string): boolean {
  // Every secret token (and KEY, PASS) contains one of these: most names are decided here.
  const upper = name.toUpperCase();
  if (!SECRET_PARTS.some((part) => upper.includes(part))) return false;
  const t = tokens(name);
  if (t.length === 0 || t.some((x) => PUBLIC.has(x))) return false;
  if (NOT_A_VALUE.has(t[t.length - 1]!)) return false;
  for (let i = 0; i < t.length; i++) {
    const x = t[i]!;
    if (SECRET_TOKENS.has(x)) return true;
    if (x === 'KEY' && i > 0 && KEY_QUALIFIERS.has(t[i - 1]!)) return true;
    if (x === 'PASS' && (i === t.length - 1 || t[i + 1] === 'WORD')) return true;
  }
  return false;
}

const TOKEN_SHAPES: readonly RegExp[] = [
  /\bAKIA[0-9A-Z]{16}\b/, // AWS access key id
  /\bgh[pousr]_[A-Za-z0-9]{36,}\b/, // GitHub tokens
  /\bgithub_pat_[A-Za-z0-9_]{40,}\b/,
  /\bglpat-[A-Za-z0-9_-]{20,}\b/, // GitLab
  /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/, // Slack
  /\b[sr]k_live_[A-Za-z0-9]{16,}\b/, // Stripe
  /\bAIza[0-9A-Za-z_-]{35}\b/, // Google API key
  /\bnpm_[A-Za-z0-9]{36}\b/, // npm
  /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----/,
];

/** All shapes in one pattern: one scan of the value instead of one per shape. */
const ANY_TOKEN_SHAPE = new RegExp(TOKEN_SHAPES.map((r) => r.source).join('|'));

/** True when a value has the shape of a well-known credential. */
export function isTokenShaped(value: string): boolean {
  return ANY_TOKEN_SHAPE.test(value);
}
