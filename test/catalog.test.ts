/**
 * Catalog meta-tests (STYLE.md §7.5), one `it` per rule per invariant, generic over the
 * registry so every rule added later is checked the same way: ids and prefixes, file name,
 * registration, docs fields, examples that really trigger (or not), a test file per rule,
 * `output:` cases for safe fixes, well-formed anchor ids, and the settings enum.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ANCHOR_TOOLS, lint, RULES, type AnchorTool, type AnyRule, type Target } from '../rules/src/api';
import { EXAMPLE_POLICY } from './utils/example-policy';

const ROOT = path.resolve(__dirname, '..');
const PREFIX: Record<Target, RegExp> = { dockerfile: /^DF\d{3}$/, kubernetes: /^K8S\d{3}$/, compose: /^DC\d{3}$/ };
const EXAMPLE_FILE: Record<Target, string> = { dockerfile: 'Dockerfile', kubernetes: 'manifest.yaml', compose: 'compose.yaml' };
/** The shape of each tool's rule ids, as the catalogs in ../shared/research write them. */
const ANCHOR_FORMAT: Record<AnchorTool, RegExp> = {
  hadolint: /^(DL|SC)\d{4}$/,
  checkov: /^CKV2?_[A-Z0-9]+_\d+$/,
  trivy: /^AVD-[A-Z]+-\d{4,5}$/,
  kics: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  kubeLinter: /^[a-z0-9]+(-[a-z0-9]+)*$/,
  polaris: /^[a-z][A-Za-z0-9]*$/,
  kubesec: /^[A-Z][A-Za-z0-9]*$/,
  pss: /^(baseline|restricted):[A-Za-z_]+$/,
  dockle: /^(CIS|DKL)-[A-Z]{2}-\d{4}$/,
  buildkit: /^[A-Z][A-Za-z0-9]+$/,
};

function ruleFile(rule: AnyRule): string {
  return path.join(ROOT, 'rules', 'src', rule.target, `${rule.name}.ts`);
}
function testFile(rule: AnyRule): string {
  return path.join(ROOT, 'test', 'rules', rule.target, `${rule.name}.test.ts`);
}
function findingsOf(rule: AnyRule, code: string): { ids: string[]; crashed: string[] } {
  const policy = EXAMPLE_POLICY[rule.id];
  const r = lint({ path: EXAMPLE_FILE[rule.target], text: code }, { settings: { enabledRules: [rule.id] }, ...(policy ? { policy } : {}) });
  return { ids: r.findings.filter((f) => f.ruleId === rule.id).map((f) => f.message), crashed: r.crashedRules };
}
/** The names a rule answers to in settings: id, name and aliases (anchors are foreign and may repeat). */
function ownKeys(rule: AnyRule): string[] {
  return [rule.id, rule.name, ...(rule.aliases ?? [])];
}
function label(code: string): string {
  return code.split('\n').filter((l) => l.trim() !== '').slice(0, 2).join(' ⏎ ').slice(0, 70);
}

describe('catalog', () => {
  it('has rules for every target', () => {
    for (const t of Object.keys(PREFIX)) assert.ok(RULES.some((r) => r.target === t), `no ${t} rule registered`);
  });

  it('registry files list only rule modules that exist (every rule file is registered)', () => {
    for (const target of Object.keys(PREFIX) as Target[]) {
      const dir = path.join(ROOT, 'rules', 'src', target);
      const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts').map((f) => f.slice(0, -3));
      const registered = RULES.filter((r) => r.target === target).map((r) => r.name);
      assert.deepEqual(files.filter((f) => !registered.includes(f)), [], `rule files in rules/src/${target}/ missing from the registry`);
    }
  });

  it('package.json settings that enumerate rule ids equal the registry', (t) => {
    const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { contributes?: { configuration?: unknown } };
    const enums: string[][] = [];
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (typeof node !== 'object' || node === null) return;
      for (const [key, value] of Object.entries(node)) {
        if (key === 'enum' && Array.isArray(value) && value.some((v) => typeof v === 'string' && /^(DF|K8S|DC)\d{3}$/.test(v))) enums.push(value.filter((v): v is string => typeof v === 'string'));
        else visit(value);
      }
    };
    visit(manifest.contributes?.configuration);
    if (enums.length === 0) return t.skip('package.json has no rule-id enum in its settings (nothing to compare)');
    const ids = RULES.map((r) => r.id).sort();
    for (const e of enums) assert.deepEqual(e.filter((v) => /^(DF|K8S|DC)\d{3}$/.test(v)).sort(), ids);
  });
});

