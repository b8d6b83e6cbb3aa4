/** Checks on the image history (`created_by` of each step), after Dockle's history checks. */
import type { ImageFinding } from '../model';
import { isPlaceholderValue, isSecretName, mask } from './secrets';
import { normaliseCreatedBy, splitCommands } from './shell-words';

const APT = new Set(['apt-get', 'apt']);

function step(i: number, createdBy: string, f: Omit<ImageFinding, 'historyIndex' | 'createdBy'>): ImageFinding {
  return { ...f, historyIndex: i, createdBy };
}

/** `envPairs`: NAME=VALUE pairs already reported from the config's Env (not repeated from history). */
export function historyChecks(history: readonly { createdBy: string }[], envPairs: ReadonlySet<string>): ImageFinding[] {
  const out: ImageFinding[] = [];
  let sawAdd = false;
  history.forEach((h, i) => {
    const { keyword, rest } = normaliseCreatedBy(h.createdBy);
    const commands = splitCommands(keyword === 'RUN' || keyword === '' ? rest : `${keyword} ${rest}`);
    // Secrets in NAME=VALUE words of the raw text (ENV, LABEL, RUN assignments, and buildkit's `|N ARG=value` prefix).
    const words = splitCommands(h.createdBy).flat();
    for (const w of words) {
      const eq = w.indexOf('=');
      if (eq <= 0 || w.startsWith('-')) continue;
      const name = w.slice(0, eq);
      const value = w.slice(eq + 1);
      if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name) || !isSecretName(name) || isPlaceholderValue(value)) continue;
      if (envPairs.has(`${name}=${value}`)) continue;
      out.push(
        step(i, h.createdBy, {
          id: 'IMG-HISTORY-SECRET',
          aliases: ['CIS-DI-0010'],
          kind: 'history',
          severity: 'high',
          title: 'Credential in the image history',
          message: `Build step ${i + 1} sets ${name}=${mask(value)}; the value is stored in the image history. Pass secrets with \`RUN --mount=type=secret\` instead.`,
        }),
      );
    }
    if (keyword === 'ADD') {
      if (sawAdd) {
        out.push(
          step(i, h.createdBy, {
            id: 'IMG-ADD',
            aliases: ['CIS-DI-0009'],
            kind: 'history',
            severity: 'medium',
            title: 'ADD used instead of COPY',
            message: `Build step ${i + 1} uses ADD; use COPY for local files (ADD also fetches URLs and unpacks archives).`,
          }),
        );
      }
      sawAdd = true;
    } else if (keyword === 'COPY' || keyword === 'RUN') {
      sawAdd = true; // the base rootfs ADD can only be the first filesystem step
    }
    if (keyword !== 'RUN' && keyword !== '') return;
    let aptUpdateAt = -1;
    let aptInstall = false;
    let aptCleaned = false;
    commands.forEach((cmd, ci) => {
      const w = cmd[0] === 'sudo' || cmd[0] === 'env' ? cmd.slice(1) : cmd;
      if (cmd.includes('sudo')) {
        out.push(step(i, h.createdBy, { id: 'IMG-SUDO', aliases: ['DKL-DI-0001'], kind: 'history', severity: 'medium', title: 'sudo used in a build step', message: `Build step ${i + 1} runs sudo; build steps already run as the image user, and sudo in images widens privilege escalation.` }));
      }
      if (APT.has(w[0] ?? '')) {
        if (w.includes('update')) aptUpdateAt = ci;
        if (w.includes('install') || w.includes('upgrade') || w.includes('dist-upgrade')) aptInstall = true;
        if (w.includes('dist-upgrade')) {
          out.push(step(i, h.createdBy, { id: 'IMG-DIST-UPGRADE', aliases: ['DKL-DI-0003'], kind: 'history', severity: 'low', title: 'apt-get dist-upgrade in a build step', message: `Build step ${i + 1} runs dist-upgrade, which can change the distribution release; update the base image instead.` }));
        }
      }
      if (w[0] === 'apk' && w.includes('add') && !w.includes('--no-cache')) {
        out.push(step(i, h.createdBy, { id: 'IMG-APK-CACHE', aliases: ['DKL-DI-0004'], kind: 'history', severity: 'low', title: 'apk add without --no-cache', message: `Build step ${i + 1} runs \`apk add\` without --no-cache; the package index stays in the layer.` }));
      }
      if (w[0] === 'rm' && w.some((x) => x.startsWith('/var/lib/apt/lists'))) aptCleaned = true;
      if (APT.has(w[0] ?? '') && (w.includes('clean') || w.includes('dist-clean'))) aptCleaned = aptCleaned || w.includes('dist-clean');
    });
    if (aptUpdateAt >= 0 && !aptInstall) {
      out.push(step(i, h.createdBy, { id: 'IMG-APT-UPDATE-ALONE', aliases: ['CIS-DI-0007'], kind: 'history', severity: 'medium', title: 'apt-get update alone', message: `Build step ${i + 1} runs \`apt-get update\` without installing in the same step; the cached index goes stale. Combine update and install in one RUN.` }));
    }
    if (aptUpdateAt >= 0 && !aptCleaned) {
      out.push(step(i, h.createdBy, { id: 'IMG-APT-LISTS', aliases: ['DKL-DI-0005'], kind: 'history', severity: 'low', title: 'apt lists not removed', message: `Build step ${i + 1} runs \`apt-get update\` without \`rm -rf /var/lib/apt/lists/*\` in the same step; the package index stays in the layer.` }));
    }
  });
  return out;
}
