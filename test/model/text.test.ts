/** LineIndex: line starts found with indexOf (text without \r) agree with a character-by-character scan. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../rules/src/model/text';

/** Line starts as the spec says: after \n, after \r\n, after a lone \r. */
function referenceStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    if (text[i] === '\n' || text[i] === '\r') starts.push(i + 1);
  }
  return starts;
}

const TEXTS = ['', 'FROM a', 'FROM a\n', '\n\n', 'FROM a\nRUN b\n\nUSER c', 'FROM a\r\nRUN b\r\n', 'a\rb\rc', 'a\r\n\nb\r\r\nc\n', 'x\n'.repeat(300) + 'end'];

describe('LineIndex', () => {
  for (const text of TEXTS) {
    it(`maps every offset of ${JSON.stringify(text.slice(0, 24))} to the right line`, () => {
      const lines = new LineIndex(text);
      const starts = referenceStarts(text);
      assert.equal(lines.lineCount, starts.length);
      for (let o = 0; o <= text.length; o++) {
        let line = 0;
        while (line + 1 < starts.length && starts[line + 1]! <= o) line++;
        const p = lines.positionAt(o);
        assert.equal(p.line, line, `offset ${o}`);
        if (!(text[o] === '\n' && text[o - 1] === '\r' && o > starts[line]!)) assert.equal(p.character, o - starts[line]!, `offset ${o}`);
      }
      for (let l = 0; l < starts.length; l++) assert.ok(!/[\r\n]/.test(lines.lineText(l)), `line ${l} has no terminator`);
    });
  }
});
