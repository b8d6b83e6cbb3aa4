/**
 * Conformance with KICS's own Dockerfile query tests (../shared/corpus/kics-dockerfile): for each
 * query we anchor, every positive file must raise our rule on each expected line, and every
 * negative file must raise nothing for it. Deliberate disagreements are listed with the reason
 * and must keep disagreeing. Prints line-level agreement per query.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lint, type AnyRule } from '../../rules/src/api';
import { DOCKERFILE_RULES } from '../../rules/src/dockerfile/index';
import { parseDockerfile } from '../../rules/src/model/dockerfile/parse';
import { corpusMissing } from '../utils/corpus';

const repoRoot = path.resolve(__dirname, '..', '..');
const root = path.join(repoRoot, '..', 'shared', 'corpus', 'kics-dockerfile');

interface Query { id: string; queryName: string; positive_files: string[]; negative_files: string[]; expected_hits: { file: string; line: number }[] }

/** Deliberate disagreements: `<query folder>/<file>[:line]` → reason. */
const DISAGREE: Record<string, string> = {
  'missing_user_instruction/negative.dockerfile': 'a FROM scratch final stage still runs as UID 0; KICS exempts scratch, we report it',
  'apt_get_install_pin_version_not_defined/positive.dockerfile:6': '`apt-get install -y -t python` names the target release "python" and installs nothing; KICS reads "python" as a package',
  'apt_get_install_pin_version_not_defined/positive2.dockerfile:6': '`apt-get install -y -t python` names the target release "python" and installs nothing; KICS reads "python" as a package',
  'missing_zypper_non_interactive_switch/negative2.dockerfile': 'a missing non-interactive switch breaks the build in any stage, including a build stage only copied from; KICS skips such stages',
  'yum_clean_all_missing/negative.dockerfile': 'line 13 is one command, `yum -y install yum clean all`, which installs packages named "clean" and "all"; nothing cleans the cache',
  'multiple_cmd_instructions_listed/negative2.dockerfile': 'duplicate CMD in a build stage: hadolint reports every stage (the stage can be built and run with --target), KICS only the final one; we follow hadolint',
  'multiple_entrypoint_instructions_listed/negative2.dockerfile': 'duplicate ENTRYPOINT in a build stage: hadolint reports every stage, KICS only the final one; we follow hadolint',
  'not_using_json_in_cmd_and_entrypoint_arguments/negative2.dockerfile': '`CMD [python, /usr/src/app/app.py]` is not valid JSON, so Docker runs it in shell form; KICS takes it for exec form',
  'run_command_cd_instead_of_workdir/negative2.dockerfile': '`RUN cd /usr/share/nginx/html` alone does nothing; KICS only objects to relative or `..` paths, hadolint (and we) to the useless cd',
  'same_alias_in_different_froms/positive.dockerfile:4': 'we report the second, duplicating declaration (line 7); KICS the first',
  'shell_running_a_pipe_without_pipefail_flag/negative.dockerfile': '`RUN pwsh A | B` runs under the default /bin/sh, so the pipe hides a pwsh failure; KICS skips it because the command is pwsh',
  'shell_running_a_pipe_without_pipefail_flag/positive.dockerfile:3': 'exec form `["/bin/bash", "./x", "|", "./y"]` passes "|" as an argument: there is no pipe; the real pipe on line 2 is reported',
  'npm_install_without_pinned_version/negative1.dockerfile': '`npm install git://github.com/npm/cli.git` (line 6) has no #commit or #semver: hadolint DL3016 reports it, and so do we',
  'yum_clean_all_missing/positive.dockerfile:12': 'the continuation makes this one command, `yum clean all yum -y install`: no install ever runs',
  'yum_install_allows_manual_input/positive.dockerfile:4': 'exec form `["sudo yum", …]` runs an executable literally named "sudo yum", which does not exist; nothing is installed',
  'apt_get_install_lists_were_not_deleted/positive.dockerfile:2': 'intermediate stage that no later stage builds FROM: its layers never reach the image',
  'apt_get_install_lists_were_not_deleted/positive.dockerfile:5': 'intermediate stage that no later stage builds FROM: its layers never reach the image',
  'apt_get_install_lists_were_not_deleted/positive.dockerfile:8': 'intermediate stage that no later stage builds FROM: its layers never reach the image',
};

