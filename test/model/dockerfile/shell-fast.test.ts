/**
 * The fast shell parser (rules/src/model/dockerfile/shell-fast.ts) must give exactly the model
 * mvdan-sh gives, or decline. Checked on every RUN of the peer corpora (real-world Dockerfiles,
 * hadolint cases, KICS samples) and on generated scripts, with the fast path on and off.
 */
import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { corpusDockerfiles } from '../../utils/corpus-dockerfiles';
import { parseDockerfile } from '../../../rules/src/model/dockerfile/parse';
import { scriptOf, setShellParserOptions, shellParseStats, type ShellScript } from '../../../rules/src/model/dockerfile/shell';
import { parseFast } from '../../../rules/src/model/dockerfile/shell-fast';
import { corpusMissing } from '../../utils/corpus';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const corpus = path.join(repoRoot, '..', 'shared', 'corpus');

/** Every RUN's script, parsed with the given parser choice and no cache. */
function scripts(text: string, fast: boolean): ShellScript[] {
  setShellParserOptions({ fast, cacheSize: 0 });
  const m = parseDockerfile(text);
  return m.instructions.filter((i) => i.keyword === 'RUN').map((i) => scriptOf(m, i));
}

/** Compares both parsers on one Dockerfile; returns how many scripts the fast parser took. */
function compare(name: string, text: string): { fast: number; full: number } {
  const full = scripts(text, false);
  const before = shellParseStats.fast;
  const beforeFull = shellParseStats.full;
  const fast = scripts(text, true);
  assert.deepEqual(fast, full, `${name}: the fast parser's model differs from mvdan-sh's`);
  return { fast: shellParseStats.fast - before, full: shellParseStats.full - beforeFull };
}

const original = setShellParserOptions({});
after(() => setShellParserOptions(original));

describe('fast shell parser: differential against mvdan-sh on the corpora', () => {
  if (corpusMissing(corpus)) return;
  const sources = corpusDockerfiles(corpus);

  it('gives deep-equal models on every RUN, and takes most of them', () => {
    let fast = 0;
    let full = 0;
    for (const s of sources) {
      const n = compare(s.name, s.text);
      fast += n.fast;
      full += n.full;
    }
    const share = fast / (fast + full);
    console.log(`# ${sources.length} Dockerfiles: fast parser took ${fast} scripts, mvdan-sh ${full} (${(100 * share).toFixed(1)} % fast)`);
    assert.ok(sources.length > 1000, `only ${sources.length} corpus Dockerfiles found`);
    // If the fast parser declined (almost) everything, this test would compare nothing.
    assert.ok(share > 0.9, `the fast parser took only ${(100 * share).toFixed(1)} % of the scripts`);
  });
});

/** A small seeded generator (mulberry32) so failures reproduce. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  'apt-get', 'install', '-y', 'curl', 'sh', 'bash', '-c', '-ec', 'sudo', 'env', 'export', 'declare', 'local', 'A=1', 'B=', 'C=x=y', 'D="a b"',
  "E='q'", 'F=$G', 'x', '--flag=v', '-o', 'Dpkg::Options=x', '$X', '${X}', '${X:-d}', '${X:=d}', '${X#*/}', '${X%%.*}', '${X/a/b}', '${X//a}', '${#X}',
  '${!X}', '${X[@]}', '${X:1:2}', '${X:}', '${X:a-}', '${}', '${X^^}', '${A:-$B}', '${A%%[a-z]*}', '${A:-${B}}', '${A#$B}', '${A:-x y}', '${A#"x"}',
  '${10}', '${##}', '${#}', '$1', '$@', '$?', '$$', '$', '"$"', '"a$"', '"x\\"y"', '"$X/y"', '"${X}z"', "'s q'", '"\\\\"', '"\\$"', 'a\\\\b', 'x#y', '"a"#b', '$A#',
  "'a b c'", 'a\\ b', '\\$X', 'a"b"c', "a'b'c", '{a,b}', '}', '{', '!', '[', '[[', ']]', 'if', 'then', 'elif', 'else', 'fi', 'for', 'for x in', 'for x;', 'do', 'done',
  'while', 'until', 'case', 'esac', ';;', ';&', 'x)', 'time', 'let', 'in', '&&', '||', '|', '|&', ';', '&', '\n', ' \\\n ', '>', '>>', '2>', '2>&1', '&>', '<',
  '<<<', '<<', '>|', '<>', '>&2', '12>x', '>&-', '#', '# c', '$(x)', '$(', ')', '"$(a b)"', '$(a | b)', '`x`', '(', '{ a; }', '( a )', '$((1))', "$'a'", '$"a"',
  'é', '~', '*', '?', 'a=(1)', 'A+=1', 'A[0]=1', 'x[0]', '-', '--', 'export -n A', 'export "A=1"', 'export $A', 'export A=$(x)', 'A="$(x)"', '> $(x)',
  'sh -c "apk add x"', "bash -c 'a && b | c'", 'sh -c a\\ b', "sh -c 'a'b", '\t', '\r',
  '{{', '{x', '}}', '!x', '{"a"', '}$a', '!!', '{}', '{x=1', '(', '((', 'a (', 'case x in', 'case "$A" in', 'a|', 'b)', '"${A[@]}"', 'x[0]', "'q'b",
  '`a | b`', '"`x`"', '`a b`c', '`', "`echo 'q'`", '``', '"a`b c`d"', '`a && b`/x', '`(a)`', '`$(b)`', '`a\\`b`', '`a #b`',
  '\x01', '\x0c', '\x7f', "'a\x01b'", '"a\x0bb"', '# c\x02', '${A:-\x03}', '\\\x04', '`a\x05`', 'a\rb', '\x1b[0m',
];

