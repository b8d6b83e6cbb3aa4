/** Table test with a policy (the shared rule tester runs without one). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { lint, RULES } from '../../../rules/src/api';
import rule from '../../../rules/src/dockerfile/base-image-not-allowed';

function findings(code: string, allowedBaseImages: string[]) {
  const r = lint({ path: 'Dockerfile', text: code }, { policy: { allowedBaseImages } });
  assert.deepEqual(r.crashedRules, []);
  return r.findings.filter((f) => f.ruleId === rule.id).map((f) => ({ line: f.range.start.line + 1, column: f.range.start.character + 1, endColumn: f.range.end.character + 1, message: f.message }));
}

const ALLOWED = ['gcr.io/distroless/*', 'alpine:3.*', 'registry.example.com/base/*'];

describe(`${rule.id} ${rule.name}`, () => {
  it('is registered exactly once', () => assert.equal(RULES.filter((r) => r.id === rule.id).length, 1));
  it('does nothing without allowed base images', () => assert.deepEqual(findings('FROM ubuntu:24.04\n', []), []));
  it('reports a base image outside the list with its exact range', () => {
    assert.deepEqual(findings('FROM ubuntu:24.04\n', ALLOWED), [{ line: 1, column: 6, endColumn: 18, message: "Base image 'ubuntu:24.04' is not in the allowed base images." }]);
  });
  const valid: [string, string][] = [
    ['Docker Hub short name', 'FROM alpine:3.20\n'],
    ['Docker Hub with docker.io/library/', 'FROM docker.io/library/alpine:3.20\n'],
    ['another registry by prefix', 'FROM gcr.io/distroless/static-debian12:nonroot\n'],
    ['digest-pinned', 'FROM alpine:3.20@sha256:0a4eaa0eecf5f8c050e5bba433f58c052be7587ee8af3e8b3910ef9ab5fbe9f5\n'],
    ['scratch and earlier stages', 'FROM registry.example.com/base/go:1.23 AS build\nFROM build\nFROM scratch\n'],
    ['ARG-resolved image', 'ARG BASE=alpine:3.19\nFROM ${BASE}\n'],
    ['unresolvable variable', 'FROM $BASE\n'],
  ];
  for (const [name, code] of valid) it(`valid: ${name}`, () => assert.deepEqual(findings(code, ALLOWED), []));
  const invalid: [string, string, number][] = [
    ['another alpine major', 'FROM alpine:4.0\n', 1],
    ['untagged alpine', 'FROM alpine\n', 1],
    ['every non-matching stage', 'FROM golang:1.23 AS build\nFROM gcr.io/distroless/static\nFROM node:22\n', 2],
    ['ARG-resolved image', 'ARG BASE=debian:12\nFROM ${BASE}\n', 1],
  ];
  for (const [name, code, count] of invalid) it(`invalid: ${name}`, () => assert.equal(findings(code, ALLOWED).length, count));

  it('reads allowedBaseImages from .bulkhead.yaml through the CLI', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulkhead-df100-'));
    try {
      writeFileSync(join(dir, '.bulkhead.yaml'), 'allowedBaseImages: ["alpine:3.*"]\n');
      writeFileSync(join(dir, 'Dockerfile'), 'FROM alpine:3.20\nFROM ubuntu:24.04\n');
      let out = '';
      try {
        out = execFileSync(process.execPath, [join(__dirname, '..', '..', '..', 'bin', 'bulkhead.js'), 'lint', dir, '--format', 'json'], { encoding: 'utf8' });
      } catch (e) {
        out = String((e as { stdout?: unknown }).stdout ?? '');
      }
      const report = JSON.parse(out) as { files: { findings: { ruleId: string; line: number }[] }[] };
      const hits = report.files.flatMap((f) => f.findings).filter((f) => f.ruleId === rule.id).map((f) => f.line);
      assert.deepEqual(hits, [2]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
