/**
 * Multi-stage, variable and ONBUILD behaviour across rules on one realistic Dockerfile: the
 * complaints most often raised against peer linters (build-stage false positives, ARG-based FROM,
 * COPY --from aliases, inherited USER/SHELL/ENV).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../../rules/src/api';
import { dedent } from '../../utils/dedent';

function ids(text: string, enabled: string[] = []): string[] {
  const r = lint({ path: 'Dockerfile', text }, { settings: { enabledRules: enabled } });
  assert.deepEqual(r.crashedRules, []);
  return r.findings.map((f) => `${f.ruleId}@${f.range.start.line + 1}`).sort();
}

const APP = dedent`
  # syntax=docker/dockerfile:1
  ARG GO_VERSION=1.23
  ARG BASE=gcr.io/distroless/static-debian12:nonroot
  FROM golang:\${GO_VERSION} AS build
  USER root
  SHELL ["/bin/bash", "-o", "pipefail", "-c"]
  RUN apt-get update && apt-get install -y --no-install-recommends git=1:2.39.5-0+deb12u1
  RUN curl -fsSL https://example.com/v.txt | tee /v.txt
  WORKDIR /src
  COPY go.mod go.sum ./
  RUN go build -o /out/app ./cmd/app
  FROM build AS test
  RUN curl -fsSL https://example.com/t.txt | tee /t.txt
  FROM \${BASE}
  COPY --from=build /out/app /app
  HEALTHCHECK CMD ["/app", "health"]
  USER 65532
  ENTRYPOINT ["/app"]
`;

describe('multi-stage awareness', () => {
  it('a clean multi-stage build raises nothing at warning level or above', () => {
    const r = lint({ path: 'Dockerfile', text: APP }, {});
    assert.deepEqual(r.findings.filter((f) => f.severity === 'warning' || f.severity === 'error').map((f) => `${f.ruleId}@${f.range.start.line + 1} ${f.message}`), []);
  });
  it('USER root in a build stage is not a root image; apt lists of an unshipped stage are not reported', () => {
    const found = ids(APP);
    assert.ok(!found.some((f) => f.startsWith('DF002') || f.startsWith('DF003')), found.join(','));
    assert.ok(!found.some((f) => f.startsWith('DF011')), 'build stage is only copied from');
  });
  it('SHELL with pipefail is inherited by FROM <stage>', () => {
    assert.ok(!ids(APP).some((f) => f.startsWith('DF036')));
  });
  it('ARG defaults resolve FROM; an ARG-provided latest tag is still caught', () => {
    assert.deepEqual(ids('ARG TAG=latest\nFROM node:${TAG}\nUSER 1000\nHEALTHCHECK NONE\n'), ['DF001@2']);
  });
  it('COPY --from resolves aliases case-insensitively and by index, and flags self and unknown references', () => {
    const text = dedent`
      FROM alpine:3.20 AS Base
      COPY --from=base /a /a
      FROM alpine:3.20
      COPY --from=BASE /a /a
      COPY --from=0 /b /b
      COPY --from=nope /c /c
    `;
    assert.deepEqual(ids(text).filter((f) => /^DF0(28|29)/.test(f)), ['DF028@6', 'DF029@2']);
  });
  it('root inherited through FROM <stage> is reported on the USER that set it', () => {
    assert.deepEqual(ids('FROM alpine:3.20 AS base\nUSER root\nFROM base\nHEALTHCHECK NONE\n').filter((f) => f.startsWith('DF00')), ['DF002@2']);
  });
  it('ONBUILD triggers are checked as the instructions they will become', () => {
    const found = ids('FROM alpine:3.20\nUSER 1000\nHEALTHCHECK NONE\nONBUILD RUN sudo apk add curl\nONBUILD ADD . /app\n');
    assert.ok(found.includes('DF007@4') && found.includes('DF004@5'), found.join(','));
    assert.ok(!found.includes('DF002@4'));
  });
  it('variables in package pins resolve through ARG and inherited ENV only', () => {
    const text = dedent`
      FROM fedora:40 AS base
      ENV V=2.51.0
      FROM base AS ok
      RUN dnf install -y git-core-\${V} && dnf clean all
      FROM fedora:40
      RUN dnf install -y git-core-\${V} && dnf clean all
    `;
    assert.deepEqual(ids(text).filter((f) => f.startsWith('DF049')), ['DF049@6']);
  });
});
