/**
 * Our replacements for dockerfile-ast internals (rules/src/model/dockerfile/memoize-ast.ts and
 * ast-*.ts) must be invisible: every public accessor of every instruction (arguments, ranges,
 * flags, properties, JSON strings, heredocs, variables, ONBUILD triggers…) and the Bulkhead model
 * built from the tree must be deep-equal to what unpatched dockerfile-ast gives. Checked on every
 * Dockerfile of the peer corpora and on generated and mutated Dockerfiles (escape directives,
 * continuations, comments and empty lines inside continuations, heredocs, quotes, CRLF, tabs,
 * an escape character at EOF).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { corpusDockerfiles } from '../../utils/corpus-dockerfiles';
import fc from 'fast-check';
import { DockerfileParser } from 'dockerfile-ast';
import type { Dockerfile, From, Instruction } from 'dockerfile-ast';
import { astMemoized, originalRawArguments, withUnpatchedAst } from '../../../rules/src/model/dockerfile/memoize-ast';
import { parseDockerfile, type DockerfileModel } from '../../../rules/src/model/dockerfile/parse';
import { PositionCursor } from '../../../rules/src/model/dockerfile/ast-position';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { corpusMissing } from '../../utils/corpus';

const repoRoot = path.resolve(__dirname, '..', '..', '..');
const corpus = path.join(repoRoot, '..', 'shared', 'corpus');

/** Zero-argument accessors read from every instruction that has them. */
const ACCESSORS = [
  'getKeyword', 'getInstruction', 'getRange', 'getInstructionRange', 'getTextContent', 'toString',
  'getRawArguments', 'getArguments', 'getArgumentsRange', 'getArgumentsRanges', 'getRawArgumentsContent', 'getArgumentsContent',
  'getExpandedArguments', 'getVariables', 'getFlags', 'getProperties', 'getProperty',
  'getOpeningBracket', 'getClosingBracket', 'getJSONStrings', 'getHeredocs',
  'getTrigger', 'getTriggerWord', 'getTriggerRange',
  'getImage', 'getImageName', 'getImageNameRange', 'getImageRange', 'getImageTag', 'getImageTagRange', 'getImageDigest',
  'getImageDigestRange', 'getRegistry', 'getRegistryRange', 'getBuildStage', 'getBuildStageRange', 'getPlatformFlag',
  'getFromFlag', 'getSubcommand', 'getPath', 'getAbsolutePath',
] as const;

/** Plain data of a dockerfile-ast value: own fields, class name kept, back-references to the document dropped. */
function plain(value: unknown, depth = 0): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth > 12) throw new Error('value nested too deeply');
  if (Array.isArray(value)) return value.map((v) => plain(v, depth + 1));
  const out: Record<string, unknown> = { $class: (value as object).constructor?.name };
  for (const [k, v] of Object.entries(value)) {
    if (k === 'document' || k === 'dockerfile') continue;
    out[k] = plain(v, depth + 1);
  }
  return out;
}

type Callable = Record<string, unknown>;

/** The accessors in reverse order: caches filled by a later accessor first (flags before arguments …). */
const REVERSED = [...ACCESSORS].reverse();

