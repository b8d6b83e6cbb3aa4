/**
 * yaml-language-server keeps the parse of every URI it validated, forever. The YAML companion
 * bounds that cache to the most recently used documents (issue 8, memory with 1,000 open
 * documents) without changing any result.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { yamlDocumentsCache } from 'yaml-language-server/lib/esm/languageservice/parser/yaml-documents';
import { createYamlCompanion } from '../../server/src/features/yaml';
import { DEFAULT_SETTINGS } from '../../protocol/src/settings';
import type { Analysis } from '../../server/src/documents';

const cached = (): string[] => [...((yamlDocumentsCache as unknown as { cache: Map<string, unknown> }).cache.keys())];
const analysisOf = (doc: TextDocument): Analysis => ({ uri: doc.uri, version: doc.version, kind: 'compose', settings: DEFAULT_SETTINGS, unreadable: false }) as unknown as Analysis;
const compose = (i: number): string => `services:\n  web${i}:\n    image: nginx:1.27\n    ports: ${i}\n`;

describe('the YAML companion and yaml-language-server\'s parse cache', () => {
  it('keeps the parse of a few recently used documents only, and re-validates evicted ones alike', async () => {
    const yaml = createYamlCompanion();
    yamlDocumentsCache.clear();
    const docs = Array.from({ length: 30 }, (_, i) => TextDocument.create(`file:///work/cache/${i}/compose.yaml`, 'yaml', 1, compose(i)));
    const first = await yaml.diagnostics!(docs[0]!, analysisOf(docs[0]!));
    assert.deepEqual(first.map((d) => [d.range.start.line, d.message]), [[3, 'Incorrect type. Expected "array".']]);
    for (const d of docs) await yaml.diagnostics!(d, analysisOf(d));
    assert.ok(cached().length > 0 && cached().length <= 8, `${cached().length} parses kept`);
    assert.ok(cached().some((u) => u.includes(encodeURIComponent(docs[29]!.uri))), 'the last document is kept');
    assert.ok(!cached().some((u) => u.includes(encodeURIComponent(docs[0]!.uri))), 'the first document was dropped');
    assert.deepEqual(await yaml.diagnostics!(docs[0]!, analysisOf(docs[0]!)), first);
    const hover = await yaml.hover!(docs[0]!, { line: 3, character: 5 }, analysisOf(docs[0]!));
    assert.ok(hover !== null, 'hover works on a re-parsed document');
    yaml.forget(docs[0]!.uri);
    assert.ok(!cached().some((u) => u.includes(encodeURIComponent(docs[0]!.uri))), 'a closed document is dropped');
  });
});
