/**
 * Conformance with KICS's own Docker Compose query tests (../shared/corpus/kics-compose): every
 * query is mapped to our rules through `anchors.kics`; each expected (file, line) of a positive
 * file must be hit by one of those rules, and negative files must raise none of them. Files are
 * linted under their own names (positive1.yaml …), so Compose detection by content is exercised.
 * Deliberate disagreements are listed below with the reason and must keep disagreeing (a stale
 * entry fails). Prints line-level agreement per query and in total.
 *
 * Line matching: KICS reports the line of the nearest key (e.g. `cap_add:`, `ports:`), we report
 * the offending item. A finding counts for line L when its range covers L, or when it sits inside
 * the value of a key written on line L.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isMap, isSeq, type Node as YNode } from 'yaml';
import { lint, type Finding } from '../../rules/src/api';
import { COMPOSE_RULES } from '../../rules/src/compose/index';
import { parseYaml, type YamlFile } from '../../rules/src/model/yaml/documents';
import { corpusMissing } from '../utils/corpus';

const repoRoot = path.resolve(__dirname, '..', '..');
const root = path.join(repoRoot, '..', 'shared', 'corpus', 'kics-compose');

interface Query { query_dir: string; id: string; queryName: string; positives: string[]; negatives: string[]; expected: { file: string; line: number }[] }

/** Deliberate disagreements: `<query folder>/<file>[:line]` → reason. Lines are expected lines KICS reports that we do not. */
const DISAGREE: Record<string, string> = {
  // KICS's query flags a mapping when ANY number in it (host or container side, range ends included) is below 1024,
  // unless cap_drop lists NET_BIND_SERVICE. DC024 implements CIS Docker 5.7, which is about the host side only: a low
  // container port needs no privilege on the host, and since Docker 20.10 (moby#41030) containers get
  // net.ipv4.ip_unprivileged_port_start=0, so binding it needs neither root nor NET_BIND_SERVICE (and dropping that
  // capability does not stop it, moby#42728). The host-side lines (positive1 x2, 3, 6, 9) agree.
  'privileged_ports_mapped_in_container/positive2.yaml:11': '"7000:80": host port 7000; only the container port is below 1024',
  'privileged_ports_mapped_in_container/positive4.yaml:11': '"70-8000" is a container port range published on ephemeral (>= 32768) host ports',
  'privileged_ports_mapped_in_container/positive5.yaml:11': '"80" publishes container port 80 on an ephemeral host port',
  'privileged_ports_mapped_in_container/positive7.yaml:11': '"9090-9091:80-8081": host ports 9090-9091; only the container range starts below 1024',
  'privileged_ports_mapped_in_container/positive8.yaml:11': '"49100:22": container port 22 behind host port 49100',
  'privileged_ports_mapped_in_container/positive10.yaml:11': '"127.0.0.1::50": container port 50 on an ephemeral host port',
  'privileged_ports_mapped_in_container/positive11.yaml:11': '"12400-12500:124": host range 12400-12500, container port 124',
  'privileged_ports_mapped_in_container/positive12.yaml:11': 'long syntax target 80, published 8080',
  // `deploy:` with no value: KICS reports both the service and `deploy`; we report once, at `deploy`, where the limit belongs.
  'cpus_not_limited/positive3.yaml:3': 'one finding per missing limit, placed on the empty `deploy` key (line 7, which matches)',
  'memory_not_limited/positive3.yaml:3': 'one finding per missing limit, placed on the empty `deploy` key (line 7, which matches)',
  // Docker splits `label:seccomp:unconfined` at the first separator (`:` is the deprecated form of `=`): it is the
  // SELinux label option `seccomp:unconfined`, which SELinux hosts reject and others ignore. Seccomp stays on.
  'default_seccomp_profile_disabled/positive1.yaml:13': '`label:seccomp:unconfined` is an (invalid) SELinux label option, not a seccomp setting',
  // `- /var/lib/backup/data` is an anonymous volume (container path only); no host directory is mounted.
  'volume_has_sensitive_host_directory/positive1.yaml:11': 'anonymous volume: no host path involved',
  // DC019 covers both "Security Opt Not Set" and "No New Privileges Not Set" (one diagnostic, see the catalog's gotcha 3);
  // this negative has security_opt (so KICS's key-presence query passes) but no no-new-privileges.
  'security_opt_not_set/negative1.yaml': 'security_opt present but without no-new-privileges: DC019 reports it on purpose',
};

interface PairSpan { keyStart: number; keyEnd: number; keyLine: number; valueStart: number; valueEnd: number }

