#!/usr/bin/env node
// Packages the extension as a VSIX from the minified esbuild bundles, then checks what ships.
//
//   node scripts/package-vsix.mjs [--out <file>] [--no-build]
//
// Writes out/vsix/bulkhead-<version>.vsix by default and prints its size and contents. Fails when
// anything the installed extension does not need would ship (sources, source maps, tests, corpora,
// node_modules), or when a file it does need is missing.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const outIndex = process.argv.indexOf('--out');
const out = outIndex >= 0 ? process.argv[outIndex + 1] : join(root, 'out', 'vsix', `${pkg.name}-${pkg.version}.vsix`);
const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');

if (!process.argv.includes('--no-build')) {
  execFileSync(process.execPath, [join(root, 'esbuild.mjs'), '--production'], { cwd: root, stdio: 'inherit' });
}

// What would ship (vsce applies .vscodeignore).
const files = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .map((l) => l.trim())
  .filter(Boolean);
const forbidden = files.filter(
  (f) => /\.(map|ts|tsx|mts|cts)$/.test(f) || /(^|\/)(node_modules|test|tests|corpus|src|\.vscode-test|test-artifacts)\//.test(f),
);
const required = [pkg.main.replace(/^\.\//, ''), 'server/out/server.js', 'package.json'];
const missing = required.filter((f) => !files.includes(f));
if (forbidden.length > 0 || missing.length > 0) {
  if (forbidden.length > 0) console.error(`package-vsix: these must not ship (fix .vscodeignore):\n  ${forbidden.join('\n  ')}`);
  if (missing.length > 0) console.error(`package-vsix: these must ship but are missing:\n  ${missing.join('\n  ')}`);
  process.exit(1);
}

mkdirSync(dirname(out), { recursive: true });
// --no-dependencies: node_modules are bundled by esbuild, so vsce need not walk them.
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
const size = statSync(out).size;
console.log(`package-vsix: ${relative(process.cwd(), out)}  ${(size / 1024).toFixed(1)} KiB (${size} bytes)`);
for (const f of files) console.log(`  ${f}  ${(statSync(join(root, f)).size / 1024).toFixed(1)} KiB`);
