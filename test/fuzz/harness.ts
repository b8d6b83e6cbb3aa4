/**
 * Fuzzing harness shared by the short CI runs (test/fuzz/*.test.ts) and the long run
 * (test/fuzz/long-run.ts): seed documents from the peer corpora, generators of random and
 * mutated Dockerfiles, manifests and Compose files, and the invariants every lint must keep.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { lint, type LintResult } from '../../rules/src/api';
import { LineIndex } from '../../rules/src/model/text';
import { applyEdits } from '../utils/rule-tester';

export const REPO_ROOT = join(__dirname, '..', '..');
export const CORPUS = join(REPO_ROOT, '..', 'shared', 'corpus');

/** What a fuzz case lints. */
export type Target = 'dockerfile' | 'kubernetes' | 'compose';
export const FILE_NAME: Record<Target, string> = { dockerfile: 'Dockerfile', kubernetes: 'manifest.yaml', compose: 'compose.yaml' };

/** CPU-time budget of one lint of a fuzz document (they are at most a few tens of KB; a lint takes a few ms). */
export const BUDGET_MS = Number(process.env.BULKHEAD_FUZZ_BUDGET_MS ?? 1000);

// ---------------------------------------------------------------------------------------------
// Seeds

function filesUnder(dir: string, accept: (name: string) => boolean, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) filesUnder(p, accept, out);
    else if (accept(name)) out.push(p);
  }
  return out;
}

const isYaml = (n: string): boolean => /\.ya?ml$/i.test(n);

/** Seed documents per target from ../shared/corpus; empty arrays when the corpus is missing. */
export function loadSeeds(): Record<Target, string[]> {
  const read = (p: string): string => readFileSync(p, 'utf8');
  const dockerfile = [
    ...filesUnder(join(CORPUS, 'real-world', 'dockerfiles'), () => true).map(read),
    ...filesUnder(join(CORPUS, 'kics-dockerfile'), (n) => n.endsWith('.dockerfile')).map(read),
  ];
  const cases = join(CORPUS, 'hadolint-cases.jsonl');
  if (existsSync(cases)) {
    for (const line of read(cases).split('\n')) {
      if (line.trim() === '') continue;
      const row = JSON.parse(line) as { dockerfile?: unknown };
      if (typeof row.dockerfile === 'string') dockerfile.push(row.dockerfile);
    }
  }
  const kubernetes = [
    ...filesUnder(join(CORPUS, 'real-world', 'kubernetes'), isYaml),
    ...filesUnder(join(CORPUS, 'kics-k8s'), isYaml),
    ...filesUnder(join(CORPUS, 'kube-linter', 'checks'), isYaml),
  ].map(read);
  const compose = filesUnder(join(CORPUS, 'kics-compose'), isYaml).map(read);
  return { dockerfile, kubernetes, compose };
}

/** True when the peer corpora are present. */
export function corpusPresent(): boolean {
  return existsSync(join(CORPUS, 'real-world'));
}

// ---------------------------------------------------------------------------------------------
// Generators

