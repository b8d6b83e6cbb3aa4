/**
 * The server keeps the analyses of the most recently used documents only (issue 8, memory with
 * 1,000 open documents); a dropped analysis is linted again on demand, with the same result.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AnalysisCache, MAX_ANALYSES, type Analysis } from '../../server/src/documents';
import { SettingsCache } from '../../server/src/settings';

function cache(max: number): { analyses: AnalysisCache; linted: string[] } {
  const linted: string[] = [];
  const settings = new SettingsCache({} as Connection, () => false);
  const analyses = new AnalysisCache(settings, () => undefined, (a: Analysis) => linted.push(a.uri), () => undefined, max);
  return { analyses, linted };
}

const dockerfile = (i: number): TextDocument => TextDocument.create(`file:///work/lru/${i}/Dockerfile`, 'dockerfile', 1, `FROM node:latest\nUSER root\nEXPOSE ${1000 + i}\n`);

describe('AnalysisCache', () => {
  it('keeps a bounded number of analyses', () => {
    assert.ok(MAX_ANALYSES >= 16 && MAX_ANALYSES <= 1000, String(MAX_ANALYSES));
  });

  it('drops the least recently used analysis and lints it again, alike, when asked', async () => {
    const { analyses, linted } = cache(3);
    const docs = [0, 1, 2, 3].map(dockerfile);
    const first = await analyses.get(docs[0]!);
    await analyses.get(docs[1]!);
    await analyses.get(docs[2]!);
    assert.equal(await analyses.get(docs[0]!), first, 'a cached analysis is returned as is');
    assert.equal(linted.length, 3);
    // docs[0] was used last but one: docs[1] is the oldest and goes.
    await analyses.get(docs[3]!);
    assert.equal(analyses.peek(docs[1]!.uri, 1), undefined);
    assert.equal(analyses.peek(docs[0]!.uri, 1), first);
    assert.ok(analyses.peek(docs[2]!.uri, 1) && analyses.peek(docs[3]!.uri, 1));
    const again = await analyses.get(docs[1]!);
    assert.equal(linted.length, 5, 'the dropped analysis was linted again');
    assert.deepEqual(again.result.findings.map((f) => [f.ruleId, f.range.start.line]), (await cache(3).analyses.get(docs[1]!)).result.findings.map((f) => [f.ruleId, f.range.start.line]));
    assert.ok(again.result.findings.some((f) => f.ruleId === 'DF001'));
  });
});
