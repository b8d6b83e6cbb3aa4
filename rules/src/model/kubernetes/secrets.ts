/** Heuristics shared by the secret rules: which names look like credentials, which values are real literals. */

const SECRET_NAME = /(pass(word|wd)?|secret|token|api_?key|apikey|private_?key|access_?key|credential|auth_?key|client_?secret|conn(ection)?_?str)/i;
const NOT_A_VALUE_NAME = /(_(file|path|dir|name|url|uri|host|port|user(name)?|ttl|expiry|expires|length|header|type|mode|enabled|id|ref)$)|^(is|use|enable)_/i;
const PEM = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;

/** True when an environment variable or key name suggests it holds a credential. */
export function looksLikeSecretName(name: string): boolean {
  return SECRET_NAME.test(name) && !NOT_A_VALUE_NAME.test(name);
}

/** True when a value is a PEM private key. */
export function isPrivateKey(value: string): boolean {
  return PEM.test(value);
}

/** True for values that are obviously not credentials: empty, booleans, a `$(VAR)` reference, a placeholder. */
export function isTrivialValue(value: string): boolean {
  const v = value.trim();
  return v === '' || /^(true|false|yes|no|none|null|changeme|\*+|<[^>]*>|\$\([A-Za-z0-9_]+\)|\$\{[A-Za-z0-9_]+\})$/i.test(v);
}