for (const rule of RULES) {
  describe(`${rule.id} ${rule.name}`, () => {
    it('has a unique id with the prefix of its target', () => {
      assert.match(rule.id, PREFIX[rule.target]);
      assert.equal(RULES.filter((r) => r.id === rule.id).length, 1, 'id used once');
    });

    it('has a kebab-case name, and its names and aliases collide with no other rule', () => {
      assert.match(rule.name, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      const mine = ownKeys(rule).map((k) => k.toLowerCase());
      assert.equal(new Set(mine).size, mine.length, 'id, name and aliases are distinct');
      for (const other of RULES) {
        if (other === rule) continue;
        const clash = ownKeys(other).filter((k) => mine.includes(k.toLowerCase()));
        assert.deepEqual(clash, [], `collides with ${other.id}`);
      }
    });

    it('lives in rules/src/<target>/<name>.ts and is registered exactly once', () => {
      const file = ruleFile(rule);
      assert.ok(existsSync(file), `${path.relative(ROOT, file)} does not exist`);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod: unknown = require(file);
      const exported = typeof mod === 'object' && mod !== null && 'default' in mod ? mod.default : undefined;
      assert.equal(exported, rule, `${path.relative(ROOT, file)} default-exports this rule`);
      assert.equal(RULES.filter((r) => r === rule).length, 1);
    });

    it('has title, summary, rationale and remediation; remediation ends with "."', () => {
      for (const [field, value] of [['title', rule.title], ['summary', rule.docs.summary], ['rationale', rule.docs.rationale], ['remediation', rule.docs.remediation]] as const) {
        assert.ok(value.trim().length > 0, `${field} is empty`);
      }
      assert.ok(!rule.title.includes('\n'), 'title is one line');
      assert.ok(rule.docs.remediation.trim().endsWith('.'), `remediation must end with '.': ${rule.docs.remediation}`);
      assert.ok(Object.keys(rule.messages).length > 0, 'has at least one message');
    });

    it('has at least one bad and one good example', () => {
      assert.ok(rule.docs.examples.bad.length > 0, 'no bad example');
      assert.ok(rule.docs.examples.good.length > 0, 'no good example');
    });

    for (const [i, code] of rule.docs.examples.bad.entries()) {
      it(`bad example ${i + 1} triggers the rule: ${label(code)}`, () => {
        const r = findingsOf(rule, code);
        assert.deepEqual(r.crashed, []);
        assert.ok(r.ids.length > 0, `bad example does not trigger ${rule.id}:\n${code}`);
      });
    }
    for (const [i, code] of rule.docs.examples.good.entries()) {
      it(`good example ${i + 1} does not trigger the rule: ${label(code)}`, () => {
        const r = findingsOf(rule, code);
        assert.deepEqual(r.crashed, []);
        assert.deepEqual(r.ids, [], `good example triggers ${rule.id}:\n${code}`);
      });
    }

    it('has a test file at test/rules/<target>/<name>.test.ts', () => {
      assert.ok(existsSync(testFile(rule)), `${path.relative(ROOT, testFile(rule))} does not exist`);
    });

    if (rule.fix === 'safe') {
      it('has an invalid test case with `output:` (safe fix)', () => {
        const file = testFile(rule);
        assert.ok(existsSync(file), 'no test file');
        assert.match(readFileSync(file, 'utf8'), /\boutput:/, 'a safe-fix rule needs an invalid case with output');
      });
    }

    it('has well-formed anchor ids for known tools only', () => {
      for (const [tool, ids] of Object.entries(rule.anchors)) {
        assert.ok((ANCHOR_TOOLS as readonly string[]).includes(tool), `unknown anchor tool '${tool}'`);
        const format = ANCHOR_FORMAT[tool as AnchorTool];
        for (const id of ids ?? []) assert.match(id, format, `${tool} id '${id}'`);
        assert.equal(new Set(ids).size, (ids ?? []).length, `${tool} ids repeat`);
      }
    });

    it('has a url derived from its id', () => {
      assert.ok(rule.url.endsWith(`/${rule.id}.md`), rule.url);
    });
  });
}