/** For rules anchoring several KICS queries, the message ids that belong to each query. */
const MESSAGE_FILTER: Record<string, readonly string[]> = {
  '9efb0b2d-89c9-41a3-91ca-dcc0aec911fd': ['untagged'],
  'f45ea400-6bbe-4501-9fc7-1c3d75c32067': ['latest'],
};

/**
 * 1-based lines a finding counts for: its own start line and the first line of the instruction
 * containing it (KICS reports at instruction granularity, we at the offending word).
 */
function findingLines(text: string, rule: AnyRule, queryId: string): number[] {
  const res = lint({ path: 'Dockerfile', text }, { settings: { enabledRules: [rule.id] } });
  assert.deepEqual(res.crashedRules, []);
  const model = parseDockerfile(text);
  const filter = MESSAGE_FILTER[queryId];
  const out = new Set<number>();
  for (const f of res.findings) {
    if (f.ruleId !== rule.id || (filter && !filter.includes(f.messageId))) continue;
    out.add(f.range.start.line + 1);
    const line = f.range.start.line;
    const instr = model.instructions.find((i) => i.range.start.line <= line && line <= i.range.end.line);
    if (instr) out.add(instr.range.start.line + 1);
  }
  return [...out].sort((a, b) => a - b);
}

describe('KICS Dockerfile conformance', () => {
  const indexFile = path.join(root, 'index.json');
  if (corpusMissing(indexFile, 'KICS corpus')) return;
  const queries = (JSON.parse(readFileSync(indexFile, 'utf8')) as { queries: Record<string, Query> }).queries;
  const summary: string[] = [];
  let checks = 0;
  let agreed = 0;
  let disagreed = 0;
  let covered = 0;
  for (const [folder, q] of Object.entries(queries).sort(([a], [b]) => a.localeCompare(b))) {
    const rule = DOCKERFILE_RULES.find((r) => (r.anchors.kics ?? []).includes(q.id));
    if (!rule) continue;
    covered++;
    it(`${folder} → ${rule.id} ${rule.name}`, () => {
      const failures: string[] = [];
      let n = 0;
      let ok = 0;
      let dis = 0;
      const read = (f: string) => readFileSync(path.join(root, folder, 'test', f), 'utf8');
      const verdict = (key: string, good: boolean, detail: string) => {
        n++;
        if (DISAGREE[key]) {
          assert.ok(!good, `${key} is on the disagreement list but now agrees; remove it`);
          dis++;
        } else if (good) ok++;
        else failures.push(`${key}: ${detail}`);
      };
      for (const f of q.positive_files) {
        const lines = findingLines(read(f), rule, q.id);
        for (const h of q.expected_hits.filter((x) => x.file === f)) verdict(`${folder}/${f}:${h.line}`, lines.includes(h.line), `expected a finding on line ${h.line}, got lines [${lines.join(', ')}]`);
      }
      for (const f of q.negative_files) {
        const lines = findingLines(read(f), rule, q.id);
        verdict(`${folder}/${f}`, lines.length === 0, `expected no finding, got lines [${lines.join(', ')}]`);
      }
      summary.push(`${folder}: ${ok}/${n - dis}${dis ? ` (+${dis} deliberate disagreements)` : ''}`);
      checks += n;
      agreed += ok;
      disagreed += dis;
      assert.deepEqual(failures, [], failures.join('\n'));
    });
  }
  it('summary', (t) => {
    const line = `KICS queries covered: ${covered}/${Object.keys(queries).length}; line-level checks agreed ${agreed}/${checks} (${((100 * agreed) / Math.max(1, checks)).toFixed(1)}%), deliberate disagreements ${disagreed}`;
    t.diagnostic(line);
    for (const s of summary) t.diagnostic(s);
    console.log([line, ...summary].join('\n'));
    assert.ok(checks > 0);
  });
});
