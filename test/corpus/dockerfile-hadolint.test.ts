/**
 * Conformance with hadolint's own spec cases (../shared/corpus/hadolint-cases.jsonl): every row
 * of a DL rule we anchor is linted and must be caught (at least once, or exactly `count` times)
 * or pass. Rows we deliberately disagree with are listed below with the reason; the test fails
 * if such a row starts agreeing, so the list stays honest. Prints per-rule agreement.
 *
 * Rows with a `config` (allowed registries, label schema, strict labels) are run twice through the
 * real config loader: once with the config written as a `.hadolint.yaml` beside the Dockerfile and
 * once as the equivalent `.bulkhead.yaml`; both must agree with hadolint.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringify } from 'yaml';
import { lint, type AnyRule, type PolicyOptions, type RuleSettings } from '../../rules/src/api';
import { DOCKERFILE_RULES } from '../../rules/src/dockerfile/index';
import { ConfigResolver } from '../../server/src/config/files';
import { corpusMissing } from '../utils/corpus';

const repoRoot = path.resolve(__dirname, '..', '..');
const file = path.join(repoRoot, '..', 'shared', 'corpus', 'hadolint-cases.jsonl');

interface Row { rule: string; dockerfile: string; expect: 'catch' | 'pass'; file: string; line: number; name: string; variant: string; count?: number; config?: Record<string, unknown> }

/** When one of our rules carries several DL anchors, the message ids that correspond to each. */
const MESSAGE_FILTER: Record<string, readonly string[]> = {
  DL3006: ['untagged'],
  DL3007: ['latest'],
};

/**
 * Deliberate disagreements, keyed `DLxxxx:<spec line>:<variant>`, with the reason.
 */
const DISAGREE: Record<string, string> = {
  'DL3010:42:plain': 'Windows paths with the default escape character: the builder (and dockerfile-ast) read `build\\foo\\bar.tar.gz` as `buildfoobar.tar.gz`; hadolint keeps the backslashes',
  'DL3010:49:plain': 'Windows paths with the default escape character (see DL3010:42)',
  'DL3002:77:plain': 'a root USER in a build stage does not reach the image; only the final stage decides (we pass, hadolint catches)',
};

function rowKey(r: Row): string {
  return `${r.rule}:${r.line}:${r.variant}`;
}

function ruleFor(dl: string): AnyRule | undefined {
  return DOCKERFILE_RULES.find((r) => (r.anchors.hadolint ?? []).includes(dl));
}

/** Hadolint's label types as its spec files spell them (Haskell constructors) → the config-file spelling. */
const LABEL_TYPE: Record<string, string> = { RawText: 'text', Url: 'url', GitHash: 'hash', Rfc3339: 'rfc3339', SemVer: 'semver', Spdx: 'spdx', Email: 'email' };

type ConfigFile = { name: '.hadolint.yaml' | '.bulkhead.yaml'; text: string };

/** A row's config as both config files, or why it cannot be expressed. */
function configFiles(r: Row): { files: ConfigFile[]; skip?: string } {
  if (!r.config) return { files: [] };
  const hadolint: Record<string, unknown> = {};
  const bulkhead: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(r.config)) {
    if (key === 'allowedRegistries' && Array.isArray(value)) {
      hadolint['trustedRegistries'] = value;
      bulkhead['trustedRegistries'] = value;
    } else if (key === 'labelSchema' && typeof value === 'object' && value !== null) {
      const schema: Record<string, string> = {};
      for (const [label, type] of Object.entries(value as Record<string, unknown>)) {
        const t = LABEL_TYPE[String(type)];
        if (t === undefined) return { files: [], skip: `label type ${String(type)} has no Bulkhead equivalent` };
        schema[label] = t;
      }
      hadolint['label-schema'] = schema;
      bulkhead['labelSchema'] = schema;
    } else if (key === 'strictLabels' && typeof value === 'boolean') {
      hadolint['strict-labels'] = value;
      bulkhead['strictLabels'] = value;
    } else {
      return { files: [], skip: `config ${key} has no Bulkhead equivalent yet` };
    }
  }
  return { files: [{ name: '.hadolint.yaml', text: stringify(hadolint) }, { name: '.bulkhead.yaml', text: stringify(bulkhead) }] };
}

function policyOf(r: Row): { skip?: string } {
  const { skip } = configFiles(r);
  return skip === undefined ? {} : { skip };
}

