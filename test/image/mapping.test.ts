/** Findings mapped back to Dockerfile lines (history `created_by` → instruction), built-in and with a fake Trivy. */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, it } from 'node:test';
import { sarifSchemaErrors } from '../cli/helpers';
import { mapHistory } from '../../server/src/image/dockerfile-map';
import { buildImage, cli, dockerArchive, makeTar, scannersDir, sharedMissing, tmpDir, type ImageSpec, type JsonResult } from './helpers';
import { fakeEnv, installFakes } from './fakes';

const DOCKERFILE = `# syntax=docker/dockerfile:1
FROM golang:1.22 AS build
WORKDIR /src
RUN go build -o /out/app ./cmd/app

FROM alpine:3.19
ENV APP_TOKEN=abc123secretvalue
RUN apk add curl
COPY app/ /app/
COPY --from=build /out/app /usr/local/bin/app
USER root
CMD ["app"]
`;
// 0-based lines of the final stage's instructions.
const LINE = { from: 5, env: 6, run: 7, copyApp: 8, copyBin: 9, user: 10 };

const spec: ImageSpec = {
  layers: [
    { tar: makeTar([{ name: 'usr/', type: 'directory' }, { name: 'usr/bin/', type: 'directory' }, { name: 'usr/bin/passwd', mode: 0o4755, content: 'x' }]), createdBy: '/bin/sh -c #(nop) ADD file:0123abcd in / ' },
    { tar: makeTar([{ name: 'var/cache/apk/', type: 'directory' }, { name: 'var/cache/apk/APKINDEX.tar.gz', content: 'idx' }]), createdBy: 'RUN /bin/sh -c apk add curl # buildkit' },
    { tar: makeTar([{ name: 'app/', type: 'directory' }, { name: 'app/.env', content: 'DB_PASSWORD=hunter2-fake\n' }]), createdBy: 'COPY app/ /app/ # buildkit' },
    { tar: makeTar([{ name: 'usr/local/bin/app', mode: 0o6755, content: 'bin' }]), createdBy: 'COPY /out/app /usr/local/bin/app # buildkit' },
  ],
  emptyHistory: [
    { before: 1, createdBy: '/bin/sh -c #(nop)  CMD ["/bin/sh"]' },
    { before: 1, createdBy: 'ENV APP_TOKEN=abc123secretvalue' },
    { before: 4, createdBy: 'USER root' },
    { before: 4, createdBy: 'CMD ["app"]' },
  ],
  config: { config: { User: 'root', Env: ['PATH=/usr/bin', 'APP_TOKEN=abc123secretvalue'], Cmd: ['app'] } },
};

