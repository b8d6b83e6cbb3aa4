/**
 * Secret detection in file contents and in config values. Each rule has cheap literal keywords that
 * must appear before its (narrow, anchored) pattern is tried, so most files cost one scan per keyword.
 */
import type { Severity } from '../model';

export interface SecretRule {
  id: string;
  title: string;
  severity: Severity;
  keywords: string[];
  pattern: RegExp;
}

export const SECRET_RULES: readonly SecretRule[] = [
  {
    id: 'private-key',
    title: 'Private key',
    severity: 'high',
    keywords: ['PRIVATE KEY'],
    pattern: /-----BEGIN[ A-Z0-9_-]{0,40}PRIVATE KEY(?: BLOCK)?-----/,
  },
  { id: 'aws-access-key-id', title: 'AWS access key ID', severity: 'critical', keywords: ['AKIA', 'ASIA', 'AGPA', 'AIDA', 'AROA', 'ANPA', 'ANVA', 'A3T'], pattern: /\b(?:A3T[A-Z0-9]|AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA)[A-Z0-9]{16}\b/ },
  {
    id: 'aws-secret-access-key',
    title: 'AWS secret access key',
    severity: 'critical',
    keywords: ['aws_secret', 'aws-secret', 'AWS_SECRET', 'aws_secret_access_key', 'SecretAccessKey'],
    pattern: /(?:aws_?secret_?(?:access_?)?key|SecretAccessKey)["']?\s*[:=]\s*["']?[A-Za-z0-9/+=]{40}(?![A-Za-z0-9/+=])/i,
  },
  { id: 'github-pat', title: 'GitHub personal access token', severity: 'critical', keywords: ['ghp_'], pattern: /\bghp_[A-Za-z0-9]{36}\b/ },
  { id: 'github-oauth', title: 'GitHub OAuth token', severity: 'critical', keywords: ['gho_'], pattern: /\bgho_[A-Za-z0-9]{36}\b/ },
  { id: 'github-app-token', title: 'GitHub app token', severity: 'critical', keywords: ['ghu_', 'ghs_'], pattern: /\bgh[us]_[A-Za-z0-9]{36}\b/ },
  { id: 'github-refresh-token', title: 'GitHub refresh token', severity: 'critical', keywords: ['ghr_'], pattern: /\bghr_[A-Za-z0-9]{36,76}\b/ },
  { id: 'github-fine-grained-pat', title: 'GitHub fine-grained token', severity: 'critical', keywords: ['github_pat_'], pattern: /\bgithub_pat_[A-Za-z0-9_]{82}\b/ },
  { id: 'gitlab-pat', title: 'GitLab personal access token', severity: 'critical', keywords: ['glpat-'], pattern: /\bglpat-[A-Za-z0-9_-]{20,}\b/ },
  { id: 'npm-access-token', title: 'npm access token', severity: 'critical', keywords: ['npm_'], pattern: /\bnpm_[A-Za-z0-9]{36}\b/ },
  { id: 'hugging-face-access-token', title: 'Hugging Face access token', severity: 'critical', keywords: ['hf_'], pattern: /\bhf_[A-Za-z]{34}\b/ },
  { id: 'slack-access-token', title: 'Slack token', severity: 'high', keywords: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxs-'], pattern: /\bxox[bpars]-[0-9A-Za-z-]{10,}/ },
  { id: 'slack-web-hook', title: 'Slack webhook', severity: 'medium', keywords: ['hooks.slack.com'], pattern: /https:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9+/]{40,}/ },
  { id: 'stripe-secret-token', title: 'Stripe secret key', severity: 'critical', keywords: ['sk_live_', 'rk_live_'], pattern: /\b[rs]k_live_[0-9A-Za-z]{20,}\b/ },
  { id: 'gcp-service-account', title: 'Google Cloud service account key', severity: 'critical', keywords: ['service_account'], pattern: /"type"\s*:\s*"service_account"[\s\S]{0,4000}"private_key"/ },
  { id: 'age-secret-key', title: 'age secret key', severity: 'high', keywords: ['AGE-SECRET-KEY-1'], pattern: /AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}/ },
  { id: 'dockerconfig-secret', title: 'Docker registry credentials', severity: 'high', keywords: ['"auths"', '"auth"'], pattern: /"auths?"\s*:\s*\{[\s\S]{0,400}"auth"\s*:\s*"[A-Za-z0-9+/=]{8,}"/ },
];

export interface SecretHit {
  rule: SecretRule;
  line: number;
}

const KEYWORD_SCAN = new RegExp(
  [...new Set(SECRET_RULES.flatMap((r) => r.keywords))].map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'),
  'g',
);

/** Finds secrets in a text (at most one hit per rule). Line numbers are 1-based. */
export function findSecrets(text: string): SecretHit[] {
  const hits: SecretHit[] = [];
  // One pass for every rule's keywords; the rules' own patterns run only when a keyword is there.
  const present = new Set<string>();
  KEYWORD_SCAN.lastIndex = 0;
  for (let m = KEYWORD_SCAN.exec(text); m; m = KEYWORD_SCAN.exec(text)) present.add(m[0]);
  if (present.size === 0) return hits;
  for (const rule of SECRET_RULES) {
    if (!rule.keywords.some((k) => present.has(k))) continue;
    const m = rule.pattern.exec(text);
    if (!m) continue;
    let line = 1;
    for (let i = text.indexOf('\n'); i !== -1 && i < m.index; i = text.indexOf('\n', i + 1)) line++;
    hits.push({ rule, line });
  }
  return hits;
}

/** Names that suggest a credential (Dockle's word list), excluding GPG key ids that images set on purpose. */
export function isSecretName(name: string): boolean {
  const n = name.toUpperCase();
  // GPG key ids / fingerprints are public; *_FILE and *_PATH name where a secret is, not the secret.
  if (n.includes('GPG') || n.includes('KEYSERVER') || n.includes('FINGERPRINT') || n.includes('KEYRING') || /_(FILE|PATH|DIR)$/.test(n)) return false;
  return ['PASS', 'SECRET', 'KEY', 'ACCESS', 'TOKEN', 'CREDENTIAL', 'APIKEY'].some((w) => n.includes(w));
}

/** Values that are clearly not secrets (empty, placeholders, references to files or variables). */
export function isPlaceholderValue(value: string): boolean {
  const v = value.trim();
  if (v === '' || v.startsWith('$') || v.startsWith('/')) return true;
  return ['changeme', 'none', 'null', 'false', 'true', '<secret>', 'xxx'].includes(v.toLowerCase());
}

export function mask(value: string): string {
  if (value.length <= 4) return '****';
  return `${value.slice(0, 2)}${'*'.repeat(Math.min(value.length - 2, 12))}`;
}

/** Paths where token-like strings are mostly documentation or test data (as Trivy's allow rules). */
export function skipSecretPath(path: string): boolean {
  return (
    path.startsWith('usr/share/') ||
    path.startsWith('usr/include/') ||
    path.startsWith('usr/lib/') ||
    path.startsWith('usr/local/go/') ||
    /^usr\/local\/lib\/python[^/]*\//.test(path) ||
    path.includes('.dist-info/') ||
    path.includes('/vendor/') ||
    path.includes('/node_modules/') ||
    path.endsWith('.md') ||
    /(^|\/)(tests?|testdata|examples?)\//.test(path)
  );
}
