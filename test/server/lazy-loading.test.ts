/**
 * Startup work is deferred (issue 8): the server bundle is loaded through V8's code cache, and
 * yaml-language-server and mvdan-sh are bundles of their own, loaded on first use. These tests
 * check that deferring changes no result: a YAML file opened after a Dockerfile still gets schema
 * diagnostics, hover and completion, a RUN that needs the full shell parser still gets its
 * findings, and a stale, damaged or missing code cache never changes what runs.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { TestClient, PULL_CAPABILITIES, repoRoot, serverModule } from './lsp-client';
import { loadBundle, loadReports, writeCodeCaches } from '../../server/src/boot/code-cache';
import { heapFlags } from '../../server/src/boot/heap';

interface LoadLine {
  file: string;
  cache: string;
}

/** The bundles the server reported loading (BULKHEAD_LOAD_TRACE=1 lines on stderr). */
function loaded(client: TestClient): LoadLine[] {
  return client.stderr
    .join('')
    .split('\n')
    .filter((l) => l.startsWith('bulkhead-load '))
    .map((l) => JSON.parse(l.slice('bulkhead-load '.length)) as LoadLine);
}

const codes = (ds: Diagnostic[]): string[] => ds.map((d) => String(d.code ?? ''));

/** Starts the built server with the given environment added to this process's (the child inherits it). */
async function startWith(env: Record<string, string>, module = serverModule): Promise<TestClient> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await TestClient.start(PULL_CAPABILITIES, module);
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** Diagnostics of the document's current version through a pull. */
async function pull(client: TestClient, uri: string): Promise<Diagnostic[]> {
  const r = await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } }, 30_000);
  return r.items;
}

describe('lazy bundles in the language server', () => {
  let client: TestClient;
  before(async () => {
    client = await startWith({ BULKHEAD_LOAD_TRACE: '1', BULKHEAD_CODE_CACHE: '0' });
  });
  after(async () => {
    assert.equal(await client.stop(), 0, client.stderr.join(''));
  });

  it('starts with the main bundle only and loads yaml-language-server for the first YAML file with a schema', async () => {
    const names = (): string[] => loaded(client).map((l) => l.file);
    assert.deepEqual(names().slice(0, 1), ['server-main.js'], client.stderr.join(''));
    const dockerfile = 'file:///work/lazy/Dockerfile';
    client.open(dockerfile, 'dockerfile', 'FROM node:latest\nRUN echo hello\n');
    assert.ok(codes(await pull(client, dockerfile)).includes('DF001'));
    assert.ok(!names().includes('yaml-service.js'), `a Dockerfile needs no YAML schema service: ${names().join(', ')}`);

    const compose = 'file:///work/lazy/compose.yaml';
    client.open(compose, 'yaml', 'services:\n  web:\n    image: nginx:1.27\n    privileged: true\n    ports: 12\n');
    const ds = await pull(client, compose);
    assert.ok(codes(ds).includes('DC001'), JSON.stringify(ds));
    assert.deepEqual(
      ds.filter((d) => d.source === 'bulkhead-schema').map((d) => [d.range.start.line, d.message]),
      [[4, 'Incorrect type. Expected "array".']],
    );
    assert.equal(names().filter((n) => n === 'yaml-service.js').length, 1, names().join(', '));
  });

  it('hovers and completes Kubernetes fields from the lazily loaded schema service', async () => {
    const uri = 'file:///work/lazy/pod.yaml';
    client.open(uri, 'yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      imagePullPolicy: Always\n      \n');
    await pull(client, uri);
    const items = await client.request<{ items?: { label: string }[] } | { label: string }[]>('textDocument/completion', { textDocument: { uri }, position: { line: 9, character: 6 } });
    const labels = (Array.isArray(items) ? items : (items.items ?? [])).map((i) => i.label);
    assert.ok(labels.includes('securityContext'), labels.join(','));
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 8, character: 9 } });
    const contents = hover?.contents;
    const md = typeof contents === 'string' ? contents : Array.isArray(contents) ? contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n') : (contents?.value ?? '');
    assert.match(md, /Always, Never, IfNotPresent/);
  });

  it('loads the shell parser for a RUN that needs it and reports the same findings', async () => {
    const uri = 'file:///work/lazy/shell/Dockerfile';
    // A function definition is beyond the fast shell parser (shell-fast.ts): mvdan-sh parses it.
    client.open(uri, 'dockerfile', 'FROM debian:12\nRUN f() { sh -c "$(curl -fsSL https://example.com/install.sh)"; }; f\n');
    const ds = await pull(client, uri);
    assert.ok(codes(ds).includes('DF008'), JSON.stringify(codes(ds)));
    assert.ok(
      loaded(client).some((l) => l.file === 'mvdan-sh.js'),
      loaded(client)
        .map((l) => l.file)
        .join(', '),
    );
  });
});

