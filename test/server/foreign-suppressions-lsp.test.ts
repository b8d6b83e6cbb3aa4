/**
 * Other tools' suppression forms silence Bulkhead findings through the built server over stdio:
 * hadolint (line, global, `.hadolint.yaml`), Checkov, Trivy, KICS (line, block, disable=),
 * BuildKit `check=skip`, kube-linter and Polaris annotations. Each case has a control document
 * without the comment that does report the finding, and the status counts the suppression.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TestClient } from './lsp-client';

const POD = (annotations: string[], beforePrivileged: string[] = []): string =>
  [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: web',
    ...(annotations.length ? ['  annotations:', ...annotations.map((a) => `    ${a}`)] : []),
    'spec:',
    '  containers:',
    '    - name: app',
    '      image: nginx:1.27',
    '      securityContext:',
    ...beforePrivileged.map((l) => `        ${l}`),
    '        privileged: true',
    '',
  ].join('\n');

const COMPOSE = (comment?: string): string => ['services:', '  web:', '    image: nginx:1.27', ...(comment ? [`    ${comment}`] : []), '    privileged: true', ''].join('\n');

interface Case {
  name: string;
  file: string;
  languageId: string;
  text: string;
  rule: string;
}

const CASES: Case[] = [
  { name: 'hadolint ignore= (next instruction)', file: 'Dockerfile', languageId: 'dockerfile', text: '# hadolint ignore=DL3007\nFROM node:latest\nUSER node\n', rule: 'DF001' },
  { name: 'hadolint global ignore=', file: 'Dockerfile', languageId: 'dockerfile', text: '# hadolint global ignore=DL3007\nFROM node:22 AS build\nFROM node:latest\nUSER node\n', rule: 'DF001' },
  { name: 'checkov:skip=', file: 'Dockerfile', languageId: 'dockerfile', text: '# checkov:skip=CKV_DOCKER_7:pinned by the base image pipeline\nFROM node:latest\nUSER node\n', rule: 'DF001' },
  { name: 'trivy:ignore:', file: 'Dockerfile', languageId: 'dockerfile', text: '# trivy:ignore:AVD-DS-0001\nFROM node:latest\nUSER node\n', rule: 'DF001' },
  { name: 'kics-scan ignore-line (Dockerfile)', file: 'Dockerfile', languageId: 'dockerfile', text: '# kics-scan ignore-line\nFROM node:latest\nUSER node\n', rule: 'DF001' },
  { name: 'BuildKit check=skip=', file: 'Dockerfile', languageId: 'dockerfile', text: '# check=skip=MaintainerDeprecated\nFROM node:22.11\nMAINTAINER someone@example.com\nUSER node\n', rule: 'DF034' },
  { name: 'kube-linter ignore-check annotation', file: 'pod.yaml', languageId: 'yaml', text: POD(['ignore-check.kube-linter.io/privileged-container: "debug pod"']), rule: 'K8S001' },
  { name: 'Polaris exemption annotation', file: 'pod.yaml', languageId: 'yaml', text: POD(['polaris.fairwinds.com/runAsPrivileged-exempt: "true"']), rule: 'K8S001' },
  { name: 'checkov:skip= (manifest)', file: 'pod.yaml', languageId: 'yaml', text: `# checkov:skip=CKV_K8S_16:node agent\n${POD([])}`, rule: 'K8S001' },
  { name: 'trivy:ignore: (manifest)', file: 'pod.yaml', languageId: 'yaml', text: POD([], ['# trivy:ignore:AVD-KSV-0017']), rule: 'K8S001' },
  { name: 'kics-scan ignore-line (manifest)', file: 'pod.yaml', languageId: 'yaml', text: POD([], ['# kics-scan ignore-line']), rule: 'K8S001' },
  { name: 'kics-scan ignore-block (Compose)', file: 'compose.yaml', languageId: 'yaml', text: ['services:', '  # kics-scan ignore-block', '  web:', '    image: nginx:1.27', '    privileged: true', ''].join('\n'), rule: 'DC001' },
  { name: 'kics-scan disable= (Compose)', file: 'compose.yaml', languageId: 'yaml', text: `# kics-scan disable=ae5b6871-7f45-42e0-bb4c-ab300c4d2026\n${COMPOSE()}`, rule: 'DC001' },
];

const CONTROLS: Record<string, { file: string; languageId: string; text: string }> = {
  DF001: { file: 'Dockerfile', languageId: 'dockerfile', text: 'FROM node:latest\nUSER node\n' },
  DF034: { file: 'Dockerfile', languageId: 'dockerfile', text: 'FROM node:22.11\nMAINTAINER someone@example.com\nUSER node\n' },
  K8S001: { file: 'pod.yaml', languageId: 'yaml', text: POD([]) },
  DC001: { file: 'compose.yaml', languageId: 'yaml', text: COMPOSE() },
};

describe('foreign suppression forms over LSP', () => {
  let client: TestClient;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bulkhead-foreign-'));
    client = await TestClient.start();
  });
  after(async () => {
    assert.equal(await client.stop(), 0, client.stderr.join(''));
    rmSync(dir, { recursive: true, force: true });
  });

  it('the control documents report each rule', async () => {
    for (const [rule, c] of Object.entries(CONTROLS)) {
      const uri = `file:///work/foreign/control-${rule}/${c.file}`;
      client.open(uri, c.languageId, c.text);
      const ds = await client.diagnosticsOfCurrentVersion(uri);
      assert.equal(ds.filter((d) => d.code === rule).length, 1, `${rule}: ${JSON.stringify(ds.map((d) => d.code))}`);
    }
  });

  for (const [i, c] of CASES.entries()) {
    it(`${c.name} silences ${c.rule}`, async () => {
      const uri = `file:///work/foreign/case${i}/${c.file}`;
      client.open(uri, c.languageId, c.text);
      const ds = await client.diagnosticsOfCurrentVersion(uri);
      assert.deepEqual(ds.filter((d) => d.code === c.rule).map((d) => d.message), [], c.text);
      assert.ok(Number(client.statuses.get(uri)?.['suppressed']) >= 1, `status counts the suppression: ${JSON.stringify(client.statuses.get(uri))}`);
      assert.deepEqual(ds.filter((d) => d.code === 'unused-suppression'), [], 'foreign forms are never reported as unused Bulkhead suppressions');
    });
  }

  it('.hadolint.yaml next to the Dockerfile: ignored and override', async () => {
    mkdirSync(join(dir, 'svc'), { recursive: true });
    writeFileSync(join(dir, 'svc', '.hadolint.yaml'), 'ignored:\n  - DL3007\noverride:\n  error:\n    - DL4000\n');
    const uri = pathToFileURL(join(dir, 'svc', 'Dockerfile')).href;
    client.open(uri, 'dockerfile', 'FROM node:latest\nMAINTAINER someone@example.com\nUSER node\n');
    const ds = await client.diagnosticsOfCurrentVersion(uri);
    assert.deepEqual(ds.filter((d) => d.code === 'DF001'), [], 'ignored: [DL3007] turns latest-tag off');
    assert.equal(ds.find((d) => d.code === 'DF034')?.severity, 1, 'override.error: [DL4000] makes maintainer-deprecated an error');
    assert.deepEqual(client.statuses.get(uri)?.['configFiles'], [join(dir, 'svc', '.hadolint.yaml')]);
  });
});
