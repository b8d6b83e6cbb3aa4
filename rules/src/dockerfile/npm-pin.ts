import { defineRule } from '../engine/rule';
import { checkPins } from '../model/dockerfile/pm-checks';
import { NPM } from '../model/dockerfile/packages';

/** `pkg@version`, `@scope/pkg@version`, tarballs, paths and git URLs with a `#ref` are pinned. */
function pinned(pkg: string): boolean {
  if (/^(git(\+[a-z]+)?|https?):\/\//.test(pkg) || pkg.startsWith('git@')) return /^https?:/.test(pkg) && !/\.git$/.test(pkg) ? true : pkg.includes('#');
  if (/\.(tar|tgz|tar\.gz)$/.test(pkg) || /^(\/|\.\.?\/|~\/)/.test(pkg)) return true;
  const at = pkg.startsWith('@') ? pkg.indexOf('@', 1) : pkg.indexOf('@');
  return at > 0 && at < pkg.length - 1;
}

export default defineRule({
  id: 'DF051',
  name: 'npm-pin',
  target: 'dockerfile',
  category: 'supply-chain',
  severity: 'warning',
  title: 'Pin package versions in npm install',
  fix: 'none',
  anchors: { hadolint: ['DL3016'], kics: ['e36d8880-3f78-4546-b9a1-12f0745ca0d5'] },
  messages: {
    unpinned: (pkg: string) => `'${pkg}' is installed without a version, so each build may get a different one.`,
  },
  docs: {
    summary: '`npm install <pkg>` names a package without `@version` (a plain `npm install`/`npm ci` from package-lock.json is fine).',
    rationale: 'An unpinned package resolves to whatever was published last, including a hijacked release: npm install scripts run during the build with the build user\'s rights.',
    remediation: 'Pin the version (`npm install -g typescript@5.6.3`) or install from a lockfile with `npm ci`.',
    references: ['https://docs.npmjs.com/cli/v10/commands/npm-install', 'https://cwe.mitre.org/data/definitions/1357.html'],
    examples: { bad: ['FROM node:22\nRUN npm install -g typescript\n'], good: ['FROM node:22\nRUN npm install -g typescript@5.6.3\n', 'FROM node:22\nRUN npm ci\n'] },
  },
  hooks: { onInstruction: { RUN: (i, ctx) => checkPins(i, ctx, NPM, pinned) } },
});
