/**
 * Conformance with hadolint's own spec cases (../shared/corpus/hadolint-cases.jsonl): every row
 * of a DL rule we anchor is linted and must be caught (at least once, or exactly `count` times)
 * or pass. Rows we deliberately disagree with are listed below with the reason; the test fails
 * if such a row starts agreeing, so the list stays honest. Prints per-rule agreement.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { lint, type AnyRule } from '../../rules/src/api';
import { DOCKERFILE_RULES } from '../../rules/src/dockerfile/index';

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

/** Translates a row's hadolint config into our policy, or returns why it cannot be honoured. */
function policyOf(r: Row): { policy?: { trustedRegistries: string[] }; skip?: string } {
  if (!r.config) return {};
  const keys = Object.keys(r.config);
  if (keys.length === 1 && Array.isArray(r.config.allowedRegistries)) return { policy: { trustedRegistries: r.config.allowedRegistries as string[] } };
  return { skip: `config ${keys.join(',')} has no Bulkhead equivalent yet` };
}

function judge(r: Row, rule: AnyRule): { ok: boolean; detail: string } {
  const { policy } = policyOf(r);
  const res = lint({ path: 'Dockerfile', text: `${r.dockerfile}\n` }, { settings: { enabledRules: [rule.id] }, ...(policy ? { policy } : {}) });
  const filter = MESSAGE_FILTER[r.rule];
  const hits = res.findings.filter((f) => f.ruleId === rule.id && (!filter || filter.includes(f.messageId)));
  if (res.crashedRules.length > 0) return { ok: false, detail: `crashed: ${res.crashedRules.join(',')}` };
  if (r.expect === 'pass') return { ok: hits.length === 0, detail: `expected no finding, got ${hits.length}` };
  const want = r.count ?? (r.variant === 'onbuild' ? 1 : undefined);
  return want === undefined ? { ok: hits.length > 0, detail: 'expected a finding, got none' } : { ok: hits.length === want, detail: `expected ${want} findings, got ${hits.length}` };
}

describe('hadolint conformance', () => {
  if (!existsSync(file)) {
    it('corpus present', (t) => {
      if (process.env.CI) assert.fail(`missing ${file}`);
      t.skip(`hadolint corpus not found at ${file}`);
    });
    return;
  }
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
  });
});
