import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseDockerfile, type DockerfileModel, type Instruction } from '../../../rules/src/model/dockerfile/parse';
import { commandsOf, scriptOf, type ShellCommand } from '../../../rules/src/model/dockerfile/shell';
import { hasFlag, positionals, flagValue, findFlag, deleteWord, insertAfter } from '../../../rules/src/model/dockerfile/shell-query';
import { docOffset, shellSource } from '../../../rules/src/model/dockerfile/shell-source';
import { applyEdits } from '../../utils/rule-tester';

function runs(text: string): { m: DockerfileModel; runs: Instruction[] } {
  const m = parseDockerfile(text);
  return { m, runs: m.instructions.filter((i) => i.keyword === 'RUN') };
}
function cmds(text: string, n = 0): ShellCommand[] {
  const { m, runs: r } = runs(text);
  return commandsOf(m, r[n]!);
}
const names = (c: ShellCommand[]) => c.map((x) => x.name);
const docText = (text: string, c: { start: number; end: number }) => text.slice(c.start, c.end);

describe('shell source', () => {
  it('joins continuations without a separator and drops comment and blank lines', () => {
    const t = 'a \\\n  # note\n\n  b';
    const s = shellSource(t, 0, t.length, '\\');
    assert.equal(s.text, 'a   b');
    assert.equal(t[docOffset(s, 4)], 'b');
  });
  it('honours the backtick escape', () => {
    const t = 'a `\n b';
    assert.equal(shellSource(t, 0, t.length, '`').text, 'a  b');
  });
});

describe('shell model', () => {
  it('splits chains (&&, ;, ||) into commands with exact ranges', () => {
    const text = 'FROM a\nRUN apt-get update && apt-get install -y curl; rm -rf /x || true\n';
    const c = cmds(text);
    assert.deepEqual(names(c), ['apt-get', 'apt-get', 'rm', 'true']);
    assert.equal(docText(text, c[1]!), 'apt-get install -y curl');
    assert.deepEqual(c[1]!.args.map((a) => a.value), ['install', '-y', 'curl']);
    assert.deepEqual(c.map((x) => x.statement), [0, 0, 1, 1]);
  });
  it('maps words across line continuations', () => {
    const text = 'FROM a\nRUN apt-get install \\\n    # comment\n    -y \\\n    curl\n';
    const [c] = cmds(text);
    const y = c!.args[1]!;
    assert.equal(y.value, '-y');
    assert.deepEqual(y.range, { start: { line: 3, character: 4 }, end: { line: 3, character: 6 } });
    assert.equal(docText(text, c!.args[2]!), 'curl');
  });
  it('records pipelines', () => {
    const c = cmds('FROM a\nRUN curl -fsSL https://x | sh && echo ok\n');
    assert.deepEqual(c.map((x) => x.pipeline && [x.pipeline.index, x.pipeline.length]), [[0, 2], [1, 2], undefined]);
    assert.equal(scriptOf(parseDockerfile('FROM a\nRUN a | b | c\n'), parseDockerfile('FROM a\nRUN a | b | c\n').instructions[1]!).pipelines, 1);
  });
  it('follows sh -c with exact ranges inside the quotes', () => {
    const text = "FROM a\nRUN sh -c 'apt-get install -y x'\n";
    const c = cmds(text);
    assert.deepEqual(names(c), ['sh', 'apt-get']);
    assert.equal(c[1]!.depth, 1);
    assert.equal(docText(text, c[1]!.args[1]!), '-y');
    assert.equal(c[1]!.args[1]!.exact, true);
  });
  it('parses exec form, and sh -c inside it', () => {
    const text = 'FROM a\nRUN ["/bin/sh", "-c", "apk add curl"]\n';
    const c = cmds(text);
    assert.deepEqual(names(c), ['sh', 'apk']);
    assert.equal(scriptOf(...(() => { const r = runs(text); return [r.m, r.runs[0]!] as const; })()).kind, 'exec');
    assert.equal(docText(text, c[1]!.args[1]!), 'curl');
  });
  it('parses a heredoc RUN body as the script', () => {
    const text = 'FROM a\nRUN <<EOF\napt-get update\napt-get install -y x\nEOF\n';
    const c = cmds(text);
    assert.deepEqual(names(c), ['apt-get', 'apt-get']);
    assert.deepEqual(c[1]!.range.start, { line: 3, character: 0 });
  });
  it('parses heredocs fed to a shell but not data heredocs', () => {
    assert.deepEqual(names(cmds('FROM a\nRUN bash <<EOF\nsudo ls\nEOF\n')), ['bash', 'sudo', 'ls']);
    assert.deepEqual(names(cmds('FROM a\nRUN cat <<EOF > /etc/x\nsudo ls\nEOF\n')), ['cat']);
  });
  it('unwraps sudo, env and friends', () => {
    const c = cmds('FROM a\nRUN sudo -u root env A=1 apt-get install x\n');
    assert.deepEqual(names(c), ['sudo', 'env', 'apt-get']);
    assert.deepEqual(c[2]!.wrappers, ['sudo', 'env']);
    assert.deepEqual(c[2]!.assigns.map((a) => a.name), ['A']);
  });
  it('does not take commands named after Object.prototype members for wrappers', () => {
    assert.deepEqual(names(cmds('FROM a\nRUN constructor x && toString y && hasOwnProperty z\n')), ['constructor', 'toString', 'hasOwnProperty']);
  });
  it('sees commands in subshells, blocks, if/for and command substitutions', () => {
    const c = cmds('FROM a\nRUN (cd /x && make) && { ls; } && if true; then wget x; fi && for i in 1; do curl y; done && echo $(id -u)\n');
    assert.deepEqual(names(c).sort(), ['cd', 'curl', 'echo', 'id', 'ls', 'make', 'true', 'wget'].sort());
  });
  it('records prefix assignments and export', () => {
    const c = cmds('FROM a\nRUN NODE_TLS_REJECT_UNAUTHORIZED=0 npm ci && export GIT_SSL_NO_VERIFY=1\n');
    assert.deepEqual(c[0]!.assigns.map((a) => [a.name, a.value?.value]), [['NODE_TLS_REJECT_UNAUTHORIZED', '0']]);
    assert.equal(c[1]!.name, 'export');
    assert.deepEqual(c[1]!.assigns.map((a) => a.name), ['GIT_SSL_NO_VERIFY']);
  });
  it('removes quotes from word values and marks expansions', () => {
    const [c] = cmds('FROM a\nRUN echo "a b" \'c\' d\\ e "$HOME/x"\n');
    assert.deepEqual(c!.args.map((a) => [a.value, a.literal]), [['a b', true], ['c', true], ['d e', true], ['$HOME/x', false]]);
  });
  it('maps non-ASCII text exactly (byte offsets → UTF-16)', () => {
    const text = 'FROM a\nRUN echo "héllo ✓" && curl -k x\n';
    const c = cmds(text);
    assert.equal(docText(text, c[1]!.args[0]!), '-k');
  });
  it('tracks set -o pipefail and the SHELL instruction', () => {
    const { m, runs: r } = runs('FROM a\nRUN set -eux -o pipefail; a | b\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN a | b\nSHELL ["pwsh", "-c"]\nRUN Get-Item x | y\n');
    assert.notEqual(scriptOf(m, r[0]!).pipefailSetAt, undefined);
    assert.equal(scriptOf(m, r[1]!).shell.pipefail, true);
    assert.equal(scriptOf(m, r[2]!).kind, 'unsupported');
    assert.deepEqual(scriptOf(m, r[2]!).commands, []);
  });
  it('inherits SHELL from the stage it builds on', () => {
    const { m, runs: r } = runs('FROM a AS base\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM base\nRUN a | b\nFROM a\nRUN a | b\n');
    assert.equal(scriptOf(m, r[0]!).shell.pipefail, true);
    assert.equal(scriptOf(m, r[1]!).shell.pipefail, false);
  });
  it('handles ONBUILD RUN', () => {
    assert.deepEqual(names(cmds('FROM a\nONBUILD RUN sudo ls\n')), ['sudo', 'ls']);
  });
  it('reports a parse error instead of throwing, and caches per model', () => {
    const { m, runs: r } = runs('FROM a\nRUN echo "unterminated\n');
    const s = scriptOf(m, r[0]!);
    assert.match(s.error ?? '', /quote/);
    assert.equal(scriptOf(m, r[0]!), s);
  });
});

