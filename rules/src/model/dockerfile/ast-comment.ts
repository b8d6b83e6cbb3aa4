/**
 * `Comment.getContent` in dockerfile-ast finds the comment's text without its `#` and
 * surrounding blanks, turns both ends into positions (binary search, validated `Range.create`)
 * and then turns the positions back into offsets to cut the text. Both ends sit next to a
 * non-blank character, where position → offset gives the same offset back, so this version cuts
 * the text at the offsets directly. The model reads the content of every comment.
 */
import type { Comment } from 'dockerfile-ast';
import type { Position as Pos } from './ast-position';

export type GetContentFn = (this: Comment) => string;

interface CommentInternals {
  document: { getText(): string; offsetAt(p: Pos): number };
  getRange(): { start: Pos; end: Pos };
}

function blank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

export function fastCommentContent(original: GetContentFn): GetContentFn {
  return function commentContent(this: Comment): string {
    const self = this as unknown as CommentInternals;
    const doc = self.document;
    if (doc === undefined || typeof doc.getText !== 'function') return original.call(this);
    const range = self.getRange();
    const from = doc.offsetAt(range.start);
    const to = doc.offsetAt(range.end);
    if (to < from) return original.call(this);
    const text = doc.getText();
    // The first character is the `#` (it is skipped even when it is something else).
    let start = from + 1;
    while (start < to && blank(text.charCodeAt(start))) start++;
    if (start >= to) return '';
    let end = to;
    while (end > start && blank(text.charCodeAt(end - 1))) end--;
    return text.substring(start, end);
  };
}
