/**
 * Incremental YAML parsing and linting (rules/src/model/yaml/segments.ts, incremental.ts,
 * rules/src/engine/incremental.ts): after any sequence of edits, the incremental split, parse
 * and lint equal a full split, parse and lint of the same text.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isPair, isSeq } from 'yaml';
import { lint, type LintResult } from '../../rules/src/api';
import { LintMemory } from '../../rules/src/engine/incremental';
import { KUBERNETES_RULES } from '../../rules/src/kubernetes/index';
import { parseYaml, type YamlFile } from '../../rules/src/model/yaml/documents';
import { YamlFileCache } from '../../rules/src/model/yaml/incremental';
import { DocumentSplitter, splitDocuments } from '../../rules/src/model/yaml/segments';
import { dedent } from '../utils/dedent';

const repoRoot = path.resolve(__dirname, '..', '..');
const corpusDir = path.join(repoRoot, '..', 'shared', 'corpus', 'real-world', 'kubernetes');

/** Deterministic pseudo-random numbers (LCG), so a failure can be replayed. */
function random(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return s % n;
  };
}

/** Everything observable about a parse: documents, node ranges, problems, comments. */
function signature(file: YamlFile): unknown {
  const nodes: unknown[] = [];
  for (const d of file.documents) {
    const stack: unknown[] = [d.doc.contents];
    while (stack.length > 0) {
      const n = stack.pop();
      if (isPair(n)) {
        stack.push(n.key, n.value);
        continue;
      }
      if (typeof n !== 'object' || n === null) continue;
      const v = (n as { value?: unknown }).value;
      nodes.push([(n as { range?: unknown }).range, typeof v === 'object' ? null : String(v)]);
      if (isMap(n) || isSeq(n)) stack.push(...n.items);
    }
  }
  return { docs: file.documents.map((d) => [d.index, d.range, d.doc.range]), errors: file.errors, warnings: file.warnings, comments: file.comments, nodes };
}

const POD = (name: string, extra = ''): string => dedent`
  apiVersion: v1
  kind: Pod
  metadata:
    name: ${name}
  spec:
    serviceAccountName: robot
    containers:
      - name: app
        image: nginx:1.27.2
  ` + extra;
const SA = dedent`
  apiVersion: v1
  kind: ServiceAccount
  metadata:
    name: robot
  automountServiceAccountToken: false
  `;

/** A multi-document manifest from the corpus (or built-in documents when the corpus is missing). */
function bigManifest(): string {
  if (!existsSync(corpusDir)) return Array.from({ length: 20 }, (_, i) => (i % 5 === 0 ? SA : POD(`p${i}`))).join('---\n');
  const docs: string[] = [];
  for (const f of readdirSync(corpusDir).sort().slice(0, 40)) docs.push(readFileSync(path.join(corpusDir, f), 'utf8').replace(/^---\s*\n/, '').replace(/\s+$/, '') + '\n');
  return docs.join('---\n');
}

/** Snippets that stress document boundaries, quoting, suppressions and cross-document rules. */
const PIECES = ['---\n', '\n---\n', '...\n', '%YAML 1.2\n', '"', "'", '|\n', '[', ']', '{', '}', '# bulkhead-ignore K8S049\n', '# bulkhead-ignore-file K8S001\n', '\n', 'a: b\n', '  ', '- ', 'x', '\r\n', '&a ', '*a', ': ', '\t', `---\n${SA}`, `---\n${POD('typed')}`, '  automountServiceAccountToken: true\n', '      securityContext:\n        privileged: true\n'];

function edit(text: string, rnd: (n: number) => number): string {
  const at = rnd(text.length + 1);
  if (rnd(3) > 0) return text.slice(0, at) + (PIECES[rnd(PIECES.length)] ?? '') + text.slice(at);
  return text.slice(0, at) + text.slice(at + 1 + rnd(rnd(5) === 0 ? 400 : 8));
}

/** Findings and problems as a plain value (what a user sees). */
function visible(r: LintResult): unknown {
  return { kind: r.kind, skipped: r.skipped, findings: r.findings, problems: r.problems, suppressed: r.suppressed.map((s) => [s.finding.ruleId, s.finding.range]), unused: r.unusedSuppressions.map((u) => u.range), crashed: r.crashedRules };
}

describe('YAML document split', () => {
  it('splits at ---, directives and content after ...', () => {
    const text = '%YAML 1.2\n---\na: "x\n--- y"\n# c\n...\nb: |\n  z\n---\n- 1\n';
    assert.deepEqual(splitDocuments(text).map((o) => text.slice(o, o + 6)), ['%YAML ', '--- y"', 'b: |\n ', '---\n- ']);
    // A plain `---` value and a leading comment do not start segments.
    const t2 = '# c\n---\na: ---\n---\nb\n';
    assert.deepEqual(splitDocuments(t2).map((o) => t2.slice(o, o + 5)), ['# c\n-', '---\nb']);
  });

  it('re-splits only around an edit and agrees with a full split after every edit', () => {
    const rnd = random(20261126);
    const base = bigManifest();
    const splitter = new DocumentSplitter();
    let text = base;
    splitter.update(text);
    let lexed = 0;
    for (let k = 0; k < 200; k++) {
      text = edit(text, rnd);
      assert.deepEqual(splitter.update(text), splitDocuments(text), `edit ${k}`);
      lexed += splitter.lastLexed;
    }
    // The point of it: far less than the whole text is lexed again per edit.
    assert.ok(lexed / 200 < base.length / 4, `lexed ${Math.round(lexed / 200)} of ${base.length} characters per edit`);
  });
});

