/** `bulkhead rules`, `--help`, `--version` and the `image` dispatch, through the real process. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ANCHOR_TOOLS, RULES } from '../../rules/src/api';
import { parseJson, REPO_ROOT, runCli } from './helpers';
import type { CatalogEntry } from '../../server/src/cli/rule-docs';

describe('bulkhead rules', () => {
  it('--format json lists every registered rule with all ten anchor keys', async () => {
    const r = await runCli(['rules', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const entries = parseJson<CatalogEntry[]>(r);
    assert.ok(Array.isArray(entries));
    assert.equal(entries.length, RULES.length);
    assert.deepEqual(entries.map((e) => e.id).sort(), RULES.map((x) => x.id).sort());
    assert.equal(new Set(entries.map((e) => e.id)).size, entries.length, 'ids are unique');
    assert.deepEqual([...ANCHOR_TOOLS].sort(), ['buildkit', 'checkov', 'dockle', 'hadolint', 'kics', 'kubeLinter', 'kubesec', 'polaris', 'pss', 'trivy']);
    for (const e of entries) {
      const rule = RULES.find((x) => x.id === e.id);
      assert.ok(rule);
      assert.deepEqual({ name: e.name, target: e.target, category: e.category, severity: e.severity, fix: e.fix, title: e.title, url: e.url }, { name: rule.name, target: rule.target, category: rule.category, severity: rule.severity, fix: rule.fix, title: rule.title, url: rule.url });
      assert.deepEqual(Object.keys(e.anchors).sort(), [...ANCHOR_TOOLS].sort(), `${e.id} has all anchor keys`);
      for (const tool of ANCHOR_TOOLS) {
        assert.ok(Array.isArray(e.anchors[tool]), `${e.id}.anchors.${tool} is an array`);
        assert.deepEqual(e.anchors[tool], [...(rule.anchors[tool] ?? [])]);
      }
    }
  });

  it('--format markdown prints an index naming every rule', async () => {
    const r = await runCli(['rules', '--format', 'markdown']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^# Bulkhead rules$/m);
    for (const rule of RULES) assert.ok(r.stdout.includes(`[${rule.id}](${rule.url})`), `${rule.id} listed`);
  });

  it('rejects an unknown format and stray arguments with exit 2', async () => {
    assert.equal((await runCli(['rules', '--format', 'yaml'])).code, 2);
    assert.equal((await runCli(['rules', 'extra'])).code, 2);
  });
});

describe('help and version', () => {
  const version = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

  it('--version and -v print the package version', async () => {
    for (const flag of ['--version', '-v']) {
      const r = await runCli([flag]);
      assert.equal(r.code, 0);
      assert.equal(r.stdout, `${version}\n`);
    }
  });

  for (const args of [['--help'], ['-h'], ['help']]) {
    it(`${args.join(' ')} prints the commands`, async () => {
      const r = await runCli(args);
      assert.equal(r.code, 0);
      for (const cmd of ['lint', 'rules', 'image']) assert.match(r.stdout, new RegExp(`^  ${cmd}\\b`, 'm'));
    });
  }

  for (const [cmd, marker] of [['lint', /--fail-on <error\|warning\|info\|none>/], ['rules', /--format <json\|markdown>/]] as const) {
    it(`${cmd} --help and help ${cmd} print the command's options`, async () => {
      const a = await runCli([cmd, '--help']);
      const b = await runCli(['help', cmd]);
      assert.equal(a.code, 0);
      assert.match(a.stdout, marker);
      assert.equal(b.stdout, a.stdout);
    });
  }

  it('help for an unknown command exits 2', async () => {
    const r = await runCli(['help', 'frobnicate']);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /unknown command 'frobnicate'/);
  });

  it('image is dispatched to the image command', async () => {
    const r = await runCli(['image', '--help']);
    assert.doesNotMatch(r.stderr, /unknown command/);
    assert.ok(r.stdout.length + r.stderr.length > 0, 'the image command answered');
    assert.equal(typeof r.code, 'number');
  });
});
