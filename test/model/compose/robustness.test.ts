/**
 * No Compose rule may crash or hang on malformed input: every prefix of every KICS compose
 * fixture, plus hand-made odd shapes, goes through `lint()` with every DC rule enabled.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { lint } from '../../../rules/src/api';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const corpus = path.join(repoRoot, '..', 'shared', 'corpus', 'kics-compose');
const ALL = { enabledRules: ['DC*'] };

function noCrash(text: string, label: string): void {
  const r = lint({ path: 'compose.yaml', text }, { settings: ALL });
  assert.deepEqual(r.crashedRules, [], label);
}

const ODD: string[] = [
  'services:\n  a:\n    ports: 80\n    volumes: /x:/y\n    cap_add: ALL\n    security_opt: seccomp:unconfined\n    environment: A=1\n',
  'services:\n  a:\n    ports: [{}, [], null, ~, {target: x, published: [1]}]\n    volumes: [{}, [], null, {type: bind}, {bind: {propagation: [1]}}]\n',
  'services:\n  a:\n    image: {name: x}\n    user: [root]\n    healthcheck: [test]\n    deploy: [1]\n    restart: {a: 1}\n    build: {args: "A=1"}\n',
  'services:\n  a:\n    <<: 5\n    extends: [x]\n  b:\n    <<: [*undefined]\n',
  'x: &a {<<: *a}\nservices:\n  s:\n    <<: *a\n',
  'services:\n  a: &a\n    <<: *a\n    image: x\n',
  'services:\n  a:\n    extends: {service: b}\n  b:\n    extends: {service: a}\n',
  'services:\n  a:\n    sysctls: 5\n    devices: {a: 1}\n    device_cgroup_rules: [[x]]\n    oom_kill_disable: "yes"\n    pids_limit: {}\n',
  'volumes:\n  v:\n    driver_opts: [1]\n  w: 3\nservices:\n  a: {image: x, volumes: [v:/v, w:/w]}\n',
  `services:\n${Array.from({ length: 300 }, (_, i) => `  s${i}:\n    image: x:1\n    volumes: [shared:/d]\n    ports: ["${1000 + i}:80"]\n`).join('')}`,
];

describe('compose robustness', () => {
  ODD.forEach((text, i) => it(`odd shape ${i + 1}`, () => noCrash(text, text)));

  it('every line prefix of every KICS compose fixture', (t) => {
    if (!existsSync(corpus)) {
      if (process.env.CI) assert.fail(`missing ${corpus}`);
      t.skip(`KICS compose corpus not found at ${corpus}`);
      return;
    }
    let runs = 0;
    for (const dir of readdirSync(corpus)) {
      const full = path.join(corpus, dir);
      if (!existsSync(path.join(full, 'metadata.json'))) continue;
      for (const f of readdirSync(full).filter((x) => x.endsWith('.yaml') || x.endsWith('.yml'))) {
        const lines = readFileSync(path.join(full, f), 'utf8').split('\n');
        for (let n = 1; n <= lines.length; n++) {
          noCrash(lines.slice(0, n).join('\n'), `${dir}/${f} first ${n} lines`);
          runs++;
        }
      }
    }
    assert.ok(runs > 1000, `only ${runs} runs`);
  });

  it('a large file (10,000 lines, 25,000 findings) lints without a pathological slowdown', () => {
    const text = `services:\n${Array.from({ length: 2000 }, (_, i) => `  s${i}:\n    image: x:1\n    privileged: true\n    ports: ["${i}:80"]\n    environment: {PASSWORD: x}\n`).join('')}`;
    const start = process.hrtime.bigint();
    const r = lint({ path: 'compose.yaml', text }, { settings: ALL });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    assert.deepEqual(r.crashedRules, []);
    assert.ok(r.findings.filter((f) => f.ruleId === 'DC001').length === 2000);
    // Generous bound: the machine may be shared; this catches hangs and quadratic behaviour, not micro-regressions.
    assert.ok(ms < 15000, `took ${ms} ms`);
  });
});