describe('incremental YAML parse', () => {
  it('equals a full parse after every edit', () => {
    const rnd = random(8081);
    const cache = new YamlFileCache();
    let text = bigManifest();
    let reused = 0;
    for (let k = 0; k < 80; k++) {
      text = edit(text, rnd);
      const inc = cache.parse(text);
      const full = parseYaml(text);
      reused += inc.fresh.filter((f) => !f).length;
      // Compared as JSON: deepEqual on thousands of ranges is slow.
      assert.equal(JSON.stringify(signature(inc.file)), JSON.stringify(signature(full)), `edit ${k}`);
    }
    assert.ok(reused > 80 * 5, `segments reused: ${reused}`);
  });
});

describe('incremental lint', () => {
  const settings = { enabledRules: KUBERNETES_RULES.map((r) => r.id) };

  it('gives the findings of a full lint after every edit', () => {
    const rnd = random(4242);
    const memory = new LintMemory();
    const p = '/work/deploy/manifest.yaml';
    let text = bigManifest();
    for (let k = 0; k < 60; k++) {
      text = edit(text, rnd);
      const inc = lint({ path: p, text }, { settings, memory });
      const full = lint({ path: p, text }, { settings });
      assert.deepEqual(visible(inc), visible(full), `edit ${k}`);
    }
  });

  it('re-runs K8S049 in other documents when a ServiceAccount is added or removed', () => {
    const memory = new LintMemory();
    const p = 'm.yaml';
    const k49 = (r: LintResult): number[] => r.findings.filter((f) => f.ruleId === 'K8S049').map((f) => f.range.start.line);
    const without = `${POD('a')}---\n${POD('b')}`;
    const withSa = `${POD('a')}---\n${SA}---\n${POD('b')}`;
    assert.deepEqual(k49(lint({ path: p, text: without }, { memory })), [4, 14]);
    assert.deepEqual(k49(lint({ path: p, text: without + '\n' }, { memory })), [4, 14]);
    assert.deepEqual(k49(lint({ path: p, text: withSa }, { memory })), []);
    assert.deepEqual(k49(lint({ path: p, text: without }, { memory })), [4, 14]);
  });

  it('moves reused findings of later documents by the lines inserted above them', () => {
    const memory = new LintMemory();
    const p = 'm.yaml';
    const privileged = '      securityContext:\n        privileged: true\n';
    const text = `${POD('a')}---\n${POD('b', privileged)}`;
    const lines = (r: LintResult): number[] => r.findings.filter((f) => f.ruleId === 'K8S001').map((f) => f.range.start.line);
    lint({ path: p, text }, { memory });
    assert.deepEqual(lines(lint({ path: p, text: text + '\n' }, { memory })), [20]);
    const edited = `${POD('a').replace('  serviceAccountName', '  hostNetwork: false\n  serviceAccountName')}---\n${POD('b', privileged)}`;
    const r = lint({ path: p, text: edited }, { memory });
    assert.deepEqual(lines(r), [21]);
    assert.deepEqual(visible(r), visible(lint({ path: p, text: edited })));
    const fix = r.findings.find((f) => f.ruleId === 'K8S001')?.fix ?? r.findings.find((f) => f.ruleId === 'K8S001')?.suggestions[0];
    assert.ok(fix, 'K8S001 offers an edit');
    assert.equal(fix.edits[0]?.range.start.line, 21);
  });

  it('K8S049 looks ServiceAccounts up by name and namespace (one index per file)', () => {
    const inNs = (ns: string): string => SA.replace('  name: robot', `  name: robot\n  namespace: ${ns}`);
    const podIn = (ns: string): string => POD('a').replace('  name: a', `  name: a\n  namespace: ${ns}`);
    const k49 = (text: string): number => lint({ path: 'm.yaml', text }).findings.filter((f) => f.ruleId === 'K8S049').length;
    assert.equal(k49(`${podIn('prod')}---\n${inNs('prod')}`), 0);
    assert.equal(k49(`${podIn('prod')}---\n${inNs('dev')}`), 1, 'an account of another namespace does not count');
    assert.equal(k49(`${POD('a')}---\n${inNs('dev')}`), 1, 'a pod without namespace does not use a namespaced account');
    const many = Array.from({ length: 300 }, (_, i) => POD(`p${i}`)).join('---\n');
    assert.equal(k49(`${many}---\n${SA}`), 0);
    assert.equal(k49(many), 300);
  });
});
