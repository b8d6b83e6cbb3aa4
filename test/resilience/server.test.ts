/**
 * Server resilience through the real bundle over stdio (VS Code's pull capabilities): hostile
 * documents (huge, binary, deeply nested, alias bombs, broken UTF-16, out-of-range edits and
 * positions) each get an answer, and afterwards the same process still lints a normal file.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { TestClient, PULL_CAPABILITIES, serverModule } from '../server/lsp-client';

interface Report {
  kind: string;
  items?: { code?: string | number; message: string; source?: string }[];
}

const ANSWER_MS = 30_000;

function aliasBomb(): string {
  let t = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\ndata:\n  a0: &a0 [x, x, x, x, x, x, x, x, x]\n';
  for (let i = 1; i < 10; i++) t += `  a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;
  return t;
}

const HOSTILE: { name: string; uri: string; languageId: string; text: string }[] = [
  { name: '10 MB Dockerfile', uri: 'file:///hostile/big/Dockerfile', languageId: 'dockerfile', text: 'RUN echo hello world\n'.repeat(500_000) },
  { name: 'binary Dockerfile', uri: 'file:///hostile/bin/Dockerfile', languageId: 'dockerfile', text: 'FROM x\n\u0000\u0001\u0002\uffff' },
  // 100,000-line files are covered through lint() in test/fuzz/limits.test.ts; through the server (with
  // the companion language services) a 5,000-line file keeps this test within its time.
  { name: '5,000-line Dockerfile', uri: 'file:///hostile/long/Dockerfile', languageId: 'dockerfile', text: 'FROM alpine:3.20\n' + 'RUN echo x && \\\n  apt-get install -y curl\n'.repeat(2_500) },
  { name: 'lone surrogates and control characters', uri: 'file:///hostile/utf16/Dockerfile', languageId: 'dockerfile', text: 'FROM \ud800alpine\nRUN echo \udfff\u001b[31m\r\rUSER \u2028root\n' },
  { name: 'deeply nested flow YAML', uri: 'file:///hostile/deep/pod.yaml', languageId: 'yaml', text: 'apiVersion: v1\nkind: Pod\nx: ' + '['.repeat(20_000) + ']'.repeat(20_000) + '\n' },
  { name: 'deeply nested block YAML', uri: 'file:///hostile/deep2/pod.yaml', languageId: 'yaml', text: 'apiVersion: v1\nkind: Pod\n' + Array.from({ length: 1500 }, (_, i) => ' '.repeat(i) + 'a:').join('\n') + ' 1\n' },
  { name: 'billion laughs', uri: 'file:///hostile/bomb/cm.yaml', languageId: 'yaml', text: aliasBomb() },
  { name: 'Compose alias bomb', uri: 'file:///hostile/bomb/compose.yaml', languageId: 'dockercompose', text: aliasBomb().replace('apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bomb\ndata:', 'services:\n  web:\n    image: nginx:1.27\n    labels:') },
  { name: 'half-typed manifest', uri: 'file:///hostile/half/deploy.yaml', languageId: 'yaml', text: 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n      - name: "x\n        securityContext: {privileged: tr' },
  { name: 'untitled document', uri: 'untitled:Untitled-1', languageId: 'dockerfile', text: 'FROM node:latest\n' },
];

describe('resilience: the language server survives hostile documents', () => {
  let client: TestClient | undefined;
  before(async () => {
    if (existsSync(serverModule)) client = await TestClient.start(PULL_CAPABILITIES);
  });
  after(async () => {
    await client?.stop();
  });

  for (const doc of HOSTILE) {
    it(`answers for: ${doc.name}`, async (t) => {
      if (!client) {
        t.skip('server/out/server.js is not built');
        return;
      }
      client.open(doc.uri, doc.languageId, doc.text);
      const report = await client.request<Report>('textDocument/diagnostic', { textDocument: { uri: doc.uri } }, ANSWER_MS);
      assert.equal(report.kind, 'full');
      // Requests at positions far outside the document must be answered too (result or error, not silence).
      const far = { line: 10_000_000, character: 5 };
      const settle = (p: Promise<unknown>): Promise<string> => p.then(() => 'answered', (e: unknown) => (String(e).includes('timed out') ? 'timeout' : 'answered'));
      assert.equal(await settle(client.request('textDocument/hover', { textDocument: { uri: doc.uri }, position: far }, ANSWER_MS)), 'answered');
      assert.equal(await settle(client.request('textDocument/codeAction', { textDocument: { uri: doc.uri }, range: { start: far, end: far }, context: { diagnostics: report.items ?? [] } }, ANSWER_MS)), 'answered');
      client.close(doc.uri);
      assert.ok(client.alive, `server exited after ${doc.name}: ${client.stderr.join('').slice(-2000)}`);
    });
  }

  it('survives an edit whose range lies outside the document', async (t) => {
    if (!client) {
      t.skip('server/out/server.js is not built');
      return;
    }
    const uri = 'file:///hostile/range/Dockerfile';
    client.open(uri, 'dockerfile', 'FROM alpine:3.20\n');
    void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: { start: { line: 99, character: 99 }, end: { line: 120, character: 0 } }, text: 'RUN x\n' }] });
    void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri: 'file:///never/opened/Dockerfile', version: 7 }, contentChanges: [{ text: 'FROM x\n' }] });
    const report = await client.request<Report>('textDocument/diagnostic', { textDocument: { uri } }, ANSWER_MS);
    assert.equal(report.kind, 'full');
    assert.ok(client.alive);
  });

  it('still lints a normal Dockerfile correctly afterwards', async (t) => {
    if (!client) {
      t.skip('server/out/server.js is not built');
      return;
    }
    const uri = 'file:///after/Dockerfile';
    client.open(uri, 'dockerfile', 'FROM node:latest\nUSER node\n');
    const report = await client.request<Report>('textDocument/diagnostic', { textDocument: { uri } }, ANSWER_MS);
    assert.ok((report.items ?? []).some((d) => d.code === 'DF001'), JSON.stringify(report.items));
    assert.ok(client.alive);
  });
});
