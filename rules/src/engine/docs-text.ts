/**
 * Rule documentation text, built from a rule's structured metadata. The generated docs pages,
 * the "Show documentation" view and the editor hover all use these builders, so they cannot
 * drift apart. Use `ruleDocSections` for anything page-like and `hoverMarkdown` for a finding.
 */
import { ANCHOR_TOOLS, type AnchorTool, type AnyRule, type Severity } from './rule';

/** One titled section of a rule's documentation. */
export interface DocSection {
  /** Stable heading text (never free-form, so pages and hovers share it). */
  heading: 'Summary' | 'Why it matters' | 'How to fix' | 'Examples' | 'Equivalent rules' | 'References' | 'How to suppress';
  /** Markdown body, without the heading. */
  body: string;
}

/** Display names of the tools whose ids appear in `anchors`. */
export const ANCHOR_TOOL_NAMES: Record<AnchorTool, string> = {
  hadolint: 'hadolint',
  checkov: 'Checkov',
  trivy: 'Trivy',
  kics: 'KICS',
  kubeLinter: 'kube-linter',
  polaris: 'Polaris',
  kubesec: 'kubesec',
  pss: 'Pod Security Standards',
  dockle: 'Dockle',
  buildkit: 'BuildKit checks',
};

const FIX_TEXT: Record<AnyRule['fix'], string> = { none: 'no automatic fix', safe: 'safe fix (applied by Fix All)', suggestion: 'suggested fix' };
const TARGET_TEXT: Record<AnyRule['target'], string> = { dockerfile: 'Dockerfile', kubernetes: 'Kubernetes', compose: 'Compose' };

/** `DF001 · Pin base images …`: the title line of a page and of a hover. */
export function ruleHeading(rule: AnyRule): string {
  return `${rule.id} · ${rule.title}`;
}

/** One line with target, category, severity and fix availability. Pass the effective severity when it differs from the default. */
export function ruleBadges(rule: AnyRule, severity: Severity = rule.severity): string {
  return [TARGET_TEXT[rule.target], rule.category, severity, FIX_TEXT[rule.fix]].map((s) => `\`${s}\``).join(' · ');
}

/** The anchors as `Tool: id, id` lines; empty when the rule has none. */
export function anchorLines(rule: AnyRule): string[] {
  const out: string[] = [];
  for (const tool of ANCHOR_TOOLS) {
    const ids = rule.anchors[tool];
    if (ids && ids.length > 0) out.push(`${ANCHOR_TOOL_NAMES[tool]}: ${ids.map((id) => `\`${id}\``).join(', ')}`);
  }
  return out;
}

function fence(code: string, rule: AnyRule): string {
  const lang = rule.target === 'dockerfile' ? 'dockerfile' : 'yaml';
  return '```' + lang + '\n' + code.replace(/\n$/, '') + '\n```';
}

/** The ignore comments that silence this rule, for the "How to suppress" section. */
export function suppressionExamples(rule: AnyRule): string[] {
  return [`# bulkhead-ignore ${rule.id} -- reason`, `# bulkhead-ignore-file ${rule.id} -- reason`];
}

/** Every documentation section of a rule, in page order. Sections without content are left out. */
export function ruleDocSections(rule: AnyRule): DocSection[] {
  const sections: DocSection[] = [
    { heading: 'Summary', body: rule.docs.summary },
    { heading: 'Why it matters', body: rule.docs.rationale },
    { heading: 'How to fix', body: rule.docs.remediation },
  ];
  const { bad, good } = rule.docs.examples;
  if (bad.length + good.length > 0) {
    const parts: string[] = [];
    for (const b of bad) parts.push('Flagged:\n\n' + fence(b, rule));
    for (const g of good) parts.push('Not flagged:\n\n' + fence(g, rule));
    sections.push({ heading: 'Examples', body: parts.join('\n\n') });
  }
  const anchors = anchorLines(rule);
  if (anchors.length > 0) sections.push({ heading: 'Equivalent rules', body: anchors.map((l) => `- ${l}`).join('\n') });
  const refs = rule.docs.references ?? [];
  if (refs.length > 0) sections.push({ heading: 'References', body: refs.map((r) => `- <${r}>`).join('\n') });
  const [line, file] = suppressionExamples(rule);
  sections.push({
    heading: 'How to suppress',
    body: `On the line above the finding (or the instruction, in a Dockerfile):\n\n${fence(line ?? '', rule)}\n\nFor the whole file:\n\n${fence(file ?? '', rule)}`,
  });
  return sections;
}

/** The full documentation page of a rule as Markdown (heading, badges, every section). */
export function ruleDocMarkdown(rule: AnyRule): string {
  const parts = [`# ${ruleHeading(rule)}`, ruleBadges(rule)];
  for (const s of ruleDocSections(rule)) parts.push(`## ${s.heading}\n\n${s.body}`);
  return parts.join('\n\n') + '\n';
}

/** What the hover needs from a finding. */
export interface HoverFinding {
  message: string;
  severity: Severity;
}

/**
 * Hover Markdown for one finding: what is wrong here (the message), why it matters, how to fix,
 * the equivalent ids of other tools and a docs link. Without a finding (e.g. hovering an id in
 * an ignore comment) the summary takes the place of the message.
 */
export function hoverMarkdown(rule: AnyRule, finding?: HoverFinding): string {
  const byHeading = new Map(ruleDocSections(rule).map((s) => [s.heading, s.body]));
  const parts = [`**${ruleHeading(rule)}**`, ruleBadges(rule, finding?.severity)];
  parts.push(finding ? `**Here:** ${finding.message}` : (byHeading.get('Summary') ?? ''));
  for (const heading of ['Why it matters', 'How to fix', 'Equivalent rules'] as const) {
    const body = byHeading.get(heading);
    if (body) parts.push(`**${heading}**\n\n${body}`);
  }
  parts.push(`[Documentation for ${rule.id}](${rule.url})`);
  return parts.join('\n\n');
}
