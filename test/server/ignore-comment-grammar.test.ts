/**
 * The ignore-comment injection grammar (syntaxes/) tokenized with vscode-textmate and Oniguruma,
 * the engine VS Code uses, injected into small stand-in Dockerfile and YAML grammars whose
 * comments are scoped as VS Code's built-in grammars scope them.
 */
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from 'vscode-textmate';

const repoRoot = join(__dirname, '..', '..');
const INJECTION = 'bulkhead.ignore-comment.injection';
const injectionPath = join(repoRoot, 'syntaxes', 'ignore-comment.injection.tmLanguage.json');

const hosts: Record<string, object> = {
  'source.dockerfile': {
    scopeName: 'source.dockerfile',
    patterns: [
      { begin: '^\\s*(#)', beginCaptures: { 1: { name: 'punctuation.definition.comment.dockerfile' } }, end: '$', name: 'comment.line.number-sign.dockerfile' },
      { match: '^\\s*[A-Za-z]+', name: 'keyword.other.special-method.dockerfile' },
    ],
  },
  'source.yaml': {
    scopeName: 'source.yaml',
    patterns: [
      { begin: '(?:^|(?<=\\s))(#)', beginCaptures: { 1: { name: 'punctuation.definition.comment.yaml' } }, end: '$', name: 'comment.line.number-sign.yaml' },
      { match: '[A-Za-z_-]+(?=:)', name: 'entity.name.tag.yaml' },
    ],
  },
};

let registry: Registry;

async function grammar(scope: string): Promise<IGrammar> {
  const g = await registry.loadGrammar(scope);
  assert.ok(g, `grammar ${scope} did not load`);
  return g;
}

/** Scopes of each token of one line, as [text, innermost scopes joined]. */
async function tokens(scope: string, line: string): Promise<[string, string][]> {
  const g = await grammar(scope);
  return g.tokenizeLine(line, INITIAL).tokens.map((t) => [line.slice(t.startIndex, t.endIndex), t.scopes.join(' ')]);
}

function scopeOf(toks: [string, string][], text: string): string {
  const t = toks.find(([x]) => x === text);
  assert.ok(t, `no token '${text}' in ${JSON.stringify(toks)}`);
  return t[1];
}

describe('ignore-comment injection grammar', () => {
  before(async () => {
    const wasm = readFileSync(join(repoRoot, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    registry = new Registry({
      onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new oniguruma.OnigScanner(p), createOnigString: (s: string) => new oniguruma.OnigString(s) }),
      loadGrammar: async (scope: string) => {
        if (scope === INJECTION) return parseRawGrammar(readFileSync(injectionPath, 'utf8'), injectionPath);
        const host = hosts[scope];
        return host ? parseRawGrammar(JSON.stringify(host), `${scope}.json`) : null;
      },
      getInjections: (scope: string) => (scope in hosts ? [INJECTION] : undefined),
    });
  });

  it('is contributed for the Dockerfile and YAML grammars', () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { contributes: { grammars?: { scopeName: string; path: string; injectTo?: string[] }[] } };
    const g = pkg.contributes.grammars?.find((x) => x.scopeName === INJECTION);
    assert.ok(g);
    assert.equal(join(repoRoot, g.path), injectionPath);
    assert.ok(g.injectTo?.includes('source.dockerfile') && g.injectTo.includes('source.yaml'));
  });

  it('highlights the directive, each id and the reason in a Dockerfile comment', async () => {
    const toks = await tokens('source.dockerfile', '# bulkhead-ignore DF001,latest-tag -- pinned by digest in CI');
    assert.match(scopeOf(toks, 'bulkhead-ignore'), /comment\.line\.number-sign\.dockerfile keyword\.control\.directive\.suppression\.bulkhead$/);
    assert.match(scopeOf(toks, 'DF001'), /constant\.other\.rule-id\.bulkhead$/);
    assert.match(scopeOf(toks, 'latest-tag'), /constant\.other\.rule-id\.bulkhead$/);
    assert.match(scopeOf(toks, ','), /punctuation\.separator\.comma\.bulkhead$/);
    assert.match(scopeOf(toks, 'pinned by digest in CI'), /string\.unquoted\.reason\.bulkhead$/);
  });

  it('highlights the file form and trailing YAML comments', async () => {
    const file = await tokens('source.yaml', '# bulkhead-ignore-file K8S0*');
    assert.match(scopeOf(file, 'bulkhead-ignore-file'), /keyword\.control\.directive\.suppression\.bulkhead$/);
    assert.match(scopeOf(file, 'K8S0*'), /constant\.other\.rule-id\.bulkhead$/);
    const trailing = await tokens('source.yaml', '    privileged: true # bulkhead-ignore K8S001');
    assert.match(scopeOf(trailing, 'K8S001'), /comment\.line\.number-sign\.yaml constant\.other\.rule-id\.bulkhead$/);
  });

  it('highlights the other tools\' forms', async () => {
    const hadolint = await tokens('source.dockerfile', '# hadolint ignore=DL3007,DL3008');
    assert.match(scopeOf(hadolint, 'DL3008'), /constant\.other\.rule-id\.bulkhead$/);
    const checkov = await tokens('source.yaml', '# checkov:skip=CKV_K8S_16:needs raw sockets');
    assert.match(scopeOf(checkov, 'CKV_K8S_16'), /constant\.other\.rule-id\.bulkhead$/);
    assert.match(scopeOf(checkov, 'needs raw sockets'), /string\.unquoted\.reason\.bulkhead$/);
    const trivy = await tokens('source.dockerfile', '# trivy:ignore:AVD-DS-0002');
    assert.match(scopeOf(trivy, 'AVD-DS-0002'), /constant\.other\.rule-id\.bulkhead$/);
    const kics = await tokens('source.yaml', '# kics-scan ignore-line');
    assert.match(scopeOf(kics, 'ignore-line'), /keyword\.control\.directive\.suppression\.bulkhead$/);
  });

  it('leaves code and ordinary comments alone', async () => {
    const code = await tokens('source.dockerfile', 'RUN echo bulkhead-ignore DF001');
    assert.ok(code.every(([, s]) => !s.includes('bulkhead')), JSON.stringify(code));
    const plain = await tokens('source.dockerfile', '# install the bulkhead-ignorant tools');
    assert.ok(plain.every(([, s]) => !s.includes('.bulkhead')), JSON.stringify(plain));
  });
});
