#!/usr/bin/env node
// Packages the extension as a VSIX from the minified esbuild bundles, then checks what ships.
//
//   node scripts/package-vsix.mjs [--out <file>]            package (out/vsix/<name>-<version>.vsix)
//   node scripts/package-vsix.mjs --stage <dir> --dev --no-package
//                                                          only lay out the extension in <dir>, with
//                                                          development bundles (used by the VS Code tests)
//
// Builds in a staging directory (a fresh out/vsix/stage-*, removed afterwards, unless --stage), so
// the development bundles in client/out and server/out are never overwritten while tests run from
// them. The stage gets every file .vscodeignore lets through (as `vsce ls` lists them in the
// checkout) plus freshly built bundles. Fails when anything the installed extension does not need
// would ship (sources, source maps, tests, corpora, node_modules), or a file it needs is missing.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const out = resolve(arg('--out') ?? join(root, 'out', 'vsix', `${pkg.name}-${pkg.version}.vsix`));
const dev = process.argv.includes('--dev');
const vsce = join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
/** The bundles esbuild.mjs writes; always built fresh in the stage, never copied. */
const BUNDLES = [pkg.main.replace(/^\.\//, ''), 'server/out/server.js'];

const vsceLs = (cwd) =>
  execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

// A fresh staging directory per run: several packagings (tests, a developer) may run at once.
let stage = arg('--stage');
if (stage) {
  stage = resolve(stage);
  mkdirSync(stage, { recursive: true });
} else {
  mkdirSync(join(root, 'out', 'vsix'), { recursive: true });
  stage = mkdtempSync(join(root, 'out', 'vsix', 'stage-'));
  const created = stage;
  process.on('exit', () => rmSync(created, { recursive: true, force: true }));
}

// 1. Every file .vscodeignore lets through, except the bundles; .vscodeignore itself so vsce in the
//    stage applies the same rules.
const wanted = vsceLs(root);
for (const f of [...wanted.filter((f) => !BUNDLES.includes(f) && !/^(client|server)\/out\//.test(f)), '.vscodeignore']) {
  mkdirSync(dirname(join(stage, f)), { recursive: true });
  cpSync(join(root, f), join(stage, f));
}
// 2. Links to the sources esbuild reads (it follows them to the real files, so imports and
//    node_modules resolve as usual), then the bundles, built in the stage.
for (const d of ['client/src', 'server/src']) {
  mkdirSync(dirname(join(stage, d)), { recursive: true });
  if (!existsSync(join(stage, d))) symlinkSync(join(root, d), join(stage, d), 'dir');
}
execFileSync(process.execPath, [join(root, 'esbuild.mjs'), ...(dev ? [] : ['--production'])], { cwd: stage, stdio: 'inherit' });

// 3. What ships from the stage: the checkout's list plus the bundles, nothing forbidden.
const files = vsceLs(stage);
const forbidden = files.filter(
  (f) => /\.(map|ts|tsx|mts|cts)$/.test(f) || /(^|\/)(node_modules|test|tests|corpus|src|\.vscode-test|test-artifacts)\//.test(f),
);
const missing = [...new Set([...wanted, ...BUNDLES, 'package.json'])].filter((f) => !files.includes(f));
if (forbidden.length > 0 || missing.length > 0) {
  if (forbidden.length > 0) console.error(`package-vsix: these must not ship (fix .vscodeignore):\n  ${forbidden.join('\n  ')}`);
  if (missing.length > 0) console.error(`package-vsix: these must ship but are missing from the stage:\n  ${missing.join('\n  ')}`);
  process.exit(1);
}
for (const f of ['README.md', 'CHANGELOG.md']) {
  if (!files.includes(f)) console.warn(`package-vsix: warning: ${f} is missing, so the extension page will not show it`);
}
if (process.argv.includes('--no-package')) {
  console.log(`package-vsix: extension laid out in ${stage} (${files.length} files${dev ? ', development bundles' : ''})`);
  process.exit(0);
}

// 4. Package. --no-dependencies: node_modules are bundled by esbuild, so vsce need not walk them.
mkdirSync(dirname(out), { recursive: true });
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '--no-rewrite-relative-links', '--out', out], { cwd: stage, stdio: ['ignore', 'pipe', 'inherit'] });
const size = statSync(out).size;
console.log(`package-vsix: ${relative(process.cwd(), out) || out}  ${(size / 1024).toFixed(1)} KiB (${size} bytes), ${files.length} files`);
for (const f of files) console.log(`  ${f}  ${(statSync(join(stage, f)).size / 1024).toFixed(1)} KiB`);
