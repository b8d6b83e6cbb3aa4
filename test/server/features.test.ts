/** Server features against in-memory documents (no process, no VS Code). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyse } from '../../server/src/documents';
import { normaliseSettings } from '../../protocol/src/settings';
import { engineDiagnostics } from '../../server/src/features/diagnostics';
import { bulkheadHover } from '../../server/src/features/hover';
import { codeActionsFor, ignoreLineEdit } from '../../server/src/features/codeActions';
import { removeIgnoreIdEdit } from '../../server/src/features/ignoreEdits';
import { ruleDocs } from '../../server/src/features/ruleDocs';
import { RULES } from '../../rules/src/api';
import { hoverMarkdown, ruleDocMarkdown } from '../../rules/src/engine/docs-text';
import { applyTextEdits } from './lsp-client';

function analysed(uri: string, languageId: string, text: string, raw: unknown = {}) {
  const doc = TextDocument.create(uri, languageId, 1, text);
  return { doc, a: analyse(doc, normaliseSettings(raw), (id, e) => assert.fail(`${id} crashed: ${String(e)}`)) };
}

describe('unused suppressions', () => {
  it('flags only the unused id of a comment and removes just that id', () => {
    const { doc, a } = analysed('file:///p/Dockerfile', 'dockerfile', '# bulkhead-ignore DF001, DF004 -- legacy\nFROM node:latest\n');
    const unused = a.ignoreIds.filter((i) => !i.used);
    assert.deepEqual(unused.map((i) => [i.id, i.range.start.character, i.range.end.character]), [['DF004', 25, 30]]);
    const diags = engineDiagnostics(a).filter((d) => d.code === 'unused-suppression');
    assert.equal(diags.length, 1);
    const edit = removeIgnoreIdEdit(doc, unused[0]!);
    assert.ok(edit);
    assert.equal(applyTextEdits(doc.getText(), [edit]), '# bulkhead-ignore DF001 -- legacy\nFROM node:latest\n');
  });

  it('names unknown ids as such', () => {
    const { a } = analysed('file:///p/Dockerfile', 'dockerfile', '# bulkhead-ignore NOPE42\nFROM node:22\n');
    const d = engineDiagnostics(a).find((x) => x.code === 'unused-suppression');
    assert.match(d?.message ?? '', /'NOPE42' does not name a Bulkhead rule/);
  });

  it('removes a trailing comment without touching the code', () => {
    const text = 'services:\n  web:\n    image: nginx:1.27 # bulkhead-ignore DC001\n';
    const { doc, a } = analysed('file:///p/compose.yaml', 'yaml', text);
    const unused = a.ignoreIds.filter((i) => !i.used);
    assert.equal(unused.length, 1);
    assert.equal(applyTextEdits(text, [removeIgnoreIdEdit(doc, unused[0]!)!]), 'services:\n  web:\n    image: nginx:1.27\n');
  });
});

describe('hover', () => {
  it('explains rule ids inside ignore comments', () => {
    const { a } = analysed('file:///p/Dockerfile', 'dockerfile', '# bulkhead-ignore latest-tag\nFROM node:latest\n');
    const parts = bulkheadHover(a, { line: 0, character: 22 });
    assert.equal(parts.length, 1);
    assert.match(parts[0] ?? '', /^\*\*DF001 · /);
    assert.deepEqual(bulkheadHover(a, { line: 0, character: 3 }), []);
  });

  it('builds every rule\'s hover and docs page from its metadata', () => {
    for (const rule of RULES) {
      const hover = hoverMarkdown(rule, { message: 'M', severity: rule.severity });
      for (const part of [`**${rule.id} · ${rule.title}**`, '**Here:** M', '**Why it matters**', '**How to fix**', rule.url]) assert.ok(hover.includes(part), `${rule.id} hover lacks ${part}`);
      const page = ruleDocMarkdown(rule);
      for (const h of ['## Summary', '## Why it matters', '## How to fix', '## Examples', '## How to suppress']) assert.ok(page.includes(h), `${rule.id} page lacks ${h}`);
      assert.equal(ruleDocs(rule.name)?.id, rule.id);
    }
  });
});

describe('code actions', () => {
  it('never offers edits for a diagnostic that no longer matches the document', () => {
    const { doc, a } = analysed('file:///p/Dockerfile', 'dockerfile', 'FROM node:latest\n');
    const [d] = engineDiagnostics(a).filter((x) => x.code === 'DF001');
    assert.ok(d);
    const moved = { ...d, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } } };
    assert.deepEqual(codeActionsFor(doc, a, { diagnostics: [moved] }, true), []);
    const fresh = codeActionsFor(doc, a, { diagnostics: [d] }, true);
    assert.ok(fresh.length >= 3);
  });

  it('indents the ignore comment like the flagged YAML line, inside sequences too', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  hostNetwork: true\n  containers:\n    - name: app\n      image: nginx:1.27\n      securityContext:\n        privileged: true\n';
    const { doc, a } = analysed('file:///p/pod.yaml', 'yaml', text);
    const f = a.result.findings.find((x) => x.ruleId === 'K8S001');
    assert.ok(f);
    const out = applyTextEdits(text, [ignoreLineEdit(doc, a, f)]);
    assert.ok(out.includes('      securityContext:\n        # bulkhead-ignore K8S001\n        privileged: true\n'), out);
    const again = analysed('file:///p/pod.yaml', 'yaml', out).a;
    assert.equal(again.result.findings.filter((x) => x.ruleId === 'K8S001').length, 0);
    assert.deepEqual(again.ignoreIds.filter((i) => !i.used), []);
  });
});

describe('settings', () => {
  it('normalises unknown input to safe defaults', () => {
    assert.deepEqual(normaliseSettings({ enable: 'yes', disabledRules: ['DF001', 3], severityOverrides: { DF001: 'fatal', DF002: 'hint' }, yaml: { schemaValidation: 'maybe' } }), {
      enable: true,
      disabledRules: ['DF001'],
      enabledRules: [],
      severityOverrides: { DF002: 'hint' },
      yaml: { schemaValidation: 'auto' },
      profile: 'restricted',
      trustedRegistries: [],
      allowedBaseImages: [],
      ignorePaths: [],
      labelSchema: {},
      strictLabels: false,
    });
    assert.deepEqual(
      (({ profile, trustedRegistries, allowedBaseImages, ignorePaths }) => ({ profile, trustedRegistries, allowedBaseImages, ignorePaths }))(
        normaliseSettings({ profile: 'baseline', trustedRegistries: ['ghcr.io', 1], allowedBaseImages: 'alpine:*', ignorePaths: ['vendor/**'] }),
      ),
      { profile: 'baseline', trustedRegistries: ['ghcr.io'], allowedBaseImages: [], ignorePaths: ['vendor/**'] },
    );
    assert.equal(normaliseSettings({ profile: 'privileged' }).profile, 'restricted');
  });

  it('reports the active rules for the document kind', () => {
    const all = analysed('file:///p/Dockerfile', 'dockerfile', 'FROM node:22\n').a.activeRules;
    const fewer = analysed('file:///p/Dockerfile', 'dockerfile', 'FROM node:22\n', { disabledRules: ['DF00*'] }).a.activeRules;
    assert.ok(all > fewer && fewer >= 0, `${all} vs ${fewer}`);
    assert.equal(all, RULES.filter((r) => r.target === 'dockerfile' && !r.defaultOff).length);
  });
});

describe('code action order and fix-all (synthetic finding with a fix and suggestions)', () => {
  // No shipped rule offers a fix and suggestions on one finding yet, so one is built here from a
  // real DF001 finding; the order must hold as soon as a rule does.
  function withFixAndSuggestions() {
    const { doc, a } = analysed('file:///p/Dockerfile', 'dockerfile', 'FROM node:latest\nUSER node\n');
    const f = a.result.findings.find((x) => x.ruleId === 'DF001');
    assert.ok(f);
    const edit = (newText: string) => ({ range: f.range, newText });
    const rich = { ...f, fix: { title: 'Pin node:22.11', edits: [edit('node:22.11')] }, suggestions: [{ title: 'Use node:lts', edits: [edit('node:lts')] }, { title: 'Use a digest', edits: [edit('node@sha256:0')] }] };
    a.result.findings = a.result.findings.map((x) => (x === f ? rich : x));
    return { doc, a, rich };
  }

  it('orders: fix (preferred), suggestions, ignore line, ignore file, show docs', () => {
    const { doc, a, rich } = withFixAndSuggestions();
    const d = engineDiagnostics(a).find((x) => x.code === 'DF001');
    assert.ok(d);
    const actions = codeActionsFor(doc, a, { diagnostics: [d] }, true);
    assert.deepEqual(actions.map((x) => x.title), ['Pin node:22.11', 'Use node:lts', 'Use a digest', 'Ignore DF001 on this line', 'Ignore DF001 in this file', 'Show documentation for DF001']);
    assert.deepEqual(actions.map((x) => x.isPreferred === true), [true, false, false, false, false, false]);
    assert.equal(actions[5]?.command?.command, 'bulkhead.showRuleDocs');
    assert.equal(rich.suggestions.length, 2);
  });

  it('source.fixAll.bulkhead leaves out fixes of rules that are not marked safe', () => {
    const { doc, a } = withFixAndSuggestions();
    assert.notEqual(RULES.find((r) => r.id === 'DF001')?.fix, 'safe', 'DF001 is not a safe-fix rule');
    const fixAll = codeActionsFor(doc, a, { diagnostics: [], only: ['source.fixAll.bulkhead'] }, true);
    assert.deepEqual(fixAll, [], 'a fix on a rule without fix: safe is never applied on save');
    const { doc: d2, a: a2 } = analysed('file:///p/Dockerfile', 'dockerfile', 'FROM alpine:3.20\nADD app.py /app/\nUSER app\n');
    const safe = codeActionsFor(d2, a2, { diagnostics: [], only: ['source.fixAll'] }, true);
    assert.equal(safe.length, 1, 'the parent kind source.fixAll includes source.fixAll.bulkhead');
    assert.equal(safe[0]?.kind, 'source.fixAll.bulkhead');
  });
});
