/** Fake `trivy`, `grype` and `docker` executables (node scripts) that replay recorded outputs or fail like the real tools. */
import * as path from 'node:path';
import { fakeTool } from './helpers';

/** Common body: records argv, then acts on FAKE_<TOOL>_MODE. */
function script(tool: string, modes: string): string {
  return `
const fs = require('node:fs');
const { spawn } = require('node:child_process');
const args = process.argv.slice(2);
if (process.env.FAKE_ARGS_DIR) fs.writeFileSync(require('node:path').join(process.env.FAKE_ARGS_DIR, '${tool}.args.json'), JSON.stringify(args));
const mode = process.env.FAKE_${tool.toUpperCase()}_MODE || 'ok';
const out = process.env.FAKE_${tool.toUpperCase()}_OUTPUT;
function hang() {
  // a child that also hangs: the whole process tree must be killed
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
  if (process.env.FAKE_PID_FILE) fs.writeFileSync(process.env.FAKE_PID_FILE, JSON.stringify([process.pid, child.pid]));
  setInterval(() => {}, 1000);
}
${modes}
`;
}

export function installFakes(dir: string): { trivy: string; grype: string; docker: string } {
  const trivy = fakeTool(
    dir,
    'trivy',
    script(
      'trivy',
      `
if (mode === 'ok') { process.stderr.write('2024-01-01T00:00:00Z\\tINFO\\tDetected OS: alpine\\n'); process.stdout.write(fs.readFileSync(out)); }
else if (mode === 'nodb') {
  process.stderr.write('2024-01-01T00:00:00Z\\tERROR\\tThe first run cannot skip downloading DB\\n');
  process.stderr.write('2024-01-01T00:00:00Z\\tFATAL\\tFatal error\\trun error: init error: DB error: database error: --skip-db-update cannot be specified on the first run\\n');
  process.exit(1);
} else if (mode === 'offline') {
  process.stderr.write('2024-01-01T00:00:00Z\\tINFO\\tDownloading vulnerability DB...\\n');
  process.stderr.write('2024-01-01T00:00:00Z\\tFATAL\\tFatal error\\trun error: init error: DB error: failed to download vulnerability DB: OCI artifact error: failed to download vulnerability DB: failed to download artifact from any source: dial tcp: lookup mirror.gcr.io: no such host\\n');
  process.exit(1);
} else if (mode === 'garbage') { process.stdout.write('<html>definitely not json</html>\\n'); }
else if (mode === 'wrongjson') { process.stdout.write(JSON.stringify({ hello: 'world' })); }
else if (mode === 'exit3') { process.stderr.write('panic: something unexpected happened\\n'); process.exit(3); }
else if (mode === 'hang') hang();
`,
    ),
  );
  const grype = fakeTool(
    dir,
    'grype',
    script(
      'grype',
      `
if (mode === 'ok') process.stdout.write(fs.readFileSync(out));
else if (mode === 'nodb') { process.stderr.write('1 error occurred:\\n\\t* failed to load vulnerability db: database does not exist\\n'); process.exit(1); }
else if (mode === 'stale') { process.stderr.write('failed to load vulnerability db: the vulnerability database was built 8 weeks ago (max allowed age is 5 days)\\n'); process.exit(1); }
else if (mode === 'hang') hang();
`,
    ),
  );
  const docker = fakeTool(
    dir,
    'docker',
    script(
      'docker',
      `
if (args[0] === 'image' && args[1] === 'ls') {
  if (mode === 'down') { process.stderr.write('Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\\n'); process.exit(1); }
  process.stdout.write(JSON.stringify({ Repository: 'example/insecure', Tag: '1.0', ID: '481a24dc0816', Size: '38.4kB', CreatedSince: '2 hours ago' }) + '\\n');
  process.stdout.write(JSON.stringify({ Repository: '<none>', Tag: '<none>', ID: 'deadbeef0123', Size: '1MB', CreatedSince: '3 days ago' }) + '\\n');
} else if (args[0] === 'save' && args[1] === '-o') {
  if (mode === 'down') { process.stderr.write('Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\\n'); process.exit(1); }
  if (args[3] !== 'example/insecure:1.0' && args[3] !== 'example/insecure') { process.stderr.write('Error response from daemon: reference does not exist\\n'); process.exit(1); }
  fs.copyFileSync(out, args[2]);
} else if (args[0] === 'scout') {
  if (mode === 'noscout') { process.stderr.write("docker: 'scout' is not a docker command.\\nSee 'docker --help'\\n"); process.exit(1); }
  process.stdout.write(fs.readFileSync(process.env.FAKE_SCOUT_OUTPUT));
} else { process.stderr.write('unexpected: ' + args.join(' ') + '\\n'); process.exit(64); }
`,
    ),
  );
  return { trivy, grype, docker };
}

export function fakeEnv(dir: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, PATH: dir, FAKE_ARGS_DIR: dir, ...extra };
}

export const argsFile = (dir: string, tool: string): string => path.join(dir, `${tool}.args.json`);