function snapshotInstruction(node: Instruction, depth = 0, order: readonly string[] = ACCESSORS): unknown {
  const out: Record<string, unknown> = { $class: node.constructor.name };
  const callable = node as unknown as Callable;
  for (const name of order) {
    const fn = callable[name];
    if (typeof fn !== 'function') continue;
    try {
      out[name] = plain((fn as () => unknown).call(node));
    } catch (e) {
      out[name] = { threw: e instanceof Error ? e.constructor.name : String(e) };
    }
  }
  const trigger = callable.getTriggerInstruction;
  if (typeof trigger === 'function' && depth < 3) {
    const t = (trigger as () => Instruction | null).call(node);
    out.trigger = t === null ? null : snapshotInstruction(t, depth + 1, order);
  }
  // Key order follows the call order; compare as sorted.
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

function snapshotAst(ast: Dockerfile, order: readonly string[] = ACCESSORS): unknown {
  return {
    escape: ast.getEscapeCharacter(),
    directives: plain(ast.getDirectives()),
    comments: ast.getComments().map((c) => ({ ...(plain(c) as object), content: c.getContent(), contentRange: plain(c.getContentRange()), text: c.toString() })),
    instructions: ast.getInstructions().map((i) => snapshotInstruction(i, 0, order)),
  };
}

/** The model without the fields that hold the tree or caches. */
function modelData(m: DockerfileModel): unknown {
  return { instructions: m.instructions, stages: m.stages, globalArgs: [...m.globalArgs], comments: m.comments, escapeChar: m.escapeChar };
}

const stats = { files: 0, instructions: 0, rawCalls: 0 };

/** Compares patched and unpatched dockerfile-ast (and the model built on each) on one text. */
function compare(name: string, text: string): void {
  const reference = withUnpatchedAst(() => snapshotAst(DockerfileParser.parse(text)));
  const referenceModel = withUnpatchedAst(() => modelData(parseDockerfile(text)));
  const ast = DockerfileParser.parse(text);
  assert.equal(new Set(ast.getInstructions()).size, ast.getInstructions().length, `${name}: an instruction object is in the tree twice`);
  assert.deepStrictEqual(snapshotAst(ast), reference, `${name}: patched dockerfile-ast differs from the original`);
  assert.deepStrictEqual(modelData(parseDockerfile(text)), referenceModel, `${name}: the model differs`);
  assert.deepStrictEqual(snapshotAst(DockerfileParser.parse(text), REVERSED), reference, `${name}: patched dockerfile-ast differs when read in reverse order`);
  // The raw scan itself, instance by instance, against the original method on the same node.
  const originalScan = originalRawArguments()!;
  const nodes: Instruction[] = [];
  for (const node of ast.getInstructions()) {
    nodes.push(node);
    const trigger = (node as unknown as Callable).getTriggerInstruction;
    if (typeof trigger === 'function') {
      const t = (trigger as () => Instruction | null).call(node);
      if (t !== null) nodes.push(t);
    }
  }
  for (const node of nodes) {
    const fast = (node as unknown as { getRawArguments(): unknown }).getRawArguments();
    assert.deepStrictEqual(fast, originalScan.call(node), `${name}: getRawArguments of ${node.getKeyword()} at line ${node.getRange().start.line + 1}`);
    stats.rawCalls++;
  }
  stats.files++;
  stats.instructions += ast.getInstructions().length;
}

describe('dockerfile-ast patches: installed', () => {
  it('the fast argument scan is installed and the originals are kept', () => {
    assert.equal(astMemoized(), true);
    assert.equal(typeof originalRawArguments(), 'function');
  });

  it('a continuation with a comment line, an escaped space and a trailing escape', () => {
    const text = 'FROM alpine\nRUN a\\\n  # note \\x\n\n  b "c d" e\\ f \\\n';
    const ast = DockerfileParser.parse(text);
    const run = ast.getInstructions()[1]!;
    assert.deepEqual(run.getArguments().map((a) => a.getValue()), withUnpatchedAst(() => DockerfileParser.parse(text).getInstructions()[1]!.getArguments().map((a) => a.getValue())));
    compare('inline', text);
  });
});

describe('dockerfile-ast patches: position cursor', () => {
  it('gives TextDocument.positionAt for any offsets in any order (CR, LF, CRLF, out of range)', () => {
    const text = fc.array(fc.constantFrom('a', 'bc', ' ', '\n', '\r', '\r\n', '\n\n', '\r\r\n', '#'), { maxLength: 60 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, fc.array(fc.integer({ min: -3, max: 200 }), { minLength: 1, maxLength: 40 }), (t, offsets) => {
        const doc = TextDocument.create('', '', 0, t) as TextDocument & { getLineOffsets(): number[] };
        const cursor = new PositionCursor(t, doc.getLineOffsets());
        for (const o of offsets) assert.deepStrictEqual(cursor.at(o), doc.positionAt(o), `offset ${o} of ${JSON.stringify(t)}`);
      }),
      { numRuns: 2000, seed: Number(process.env.AST_FAST_SEED ?? 20261126) },
    );
  });
});

describe('dockerfile-ast patches: the shared tree stays intact', () => {
  it('FROM image name and registry lookups do not narrow the cached image argument', () => {
    const text = 'FROM reg.example:5000/team/img:1.0@sha256:abc AS build\n';
    const read = (from: From): unknown => ({ name: from.getImageName(), nameRange: from.getImageNameRange(), registry: from.getRegistry(), registryRange: from.getRegistryRange() });
    const expected = withUnpatchedAst(() => read(DockerfileParser.parse(text).getInstructions()[0] as unknown as From));
    const from = DockerfileParser.parse(text).getInstructions()[0] as unknown as From;
    const whole = { start: { line: 0, character: 5 }, end: { line: 0, character: text.indexOf(' AS') } };
    // Each lookup used to shorten the cached argument's range in place, so the second round differed.
    for (let i = 0; i < 3; i++) assert.deepStrictEqual(read(from), expected);
    assert.deepStrictEqual(from.getImageRange(), whole);
    assert.deepStrictEqual(from.getArguments()[0]!.getRange(), whole);
    assert.equal(from.getImage(), 'reg.example:5000/team/img:1.0@sha256:abc');
  });
});

describe('dockerfile-ast patches: differential on the corpora', () => {
  if (corpusMissing(corpus)) return;
  const sources = corpusDockerfiles(corpus);

  it('every corpus Dockerfile: all accessors and the model equal unpatched dockerfile-ast', () => {
    const before = { ...stats };
    for (const s of sources) compare(s.name, s.text);
    const files = stats.files - before.files;
    const instructions = stats.instructions - before.instructions;
    assert.ok(files > 1000, `only ${files} corpus files`);
    assert.ok(instructions > 3000, `only ${instructions} corpus instructions`);
    console.log(`# ast-fast corpus: ${files} files, ${instructions} instructions, ${stats.rawCalls - before.rawCalls} raw scans compared`);
  });

  it('the corpus with CRLF line ends and with the backtick escape directive', () => {
    const before = { ...stats };
    for (const s of sources.slice(0, 400)) {
      compare(`${s.name} (CRLF)`, s.text.replace(/\n/g, '\r\n'));
      compare(`${s.name} (escape=\`)`, `# escape=\`\n${s.text.replace(/\\\n/g, '`\n')}`);
    }
    console.log(`# ast-fast CRLF/backtick: ${stats.files - before.files} files, ${stats.instructions - before.instructions} instructions`);
  });

  it('mutated corpus Dockerfiles (inserted/deleted escapes, quotes, newlines, comments)', () => {
    const before = { ...stats };
    const inserts = ['\\', '\\\n', '\\ \n', '\\\r\n', '\r', '\r\n', '\n', '\n#c\n', '\n\n', '"', "'", '`', ' ', '\t', '#', '<<EOF\n', '$', '\\$', '[', ']', ',', '=', '--', '\\\t\n'];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: sources.length - 1 }),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.oneof(fc.constantFrom(...inserts), fc.constant(null)), fc.integer({ min: 0, max: 4 })), { minLength: 1, maxLength: 8 }),
        (index, edits) => {
          let text = sources[index]!.text;
          for (const [where, insert, del] of edits) {
            const at = Math.floor(where * text.length);
            text = insert === null ? text.slice(0, at) + text.slice(at + del) : text.slice(0, at) + insert + text.slice(at);
          }
          compare(`mutated ${sources[index]!.name}`, text);
        },
      ),
      { numRuns: 1500, seed: Number(process.env.AST_FAST_SEED ?? 20261126) },
    );
    console.log(`# ast-fast mutated: ${stats.files - before.files} files, ${stats.instructions - before.instructions} instructions`);
  });
});

