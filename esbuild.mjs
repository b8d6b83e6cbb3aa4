// Bundles the extension client, the language server and the CLI with esbuild.
// `node esbuild.mjs` builds once; `--watch` rebuilds on change; `--production` minifies.
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints a line VS Code's esbuild problem matcher understands, in watch mode. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => {
      if (watch) console.log('[watch] build started');
    });
    build.onEnd((result) => {
      for (const { text, location } of result.errors) console.error(`✘ [ERROR] ${text}${location ? `\n    ${location.file}:${location.line}:${location.column}:` : ''}`);
      if (watch) console.log('[watch] build finished');
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: production,
  sourcemap: !production,
  logLevel: 'warning',
  plugins: [problemMatcher],
  // prettier is an optional formatter of yaml-language-server that Bulkhead does not use.
  external: ['prettier', 'prettier/*'],
};

/**
 * V8 keeps a bundle's source in memory (for lazy compilation), and a single character above
 * U+00FF anywhere makes it a two-byte string: twice the memory (4 MB instead of 2 for
 * server-main.js). esbuild escapes such characters in code but keeps them in the comments it
 * preserves (`/** … → … *\/` on class members). They are replaced by `?` on comment lines, one
 * per UTF-16 unit, so source-map columns stay right; any left elsewhere are reported.
 */
const latin1Source = {
  name: 'latin1-source',
  setup(build) {
    build.onEnd((result) => {
      if (result.errors.length > 0 || !build.initialOptions.outfile) return;
      const file = build.initialOptions.outfile;
      const text = readFileSync(file, 'utf8');
      if (!/[^\u0000-\u00ff]/.test(text)) return;
      let left = 0;
      const lines = text.split('\n').map((line) => {
        if (!/[^\u0000-\u00ff]/.test(line)) return line;
        const t = line.trimStart();
        if (t.startsWith('//') || t.startsWith('/*') || (t.startsWith('*') && !t.startsWith('*='))) return line.replace(/[^\u0000-\u00ff]/g, (c) => '?'.repeat(c.length));
        left++;
        return line;
      });
      writeFileSync(file, lines.join('\n'));
      if (left > 0) console.warn(`esbuild.mjs: ${file} keeps characters above U+00FF on ${left} line(s) outside comments; V8 will hold it as a two-byte string.`);
    });
  },
};

// The language server is split into bundles so that a start evaluates only what the first
// document needs (issue 8, cold start and memory). server/out/server.js is a small boot file that
// loads server-main.js through V8's code cache (server/src/boot/code-cache.ts). Heavy libraries
// that not every document needs are bundles of their own, loaded on first use: in server-main.js
// each of their import specifiers resolves to a stub whose exports are getters that load the
// bundle (esbuild reads an imported binding of a CommonJS module at each use, so `syntax.X()`
// loads mvdan-sh at its first call, not at start).
const serverOut = 'server/out';
const prettierStub = Object.fromEntries(['prettier/standalone', 'prettier/plugins/yaml', 'prettier/plugins/estree'].map((m) => [m, './server/src/yaml/prettier-stub.ts']));
// yaml-language-server's dependencies (jsonc-parser, vscode-json-languageservice) ship UMD builds
// whose dynamic requires esbuild cannot follow; their ESM builds bundle cleanly.
// yaml-language-server imports prettier (for formatting, unused): a stub keeps the bundle self-contained.
const serverCommon = { ...common, mainFields: ['module', 'main'], external: [], alias: prettierStub, plugins: [...common.plugins, latin1Source] };
/** Bundles loaded on first use: file name in server/out → the import specifiers it serves. */
const LAZY_CHUNKS = [
  // The shell parser (GopherJS, 3 MB): only when a RUN instruction is analysed.
  { chunk: 'mvdan-sh.js', specifiers: { 'mvdan-sh': null } },
  // Schema validation, completion and hover of manifests and Compose files (with ajv, which
  // compiles its meta-schemas at load): only for the first YAML document that has a schema.
  {
    chunk: 'yaml-service.js',
    specifiers: {
      'yaml-language-server/lib/esm/languageservice/yamlLanguageService': ['getLanguageService'],
      'yaml-language-server/lib/esm/languageservice/parser/yaml-documents': ['yamlDocumentsCache'],
    },
  },
];

/**
 * The entry of a lazy chunk: the CommonJS module itself, or a module re-exporting the named
 * bindings of several. Packages resolve from this file's folder, not the working directory
 * (scripts/package-vsix.mjs builds in a staging folder without node_modules).
 */
const repoDir = dirname(fileURLToPath(import.meta.url));
function chunkEntry({ chunk, specifiers }) {
  const list = Object.entries(specifiers);
  if (list.length === 1 && list[0][1] === null) return { entryPoints: [createRequire(import.meta.url).resolve(list[0][0])] };
  return { stdin: { contents: list.map(([spec, names]) => `export { ${names.join(', ')} } from '${spec}';`).join('\n'), resolveDir: repoDir, sourcefile: chunk } };
}

/** Resolves the lazy specifiers in server-main.js to stubs; `exportsOf(chunk)` lists a chunk's export names. */
function lazyChunks(exportsOf) {
  const bySpecifier = new Map(LAZY_CHUNKS.flatMap((c) => Object.keys(c.specifiers).map((s) => [s, c.chunk])));
  const codeCache = join(repoDir, 'server', 'src', 'boot', 'code-cache.ts');
  return {
    name: 'lazy-chunks',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) => (bySpecifier.has(args.path) ? { path: bySpecifier.get(args.path), namespace: 'lazy-chunk' } : undefined));
      build.onLoad({ filter: /.*/, namespace: 'lazy-chunk' }, (args) => {
        const getters = exportsOf(args.path).map((n) => `  ${JSON.stringify(n)}: { enumerable: true, get: () => load()[${JSON.stringify(n)}] },`);
        return {
          loader: 'js',
          resolveDir: process.cwd(),
          contents: [
            `const { loadBundle } = require(${JSON.stringify(codeCache)});`,
            `let loaded;`,
            `const load = () => (loaded ??= loadBundle(require('node:path').join(__dirname, ${JSON.stringify(args.path)})));`,
            `module.exports = Object.defineProperties({}, {`,
            ...getters,
            `});`,
          ].join('\n'),
        };
      });
    },
  };
}

