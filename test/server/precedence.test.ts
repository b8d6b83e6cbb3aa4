/**
 * Settings precedence through the built server over stdio (docs/configuration.md):
 * rule defaults → nearest `.bulkhead.yaml` → its `overrides` → VS Code settings → inline comments.
 * For policy keys the config file wins and the settings are the fallback; `ignorePaths` from both
 * add up.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient } from './lsp-client';

const LATEST = 'FROM node:latest\nUSER node\n';

function severityOf(ds: readonly Diagnostic[], code: string): number | undefined {
  const found = ds.filter((d) => d.code === code);
  assert.ok(found.length <= 1, JSON.stringify(found));
  return found[0]?.severity;
}

describe('settings precedence over LSP', () => {
  let client: TestClient;
  let root: string;
  const uri: Record<string, string> = {};

  function file(rel: string, text: string): string {
    const p = join(root, rel);
    mkdirSync(join(p, '..'), { recursive: true });
    writeFileSync(p, text);
    return pathToFileURL(p).href;
  }

  /** Changes the editor settings and waits until every open document was re-published. */
  async function settle(settings: Record<string, unknown>, scoped: Record<string, Record<string, unknown>> = {}): Promise<void> {
    client.settings = settings;
    client.scopedSettings.clear();
    for (const [k, v] of Object.entries(scoped)) client.scopedSettings.set(k, v);
    const before = client.allPublished.length;
    void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { bulkhead: settings } });
    const open = Object.values(uri);
    const deadline = Date.now() + 10_000;
    while (!open.every((u) => client.allPublished.slice(before).some((p) => p.uri === u))) {
      assert.ok(Date.now() < deadline, 'documents were not re-linted after a settings change');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  const diags = (key: string): Diagnostic[] => client.lastPublished(uri[key]!)?.diagnostics ?? [];
  const status = (key: string): Record<string, unknown> => client.statuses.get(uri[key]!) ?? {};

  before(async () => {
    root = mkdtempSync(join(tmpdir(), 'bulkhead-precedence-'));
    file('ws/.bulkhead.yaml', ['rules:', '  DF001: error', 'profile: baseline', 'trustedRegistries: [docker.io]', 'ignorePaths: [vendor/**]', 'overrides:', '  - files: [legacy/**]', '    rules:', '      DF001: info', ''].join('\n'));
    uri['app'] = file('ws/app/Dockerfile', LATEST);
    uri['legacy'] = file('ws/legacy/Dockerfile', LATEST);
    uri['inline'] = file('ws/inline/Dockerfile', `# bulkhead-ignore DF001 -- pinned by the base image pipeline\n${LATEST}`);
    uri['vendor'] = file('ws/vendor/Dockerfile', LATEST);
    uri['other'] = file('other/Dockerfile', 'FROM alpine:3.20\nUSER app\n');
    uri['generated'] = file('other/generated/Dockerfile', LATEST);
    const folders = ['ws', 'other'].map((n) => ({ uri: pathToFileURL(join(root, n)).href, name: n }));
    client = await TestClient.start(undefined, undefined, folders);
    for (const u of Object.values(uri)) client.open(u, 'dockerfile', u === uri['inline'] ? `# bulkhead-ignore DF001 -- pinned by the base image pipeline\n${LATEST}` : u === uri['other'] ? 'FROM alpine:3.20\nUSER app\n' : LATEST);
    for (const u of Object.values(uri)) await client.diagnosticsOfCurrentVersion(u);
  });
  after(async () => {
    assert.equal(await client.stop(), 0, client.stderr.join(''));
    rmSync(root, { recursive: true, force: true });
  });

  it('config file over rule defaults, its overrides over the file', () => {
    assert.equal(severityOf(diags('app'), 'DF001'), 1, 'rules: DF001: error (default is warning)');
    assert.equal(severityOf(diags('legacy'), 'DF001'), 3, 'overrides for legacy/** make it info');
    assert.equal(severityOf(diags('generated'), 'DF001'), 2, 'no config file: the rule default');
  });

  it('VS Code settings over the config file and its overrides', async () => {
    await settle({ severityOverrides: { DF001: 'hint' } });
    assert.equal(severityOf(diags('app'), 'DF001'), 4);
    assert.equal(severityOf(diags('legacy'), 'DF001'), 4);
    await settle({ disabledRules: ['latest-tag'] });
    assert.equal(severityOf(diags('app'), 'DF001'), undefined, 'disabledRules (by name) beats the file turning the rule to error');
    assert.equal(severityOf(diags('legacy'), 'DF001'), undefined);
    await settle({ disabledRules: ['DF00*'], severityOverrides: { DF001: 'warning' } });
    assert.equal(severityOf(diags('app'), 'DF001'), 2, 'an explicit severity for the id beats a disabled glob');
  });

  it('inline comments over VS Code settings', async () => {
    await settle({ severityOverrides: { DF001: 'error' } });
    assert.equal(severityOf(diags('app'), 'DF001'), 1);
    assert.equal(severityOf(diags('inline'), 'DF001'), undefined, 'the ignore comment still silences it');
    assert.equal(status('inline')['suppressed'], 1);
  });

  it('policy keys: the config file wins, the settings are the fallback', async () => {
    await settle({ profile: 'restricted', trustedRegistries: ['registry.example.com'], allowedBaseImages: ['alpine:*'] });
    assert.equal(status('app')['profile'], 'baseline', 'profile from .bulkhead.yaml');
    assert.deepEqual(status('app')['trustedRegistries'], ['docker.io']);
    assert.deepEqual(status('app')['allowedBaseImages'], ['alpine:*'], 'not set in the file: the setting applies');
    assert.equal(severityOf(diags('app'), 'DF082'), undefined, 'docker.io is trusted by the file');
    assert.equal(status('other')['profile'], 'restricted');
    assert.deepEqual(status('other')['trustedRegistries'], ['registry.example.com']);
    assert.equal(severityOf(diags('other'), 'DF082'), 1, 'no config file: the setting makes alpine (docker.io) untrusted');
    assert.match(diags('other').find((d) => d.code === 'DF082')?.message ?? '', /docker\.io/);
    await settle({ profile: 'baseline' });
    assert.equal(status('other')['profile'], 'baseline');
    assert.equal(severityOf(diags('other'), 'DF082'), undefined, 'empty list: any registry');
  });

  it('resource scope: each workspace folder gets its own settings', async () => {
    await settle({}, { [pathToFileURL(join(root, 'other')).href]: { trustedRegistries: ['ghcr.io'] } });
    assert.deepEqual(status('other')['trustedRegistries'], ['ghcr.io']);
    assert.equal(severityOf(diags('other'), 'DF082'), 1);
    assert.deepEqual(status('app')['trustedRegistries'], ['docker.io']);
  });

  it('ignorePaths: the settings add to the config file', async () => {
    await settle({ ignorePaths: ['generated/**'] });
    assert.deepEqual(diags('vendor'), [], 'vendor/** from .bulkhead.yaml');
    assert.match(String(status('vendor')['skipped']), /ignorePaths in .*\.bulkhead\.yaml/);
    assert.deepEqual(diags('generated'), [], 'generated/** from bulkhead.ignorePaths, relative to the workspace folder');
    assert.match(String(status('generated')['skipped']), /bulkhead\.ignorePaths \('generated\/\*\*'\)/);
    assert.equal(severityOf(diags('app'), 'DF001'), 1, 'other files still linted');
    await settle({});
    assert.equal(severityOf(diags('generated'), 'DF001'), 2);
  });
});
