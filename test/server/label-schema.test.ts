/**
 * `labelSchema` / `strictLabels` in the language server: the VS Code settings apply as a fallback
 * and the nearest config file wins, as for the other policy keys (docs/configuration.md).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyse } from '../../server/src/documents';
import { ConfigResolver } from '../../server/src/config/files';
import { normaliseSettings } from '../../protocol/src/settings';

const DOCKERFILE = 'FROM alpine:3.20\nLABEL maintainer="platform team" extra="1"\n';

function labelFindings(uri: string, raw: unknown, configs?: ConfigResolver): string[] {
  const doc = TextDocument.create(uri, 'dockerfile', 1, DOCKERFILE);
  const a = analyse(doc, normaliseSettings(raw), (id, e) => assert.fail(`${id} crashed: ${String(e)}`), configs);
  return a.result.findings.filter((f) => /^DF10[1-9]$/.test(f.ruleId)).map((f) => `${f.ruleId}:${f.range.start.line + 1}`).sort();
}

describe('label schema in the language server', () => {
  it('is inert without a schema', () => {
    assert.deepEqual(labelFindings('file:///p/Dockerfile', {}), []);
  });

  it('applies the bulkhead.labelSchema / bulkhead.strictLabels settings; unknown types are dropped', () => {
    const found = labelFindings('file:///p/Dockerfile', { labelSchema: { maintainer: 'email', 'org.opencontainers.image.source': 'uuid' }, strictLabels: true });
    assert.deepEqual(found, ['DF102:2', 'DF109:2']);
  });

  it('lets the nearest config file win over the settings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulkhead-labels-'));
    try {
      writeFileSync(join(dir, '.hadolint.yaml'), 'label-schema:\n  maintainer: text\n  org.opencontainers.image.version: semver\n');
      const uri = pathToFileURL(join(dir, 'Dockerfile')).href;
      const found = labelFindings(uri, { labelSchema: { maintainer: 'email' }, strictLabels: true }, new ConfigResolver([dir]));
      assert.deepEqual(found, ['DF101:1', 'DF102:2'], 'schema from the file (text, version missing); strictLabels from the settings');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
