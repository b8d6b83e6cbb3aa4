/**
 * Stands in for prettier in the server bundle. yaml-language-server imports prettier at load time
 * for YAML formatting, which Bulkhead never requests; the VSIX ships no node_modules, so a real
 * `require('prettier/…')` would stop the server from starting.
 */
export function format(): Promise<string> {
  return Promise.reject(new Error('YAML formatting is not part of Bulkhead.'));
}
