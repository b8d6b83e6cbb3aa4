// Bundles the extension client, the language server and the CLI with esbuild.
// `node esbuild.mjs` builds once; `--watch` rebuilds on change; `--production` minifies.
import * as esbuild from 'esbuild';

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

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: [...common.external, 'vscode'] },
  // yaml-language-server's dependencies (jsonc-parser, vscode-json-languageservice) ship UMD builds
  // whose dynamic requires esbuild cannot follow; their ESM builds bundle cleanly.
  // yaml-language-server imports prettier (for formatting, unused): a stub keeps the bundle self-contained.
  {
    ...common,
    entryPoints: ['server/src/server.ts'],
    outfile: 'server/out/server.js',
    mainFields: ['module', 'main'],
    external: [],
    alias: Object.fromEntries(['prettier/standalone', 'prettier/plugins/yaml', 'prettier/plugins/estree'].map((m) => [m, './server/src/yaml/prettier-stub.ts'])),
  },
  { ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'server/out/cli.js' },
];

if (watch) {
  for (const b of builds) await (await esbuild.context(b)).watch();
} else {
  await Promise.all(builds.map((b) => esbuild.build(b)));
}
