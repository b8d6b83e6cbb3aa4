/**
 * The image-scan results tree as plain data (no `vscode` import, so unit tests load it): severity
 * groups, then vulnerable packages with their vulnerabilities, then the other findings (files,
 * secrets, configuration, history). The TreeDataProvider in resultsTree.ts only maps these nodes.
 */
import { SEVERITIES, type ImageFinding, type ScanResult, type Severity } from '../../../server/src/image/model';

/** Where a click goes: the mapped Dockerfile line, or the report when the finding has no line. */
export type OpenTarget = { kind: 'dockerfile'; path: string; line: number } | { kind: 'report' };

export type IconName = 'flame' | 'error' | 'warning' | 'info' | 'circle-outline' | 'package' | 'bug' | 'file' | 'key' | 'gear' | 'history';
/** Theme colour of an icon: error, warning, info or none (the icon's default colour). */
export type IconColor = 'error' | 'warning' | 'info' | undefined;

export interface ResultNode {
  /** Unique and stable within one result (VS Code keeps expansion state by id). */
  id: string;
  kind: 'severity' | 'package' | 'finding';
  label: string;
  description?: string;
  /** Plain text: scanner output is not trusted Markdown. */
  tooltip: string;
  icon: IconName;
  color: IconColor;
  /** Present on findings only. */
  open?: OpenTarget;
  children: ResultNode[];
  /** Groups start expanded when they are the most severe ones. */
  expanded?: boolean;
}

const SEVERITY_LABEL: Record<Severity, string> = { critical: 'Critical', high: 'High', medium: 'Medium', low: 'Low', info: 'Info' };
const SEVERITY_ICON: Record<Severity, { icon: IconName; color: IconColor }> = {
  critical: { icon: 'flame', color: 'error' },
  high: { icon: 'error', color: 'error' },
  medium: { icon: 'warning', color: 'warning' },
  low: { icon: 'info', color: 'info' },
  info: { icon: 'circle-outline', color: undefined },
};
const KIND_ICON: Record<ImageFinding['kind'], IconName> = { vulnerability: 'bug', file: 'file', secret: 'key', config: 'gear', history: 'history' };
const KIND_WORD: Record<ImageFinding['kind'], string> = { vulnerability: 'vulnerability', file: 'file finding', secret: 'secret', config: 'configuration finding', history: 'history finding' };

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

function whereLines(f: ImageFinding): string[] {
  const lines: string[] = [];
  if (f.location) lines.push(`Dockerfile line ${f.location.line + 1}: ${f.location.instruction}`);
  if (f.layerIndex !== undefined) lines.push(`Layer ${f.layerIndex + 1}${f.createdBy ? `: ${f.createdBy.slice(0, 160)}` : ''}`);
  else if (f.createdBy) lines.push(`Created by: ${f.createdBy.slice(0, 160)}`);
  if (f.path) lines.push(`Path: /${f.path}${f.deletedLater ? ' (deleted by a later layer, still in the image)' : ''}`);
  return lines;
}

function openTarget(f: ImageFinding): OpenTarget {
  return f.location ? { kind: 'dockerfile', path: f.location.path, line: f.location.line } : { kind: 'report' };
}

function vulnerabilityNode(f: ImageFinding, parentId: string, index: number): ResultNode {
  const pkg = f.pkg;
  const versions = pkg ? `${pkg.installed} → ${pkg.fixed ? pkg.fixed : 'no fix yet'}` : undefined;
  const title = f.title && f.title !== f.id ? f.title : undefined;
  const tooltip = [
    `${f.id} (${f.severity})${f.aliases?.length ? ` · also ${f.aliases.join(', ')}` : ''}`,
    ...(title ? [title] : []),
    ...(pkg ? [`Package ${pkg.name}${pkg.type ? ` (${pkg.type})` : ''}: installed ${pkg.installed}, ${pkg.fixed ? `fixed in ${pkg.fixed}` : 'no fixed version yet'}`] : []),
    ...(f.message && f.message !== f.title ? [f.message] : []),
    ...whereLines(f),
    ...(f.url ? [f.url] : []),
  ].join('\n');
  return {
    id: `${parentId}/${index}:${f.id}`,
    kind: 'finding',
    label: f.id,
    description: [versions, title].filter(Boolean).join(' · '),
    tooltip,
    icon: 'bug',
    color: SEVERITY_ICON[f.severity].color,
    open: openTarget(f),
    children: [],
  };
}

