#!/usr/bin/env node
// Packages the extension as a VSIX from the minified esbuild bundles, then checks what ships.
//
//   node scripts/package-vsix.mjs [--out <file>]
//
// Builds in a staging directory (out/vsix/stage-*, removed afterwards), so the development bundles in client/out and
// server/out are never overwritten while tests run from them. Writes out/vsix/<name>-<version>.vsix
// by default and prints its size and contents. Fails when anything the installed extension does not
// need would ship (sources, source maps, tests, corpora, node_modules) or a file it needs is missing.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const outIndex = process.argv.indexOf('--out');
const out = resolve(outIndex >= 0 ? process.argv[outIndex + 1] : join(root, 'out', 'vsix', `${pkg.name}-${pkg.version}.vsix`));
const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
// A fresh staging directory per run: several packagings (tests, a developer) may run at once.
mkdirSync(join(root, 'out', 'vsix'), { recursive: true });
const stage = mkdtempSync(join(root, 'out', 'vsix', 'stage-'));
process.on('exit', () => rmSync(stage, { recursive: true, force: true }));

// 1. Staging directory: the files the extension page shows, plus links to the sources esbuild reads
//    (esbuild follows them to the real files, so imports and node_modules resolve as usual).
for (const f of ['package.json', '.vscodeignore', 'README.md', 'CHANGELOG.md', 'LICENSE', 'LICENSE.md', 'LICENSE.txt', 'language-configuration.json', 'syntaxes', 'docs/images']) {
  if (existsSync(join(root, f))) cpSync(join(root, f), join(stage, f), { recursive: true });
}
for (const d of ['client/src', 'server/src']) {
  mkdirSync(dirname(join(stage, d)), { recursive: true });
  symlinkSync(join(root, d), join(stage, d), 'dir');
}
execFileSync(process.execPath, [join(root, 'esbuild.mjs'), '--production'], { cwd: stage, stdio: 'inherit' });

// 2. What would ship (vsce applies .vscodeignore).
const files = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: stage, encoding: 'utf8' })
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
for (const f of ['README.md', 'CHANGELOG.md']) {
  if (!files.includes(f)) console.warn(`package-vsix: warning: ${f} is missing, so the extension page will not show it`);
}

// 3. Package. --no-dependencies: node_modules are bundled by esbuild, so vsce need not walk them.
mkdirSync(dirname(out), { recursive: true });
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--out', out], { cwd: stage, stdio: ['ignore', 'pipe', 'inherit'] });
const size = statSync(out).size;
console.log(`package-vsix: ${relative(process.cwd(), out) || out}  ${(size / 1024).toFixed(1)} KiB (${size} bytes)`);
for (const f of files) console.log(`  ${f}  ${(statSync(join(stage, f)).size / 1024).toFixed(1)} KiB`);
