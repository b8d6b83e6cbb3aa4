// In-process throughput of one pipeline over the replicated corpus, single thread:
//   node scripts/bench/inproc.mjs parse <dir>           dockerfile-ast + yaml only (the floor)
//   node scripts/bench/inproc.mjs lint <dir> <api.cjs>  Bulkhead's lint() (parse, model, all rules, post-processing)
//   node scripts/bench/inproc.mjs dockerfilelint <dir>  dockerfilelint's JS API on the Dockerfiles
// Files are read into memory first; the timed part is the pipeline only. One warm-up pass,
// then the median of PASSES passes.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { emit, loadTree, timeMedian, REPO } from './common.mjs';

const require = createRequire(join(REPO, 'package.json'));
const [mode, dir, apiPath] = process.argv.slice(2);
const PASSES = Number(process.env.BENCH_PASSES ?? 3);
const files = loadTree(dir);
const dockerfiles = files.filter((f) => f.kind === 'dockerfile');
const yamls = files.filter((f) => f.kind === 'yaml');
const sum = (fs) => fs.reduce((a, f) => a + f.bytes, 0);

/** Same options as rules/src/model/yaml/documents.ts, so the floor parses exactly as the model does. */
const YAML_OPTIONS = { keepSourceTokens: false, uniqueKeys: true, strict: false, prettyErrors: false };

function measure(name, set, fn) {
  const { ms, cpuMs } = timeMedian(() => {
    for (const f of set) fn(f);
  }, PASSES);
  return { name, files: set.length, bytes: sum(set), ms, cpuMs };
}

const parts = [];
if (mode === 'parse') {
  const { DockerfileParser } = require('dockerfile-ast');
  const { parseAllDocuments } = require('yaml');
  parts.push(measure('dockerfile', dockerfiles, (f) => DockerfileParser.parse(f.text)));
  parts.push(measure('yaml', yamls, (f) => parseAllDocuments(f.text, YAML_OPTIONS)));
} else if (mode === 'lint') {
  const api = require(apiPath);
  const stats = { findings: 0, skipped: 0, crashed: 0, kinds: {} };
  for (const f of files) {
    const r = api.lint({ path: f.path, text: f.text });
    stats.findings += r.findings.length;
    if (r.skipped) stats.skipped++;
    stats.crashed += r.crashedRules.length;
    stats.kinds[r.kind] = (stats.kinds[r.kind] ?? 0) + 1;
  }
  parts.push(measure('dockerfile', dockerfiles, (f) => api.lint({ path: f.path, text: f.text })));
  parts.push(measure('yaml', yamls, (f) => api.lint({ path: f.path, text: f.text })));
  parts.push({ name: 'stats', ...stats, rules: api.RULES.length });
} else if (mode === 'dockerfilelint') {
  const dfl = require('dockerfilelint');
  let items = 0;
  for (const f of dockerfiles) items += dfl.run(dir, f.text).length;
  // The same call its CLI makes per file: run(<directory for .dockerfilelintrc>, <content>).
  parts.push(measure('dockerfile', dockerfiles, (f) => dfl.run(dir, f.text)));
  parts.push({ name: 'stats', findings: items });
} else {
  throw new Error(`unknown mode ${mode}`);
}
emit({ mode, parts });