/**
 * yaml-language-server compiles ajv validators for four JSON-schema meta-schemas (drafts 04, 07,
 * 2019-09, 2020-12) when its schema service module loads: ≈ 150 ms of CPU on the first YAML
 * document. Bulkhead's schemas are all draft-07, so the module is loaded with each validator
 * compiled on its first use instead. The edit is checked: if the library's text changes, the
 * build fails rather than silently keeping the eager compile.
 */
const lazyMetaSchemas = {
  name: 'lazy-meta-schemas',
  setup(build) {
    build.onLoad({ filter: /yaml-language-server[\\/]lib[\\/]esm[\\/]languageservice[\\/]services[\\/]yamlSchemaService\.js$/ }, (args) => {
      let text = readFileSync(args.path, 'utf8');
      for (const [name, ajv] of [['schema04Validator', 'ajv4'], ['schema07Validator', 'ajv7'], ['schema2019Validator', 'ajv2019'], ['schema2020Validator', 'ajv2020']]) {
        const declaration = `const ${name} = getDefaultMetaSchemaValidator(${ajv});`;
        const use = `return ${name};`;
        if (text.split(declaration).length !== 2 || text.split(use).length !== 2) {
          return { errors: [{ text: `esbuild.mjs (lazy-meta-schemas): yaml-language-server changed, '${declaration}' or '${use}' is not there exactly once` }] };
        }
        text = text.replace(declaration, `let ${name};`).replace(use, `return (${name} ??= getDefaultMetaSchemaValidator(${ajv}));`);
      }
      return { contents: text, loader: 'js' };
    });
  },
};

const chunkBuilds = LAZY_CHUNKS.map((c) => ({
  ...serverCommon,
  ...chunkEntry(c),
  outfile: `${serverOut}/${c.chunk}`,
  plugins: c.chunk === 'yaml-service.js' ? [...serverCommon.plugins, lazyMetaSchemas] : serverCommon.plugins,
}));
/** Export names of a built chunk, read by loading it (so a stub never misses a binding). */
const chunkExports = new Map();
const exportsOf = (chunk) => {
  // outfile paths are relative to the working directory (the staging folder when packaging).
  if (!chunkExports.has(chunk)) chunkExports.set(chunk, Object.keys(createRequire(import.meta.url)(resolve(serverOut, chunk))));
  return chunkExports.get(chunk);
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: [...common.external, 'vscode'] },
  { ...serverCommon, entryPoints: ['server/src/boot/server-boot.ts'], outfile: `${serverOut}/server.js` },
  { ...serverCommon, entryPoints: ['server/src/server.ts'], outfile: `${serverOut}/server-main.js`, plugins: [...serverCommon.plugins, lazyChunks(exportsOf)] },
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'server/out/cli.js' },
];

// The chunks first: the stubs in server-main.js are generated from their export names.
if (watch) {
  for (const b of chunkBuilds) await esbuild.build(b);
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(chunkBuilds.map((b) => esbuild.build(b)));
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
