/** Minimal, style-preserving YAML edits computed from node ranges (never by re-serialising the document). */
import type { TextEdit } from 'vscode-languageserver-types';
import { type YamlFile, nodeRange } from './documents';

/** Replaces a scalar node's text with `newText`; undefined when the node has no source range. */
export function replaceNode(file: YamlFile, node: unknown, newText: string): TextEdit | undefined {
  const range = nodeRange(file, node);
  return range ? { range, newText } : undefined;
}
