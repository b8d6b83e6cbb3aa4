/** Parsers for Trivy JSON, Grype JSON and Docker Scout SARIF, each validated from `unknown` into our model. */
import { arr, isRecord, num, rec, str, strArr } from '../json';
import { normaliseSeverity, type ImageFinding } from '../model';

export interface ExternalResult {
  scanner: { name: string; version?: string };
  findings: ImageFinding[];
  os?: string;
  /** Layer DiffIDs the scanner reported, in order (Trivy), used to map findings to layers. */
  diffIds: string[];
  notes: string[];
}

export class ParseError extends Error {}

function vuln(
  id: string,
  severity: string | undefined,
  pkg: ImageFinding['pkg'],
  title: string | undefined,
  url: string | undefined,
  layerDigest: string | undefined,
  path?: string,
): ImageFinding {
  const name = pkg?.name ?? '?';
  const fixed = pkg?.fixed ? `fixed in ${pkg.fixed}` : 'no fix available';
  return {
    id,
    kind: 'vulnerability',
    severity: normaliseSeverity(severity),
    title: title && title.trim() !== '' ? title.trim() : id,
    message: `${id} in ${name} ${pkg?.installed ?? ''} (${fixed})${title ? `: ${title.trim()}` : ''}`.replace(/\s+\(/, ' ('),
    pkg,
    ...(url ? { url } : {}),
    ...(layerDigest ? { layerDigest } : {}),
    ...(path ? { path } : {}),
  };
}

/** `trivy image --format json` (SchemaVersion 2). */
export function parseTrivyJson(doc: unknown): ExternalResult {
  const d = rec(doc);
  if (!d || (d.SchemaVersion !== undefined && num(d.SchemaVersion) !== 2) || (!('Results' in d) && !('ArtifactName' in d))) {
    throw new ParseError('not a Trivy JSON report (expected an object with SchemaVersion 2 and Results)');
  }
  const meta = rec(d.Metadata) ?? {};
  const osr = rec(meta.OS);
  const findings: ImageFinding[] = [];
  const notes: string[] = [];
  if (osr?.EOSL === true) notes.push(`${str(osr.Family) ?? 'The OS'} ${str(osr.Name) ?? ''} is end-of-life: no more security fixes.`.replace(' :', ':'));
  for (const r of arr(d.Results).filter(isRecord)) {
    const target = str(r.Target) ?? '';
    for (const v of arr(r.Vulnerabilities).filter(isRecord)) {
      const id = str(v.VulnerabilityID);
      const name = str(v.PkgName);
      if (!id || !name) continue;
      const layer = rec(v.Layer);
      const purl = str(rec(v.PkgIdentifier)?.PURL);
      findings.push(
        vuln(
          id,
          str(v.Severity),
          { name, installed: str(v.InstalledVersion) ?? '', fixed: str(v.FixedVersion) || undefined, type: str(r.Type), purl },
          str(v.Title),
          str(v.PrimaryURL),
          str(layer?.DiffID) ?? str(layer?.Digest),
          str(v.PkgPath),
        ),
      );
    }
    for (const s of arr(r.Secrets).filter(isRecord)) {
      const rule = str(s.RuleID) ?? 'secret';
      const line = num(s.StartLine);
      findings.push({
        id: 'IMG-SECRET',
        aliases: [rule],
        kind: 'secret',
        severity: normaliseSeverity(str(s.Severity)),
        title: str(s.Title) ?? rule,
        message: `${target.replace(/^\//, '')}${line ? `:${line}` : ''} contains a ${(str(s.Title) ?? rule).toLowerCase()} (Trivy ${rule}).`,
        path: target.replace(/^\//, ''),
        ...(str(rec(s.Layer)?.DiffID) ? { layerDigest: str(rec(s.Layer)?.DiffID) } : {}),
      });
    }
    for (const m of arr(r.Misconfigurations).filter(isRecord)) {
      if (str(m.Status) === 'PASS') continue;
      const id = str(m.ID) ?? str(m.AVDID) ?? 'misconfig';
      findings.push({ id, kind: 'config', severity: normaliseSeverity(str(m.Severity)), title: str(m.Title) ?? id, message: str(m.Message) ?? str(m.Title) ?? id, ...(str(m.PrimaryURL) ? { url: str(m.PrimaryURL) } : {}) });
    }
  }
  return {
    scanner: { name: 'trivy', version: str(rec(d.Trivy)?.Version) },
    findings,
    os: osr ? `${str(osr.Family) ?? ''} ${str(osr.Name) ?? ''}`.trim() : undefined,
    diffIds: strArr(meta.DiffIDs),
    notes,
  };
}

/** `grype -o json`. */
export function parseGrypeJson(doc: unknown): ExternalResult {
  const d = rec(doc);
  if (!d || !Array.isArray(d.matches)) throw new ParseError('not a Grype JSON report (expected an object with a matches array)');
  const findings: ImageFinding[] = [];
  const seen = new Set<string>();
  for (const m of d.matches.filter(isRecord)) {
    const v = rec(m.vulnerability);
    const a = rec(m.artifact);
    const id = str(v?.id);
    const name = str(a?.name);
    if (!v || !a || !id || !name) continue;
    const fix = rec(v.fix);
    const fixed = strArr(fix?.versions).join(', ') || undefined;
    const loc = arr(a.locations).filter(isRecord)[0];
    const key = `${id}|${name}|${str(a.version)}|${str(loc?.layerID)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const related = arr(m.relatedVulnerabilities).filter(isRecord).map((r) => str(r.id)).filter((x): x is string => !!x && x !== id);
    const f = vuln(id, str(v.severity), { name, installed: str(a.version) ?? '', fixed, type: str(a.type), purl: str(a.purl) }, str(v.description)?.split('\n')[0]?.slice(0, 200), str(v.dataSource), str(loc?.layerID), str(loc?.path)?.replace(/^\//, ''));
    if (related.length) f.aliases = related;
    findings.push(f);
  }
  const distro = rec(d.distro);
  const desc = rec(d.descriptor);
  return {
    scanner: { name: 'grype', version: str(desc?.version) },
    findings,
    os: distro ? `${str(distro.name) ?? ''} ${str(distro.version) ?? ''}`.trim() || undefined : undefined,
    diffIds: [],
    notes: [],
  };
}

/** `docker scout cves --format sarif` (shape documented in the fixture README; unverified against a live run). */
export function parseScoutSarif(doc: unknown): ExternalResult {
  const d = rec(doc);
  const run = arr(d?.runs).filter(isRecord)[0];
  const driver = rec(rec(run?.tool)?.driver);
  if (!d || !run || !driver) throw new ParseError('not a SARIF report (expected runs[0].tool.driver)');
  const rules = new Map<string, Record<string, unknown>>();
  for (const r of arr(driver.rules).filter(isRecord)) {
    const id = str(r.id);
    if (id) rules.set(id, r);
  }
  const findings: ImageFinding[] = [];
  for (const res of arr(run.results).filter(isRecord)) {
    const id = str(res.ruleId);
    if (!id) continue;
    const rule = rules.get(id);
    const props = rec(rule?.properties) ?? {};
    const text = str(rec(res.message)?.text) ?? '';
    const field = (label: string): string | undefined => {
      for (const line of text.split('\n')) {
        const i = line.indexOf(':');
        if (i > 0 && line.slice(0, i).trim().toLowerCase() === label) return line.slice(i + 1).trim();
      }
      return undefined;
    };
    const purl = strArr(props.purls)[0] ?? str(props.purl) ?? field('package');
    const pm = purl ? /^pkg:[^/]+\/(?:[^/]+\/)?([^@]+)@([^?#]+)/.exec(purl) : null;
    const fixedRaw = str(props.fixed_version) ?? field('fixed version');
    const fixed = fixedRaw && fixedRaw !== 'not fixed' ? fixedRaw : undefined;
    findings.push(
      vuln(id, str(props.cvssV3_severity) ?? field('severity'), { name: decodeURIComponent(pm?.[1] ?? purl ?? '?'), installed: decodeURIComponent(pm?.[2] ?? ''), fixed, purl }, undefined, str(rule?.helpUri), undefined),
    );
  }
  return { scanner: { name: 'docker scout', version: str(driver.version) }, findings, diffIds: [], notes: [] };
}