describe('the V8 code cache of the server bundles', () => {
  it('is written on the first start and used by the next one, with the same diagnostics', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulkhead-cache-'));
    try {
      mkdirSync(join(dir, 'server', 'out'), { recursive: true });
      for (const f of readdirSync(join(repoRoot, 'server', 'out')).filter((f) => f.endsWith('.js') && f !== 'cli.js')) cpSync(join(repoRoot, 'server', 'out', f), join(dir, 'server', 'out', f));
      cpSync(join(repoRoot, 'server', 'schemas'), join(dir, 'server', 'schemas'), { recursive: true });
      const module = join(dir, 'server', 'out', 'server.js');
      const run = async (): Promise<{ cache: LoadLine[]; diagnostics: string[] }> => {
        const c = await startWith({ BULKHEAD_LOAD_TRACE: '1' }, module);
        const uri = 'file:///work/cache/compose.yaml';
        c.open(uri, 'yaml', 'services:\n  web:\n    image: nginx:latest\n    privileged: true\n    ports: 12\n');
        const ds = await pull(c, uri);
        const lines = loaded(c);
        assert.equal(await c.stop(), 0, c.stderr.join(''));
        return { cache: lines, diagnostics: ds.map((d) => `${d.range.start.line}:${String(d.code ?? d.source)}`).sort() };
      };
      const first = await run();
      assert.deepEqual(
        first.cache.map((l) => [l.file, l.cache]),
        [
          ['server-main.js', 'miss'],
          ['yaml-service.js', 'miss'],
        ],
      );
      const cached = readdirSync(join(dir, 'server', 'out', '.code-cache'));
      assert.ok(cached.some((f) => f.startsWith('server-main.js.')) && cached.some((f) => f.startsWith('yaml-service.js.')), cached.join(', '));
      const second = await run();
      assert.deepEqual(
        second.cache.map((l) => [l.file, l.cache]),
        [
          ['server-main.js', 'hit'],
          ['yaml-service.js', 'hit'],
        ],
      );
      assert.deepEqual(second.diagnostics, first.diagnostics);
      assert.ok(first.diagnostics.length >= 3, first.diagnostics.join(', '));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('loadBundle', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'bulkhead-load-'));
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const bundle = (word: string): string => `'use strict';\nconst word = '${word}';\nexports.word = () => word;\nexports.fail = () => { throw new Error(word); };\nexports.dir = __dirname;\n`;
  const lastReport = (): string => loadReports.at(-1)?.cache ?? 'none';
  const cacheFiles = (): string[] => (existsSync(join(dir, '.code-cache')) ? readdirSync(join(dir, '.code-cache')) : []);

  it('loads a CommonJS bundle like require, with __dirname and line numbers intact', () => {
    const file = join(dir, 'a.js');
    writeFileSync(file, bundle('one'));
    const m = loadBundle(file) as { word: () => string; fail: () => void; dir: string };
    assert.equal(lastReport(), 'miss');
    assert.equal(m.word(), 'one');
    assert.equal(m.dir, dir);
    assert.throws(m.fail, (e: Error) => e.stack!.includes(`${file}:4:`));
  });

  it('uses the cache once written, and never a cache of other content of the same length', () => {
    const file = join(dir, 'a.js');
    writeCodeCaches();
    assert.equal(cacheFiles().length, 1, cacheFiles().join(', '));
    assert.equal((loadBundle(file) as { word: () => string }).word(), 'one');
    assert.equal(lastReport(), 'hit');
    // Same length, other content: V8 alone would accept the old cache (it checks the length only).
    writeFileSync(file, bundle('two'));
    assert.equal((loadBundle(file) as { word: () => string }).word(), 'two');
    assert.equal(lastReport(), 'miss');
    writeCodeCaches();
    assert.equal(cacheFiles().length, 1, `the cache of the old content is removed: ${cacheFiles().join(', ')}`);
    assert.equal((loadBundle(file) as { word: () => string }).word(), 'two');
    assert.equal(lastReport(), 'hit');
  });

  it('ignores a damaged or truncated cache and rewrites it', () => {
    const file = join(dir, 'a.js');
    const cacheFile = join(dir, '.code-cache', cacheFiles()[0]!);
    const good = readFileSync(cacheFile);
    const damaged = Buffer.from(good);
    damaged[damaged.length - 10] = damaged[damaged.length - 10]! ^ 0xff;
    writeFileSync(cacheFile, damaged);
    assert.equal((loadBundle(file) as { word: () => string }).word(), 'two');
    assert.equal(lastReport(), 'miss');
    writeFileSync(cacheFile, good.subarray(0, 40));
    assert.equal((loadBundle(file) as { word: () => string }).word(), 'two');
    assert.equal(lastReport(), 'miss');
    writeCodeCaches();
    assert.equal((loadBundle(file) as { word: () => string }).word(), 'two');
    assert.equal(lastReport(), 'hit');
  });

  it('compiles without a cache when BULKHEAD_CODE_CACHE=0', () => {
    const file = join(dir, 'b.js');
    writeFileSync(file, bundle('three'));
    process.env.BULKHEAD_CODE_CACHE = '0';
    try {
      assert.equal((loadBundle(file) as { word: () => string }).word(), 'three');
      assert.equal(lastReport(), 'off');
      writeCodeCaches();
      assert.ok(!cacheFiles().some((f) => f.startsWith('b.js.')), cacheFiles().join(', '));
    } finally {
      delete process.env.BULKHEAD_CODE_CACHE;
    }
  });
});

describe('heap settings of the server process', () => {
  it('keeps the young generation small and the old generation at 2× its live size, unless the process was given heap options', () => {
    assert.deepEqual(heapFlags([], undefined), ['--semi-space-growth-factor=1', '--heap-growing-percent=100']);
    assert.deepEqual(heapFlags(['--inspect=6009'], ''), ['--semi-space-growth-factor=1', '--heap-growing-percent=100']);
    assert.deepEqual(heapFlags(['--max-semi-space-size=8'], undefined), ['--heap-growing-percent=100']);
    assert.deepEqual(heapFlags([], '--max-old-space-size=512'), ['--semi-space-growth-factor=1']);
    assert.deepEqual(heapFlags(['--max_semi_space_size=8', '--heap-growing-percent=50'], undefined), []);
  });
});

describe('the server bundles', () => {
  it('are Latin-1 text, which V8 keeps as one-byte strings (half the memory of two-byte ones)', () => {
    const out = join(repoRoot, 'server', 'out');
    const bundles = readdirSync(out).filter((f) => f.endsWith('.js') && f !== 'cli.js');
    assert.ok(bundles.includes('server-main.js') && bundles.includes('mvdan-sh.js') && bundles.includes('yaml-service.js'), bundles.join(', '));
    for (const f of bundles) {
      const text = readFileSync(join(out, f), 'utf8');
      const wide = [...text.matchAll(/[^\u0000-\u00ff]/g)].slice(0, 3).map((m) => text.slice(Math.max(0, m.index - 30), m.index + 10));
      assert.deepEqual(wide, [], `${f} has characters above U+00FF`);
    }
  });
});
