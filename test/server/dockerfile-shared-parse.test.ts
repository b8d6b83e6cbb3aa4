/**
 * The Dockerfile syntax diagnostics reuse the tree the lint parsed for the same text
 * (server/src/features/dockerfile.ts). They must equal dockerfile-utils' own result on a fresh
 * parse, for every real-world Dockerfile and after edits.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { validate, ValidationSeverity, type ValidatorSettings } from 'dockerfile-utils';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lint } from '../../rules/src/api';
import { repoRoot } from './lsp-client';

const corpus = join(repoRoot, '..', 'shared', 'corpus', 'real-world', 'dockerfiles');

/** The server's validator settings: every lint-style check off (as SYNTAX_ONLY in features/dockerfile.ts). */
const SETTINGS: ValidatorSettings = Object.fromEntries(['deprecatedMaintainer', 'directiveCasing', 'emptyContinuationLine', 'instructionCasing', 'instructionCmdMultiple', 'instructionEntrypointMultiple', 'instructionHealthcheckMultiple', 'instructionJSONInSingleQuotes', 'instructionWorkdirRelative'].map((k) => [k, ValidationSeverity.IGNORE]));

/** The file, then edits that break it: a misspelt instruction, a dangling flag, a cut line. */
function variantsOf(text: string): string[] {
  const cut = text.indexOf('\n', text.length >> 1);
  return [text, text.replace(/^RUN /m, 'RUM '), `${text}\nCOPY --chown\n`, cut > 0 ? text.slice(0, cut) + ' \\' : text];
}

describe('Dockerfile syntax diagnostics on the lint\'s tree', () => {
  it('equal a fresh validation on every real-world Dockerfile, and after edits', async (t) => {
    if (!existsSync(corpus)) {
      if (process.env['CI']) assert.fail(`corpus missing: ${corpus}`);
      t.skip(`corpus missing at ${corpus}`);
      return;
    }
    const files = readdirSync(corpus).sort();
    assert.ok(files.length > 50);
    const texts = files.map((f) => variantsOf(readFileSync(join(corpus, f), 'utf8')));
    // Expected first, by dockerfile-utils alone: importing the server feature shares parses.
    const expected = texts.map((vs) => vs.map((v) => validate(v, SETTINGS).map((d) => ({ ...d, source: 'dockerfile-utils' }))));
    const { dockerfileSyntaxDiagnostics, SYNTAX_ONLY } = await import('../../server/src/features/dockerfile.js');
    assert.deepEqual(SYNTAX_ONLY, SETTINGS);
    let withSyntax = 0;
    for (const [n, vs] of texts.entries()) {
      for (const [k, v] of vs.entries()) {
        const want = expected[n]![k]!;
        if (want.length > 0) withSyntax++;
        // What the server does per keystroke: lint (parses and keeps the tree), then the syntax check.
        DockerfileParser.parse('FROM scratch\n# another text\n');
        lint({ path: '/w/Dockerfile', text: v, languageId: 'dockerfile' }, {});
        const doc = TextDocument.create('file:///w/Dockerfile', 'dockerfile', n * 10 + k, v);
        assert.deepEqual(dockerfileSyntaxDiagnostics(doc), want, `${files[n]} variant ${k}`);
        // The same text again (a repeated pull) answers the same.
        assert.deepEqual(dockerfileSyntaxDiagnostics(doc), want);
      }
    }
    assert.ok(withSyntax > files.length, `the edits produce syntax diagnostics (${withSyntax})`);
  });
});