const IMAGES = ['alpine', 'alpine:3.20', 'ubuntu:latest', 'nginx@sha256:' + 'a'.repeat(64), 'my.registry:5000/team/app:1.2', '$BASE', '${BASE:-debian}', 'scratch', 'build', 'ghcr.io/x/y:latest@sha256:' + 'b'.repeat(64), ':', '@', ''];
const SHELL = ['apt-get update', 'apt-get install -y curl', 'apk add --no-cache git', 'curl -fsSL http://x.sh | sh', 'wget -O- https://a | bash', 'sudo su', 'chmod 777 /app', 'pip install flask', 'npm install', 'cd /tmp', '&&', '||', ';', '|', '>', '2>&1', '$(id -u)', '`whoami`', '"quoted arg"', "'single'", 'echo $SECRET', 'useradd -u 0 x', 'rm -rf /var/lib/apt/lists/*', 'yum install -y x', 'ssh-keygen', '--mount=type=secret,id=x', 'set -eux', '\\\n  ', '\\', '<<EOF', 'EOF', '{', '}', '(', ')', '#', '\t', '\u00e9\u4e2d\u{1F600}'];
const FLAGS = ['--platform=linux/amd64', '--platform=$TARGETPLATFORM', '--from=build', '--from=0', '--chown=root:root', '--chmod=755', '--mount=type=cache,target=/root/.cache', '--mount=type=secret,id=npm,target=/root/.npmrc', '--network=host', '--security=insecure', '--link', '--checksum=sha256:abc', '--keep-git-dir', '--', '--=', '--interval=5s'];
const KEYWORDS = ['FROM', 'RUN', 'CMD', 'ENTRYPOINT', 'COPY', 'ADD', 'ENV', 'ARG', 'LABEL', 'USER', 'WORKDIR', 'EXPOSE', 'VOLUME', 'HEALTHCHECK', 'SHELL', 'STOPSIGNAL', 'ONBUILD', 'MAINTAINER', 'from', 'Run', 'ONBUILD RUN', 'ONBUILD ONBUILD', 'HEALTHCHECK CMD', 'HEALTHCHECK NONE', 'BOGUS'];
const ARGS = [...IMAGES, ...SHELL, ...FLAGS, 'AS', 'as', 'builder', 'root', '0', '0:0', 'nobody', '1000:1000', '22', '80/tcp', '65536', '-1', 'KEY=value', 'PASSWORD=hunter2', 'AWS_SECRET_ACCESS_KEY=abc', 'A="b c"', 'x=', '=y', '["/bin/sh", "-c", "echo hi"]', '["a",', '[]', '[ "x" ]', 'http://example.com/a.tar.gz', '/src', '/dst/', '.', '*', 'SIGKILL', '9', '/bin/bash'];
const DIRECTIVES = ['# syntax=docker/dockerfile:1', '# escape=`', '# escape=\\', '# check=skip=all', '# bulkhead-ignore DF001', '# bulkhead-ignore-file *', '# hadolint ignore=DL3007,DL3008', '# checkov:skip=CKV_DOCKER_2: reason', '# trivy:ignore:DS002', '# kics-scan ignore-line', '# just a comment'];

/** A random Dockerfile line from a grammar of keywords, flags, arguments and comments. */
const dockerfileLine: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(fc.constantFrom(...KEYWORDS), fc.array(fc.constantFrom(...ARGS), { maxLength: 8 })).map(([k, a]) => [k, ...a].join(' ')) },
  { weight: 1, arbitrary: fc.constantFrom(...DIRECTIVES) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('RUN', 'COPY', 'RUN --mount=type=cache,target=/x'), fc.constantFrom('EOF', 'EOT', '"EOF"', '-EOF'), fc.array(fc.constantFrom(...SHELL), { maxLength: 4 })).map(([k, tag, body]) => `${k} <<${tag}\n${body.join('\n')}\n${tag.replace(/["-]/g, '')}`) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constant('') },
);

/** Random Dockerfiles (LF or CRLF, optional trailing continuation). */
export const randomDockerfile: fc.Arbitrary<string> = fc
  .tuple(fc.array(dockerfileLine, { maxLength: 30 }), fc.boolean(), fc.boolean())
  .map(([lines, crlf, trailing]) => lines.join(crlf ? '\r\n' : '\n') + (trailing ? ' \\' : '\n'));