/** Settings and policy for the row's Dockerfile, read by the loader the CLI and the server use. */
function loadConfig(config: ConfigFile, ruleId: string): { settings: RuleSettings; policy: Partial<PolicyOptions>; problems: string[] } {
  const dir = mkdtempSync(path.join(tmpdir(), 'bulkhead-hadolint-'));
  try {
    writeFileSync(path.join(dir, config.name), config.text);
    const resolved = new ConfigResolver([dir]).resolve(path.join(dir, 'Dockerfile'), { enabledRules: [ruleId] });
    return { settings: resolved.settings, policy: resolved.policy, problems: resolved.sources.flatMap((s) => s.problems.map((p) => `${config.name}: ${p.message}`)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function judgeWith(r: Row, rule: AnyRule, settings: RuleSettings, policy: Partial<PolicyOptions> | undefined): { ok: boolean; detail: string } {
  const res = lint({ path: 'Dockerfile', text: `${r.dockerfile}\n` }, { settings, ...(policy ? { policy } : {}) });
  const filter = MESSAGE_FILTER[r.rule];
  const hits = res.findings.filter((f) => f.ruleId === rule.id && (!filter || filter.includes(f.messageId)));
  if (res.crashedRules.length > 0) return { ok: false, detail: `crashed: ${res.crashedRules.join(',')}` };
  if (r.expect === 'pass') return { ok: hits.length === 0, detail: `expected no finding, got ${hits.length}` };
  const want = r.count ?? (r.variant === 'onbuild' ? 1 : undefined);
  return want === undefined ? { ok: hits.length > 0, detail: 'expected a finding, got none' } : { ok: hits.length === want, detail: `expected ${want} findings, got ${hits.length}` };
}

/** Judges a row; a row with a config must agree under both config files. */
function judge(r: Row, rule: AnyRule): { ok: boolean; detail: string } {
  const { files } = configFiles(r);
  if (files.length === 0) return judgeWith(r, rule, { enabledRules: [rule.id] }, undefined);
  const details: string[] = [];
  for (const f of files) {
    const loaded = loadConfig(f, rule.id);
    if (loaded.problems.length > 0) return { ok: false, detail: loaded.problems.join('; ') };
    const v = judgeWith(r, rule, loaded.settings, loaded.policy);
    if (!v.ok) details.push(`with ${f.name}: ${v.detail}`);
  }
  return { ok: details.length === 0, detail: details.join('; ') };
}

describe('hadolint conformance', () => {
  if (corpusMissing(file, 'hadolint corpus')) return;
  const rows = readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Row);
  const byRule = new Map<string, Row[]>();
  for (const r of rows) if (r.rule !== 'shellcheck') byRule.set(r.rule, [...(byRule.get(r.rule) ?? []), r]);
  const summary: string[] = [];
  let total = 0;
  let agreed = 0;
  let skipped = 0;
  let disagreed = 0;
  for (const [dl, list] of [...byRule].sort(([a], [b]) => a.localeCompare(b))) {
    const rule = ruleFor(dl);
    if (!rule) continue;
    it(`${dl} → ${rule.id} ${rule.name}`, () => {
      const failures: string[] = [];
      let ok = 0;
      let skip = 0;
      let dis = 0;
      for (const r of list) {
        const why = policyOf(r).skip;
        if (why) { skip++; continue; }
        const verdict = judge(r, rule);
        const allowed = DISAGREE[rowKey(r)];
        if (allowed) {
          assert.ok(!verdict.ok, `${rowKey(r)} is on the disagreement list but now agrees; remove it`);
          dis++;
          continue;
        }
        if (verdict.ok) ok++;
        else failures.push(`${rowKey(r)} ${r.expect} "${r.name}": ${verdict.detail}\n${r.dockerfile}`);
      }
      const judged = list.length - skip;
      summary.push(`${dl}: ${ok}/${judged - dis}${dis ? ` (+${dis} deliberate disagreements)` : ''}${skip ? ` (${skip} skipped: config)` : ''}`);
      total += judged;
      agreed += ok;
      skipped += skip;
      disagreed += dis;
      assert.deepEqual(failures, [], `${failures.length} rows disagree:\n${failures.join('\n---\n')}`);
    });
  }
  it('summary', (t) => {
    const line = `hadolint rows of covered rules: agreed ${agreed}/${total} (${((100 * agreed) / Math.max(1, total)).toFixed(1)}%), deliberate disagreements ${disagreed}, skipped (config) ${skipped}`;
    t.diagnostic(line);
    for (const s of summary) t.diagnostic(s);
    console.log([line, ...summary].join('\n'));
    assert.ok(total > 0);
    assert.equal(skipped, 0, 'every row with a config runs through .hadolint.yaml and .bulkhead.yaml');
  });
});
