/** Fake `trivy`, `grype` and `docker` executables (node scripts) that replay recorded outputs or fail like the real tools. */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fakeTool } from './helpers';

/** Common body: records argv, then acts on FAKE_<TOOL>_MODE. */
function script(tool: string, modes: string): string {
  return `
const fs = require('node:fs');
const { spawn } = require('node:child_process');
const args = process.argv.slice(2);
if (process.env.FAKE_ARGS_DIR) {
  fs.writeFileSync(require('node:path').join(process.env.FAKE_ARGS_DIR, '${tool}.args.json'), JSON.stringify(args));
  fs.appendFileSync(require('node:path').join(process.env.FAKE_ARGS_DIR, '${tool}.calls.jsonl'), JSON.stringify(args) + '\\n');
}
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
} else if (args[0] === 'build') {
  // build -f <Dockerfile> -t <tag> <context>: "builds" by storing FAKE_DOCKER_BUILD_ARCHIVE under the tag.
  if (mode === 'down') { process.stderr.write('ERROR: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\\n'); process.exit(1); }
  if (mode === 'hang') hang();
  else {
    const f = args[args.indexOf('-f') + 1];
    const tag = args[args.indexOf('-t') + 1];
    const ctx = args[args.length - 1];
    process.stdout.write('#0 building with "default" instance using docker driver\\n');
    process.stderr.write('#1 [internal] load build definition from ' + require('node:path').basename(f) + '\\n');
    if (!fs.existsSync(f) || !fs.statSync(ctx).isDirectory()) { process.stderr.write('ERROR: failed to read dockerfile: open ' + f + ': no such file or directory\\n'); process.exit(1); }
    if (mode === 'buildfail') { process.stderr.write('#5 ERROR: process "/bin/sh -c apk add nosuchpkg" did not complete successfully: exit code: 1\\nERROR: failed to solve: process "/bin/sh -c apk add nosuchpkg" did not complete successfully: exit code: 1\\n'); process.exit(1); }
    fs.mkdirSync(process.env.FAKE_DOCKER_STORE, { recursive: true });
    fs.copyFileSync(process.env.FAKE_DOCKER_BUILD_ARCHIVE, require('node:path').join(process.env.FAKE_DOCKER_STORE, encodeURIComponent(tag) + '.tar'));
    process.stderr.write('#9 naming to docker.io/' + tag + ' done\\n');
  }
} else if (args[0] === 'image' && args[1] === 'rm') {
  const p = require('node:path').join(process.env.FAKE_DOCKER_STORE || '/nonexistent', encodeURIComponent(args[2]) + '.tar');
  if (!fs.existsSync(p)) { process.stderr.write('Error response from daemon: No such image: ' + args[2] + '\\n'); process.exit(1); }
  fs.rmSync(p);
  process.stdout.write('Untagged: ' + args[2] + '\\n');
} else if (args[0] === 'save' && args[1] === '-o') {
  if (mode === 'down') { process.stderr.write('Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?\\n'); process.exit(1); }
  const built = process.env.FAKE_DOCKER_STORE ? require('node:path').join(process.env.FAKE_DOCKER_STORE, encodeURIComponent(args[3]) + '.tar') : '';
  if (built && fs.existsSync(built)) fs.copyFileSync(built, args[2]);
  else if (args[3] !== 'example/insecure:1.0' && args[3] !== 'example/insecure') { process.stderr.write('Error response from daemon: reference does not exist\\n'); process.exit(1); }
  else fs.copyFileSync(out, args[2]);
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

/** Every argv a fake was started with, in order (one JSON array per line). */
export function calls(dir: string, tool: string): string[][] {
  const file = path.join(dir, `${tool}.calls.jsonl`);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as string[]);
}

/** Whether a process (say, one a fake tool recorded in FAKE_PID_FILE) still exists. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