const K8S_KEYS = ['apiVersion', 'kind', 'metadata', 'name', 'namespace', 'labels', 'annotations', 'spec', 'template', 'jobTemplate', 'containers', 'initContainers', 'ephemeralContainers', 'image', 'imagePullPolicy', 'securityContext', 'privileged', 'allowPrivilegeEscalation', 'runAsUser', 'runAsNonRoot', 'runAsGroup', 'readOnlyRootFilesystem', 'capabilities', 'add', 'drop', 'hostNetwork', 'hostPID', 'hostIPC', 'hostPath', 'path', 'volumes', 'volumeMounts', 'mountPath', 'resources', 'limits', 'requests', 'cpu', 'memory', 'env', 'value', 'valueFrom', 'secretKeyRef', 'ports', 'containerPort', 'hostPort', 'livenessProbe', 'readinessProbe', 'serviceAccountName', 'automountServiceAccountToken', 'seccompProfile', 'type', 'rules', 'verbs', 'resources', 'apiGroups', 'subjects', 'roleRef', 'items', 'replicas', 'selector', 'procMount', 'sysctls', 'command', 'args', 'ignore-check.kube-linter.io/privileged-container', 'polaris.fairwinds.com/exempt'];
const K8S_KINDS = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'List', 'Service', 'Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding', 'ConfigMap', 'Secret', 'Ingress', 'NetworkPolicy', 'PodSecurityPolicy', 'ServiceAccount', 'Namespace', 'Weird'];
const COMPOSE_KEYS = ['services', 'version', 'image', 'build', 'context', 'dockerfile', 'privileged', 'cap_add', 'cap_drop', 'network_mode', 'pid', 'ipc', 'user', 'volumes', 'ports', 'environment', 'secrets', 'security_opt', 'read_only', 'devices', 'deploy', 'resources', 'limits', 'memory', 'cpus', 'restart', 'healthcheck', 'test', 'command', 'entrypoint', 'userns_mode', 'sysctls', 'tmpfs', 'configs', 'networks', 'x-common', '<<'];
const SCALARS = ['true', 'false', 'yes', 'no', 'on', 'null', '~', '0', '-1', '65535', '1.5', '"0"', 'ALL', 'NET_ADMIN', 'SYS_ADMIN', 'host', 'root', 'privileged', 'unconfined', 'latest', 'nginx:latest', 'nginx', '/var/run/docker.sock', '/', '/proc', '8080:80', '0.0.0.0:22:22', 'RuntimeDefault', 'Unconfined', '*', 'secret=abc', 'PASSWORD', '100Mi', '500m', '', '\u00e9\u4e2d'];

/** A random YAML value whose keys come from a dictionary (so rules see plausible but wrongly typed shapes). */
function yamlValue(keys: readonly string[]): fc.Arbitrary<unknown> {
  const { value } = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom<unknown>(...SCALARS, true, false, null, 0, -1, 1.5, 65536),
      fc.string({ maxLength: 12 }),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(fc.constantFrom(...keys), tie('value'), { maxKeys: 6 }),
    ),
  }));
  return value;
}

/** Random Kubernetes-shaped multi-document YAML. */
export const randomManifest: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.constantFrom(...K8S_KINDS), fc.constantFrom('v1', 'apps/v1', 'batch/v1', 'rbac.authorization.k8s.io/v1', 'x'), fc.dictionary(fc.constantFrom(...K8S_KEYS), yamlValue(K8S_KEYS), { maxKeys: 6 })), { minLength: 1, maxLength: 4 })
  .map((docs) => docs.map(([kind, apiVersion, body]) => stringify({ apiVersion, kind, ...body })).join('---\n'));

/** Random Compose-shaped YAML. */
export const randomCompose: fc.Arbitrary<string> = fc
  .dictionary(fc.constantFrom('web', 'db', 'app', 'x-anchor', ''), fc.dictionary(fc.constantFrom(...COMPOSE_KEYS), yamlValue(COMPOSE_KEYS), { maxKeys: 8 }), { minKeys: 1, maxKeys: 3 })
  .map((services) => stringify({ services }));

