import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../rules/src/api';
import { dedent } from '../utils/dedent';

interface Case {
  name: string;
  path: string;
  code: string;
  /** Rule ids (with 1-based lines) expected to remain. */
  kept: string[];
  /** How many findings were suppressed. */
  suppressed: number;
  unused?: number;
}

const ids = (path: string, code: string): { kept: string[]; suppressed: number; unused: number } => {
  const r = lint({ path, text: code });
  return { kept: r.findings.filter((f) => ['DF001', 'K8S001', 'DC001'].includes(f.ruleId)).map((f) => `${f.ruleId}@${f.range.start.line + 1}`), suppressed: r.suppressed.filter((x) => ['DF001', 'K8S001', 'DC001'].includes(x.finding.ruleId)).length, unused: r.unusedSuppressions.length };
};

const cases: Case[] = [
  { name: 'bulkhead-ignore on the line before', path: 'Dockerfile', code: dedent`
      # bulkhead-ignore DF001 -- pinned by the release pipeline
      FROM node:latest
    `, kept: [], suppressed: 1 },
  { name: 'by rule name', path: 'Dockerfile', code: '# bulkhead-ignore latest-tag\nFROM node:latest\n', kept: [], suppressed: 1 },
  { name: 'only the next instruction', path: 'Dockerfile', code: '# bulkhead-ignore DF001\nFROM node:latest\nFROM ubuntu\n', kept: ['DF001@3'], suppressed: 1 },
  { name: 'another id does not silence', path: 'Dockerfile', code: '# bulkhead-ignore DF999\nFROM node:latest\n', kept: ['DF001@2'], suppressed: 0, unused: 1 },
  { name: 'file-wide', path: 'Dockerfile', code: 'FROM node:latest\n# bulkhead-ignore-file DF001\nFROM ubuntu\n', kept: [], suppressed: 2 },
  { name: 'hadolint ignore maps through anchors', path: 'Dockerfile', code: 'FROM alpine:3.20\n# hadolint ignore=DL3007\nFROM node:latest\n', kept: [], suppressed: 1 },
  { name: 'hadolint ignore as the first line (a parser directive to dockerfile-ast)', path: 'Dockerfile', code: '# hadolint ignore=DL3007\nFROM node:latest\n', kept: [], suppressed: 1 },
  { name: 'hadolint global ignore', path: 'Dockerfile', code: '# hadolint global ignore=DL3006\nFROM ubuntu\nFROM debian\n', kept: [], suppressed: 2 },
  { name: 'hadolint ignore of another DL id', path: 'Dockerfile', code: 'FROM alpine:3.20\n# hadolint ignore=DL3008\nFROM node:latest\n', kept: ['DF001@3'], suppressed: 0 },
  { name: 'checkov skip is file-wide', path: 'Dockerfile', code: 'FROM alpine:3.20\n#checkov:skip=CKV_DOCKER_7:we pin by digest in CI\nFROM node:latest\n', kept: [], suppressed: 1 },
  { name: 'trivy ignore, short id form', path: 'Dockerfile', code: 'FROM alpine:3.20\n# trivy:ignore:DS001\nFROM node:latest\n', kept: [], suppressed: 1 },
  { name: 'kics ignore-line', path: 'Dockerfile', code: 'FROM alpine:3.20\n# kics-scan ignore-line\nFROM node:latest\n', kept: [], suppressed: 1 },
  { name: 'BuildKit check=skip=all', path: 'Dockerfile', code: '# check=skip=all\nFROM node:latest\n', kept: [], suppressed: 1 },
  { name: 'YAML trailing comment', path: 'compose.yaml', code: dedent`
      services:
        a:
          privileged: true # bulkhead-ignore DC001
        b:
          privileged: true
    `, kept: ['DC001@5'], suppressed: 1 },
  { name: 'YAML comment above the line', path: 'compose.yaml', code: dedent`
      services:
        a:
          # bulkhead-ignore privileged-service -- needs /dev access
          privileged: true
    `, kept: [], suppressed: 1 },
  { name: 'kics ignore-block in YAML covers the nested lines', path: 'compose.yaml', code: dedent`
      services:
        # kics-scan ignore-block
        a:
          image: x:1
          privileged: true
        b:
          privileged: true
    `, kept: ['DC001@7'], suppressed: 1 },
  { name: 'kube-linter annotation on the object', path: 'pod.yaml', code: dedent`
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
        annotations:
          ignore-check.kube-linter.io/privileged-container: "node agent"
      spec:
        containers:
          - name: a
            securityContext: { privileged: true }
      ---
      apiVersion: v1
      kind: Pod
      metadata: { name: q }
      spec:
        containers:
          - name: b
            securityContext: { privileged: true }
    `, kept: ['K8S001@18'], suppressed: 1 },
  { name: 'polaris exemption annotation', path: 'pod.yaml', code: dedent`
      apiVersion: v1
      kind: Pod
      metadata:
        name: p
        annotations:
          polaris.fairwinds.com/runAsPrivileged-exempt: "true"
      spec:
        containers:
          - name: a
            securityContext: { privileged: true }
    `, kept: [], suppressed: 1 },
];

describe('inline suppressions', () => {
  for (const c of cases) {
    it(c.name, () => {
      const got = ids(c.path, c.code);
      assert.deepEqual(got.kept, c.kept);
      assert.equal(got.suppressed, c.suppressed);
      if (c.unused !== undefined) assert.equal(got.unused, c.unused);
    });
  }
});