describe('shell queries and edits', () => {
  it('hasFlag understands long, long=value and clustered short flags', () => {
    const [c] = cmds('FROM a\nRUN apt-get -qy --option=x install --no-install-recommends -o Dpkg::Options::=--force-confnew foo\n');
    assert.equal(hasFlag(c!, '-y'), true);
    assert.equal(hasFlag(c!, '--yes', '-y'), true);
    assert.equal(hasFlag(c!, '--no-install-recommends'), true);
    assert.equal(hasFlag(c!, '--option'), true);
    assert.equal(hasFlag(c!, '-f'), false, 'a -o value is not a flag cluster');
    assert.equal(findFlag(c!, '-q')?.value, '-qy');
    assert.deepEqual(positionals(c!, ['-o']).map((w) => w.value), ['install', 'foo']);
    assert.equal(flagValue(c!, '--option'), 'x');
  });
  it('builds minimal edits', () => {
    const text = 'FROM a\nRUN curl -k https://x && apt-get install foo\n';
    const { m, runs: r } = runs(text);
    const c = commandsOf(m, r[0]!);
    assert.equal(applyEdits(text, [deleteWord(m, c[0]!.args[0]!)]), 'FROM a\nRUN curl https://x && apt-get install foo\n');
    assert.equal(applyEdits(text, [insertAfter(m, c[1]!.args[0]!, '-y')]), 'FROM a\nRUN curl -k https://x && apt-get install -y foo\n');
    const end = 'FROM a\nRUN apt-get install foo -k\n';
    const e = runs(end);
    assert.equal(applyEdits(end, [deleteWord(e.m, commandsOf(e.m, e.runs[0]!)[0]!.args[2]!)]), 'FROM a\nRUN apt-get install foo\n');
  });
});
