/** Output formats for a scan: text, JSON (the result model), SARIF 2.1.0, CycloneDX (sbom.ts). */
import * as path from 'node:path';
import { SEVERITIES, severityRank, type ImageFinding, type ScanResult, type Severity } from './model';

export type FailOn = Severity | 'none';

export function countBySeverity(findings: readonly ImageFinding[]): Record<Severity, number> {
  const c: Record<Severity, number> = { critical: 0, high: 0, medium: 0, low: 0, info: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

export function failed(result: ScanResult, failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  const t = severityRank(failOn);
  return result.findings.some((f) => severityRank(f.severity) >= t);
}

function where(f: ImageFinding): string {
  const parts: string[] = [];
  if (f.location) parts.push(`${f.location.path}:${f.location.line + 1} ${f.location.instruction}`);
  if (f.layerIndex !== undefined) parts.push(`layer ${f.layerIndex + 1}`);
  return parts.length ? `  [${parts.join('; ')}]` : '';
}

export function formatText(r: ScanResult): string {
  const lines: string[] = [];
  const name = r.image.tags.join(', ') || r.image.input;
  lines.push(`Image ${name}${r.image.imageId ? ` (${r.image.imageId.slice(0, 19)})` : ''}${r.image.os ? `, ${r.image.os}` : ''}, ${r.image.layers.length} layer${r.image.layers.length === 1 ? '' : 's'}`);
  lines.push(`Scanner: ${r.scanner.name}${r.scanner.version ? ` ${r.scanner.version}` : ''}; ${r.packages.length} packages inventoried; ${(r.durationMs / 1000).toFixed(2)} s`);
  for (const n of r.notes) lines.push(`note: ${n}`);
  for (const sev of SEVERITIES) {
    const fs = r.findings.filter((f) => f.severity === sev);
    if (!fs.length) continue;
    lines.push('', `${sev.toUpperCase()} (${fs.length})`);
    for (const f of fs) lines.push(`  ${f.id}${f.aliases?.length ? ` (${f.aliases.join(', ')})` : ''}: ${f.message}${where(f)}`);
  }
  const c = countBySeverity(r.findings);
  lines.push('', `${r.findings.length} finding${r.findings.length === 1 ? '' : 's'}: ${SEVERITIES.map((s) => `${c[s]} ${s}`).join(', ')}`);
  return lines.join('\n') + '\n';
}

export function formatJson(r: ScanResult): string {
  return JSON.stringify({ ...r, summary: countBySeverity(r.findings) }, null, 2) + '\n';
}

const SCORE: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.0' };

export function toSarif(r: ScanResult, cwd = process.cwd()): Record<string, unknown> {
  const ruleIds: string[] = [];
  const rules: Record<string, unknown>[] = [];
  for (const f of r.findings) {
    if (ruleIds.includes(f.id)) continue;
    ruleIds.push(f.id);
    rules.push({
      id: f.id,
      name: f.title.replace(/[^A-Za-z0-9]+/g, ' ').trim().replace(/ (\w)/g, (_m, c: string) => c.toUpperCase()).replace(/^\w/, (c) => c.toUpperCase()),
      shortDescription: { text: f.title },
      ...(f.url ? { helpUri: f.url } : {}),
      properties: { 'security-severity': SCORE[f.severity], tags: ['security', f.kind, ...(f.aliases ?? [])] },
    });
  }
  const image = r.image.tags[0] ?? r.image.input;
  const results = r.findings.map((f) => {
    const logical = f.path && !f.path.startsWith('config:') ? `${image}:/${f.path}` : f.pkg ? `${image}:${f.pkg.name}@${f.pkg.installed}` : image;
    const location: Record<string, unknown> = { logicalLocations: [{ fullyQualifiedName: logical, kind: 'module' }] };
    if (f.location) {
      const rel = path.relative(cwd, path.resolve(cwd, f.location.path)).split(path.sep).join('/');
      location.physicalLocation = { artifactLocation: { uri: rel }, region: { startLine: f.location.line + 1, endLine: f.location.endLine + 1 } };
    }
    return {
      ruleId: f.id,
      ruleIndex: ruleIds.indexOf(f.id),
      level: f.severity === 'critical' || f.severity === 'high' ? 'error' : f.severity === 'medium' ? 'warning' : 'note',
      message: { text: f.message },
      locations: [location],
      partialFingerprints: { bulkheadImage: `${f.id}|${f.path ?? ''}|${f.pkg?.name ?? ''}` },
      properties: { severity: f.severity, ...(f.layerIndex !== undefined ? { layer: f.layerIndex + 1 } : {}), ...(f.pkg ? { package: f.pkg } : {}) },
    };
  });
  return {
    version: '2.1.0',
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    runs: [{ tool: { driver: { name: 'bulkhead', informationUri: 'https://github.com/bulkhead-dev/bulkhead', rules } }, results, properties: { image, imageId: r.image.imageId, scanner: r.scanner.name } }],
  };
}

export function formatMarkdown(r: ScanResult): string {
  const c = countBySeverity(r.findings);
  const esc = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = [
    `# Image scan: ${r.image.tags.join(', ') || r.image.input}`,
    '',
    `Scanner: ${r.scanner.name}${r.scanner.version ? ` ${r.scanner.version}` : ''} · ${r.image.layers.length} layers · ${r.packages.length} packages · ${SEVERITIES.map((s) => `${c[s]} ${s}`).join(', ')}`,
    '',
    ...r.notes.map((n) => `> ${n}`),
    '',
    '| Severity | Id | Finding | Where |',
    '| --- | --- | --- | --- |',
    ...r.findings.map((f) => `| ${f.severity} | ${f.id} | ${esc(f.message)} | ${esc(where(f).trim().replace(/^\[|\]$/g, ''))} |`),
  ];
  return lines.join('\n') + '\n';
}
