/** Cancellation: the built-in audit stops mid-layer; an external scanner's process tree is killed. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ScanError } from '../../server/src/image/model';
import { runExternal } from '../../server/src/image/scanners/external';
import { scanImage } from '../../server/src/image/scan';
import { buildImage, dockerArchive, makeTar, tmpDir } from './helpers';
import { alive, installFakes } from './fakes';

describe('cancellation', () => {
  it('an AbortSignal stops the built-in audit promptly with a "cancelled" error', async () => {
    const files = Array.from({ length: 400 }, (_, i) => ({ name: `d/f${i}.txt`, content: Buffer.alloc(256 * 1024, 'a') }));
    const spec = { layers: [{ tar: makeTar(files), compression: 'gzip' as const }, { tar: makeTar(files), compression: 'gzip' as const }] };
    const file = path.join(tmpDir(), 'big.tar');
    writeFileSync(file, dockerArchive(buildImage(spec), spec));
    const controller = new AbortController();
    let progressed = 0;
    const started = Date.now();
    const p = scanImage(file, {
      scanner: 'builtin',
      env: { PATH: '/nonexistent-bin' },
      signal: controller.signal,
      onProgress: () => {
        if (++progressed === 1) setTimeout(() => controller.abort(), 5);
      },
    });
    await assert.rejects(p, (e: unknown) => e instanceof ScanError && e.code === 'cancelled');
    assert.ok(Date.now() - started < 10_000);
  });

  it('aborting an external scanner kills its process tree', async () => {
    const dir = tmpDir();
    installFakes(dir);
    const pidFile = path.join(dir, 'pids.json');
    const controller = new AbortController();
    const p = runExternal('grype', { kind: 'docker-archive', path: '/nonexistent.tar' }, {
      paths: {},
      timeoutMs: 60_000,
      signal: controller.signal,
      env: { ...process.env, PATH: dir, FAKE_GRYPE_MODE: 'hang', FAKE_PID_FILE: pidFile },
    });
    const deadline = Date.now() + 10_000;
    while (!existsSync(pidFile) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    controller.abort();
    await assert.rejects(p, (e: unknown) => e instanceof ScanError && e.code === 'cancelled' && /grype was cancelled/.test(e.message));
    const pids = JSON.parse(readFileSync(pidFile, 'utf8')) as number[];
    const until = Date.now() + 3000;
    while (pids.some(alive) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
    for (const pid of pids) assert.ok(!alive(pid), `process ${pid} survived`);
  });
});
