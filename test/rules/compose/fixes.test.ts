/**
 * Every suggestion a Compose rule offers, on every input we have (docs examples, KICS compose
 * fixtures, a multi-style sample): applying it must leave valid YAML and remove that finding,
 * and must change nothing outside the edited lines' neighbourhood (checked by the exact-output
 * tables in each rule's test; here we check the finding is gone and the YAML stays clean).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { lint, type Finding } from '../../../rules/src/api';
import { COMPOSE_RULES } from '../../../rules/src/compose/index';
import { parseYaml } from '../../../rules/src/model/yaml/documents';
import { applyEdits } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const corpus = path.join(repoRoot, '..', 'shared', 'corpus', 'kics-compose');
const ALL = { enabledRules: ['DC*'] };

const SAMPLE = dedent`
  x-common: &common
    restart: on-failure
    cap_add: [SYS_ADMIN]
  services:
    web:
      <<: *common
      image: nginx:latest
      privileged: true
      network_mode: host
      user: root
      read_only: false
      ports: ["80:80", {target: 443, published: 443}]
      security_opt: [seccomp=unconfined, "apparmor:unconfined", label:disable, systempaths=unconfined, no-new-privileges:false]
      environment: {DB_PASSWORD: hunter2}
      volumes:
        - /etc:/host/etc
        - type: bind
          source: /var/lib/data
          target: /data
          bind: {propagation: rshared}
      oom_kill_disable: true
      pid: host
      ipc: host
      uts: host
      userns_mode: host
      cgroup: host
      cgroup_parent: custom
      cap_drop: [NET_RAW]
      deploy:
        restart_policy: {condition: on-failure, max_attempts: 9}
        resources:
          limits: {cpus: "1"}
    db:
      image: postgres
      cap_add:
        - NET_RAW
        - ALL
      environment:
        - POSTGRES_PASSWORD=example
`;

function inputs(): { label: string; text: string }[] {
  const out = [{ label: 'sample', text: SAMPLE }];
  for (const r of COMPOSE_RULES) r.docs.examples.bad.forEach((text, i) => out.push({ label: `${r.id} bad ${i + 1}`, text }));
  if (existsSync(corpus)) {
    for (const dir of readdirSync(corpus)) {
      if (!existsSync(path.join(corpus, dir, 'metadata.json'))) continue;
      for (const f of readdirSync(path.join(corpus, dir)).filter((x) => x.endsWith('.yaml'))) out.push({ label: `${dir}/${f}`, text: readFileSync(path.join(corpus, dir, f), 'utf8') });
    }
  }
  return out;
}

function run(text: string): Finding[] {
  const r = lint({ path: 'compose.yaml', text }, { settings: ALL });
  assert.deepEqual(r.crashedRules, []);
  return r.findings.filter((f) => f.ruleId.startsWith('DC'));
}

describe('compose suggestions', () => {
  const seen = new Map<string, number>();
  for (const input of inputs()) {
    it(`every suggestion applies cleanly and removes its finding: ${input.label}`, () => {
      const before = run(input.text);
      const cleanBefore = parseYaml(input.text).errors.length === 0;
      for (const f of before) {
        for (const s of [...f.suggestions, ...(f.fix ? [f.fix] : [])]) {
          seen.set(f.ruleId, (seen.get(f.ruleId) ?? 0) + 1);
          const out = applyEdits(input.text, s.edits);
          assert.notEqual(out, input.text, `${f.ruleId} '${s.title}' changes nothing`);
          if (cleanBefore) assert.deepEqual(parseYaml(out).errors.map((e) => e.message), [], `${f.ruleId} '${s.title}' broke the YAML:\n${out}`);
          const count = (list: Finding[]): number => list.filter((x) => x.ruleId === f.ruleId && x.message === f.message).length;
          assert.ok(count(run(out)) < count(before), `${f.ruleId} '${s.title}' did not remove: ${f.message}\n${out}`);
        }
      }
    });
  }
  it('the sample exercises the suggestions of most rules', () => {
    const withFix = COMPOSE_RULES.filter((r) => r.fix !== 'none').map((r) => r.id);
    const missing = withFix.filter((id) => !seen.has(id));
    assert.deepEqual(missing, [], 'rules with fix metadata whose suggestions were never exercised');
  });
});