function randomScript(next: () => number): string {
  const len = 1 + Math.floor(next() * 10);
  let script = '';
  for (let k = 0; k < len; k++) {
    script += PIECES[Math.floor(next() * PIECES.length)]!;
    script += next() < 0.75 ? ' ' : '';
  }
  return script;
}

/** Well-formed compound scripts (if/for/while/case/braces/subshells/substitutions), sometimes damaged. */
function structuredScript(next: () => number): string {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const WORDS = ['install', '-y', 'x', '`uname -m`', '"`id -u`"', '"$A"', "'q r'", '$B', '${C:-d}', '"${D%%.*}"', '--f=v', 'a\\ b', '*', '[', ']', 'then', 'fi', '}', '-c', "'apk add z && b'", 'é'];
  const CMDS = ['apt-get', 'apk', 'sh', 'bash', 'sudo', 'echo', 'export', 'local', 'set', '[', 'A=1', 'B="$x"', 'C=$(y)', 'env'];
  const word = (d: number): string => (next() < 0.1 && d < 3 ? `"$(${list(d + 1)})"` : pick(WORDS));
  const simple = (d: number): string => {
    let s = pick(CMDS);
    for (let n = Math.floor(next() * 4); n > 0; n--) s += ` ${word(d)}`;
    return next() < 0.15 ? `${s} ${pick(['>/dev/null', '2>&1', '> $(mktemp)', '< x', '&> /dev/null'])}` : s;
  };
  const cmd = (d: number): string => {
    const k = d > 3 ? 0 : next();
    if (k < 0.5) return simple(d);
    if (k < 0.58) return `if ${list(d + 1)}; then ${list(d + 1)}; ${next() < 0.3 ? `elif ${list(d + 1)}; then ${list(d + 1)}; ` : ''}${next() < 0.4 ? `else ${list(d + 1)}; ` : ''}fi`;
    if (k < 0.66) return `for x${next() < 0.8 ? ` in ${word(d)} ${word(d)}` : ''}; do ${list(d + 1)}; done`;
    if (k < 0.72) return `${pick(['while', 'until'])} ${list(d + 1)}; do ${list(d + 1)}; done`;
    if (k < 0.78) return `{ ${list(d + 1)}; }`;
    if (k < 0.84) return `( ${list(d + 1)} )`;
    if (k < 0.9) return `case ${word(d)} in ${pick(['a', '*', 'x|y', '(z', '"$A"', "'q'", '${C:-d}', '$B', '$1', 'x[0]', 'a\\ b', 'é', '$(y)', '"a"b', 'a$', '"${D[@]}"'])}) ${list(d + 1)};; ${pick(['', 'b) ;;', '*) c'])} esac`;
    if (k < 0.94) return `! ${simple(d)}`;
    return `${simple(d)} ${pick(['|', '|&'])} ${simple(d)}`;
  };
  const list = (d: number): string => {
    let s = cmd(d);
    for (let n = Math.floor(next() * 3); n > 0; n--) s += pick([' && ', ' || ', ' | ', '; ', '\n', ' & ', ' &&\n ']) + cmd(d);
    return s;
  };
  const s = list(0);
  const at = Math.floor(next() * s.length);
  const k = next();
  if (k < 0.25) return s.slice(0, at) + s.slice(at + 1 + Math.floor(next() * 4));
  if (k < 0.5) return s.slice(0, at) + pick([';', ')', '(', '}', ' fi ', ' done ', '"', "'", '$', '\\', '\n', ' then ', '|', '&', '#', ';;']) + s.slice(at);
  return s;
}

/** A compound script cut short, as while typing (the fast parser reports some of these errors itself). */
function truncatedScript(next: () => number): string {
  const s = structuredScript(next);
  return s.slice(0, 1 + Math.floor(next() * s.length));
}

