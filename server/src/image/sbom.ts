/** CycloneDX 1.5 JSON SBOM from the package inventory. */
import { randomUUID } from 'node:crypto';
import type { ScanResult } from './model';

export function toCycloneDx(r: ScanResult, toolVersion = '0.1.0'): Record<string, unknown> {
  const seen = new Set<string>();
  const components: Record<string, unknown>[] = [];
  for (const p of r.packages) {
    if (seen.has(p.purl)) continue;
    seen.add(p.purl);
    components.push({
      type: 'library',
      'bom-ref': p.purl,
      name: p.name,
      version: p.version,
      purl: p.purl,
      ...(p.license ? { licenses: [{ license: { name: p.license } }] } : {}),
      properties: [
        { name: 'bulkhead:package:type', value: p.type },
        { name: 'bulkhead:package:source', value: `/${p.source}` },
        ...(p.layerIndex !== undefined ? [{ name: 'bulkhead:layer:index', value: String(p.layerIndex) }] : []),
      ],
    });
  }
  const name = r.image.tags[0] ?? r.image.input;
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.5',
    serialNumber: `urn:uuid:${randomUUID()}`,
    version: 1,
    metadata: {
      timestamp: new Date().toISOString(),
      tools: { components: [{ type: 'application', name: 'bulkhead', version: toolVersion }] },
      component: {
        type: 'container',
        'bom-ref': r.image.imageId ?? name,
        name,
        ...(r.image.imageId ? { version: r.image.imageId } : {}),
      },
    },
    components,
  };
}