const YAML_TOKENS = ['---\n', '...\n', ': ', '- ', '  ', '\n', '&a ', '*a', '<<: *a\n', '!!str ', '!Ref ', '? ', '|\n', '>-\n', '{', '}', '[', ']', ',', '"', "'", '#', '# bulkhead-ignore K8S001\n', '%YAML 1.2\n', '\t', 'privileged: true\n', 'hostNetwork: true\n', 'image: nginx:latest\n', 'securityContext:\n  runAsUser: 0\n', 'containers:\n- name: x\n  image: y\n'];
const DOCKER_TOKENS = [...ARGS.map((a) => a + ' '), ...KEYWORDS.map((k) => `\n${k} `), ...DIRECTIVES.map((d) => `\n${d}\n`), '\\\n', '\n', '\r\n', '"', "'", '$', '${', '}', '[', ']', ','];

export interface Mutation {
  op: 'delete' | 'insert' | 'duplicate' | 'truncate' | 'replaceChar' | 'swapLines' | 'indent' | 'randomText';
  a: number;
  b: number;
  token: string;
}

/** Mutations of a seed document; positions are taken modulo the current length when applied. */
export function mutations(target: Target): fc.Arbitrary<Mutation[]> {
  const tokens = target === 'dockerfile' ? DOCKER_TOKENS : YAML_TOKENS;
  return fc.array(
    fc.record({
      op: fc.constantFrom<Mutation['op']>('delete', 'insert', 'duplicate', 'truncate', 'replaceChar', 'swapLines', 'indent', 'randomText'),
      a: fc.nat(),
      b: fc.nat({ max: 400 }),
      token: fc.oneof(fc.constantFrom(...tokens), fc.string({ maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 6 })),
    }),
    { minLength: 1, maxLength: 6 },
  );
}

/** Applies mutations to a text (deterministically). */
export function mutate(text: string, ms: readonly Mutation[]): string {
  let t = text;
  for (const m of ms) {
    const n = t.length;
    const a = n === 0 ? 0 : m.a % (n + 1);
    const b = Math.min(n, a + m.b);
    switch (m.op) {
      case 'delete':
        t = t.slice(0, a) + t.slice(b);
        break;
      case 'insert':
      case 'randomText':
        t = t.slice(0, a) + m.token + t.slice(a);
        break;
      case 'duplicate':
        t = t.slice(0, b) + t.slice(a, b) + t.slice(b);
        break;
      case 'truncate':
        t = t.slice(0, a);
        break;
      case 'replaceChar':
        t = t.slice(0, a) + (m.token[0] ?? '') + t.slice(a + 1);
        break;
      case 'swapLines': {
        const lines = t.split('\n');
        const i = m.a % lines.length;
        const j = m.b % lines.length;
        const li = lines[i] ?? '';
        lines[i] = lines[j] ?? '';
        lines[j] = li;
        t = lines.join('\n');
        break;
      }
      case 'indent': {
        const lines = t.split('\n');
        const i = m.a % lines.length;
        const line = lines[i] ?? '';
        lines[i] = m.b % 2 === 0 ? ' '.repeat((m.b % 7) + 1) + line : line.replace(/^\s{1,4}/, '');
        t = lines.join('\n');
        break;
      }
    }
  }
  return t;
}

// ---------------------------------------------------------------------------------------------
// Invariants

/** A broken invariant, with what is needed to reproduce it. */
export interface Violation {
  invariant: string;
  detail: string;
}

export function rangeInside(lines: LineIndex, r: Range): boolean {
  const ok = (p: Range['start']): boolean => Number.isInteger(p.line) && Number.isInteger(p.character) && p.line >= 0 && p.line < lines.lineCount && p.character >= 0 && p.character <= lines.lineText(p.line).length;
  if (!ok(r.start) || !ok(r.end)) return false;
  return r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character);
}

function editsDisjoint(lines: LineIndex, edits: readonly TextEdit[]): boolean {
  const spans = edits.map((e) => [lines.offsetAt(e.range.start), lines.offsetAt(e.range.end)] as const).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  for (let i = 1; i < spans.length; i++) if ((spans[i]?.[0] ?? 0) < (spans[i - 1]?.[1] ?? 0)) return false;
  return true;
}