describe('dockerfile-ast patches: differential on generated Dockerfiles', () => {
  const keyword = fc.constantFrom('FROM', 'RUN', 'COPY', 'ADD', 'ENV', 'ARG', 'LABEL', 'ONBUILD', 'ONBUILD RUN', 'ONBUILD COPY', 'CMD', 'ENTRYPOINT', 'SHELL', 'HEALTHCHECK', 'HEALTHCHECK CMD', 'WORKDIR', 'USER', 'VOLUME', 'EXPOSE', 'STOPSIGNAL', 'MAINTAINER', 'run', 'from', 'Copy', 'FROM--x', 'R\\\nUN');
  const piece = fc.constantFrom(
    'a', 'b1', 'x=y', 'k="v w"', "k='v'", '--from=build', '--mount=type=cache,target=/root', '--chown=1:1', '--platform=$P', '--', '-', 'AS', 'as', 'stage',
    'img:1.0', 'reg.io/img@sha256:abc', '"', "'", '"a b"', "'a b'", '[', ']', '["a", "b"]', '[ "sh", "-c" ]', '[]', ',', '\\"', '$', '${X}', '${X:-d}', '$X', '\\$X', '=',
    ' ', '  ', '\t', '\\', '`', '\\\n', '\\ \n', '\\\t\n', '\\\r\n', '`\n', '` \n', '\n  ', '\n# c\n', '\n  # c \\ d\n', '\n\n', '\n \n', '\r', '\r\n', '#', '#x',
    '<<EOF', '<<-EOF', '<<"EOF"', "<<'E'", '<<E1 <<E2', '\nEOF\n', '\n\tEOF\n', '\nE1\nE2\n', 'cat', '&&', '|', ';', '\\a', '\\\\', '``', '<', '<\\<EOF',
  );
  const instruction = fc.tuple(fc.constantFrom('', ' ', '\t', '  '), keyword, fc.array(fc.tuple(fc.constantFrom(' ', '', '\t'), piece), { maxLength: 10 })).map(([indent, kw, parts]) => indent + kw + parts.map(([sep, p]) => sep + p).join(''));
  const prefix = fc.constantFrom('', '# escape=`\n', '# escape=\\\n', '#escape = `\r\n', '# syntax=docker/dockerfile:1\n# escape=`\n', '\uFEFF', '\uFEFF# escape=`\n', '# directive=x\n\n');
  const ending = fc.constantFrom('', '\n', '\r\n', '\\', '`', '\\\n', ' \\', '\n\\');
  const lineEnd = fc.constantFrom('\n', '\n', '\r\n', '\n\n', '\n# comment\n', '\r');
  const dockerfile = fc.tuple(prefix, fc.array(fc.tuple(instruction, lineEnd), { minLength: 1, maxLength: 8 }), ending).map(([p, lines, e]) => p + lines.map(([l, nl]) => l + nl).join('') + e);

  it('generated Dockerfiles: all accessors and the model equal unpatched dockerfile-ast', () => {
    const before = { ...stats };
    fc.assert(fc.property(dockerfile, (text) => compare('generated', text)), { numRuns: 4000, seed: Number(process.env.AST_FAST_SEED ?? 20261126) });
    console.log(`# ast-fast generated: ${stats.files - before.files} files, ${stats.instructions - before.instructions} instructions`);
  });
});