/** A case statement whose patterns go wrong (the errors the fast parser reports itself), or a command with a stray `(`. */
function brokenScript(next: () => number): string {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const PATTERNS = ['a', '*', '"$A"', "'q r'", '${C:-d}', '$B', '$1', 'x[0]', 'x[0][[', 'a\\ b', 'é', '$(y)', '"a"b', 'a$', '"${D[@]}"', '`id`', '2', '{a,b}'];
  const TAILS = ['', ' ', '\n', '\n\n b', ' x', '(', ' (', '*(', '|', '| b', '[[', ' #c', ' #c\\', '\r', ' \r x', ' \\\n x', '>x', ' >x', '&', ';;', ' }', ' esac'];
  const head = pick(['', 'a && ', 'é; ', 'if a; then ', '{ ', '(', 'x $(', 'x "$(', 'x `', 'A=1 ']);
  if (next() < 0.3) return `${head}${pick(['a b', 'A=1', '>x a', 'a "b"', 'export a', 'a', 'x[0]'])} ${pick(['(', '((', '( b', '(c)'])}${pick(TAILS)}`;
  let s = `${head}case ${pick(PATTERNS)} in ${next() < 0.3 ? '(' : ''}${pick(PATTERNS)}`;
  if (next() < 0.3) s += `|${pick(PATTERNS)}`;
  return s + pick(TAILS);
}

describe('fast shell parser: differential against mvdan-sh on generated scripts', () => {
  for (const [name, gen, count, seed] of [['random token sequences', randomScript, 8000, 20261126], ['compound commands', structuredScript, 4000, 8081], ['truncated compound commands', truncatedScript, 3000, 4242], ['broken case patterns and stray parentheses', brokenScript, 3000, 77]] as const) {
    it(`agrees (or declines) on ${count} scripts: ${name}`, () => {
      const next = rng(seed);
      let taken = 0;
      for (let n = 0; n < count; n++) {
        const script = gen(next);
        if (!parseFast(script)) continue;
        taken++;
        compare(JSON.stringify(script), `FROM a\nRUN ${script.replace(/\n/g, ' \\\n')}\n`);
        compare(JSON.stringify(script), `FROM a\nRUN <<EOF\n${script}\nEOF\n`);
      }
      assert.ok(taken > count / 5, `the fast parser took only ${taken} of ${count} generated scripts`);
    });
  }

  it('reports two syntax errors exactly as mvdan-sh does (message, line and byte column)', () => {
    const cases: [string, string][] = [
      ['a && case "$x" in\n  "${A[@]}"', '2:11: case patterns must be separated with |'],
      ['case x in a b', '1:13: case patterns must be separated with |'],
      ['é; case x in a|$(b)\n', '1:20: case patterns must be separated with |'],
      ['apt-get install -y {{ if x then ( -}}', '1:33: a command can only contain words and redirects; encountered ('],
      ['A=1 (', '1:5: a command can only contain words and redirects; encountered ('],
    ];
    for (const [script, error] of cases) {
      assert.equal(parseFast(script)?.error, error, script);
      // mvdan-sh gives the same error on the same text (a heredoc RUN hands the shell its body verbatim).
      const m = parseDockerfile(`FROM a\nRUN <<EOF\n${script}\nEOF\n`);
      setShellParserOptions({ fast: false, cacheSize: 0 });
      assert.equal(scriptOf(m, m.instructions[1]!).error, error, `mvdan-sh on ${script}`);
    }
    // `name (` (a function declaration) and `((` are left to mvdan-sh.
    for (const s of ['a (', 'a b ((', 'case x in a) b;;']) assert.equal(parseFast(s), undefined, s);
  });

  it('declines what it does not support instead of guessing', () => {
    for (const s of ['a `b\\`c`', 'a `b #c`', 'f() { a; }', 'function f { a; }', 'a <<EOF', 'echo $((1+2))', '((x++))', "echo $'x'", 'a=(1 2)', 'a\\\nb', 'time a', 'a ;; b', 'a ;& b', 'a &&', '| a', "echo 'x", 'echo "x', 'echo ${X:}', 'a>b', 'if a; then b', 'for x in a; do done', '{ a }', 'case x in a) b;;', 'select x in a; do b; done', '[[ -f x ]]', 'x[0]=1', 'coproc a', 'a (', 'a b ((']) {
      assert.equal(parseFast(s), undefined, s);
    }
    for (const s of ['apt-get update && apt-get install -y "a b" $X ${Y:-z} 2>&1 | tee /log; A=1 cmd # c', 'if [ -f x ]; then a; elif b; then c; else d; fi', 'for f in a "$(ls)"; do rm "$f"; done', 'while read l; do echo "$l"; done < f', 'case "$(uname -m)" in x86_64|amd64) A=1 ;; *) exit 1 ;; esac', '{ a; b; } > /log', '(cd /x && make)', '! grep -q x f', 'export A="$(b)" C', '{{ def x: [', '}} a', '!x', '{a,b} c', "(cd `ls -1F | grep '^php5-.*/$'`/ext && make)", 'echo "v`uname -r`"']) {
      assert.notEqual(parseFast(s), undefined, s);
    }
  });
});