describe('Dockerfile mapping', () => {
  let dir = '';
  let archive = '';
  let dockerfile = '';
  before(() => {
    dir = tmpDir();
    archive = path.join(dir, 'img.tar');
    writeFileSync(archive, dockerArchive(buildImage(spec), spec));
    dockerfile = path.join(dir, 'Dockerfile');
    writeFileSync(dockerfile, DOCKERFILE);
  });

  it('history steps match the final stage instructions; base steps stay unmatched', () => {
    const history = [
      '/bin/sh -c #(nop) ADD file:0123abcd in / ',
      '/bin/sh -c #(nop)  CMD ["/bin/sh"]',
      'ENV APP_TOKEN=abc123secretvalue',
      'RUN /bin/sh -c apk add curl # buildkit',
      'COPY app/ /app/ # buildkit',
      'COPY /out/app /usr/local/bin/app # buildkit',
      'USER root',
      'CMD ["app"]',
    ].map((createdBy) => ({ createdBy }));
    const m = mapHistory(DOCKERFILE, history);
    assert.deepEqual(m.byHistory.map((i) => i?.range.start.line), [undefined, undefined, LINE.env, LINE.run, LINE.copyApp, LINE.copyBin, LINE.user, 11]);
    assert.equal(m.from?.range.start.line, LINE.from);
  });

  it('built-in findings land on FROM, ENV, RUN, COPY and USER lines', () => {
    const res = cli(['image', archive, '--dockerfile', dockerfile, '--format', 'json'], { env: { ...process.env, PATH: '/nonexistent-bin' } });
    assert.ok(res.stdout, res.stderr);
    const r = JSON.parse(res.stdout) as JsonResult;
    const line = (id: string, p?: string): number | undefined => r.findings.find((f) => f.id === id && (p === undefined || f.path === p))?.location?.line;
    assert.equal(line('IMG-SETUID', 'usr/bin/passwd'), LINE.from, 'base-image file → FROM');
    assert.equal(line('IMG-ENV-SECRET'), LINE.env);
    assert.equal(line('IMG-PACKAGE-CACHE'), LINE.run);
    assert.equal(line('IMG-APK-CACHE'), LINE.run);
    assert.equal(line('IMG-DOTENV'), LINE.copyApp);
    assert.equal(line('IMG-SETGID', 'usr/local/bin/app'), LINE.copyBin);
    assert.equal(line('IMG-USER-ROOT'), LINE.user);
    assert.equal(line('IMG-NO-HEALTHCHECK'), LINE.from);
    const text = cli(['image', archive, '--dockerfile', dockerfile], { env: { ...process.env, PATH: '/nonexistent-bin' } });
    assert.match(text.stdout, new RegExp(`IMG-DOTENV .*\\[${dockerfile.replace(/[/.]/g, '\\$&')}:${LINE.copyApp + 1} COPY app/ /app/; layer 3\\]`));
    const sarif = JSON.parse(cli(['image', archive, '--dockerfile', dockerfile, '--format', 'sarif'], { env: { ...process.env, PATH: '/nonexistent-bin' }, cwd: dir }).stdout) as {
      runs: { results: { ruleId: string; locations?: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[];
    };
    assert.deepEqual(sarifSchemaErrors(sarif), []);
    const user = sarif.runs[0]?.results.find((x) => x.ruleId === 'IMG-USER-ROOT');
    assert.deepEqual(user?.locations?.[0]?.physicalLocation, { artifactLocation: { uri: 'Dockerfile' }, region: { startLine: LINE.user + 1, endLine: LINE.user + 1 } });
  });

  it('with a fake Trivy: base-layer vulnerabilities on FROM, later-layer ones on the COPY that added them', { skip: sharedMissing() }, () => {
    installFakes(dir);
    const img = buildImage(spec);
    // Replay the recorded alpine-310 report, with its layer DiffIDs pointed at this image's layers.
    const golden = JSON.parse(readFileSync(path.join(scannersDir, 'trivy', 'alpine-310.json.golden'), 'utf8')) as { Results: { Vulnerabilities: { PkgName: string; Layer: { DiffID: string } }[] }[] };
    for (const v of golden.Results[0]?.Vulnerabilities ?? []) v.Layer.DiffID = (v.PkgName === 'libssl1.1' ? img.diffIds[3] : img.diffIds[0]) ?? '';
    const out = path.join(dir, 'trivy.json');
    writeFileSync(out, JSON.stringify(golden));
    const res = cli(['image', archive, '--scanner', 'trivy', '--dockerfile', dockerfile, '--format', 'json'], { env: fakeEnv(dir, { FAKE_TRIVY_OUTPUT: out }) });
    const r = JSON.parse(res.stdout) as JsonResult;
    const vulns = r.findings.filter((f) => f.kind === 'vulnerability');
    assert.equal(vulns.length, 4);
    for (const v of vulns) {
      assert.equal(v.location?.line, v.pkg?.name === 'libssl1.1' ? LINE.copyBin : LINE.from, `${v.id} ${v.pkg?.name}`);
      assert.equal(v.layerIndex, v.pkg?.name === 'libssl1.1' ? 3 : 0);
    }
  });
});