function findingNode(f: ImageFinding, parentId: string, index: number): ResultNode {
  const detail = f.path ? `/${f.path}` : f.location ? `line ${f.location.line + 1}` : f.id;
  const tooltip = [`${f.title} (${f.severity} ${KIND_WORD[f.kind]})`, `${f.id}${f.aliases?.length ? ` · also ${f.aliases.join(', ')}` : ''}`, f.message, ...whereLines(f), ...(f.url ? [f.url] : [])].join('\n');
  return {
    id: `${parentId}/${index}:${f.id}:${f.path ?? ''}`,
    kind: 'finding',
    label: f.title || f.id,
    description: detail === f.title ? undefined : detail,
    tooltip,
    icon: KIND_ICON[f.kind],
    color: SEVERITY_ICON[f.severity].color,
    open: openTarget(f),
    children: [],
  };
}

/** The root nodes for a result: one group per severity that has findings, most severe first. */
export function buildResultTree(result: ScanResult): ResultNode[] {
  const roots: ResultNode[] = [];
  for (const severity of SEVERITIES) {
    const findings = result.findings.filter((f) => f.severity === severity);
    if (findings.length === 0) continue;
    const id = `sev:${severity}`;
    const byPackage = new Map<string, ImageFinding[]>();
    const others: ImageFinding[] = [];
    for (const f of findings) {
      if (f.kind === 'vulnerability') {
        const key = f.pkg ? `${f.pkg.name}@${f.pkg.installed}` : '(unknown package)';
        byPackage.set(key, [...(byPackage.get(key) ?? []), f]);
      } else others.push(f);
    }
    const packages = [...byPackage.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
    const children: ResultNode[] = packages.map(([key, vulns]) => {
      const pkg = vulns[0]?.pkg;
      const pid = `${id}/pkg:${key}`;
      const fixes = [...new Set(vulns.map((v) => v.pkg?.fixed).filter((x): x is string => !!x))];
      return {
        id: pid,
        kind: 'package',
        label: `${pkg?.name ?? '(unknown package)'} (${vulns.length})`,
        description: pkg ? `${pkg.installed}${fixes.length ? ` → ${fixes.join(', ')}` : ''}` : undefined,
        tooltip: [
          `${pkg?.name ?? 'Unknown package'}${pkg?.type ? ` (${pkg.type})` : ''}: ${plural(vulns.length, `${severity} vulnerability`, `${severity} vulnerabilities`)}`,
          ...(pkg ? [`Installed ${pkg.installed}`] : []),
          fixes.length ? `Fixed in ${fixes.join(', ')}` : 'No fixed version yet',
          ...(pkg?.purl ? [pkg.purl] : []),
        ].join('\n'),
        icon: 'package',
        color: undefined,
        children: vulns.map((v, i) => vulnerabilityNode(v, pid, i)),
      };
    });
    others.forEach((f, i) => children.push(findingNode(f, id, i)));
    const parts = [packages.length ? plural(packages.length, 'package') : '', others.length ? plural(others.length, 'other finding') : ''].filter(Boolean);
    roots.push({
      id,
      kind: 'severity',
      label: `${SEVERITY_LABEL[severity]} (${findings.length})`,
      description: parts.join(', '),
      tooltip: `${plural(findings.length, `${severity} finding`)}: ${[byPackage.size ? plural(findings.length - others.length, 'vulnerability', 'vulnerabilities') + ` in ${plural(byPackage.size, 'package')}` : '', others.length ? plural(others.length, 'other finding') : ''].filter(Boolean).join(', ')}`,
      ...SEVERITY_ICON[severity],
      children,
      expanded: roots.length === 0,
    });
  }
  return roots;
}

/** One line about the scan for the view's description / message. */
export function describeScan(result: ScanResult, when: Date): string {
  const name = result.image.tags[0] ?? result.image.input;
  return `${name} · ${result.scanner.name} · ${plural(result.findings.length, 'finding')} · ${when.toLocaleTimeString()}`;
}
