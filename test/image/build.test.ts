/**
 * Building an image from a Dockerfile with the engine (server/src/image/sources/build.ts), with a fake
 * `docker` on PATH that records its argv and "builds" by storing a generated archive under the tag;
 * then scanning that tag maps the results onto the Dockerfile.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ScanError } from '../../server/src/image/model';
import { buildArgs, buildEngineImage, buildTag, removeEngineTag } from '../../server/src/image/sources/build';
import { findEngine, isValidImageReference } from '../../server/src/image/sources/engine';
import { scanImage } from '../../server/src/image/scan';
import { buildImage, dockerArchive, tmpDir } from './helpers';
import { BUILT_SPEC, DOCKERFILE } from './build-fixture';
import { alive, calls, fakeEnv, installFakes } from './fakes';

function setup(): { dir: string; project: string; dockerfile: string; env: (extra?: Record<string, string>) => NodeJS.ProcessEnv; docker: string } {
  const dir = tmpDir();
  const { docker } = installFakes(dir);
  const project = path.join(dir, 'My Project');
  mkdirSync(path.join(project, 'app'), { recursive: true });
  writeFileSync(path.join(project, 'app', '.env'), 'DB_PASSWORD=hunter2-fake\n');
  const dockerfile = path.join(project, 'Dockerfile');
  writeFileSync(dockerfile, DOCKERFILE);
  const archive = path.join(dir, 'built.tar');
  writeFileSync(archive, dockerArchive(buildImage(BUILT_SPEC), BUILT_SPEC, 'built/by:fake'));
  const env = (extra: Record<string, string> = {}): NodeJS.ProcessEnv => fakeEnv(dir, { FAKE_DOCKER_STORE: path.join(dir, 'store'), FAKE_DOCKER_BUILD_ARCHIVE: archive, ...extra });
  return { dir, project, dockerfile, env, docker };
}

describe('build an image from a Dockerfile', () => {
  it('tags bulkhead-scan/<context folder>:<UTC stamp>, a valid reference for any folder name', () => {
    const at = new Date(Date.UTC(2026, 10, 26, 9, 5, 7));
    assert.equal(buildTag('/w/My Project/Dockerfile', '/w/My Project', at), 'bulkhead-scan/my-project:20261126-090507');
    assert.equal(buildTag('/w/api/Dockerfile.prod', '/w/api', at), 'bulkhead-scan/api-prod:20261126-090507');
    assert.equal(buildTag('/w/x/worker.Containerfile', '/w/x', at), 'bulkhead-scan/x-worker:20261126-090507');
    assert.equal(buildTag('/w/日本/Dockerfile', '/w/日本', at), 'bulkhead-scan/image:20261126-090507');
    assert.equal(buildTag('/--rm -v/Dockerfile', '/--rm -v', at), 'bulkhead-scan/rm-v:20261126-090507');
    for (const t of ['/a/Dockerfile', '/-/-', '/'.repeat(3) + 'x'.repeat(300) + '/Dockerfile']) assert.ok(isValidImageReference(buildTag(t, path.dirname(t), at)), t);
  });

  it('runs `build -f <Dockerfile> -t <tag> <context>` as an argument array and streams the log', async () => {
    const s = setup();
    const engine = findEngine(undefined, s.env());
    assert.equal(engine, s.docker);
    const tag = buildTag(s.dockerfile, s.project);
    const lines: string[] = [];
    const r = await buildEngineImage(s.docker, { dockerfile: s.dockerfile, contextDir: s.project, tag, env: s.env(), onLine: (l) => lines.push(l) });
    assert.equal(r.tag, tag);
    assert.deepEqual(calls(s.dir, 'docker'), [['build', '-f', s.dockerfile, '-t', tag, s.project]]);
    assert.deepEqual(buildArgs({ dockerfile: s.dockerfile, contextDir: s.project, tag }), ['build', '-f', s.dockerfile, '-t', tag, s.project]);
    assert.ok(lines.some((l) => l.startsWith('#0 building')), 'stdout lines');
    assert.ok(lines.some((l) => l.includes(`naming to docker.io/${tag}`)), 'stderr lines');
  });

  it('then scanning the tag maps the results onto that Dockerfile, and the tag is removed afterwards', async () => {
    const s = setup();
    const tag = buildTag(s.dockerfile, s.project);
    await buildEngineImage(s.docker, { dockerfile: s.dockerfile, contextDir: s.project, tag, env: s.env() });
    const r = await scanImage(tag, { scanner: 'builtin', env: s.env(), dockerfile: { path: s.dockerfile, text: DOCKERFILE } });
    const at = (id: string): number[] => r.findings.filter((f) => f.id === id).map((f) => f.location?.line ?? -1);
    assert.deepEqual(at('IMG-DOTENV'), [2]);
    assert.deepEqual(at('IMG-USER-ROOT'), [3]);
    assert.equal(await removeEngineTag(s.docker, tag, { env: s.env() }), undefined);
    assert.deepEqual(
      calls(s.dir, 'docker').map((a) => a.slice(0, 2).join(' ')),
      ['build -f', 'save -o', 'image rm'],
    );
    assert.equal(calls(s.dir, 'docker')[2]?.[2], tag);
    assert.match(await removeEngineTag(s.docker, tag, { env: s.env() }) ?? '', /No such image/);
  });

  it('a failing build gives the last error line and keeps the log; a stopped engine says so', async () => {
    const s = setup();
    const tag = buildTag(s.dockerfile, s.project);
    await assert.rejects(buildEngineImage(s.docker, { dockerfile: s.dockerfile, contextDir: s.project, tag, env: s.env({ FAKE_DOCKER_MODE: 'buildfail' }) }), (e: unknown) => {
      assert.ok(e instanceof ScanError);
      assert.equal(e.code, 'engine');
      assert.match(e.message, /^docker build failed \(exit code 1\): ERROR: failed to solve: process "\/bin\/sh -c apk add nosuchpkg"/);
      assert.match(e.detail ?? '', /#5 ERROR/);
      return true;
    });
    await assert.rejects(buildEngineImage(s.docker, { dockerfile: s.dockerfile, contextDir: s.project, tag, env: s.env({ FAKE_DOCKER_MODE: 'down' }) }), /docker is installed but its engine is not running/);
    await assert.rejects(buildEngineImage(s.docker, { dockerfile: 'Dockerfile', contextDir: s.project, tag, env: s.env() }), /absolute paths/);
    await assert.rejects(buildEngineImage(s.docker, { dockerfile: s.dockerfile, contextDir: s.project, tag: '--output=/etc', env: s.env() }), /not a valid image tag/);
    assert.equal(calls(s.dir, 'docker').length, 2, 'invalid input starts no process');
  });

  it('cancelling the build kills the engine process tree', async () => {
    const s = setup();
    const pidFile = path.join(s.dir, 'pids.json');
    const controller = new AbortController();
    const p = buildEngineImage(s.docker, { dockerfile: s.dockerfile, contextDir: s.project, tag: 'bulkhead-scan/x:1', signal: controller.signal, env: s.env({ FAKE_DOCKER_MODE: 'hang', FAKE_PID_FILE: pidFile }) });
    const deadline = Date.now() + 10_000;
    while (!existsSync(pidFile) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    controller.abort();
    await assert.rejects(p, (e: unknown) => e instanceof ScanError && e.code === 'cancelled');
    const pids = JSON.parse(readFileSync(pidFile, 'utf8')) as number[];
    const until = Date.now() + 3000;
    while (pids.some(alive) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    for (const pid of pids) assert.ok(!alive(pid), `process ${pid} survived`);
  });
});
