#!/usr/bin/env node
// Runs the whole test suite: builds the bundles (the LSP and CLI tests start them as processes),
// then every test/**/*.test.ts through node's test runner, with tsx for TypeScript.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
execFileSync(process.execPath, [join(root, 'esbuild.mjs')], { stdio: 'inherit', cwd: root });
if (!process.argv.includes('--no-typecheck')) {
  // Type errors fail the suite: `tsc -b` checks every project (strict, no any).
  execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b'], { stdio: 'inherit', cwd: root });
}

function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'node_modules' || name === 'fixtures') continue;
    if (statSync(p).isDirectory()) walk(p, out);
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}
const filter = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const files = walk(join(root, 'test'), []).filter((f) => filter.length === 0 || filter.some((x) => f.includes(x))).sort();
if (files.length === 0) {
  console.error('no test files matched');
  process.exit(2);
}
const res = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files.map((f) => relative(root, f))], { stdio: 'inherit', cwd: root });
process.exit(res.status ?? 1);
