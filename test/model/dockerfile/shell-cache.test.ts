/**
 * The shell parse caches (fast parser and mvdan-sh, keyed by script text) gives the same model as a fresh parse, and the
 * Dockerfile model survives dockerfile-ast throwing while it scans heredocs.
 */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { parseDockerfile } from '../../../rules/src/model/dockerfile/parse';
import { scriptOf, setShellParserOptions, shellParseStats, type ShellScript } from '../../../rules/src/model/dockerfile/shell';
import { lint } from '../../../rules/src/api';

const original = setShellParserOptions({});
after(() => setShellParserOptions(original));

function runScripts(text: string): ShellScript[] {
  const m = parseDockerfile(text);
  return m.instructions.filter((i) => i.keyword === 'RUN').map((i) => scriptOf(m, i));
}

describe('shell parse cache', () => {
  // Backticks are outside the fast parser's language, so these scripts go to mvdan-sh.
  const text = 'FROM a\nRUN echo `date` && apt-get install -y curl\nRUN x=`id -u` sh -c "cd `pwd`"\n';

  it('reuses mvdan-sh trees for unchanged scripts and still maps them to the new positions', () => {
    setShellParserOptions({ fast: true, cacheSize: 16 });
    const fresh = runScripts(text);
    const cached = shellParseStats.cached;
    const again = runScripts(text);
    assert.ok(shellParseStats.cached >= cached + 2, 'the second lint should hit the cache for both RUNs');
    assert.deepEqual(again, fresh);
    // The same script text at other offsets: the cached tree is walked against the new source map.
    const moved = runScripts(`# comment\n\n${text}`);
    assert.deepEqual(moved.map((s) => s.commands.map((c) => c.name)), fresh.map((s) => s.commands.map((c) => c.name)));
    assert.equal(moved[0]!.commands[1]!.start, fresh[0]!.commands[1]!.start + 11);
    setShellParserOptions({ fast: true, cacheSize: 0 });
    assert.deepEqual(runScripts(`# comment\n\n${text}`), moved);
  });

  it('reuses the fast parser trees too, mapped to the new positions', () => {
    const simple = 'FROM a\nRUN apt-get update && apt-get install -y curl | tee log\nRUN x=1 sh -c "cd /tmp"\n';
    setShellParserOptions({ fast: true, cacheSize: 0 });
    const uncached = runScripts(simple);
    const movedUncached = runScripts(`# comment\n\n${simple}`);
    setShellParserOptions({ fast: true, cacheSize: 16 });
    assert.deepEqual(runScripts(simple), uncached);
    const cached = shellParseStats.cached;
    assert.deepEqual(runScripts(`# comment\n\n${simple}`), movedUncached);
    assert.ok(shellParseStats.cached >= cached + 2, 'the moved RUNs should come from the cache');
    assert.equal(movedUncached[0]!.commands[1]!.start, uncached[0]!.commands[1]!.start + 11);
  });

  it('caches parse errors too', () => {
    setShellParserOptions({ fast: true, cacheSize: 16 });
    const bad = 'FROM a\nRUN echo `unterminated && (\n';
    const first = runScripts(bad)[0]!;
    assert.ok(first.error, 'mvdan-sh should reject this script');
    assert.equal(runScripts(bad)[0]!.error, first.error);
  });

  it('is off with cacheSize 0', () => {
    setShellParserOptions({ fast: true, cacheSize: 0 });
    const before = shellParseStats.cached;
    runScripts(text);
    runScripts(text);
    assert.equal(shellParseStats.cached, before);
  });
});

describe('Dockerfile model robustness', () => {
  it('survives dockerfile-ast throwing on a comment line with an escape inside a continuation', () => {
    // (`<<` makes the model ask dockerfile-ast for heredocs, whose scan throws here.)
    const text = 'FROM a\nRUN \\\n# a \\b cEOF\\$X\\$X<<x -o\n';
    const m = parseDockerfile(text);
    assert.deepEqual(m.instructions[1]!.heredocs, []);
    const r = lint({ path: 'Dockerfile', text });
    assert.equal(r.kind, 'dockerfile');
    assert.deepEqual(r.crashedRules, []);
  });
});