/** Every map pair of the file with its key position and value range. */
function pairSpans(file: YamlFile): PairSpan[] {
  const out: PairSpan[] = [];
  const visit = (node: unknown): void => {
    if (isMap(node)) {
      for (const p of node.items) {
        const k = (p.key as YNode | null)?.range;
        const v = (p.value as YNode | null)?.range;
        if (k && v) out.push({ keyStart: k[0], keyEnd: k[1], keyLine: file.lines.positionAt(k[0]).line, valueStart: v[0], valueEnd: v[1] });
        visit(p.value);
      }
    } else if (isSeq(node)) node.items.forEach(visit);
  };
  for (const d of file.documents) visit(d.root);
  return out;
}

/**
 * True when `f` counts for the 1-based expected line: its range covers the line, or it sits in a
 * value whose innermost enclosing key is written on that line (a finding placed on a key itself,
 * such as a service name, only counts for its own line).
 */
function hits(f: Finding, line: number, file: YamlFile, spans: PairSpan[]): boolean {
  const l = line - 1;
  if (f.range.start.line <= l && l <= f.range.end.line) return true;
  const start = file.lines.offsetAt(f.range.start);
  const end = file.lines.offsetAt(f.range.end);
  if (spans.some((p) => p.keyStart === start && p.keyEnd === end)) return false;
  const enclosing = spans.filter((p) => p.valueStart <= start && start < p.valueEnd).sort((a, b) => b.valueStart - a.valueStart)[0];
  return enclosing?.keyLine === l;
}

describe('KICS Docker Compose conformance', () => {
  const indexFile = path.join(root, 'index.json');
  if (corpusMissing(indexFile, 'KICS compose corpus')) return;
  const queries = (JSON.parse(readFileSync(indexFile, 'utf8')) as { queries: Query[] }).queries;
  const used = new Set<string>();
  const totals = { expected: 0, hit: 0, negatives: 0, clean: 0 };

  it('maps every one of the 21 queries to at least one rule', () => {
    assert.equal(queries.length, 21);
    const unmapped = queries.filter((q) => !COMPOSE_RULES.some((r) => (r.anchors.kics ?? []).includes(q.id))).map((q) => q.query_dir);
    assert.deepEqual(unmapped, []);
  });

  for (const q of queries) {
    const ruleIds = COMPOSE_RULES.filter((r) => (r.anchors.kics ?? []).includes(q.id)).map((r) => r.id);
    const run = (name: string): { findings: Finding[]; file: YamlFile } => {
      const text = readFileSync(path.join(root, q.query_dir, name), 'utf8');
      const res = lint({ path: name, text }, { settings: { enabledRules: ruleIds } });
      assert.deepEqual(res.crashedRules, []);
      assert.equal(res.kind, 'compose', `${name} detected as ${res.kind}`);
      return { findings: res.findings.filter((f) => ruleIds.includes(f.ruleId)), file: parseYaml(text) };
    };
    describe(`${q.query_dir} → ${ruleIds.join(', ')}`, () => {
      let hit = 0;
      for (const e of q.expected) {
        const key = `${q.query_dir}/${e.file}:${e.line}`;
        it(`${e.file}:${e.line} is reported`, () => {
          const { findings, file } = run(e.file);
          const spans = pairSpans(file);
          const ok = findings.some((f) => hits(f, e.line, file, spans));
          totals.expected++;
          if (ok) {
            hit++;
            totals.hit++;
          }
          if (DISAGREE[key] !== undefined) {
            used.add(key);
            assert.ok(!ok, `allow-listed disagreement no longer disagrees: ${key}`);
          } else {
            assert.ok(ok, `no ${ruleIds.join('/')} finding on line ${e.line}; got ${findings.map((f) => `${f.ruleId}@${f.range.start.line + 1}`).join(', ') || 'none'}`);
          }
        });
      }
      for (const n of q.negatives) {
        const key = `${q.query_dir}/${n}`;
        it(`${n} is clean`, () => {
          const { findings } = run(n);
          totals.negatives++;
          if (findings.length === 0) totals.clean++;
          if (DISAGREE[key] !== undefined) {
            used.add(key);
            assert.ok(findings.length > 0, `allow-listed disagreement no longer disagrees: ${key}`);
          } else {
            assert.deepEqual(findings.map((f) => `${f.ruleId}@${f.range.start.line + 1}: ${f.message}`), []);
          }
        });
      }
      it('agreement', (t) => {
        t.diagnostic(`${q.query_dir}: ${hit}/${q.expected.length} expected lines`);
      });
    });
  }

  it('every allow-list entry was used, totals', (t) => {
    assert.deepEqual(Object.keys(DISAGREE).filter((k) => !used.has(k)), []);
    const pct = (a: number, b: number): string => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)}%`);
    const msg = `KICS compose: ${totals.hit}/${totals.expected} expected lines hit (${pct(totals.hit, totals.expected)}), ${totals.clean}/${totals.negatives} negatives clean (${pct(totals.clean, totals.negatives)}); ${Object.keys(DISAGREE).length} documented disagreements`;
    t.diagnostic(msg);
    assert.equal(totals.expected, 71);
  });
});
