/** The tool's version, read from the package manifest next to the bundle or the sources. */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

let cached: string | undefined;

/** Walks up from this module to the `bulkhead` package.json and returns its version ("0.0.0" if none is found). */
export function toolVersion(): string {
  if (cached !== undefined) return cached;
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    try {
      const manifest: unknown = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
      if (typeof manifest === 'object' && manifest !== null && 'name' in manifest && manifest.name === 'bulkhead' && 'version' in manifest && typeof manifest.version === 'string') {
        cached = manifest.version;
        return cached;
      }
    } catch {
      // no manifest here; keep walking up
    }
    dir = path.dirname(dir);
  }
  cached = '0.0.0';
  return cached;
}
