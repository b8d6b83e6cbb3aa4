/** Edits on existing ignore comments: removing an id that silences nothing. */
import type { TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { IgnoreId } from './ignoreComments';

/** Removes one unused id from its comment, or the whole comment when it is the only id. */
export function removeIgnoreIdEdit(doc: TextDocument, ignore: IgnoreId): TextEdit | undefined {
  const { comment } = ignore;
  const line = comment.range.start.line;
  const lineText = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  if (comment.ids.length <= 1) {
    const before = lineText.slice(0, comment.range.start.character);
    if (before.trim() === '') return { range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' };
    const keep = before.trimEnd().length;
    return { range: { start: { line, character: keep }, end: comment.range.end }, newText: '' };
  }
  const { start, end } = ignore.range;
  if (start.line !== end.line || start.character === end.character) return undefined;
  let from = start.character;
  let to = end.character;
  const rest = lineText.slice(to);
  const after = rest.length - rest.replace(/^\s*,\s*/, '').length;
  if (after > 0) to += after;
  else {
    const head = lineText.slice(0, from);
    from -= head.length - head.replace(/\s*,\s*$/, '').length;
  }
  return { range: { start: { line: start.line, character: from }, end: { line: start.line, character: to } }, newText: '' };
}