/** Lints once, timing it and capturing throws and rule crashes as violations. */
export function lintChecked(path: string, text: string, what: string, out: Violation[]): LintResult | undefined {
  const crashes: string[] = [];
  // CPU time, not wall time: the budget catches pathological inputs, not a busy machine.
  const cpu = process.cpuUsage();
  let result: LintResult | undefined;
  try {
    result = lint({ path, text }, { onRuleError: (id, e) => crashes.push(`${id}: ${e instanceof Error ? (e.stack ?? e.message).split('\n').slice(0, 4).join(' ← ') : String(e)}`) });
  } catch (e) {
    out.push({ invariant: 'lint never throws', detail: `${what}: ${e instanceof Error ? (e.stack ?? e.message).split('\n').slice(0, 5).join(' ← ') : String(e)}` });
    return undefined;
  }
  const used = process.cpuUsage(cpu);
  const ms = (used.user + used.system) / 1000;
  if (ms > BUDGET_MS) out.push({ invariant: `lint within ${BUDGET_MS} ms of CPU`, detail: `${what}: took ${ms.toFixed(0)} ms CPU for ${text.length} chars` });
  for (const c of crashes) out.push({ invariant: 'no rule crashes', detail: `${what}: ${c}` });
  return result;
}

/**
 * Lints `text` as `target` and checks every invariant: no throw, within the time budget, no rule
 * crash, every finding/problem/suppression range inside the document, every fix's edits inside
 * the document and disjoint, and every fixed document lints again without throwing or crashing.
 */
export function checkDocument(target: Target, text: string): Violation[] {
  const out: Violation[] = [];
  const path = FILE_NAME[target];
  const result = lintChecked(path, text, 'original', out);
  if (!result) return out;
  const lines = new LineIndex(text);
  const ranges: [string, Range][] = [
    ...result.findings.map((f): [string, Range] => [`finding ${f.ruleId}`, f.range]),
    ...result.problems.map((p): [string, Range] => [`problem ${p.code}`, p.range]),
    ...result.suppressed.map((s): [string, Range] => [`suppressed ${s.finding.ruleId}`, s.finding.range]),
    ...result.unusedSuppressions.map((c): [string, Range] => ['unused suppression', c.range]),
  ];
  for (const [what, r] of ranges) if (!rangeInside(lines, r)) out.push({ invariant: 'ranges inside the document', detail: `${what}: ${JSON.stringify(r)} (lines: ${lines.lineCount})` });
  for (const f of result.findings) {
    const fixes = [...(f.fix ? [{ kind: 'fix', fix: f.fix }] : []), ...f.suggestions.map((s) => ({ kind: 'suggestion', fix: s }))];
    for (const { kind, fix } of fixes) {
      const what = `${kind} "${fix.title}" of ${f.ruleId}`;
      const bad = fix.edits.find((e) => !rangeInside(lines, e.range));
      if (bad) {
        out.push({ invariant: 'fix edits inside the document', detail: `${what}: ${JSON.stringify(bad.range)}` });
        continue;
      }
      if (!editsDisjoint(lines, fix.edits)) {
        out.push({ invariant: 'fix edits do not overlap', detail: `${what}: ${JSON.stringify(fix.edits.map((e) => e.range))}` });
        continue;
      }
      lintChecked(path, applyEdits(text, fix.edits), `after ${what}`, out);
    }
  }
  return out;
}

/** Formats violations and the input for an assertion message (input truncated to keep logs short). */
export function describeViolations(target: Target, text: string, vs: readonly Violation[]): string {
  const shown = text.length > 2000 ? `${text.slice(0, 2000)}… (${text.length} chars)` : text;
  return `${vs.length} violation(s) linting a ${target}:\n${vs.map((v) => `  [${v.invariant}] ${v.detail}`).join('\n')}\ninput: ${JSON.stringify(shown)}`;
}
