/**
 * Bulkhead's own config files in the editor: problems of an open `.bulkhead.yaml` or
 * `.hadolint.yaml` become diagnostics on that file (never a silent fallback), and a change to a
 * config file on disk re-lints every open document.
 */
import { DiagnosticSeverity, type Diagnostic, type FileEvent } from 'vscode-languageserver';
import { parseConfig, parseHadolintConfig } from '../../../rules/src/engine/config';
import { BULKHEAD_CONFIG_NAMES, HADOLINT_CONFIG_NAMES, type ConfigResolver } from '../config/files';
import type { Companion, ServerContext } from '../context';
import { filePathOf, pathOf } from '../documents';
import { SOURCE } from './diagnostics';

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

/** Which config dialect a document is, by its file name. */
export function configKindOf(uri: string): 'bulkhead' | 'hadolint' | undefined {
  const name = baseName(pathOf(uri));
  if ((BULKHEAD_CONFIG_NAMES as readonly string[]).includes(name)) return 'bulkhead';
  if ((HADOLINT_CONFIG_NAMES as readonly string[]).includes(name)) return 'hadolint';
  return undefined;
}

/** Diagnostics of an open config file. */
export const configCompanion: Companion = {
  diagnostics(doc): Diagnostic[] {
    const kind = configKindOf(doc.uri);
    if (!kind) return [];
    const { problems } = kind === 'bulkhead' ? parseConfig(doc.getText()) : parseHadolintConfig(doc.getText());
    return problems.map((p) => ({ range: p.range, severity: DiagnosticSeverity.Error, source: SOURCE, code: 'config', message: p.message }));
  },
};

/**
 * Re-lints open documents when a config file changes on disk (the client watches them). Every
 * event, config file or not, is also handed to `others` (the workspace lint follows files on disk).
 */
export function registerConfigWatching(ctx: ServerContext, configs: () => ConfigResolver, revalidate: () => void, others: (changes: FileEvent[]) => void = () => undefined): void {
  ctx.connection.onDidChangeWatchedFiles((params) => {
    others(params.changes);
    let changed = false;
    for (const c of params.changes) {
      const path = filePathOf(c.uri);
      if (!path || !configKindOf(c.uri)) continue;
      configs().invalidate(path);
      changed = true;
    }
    if (!changed) return;
    ctx.settings.clear();
    ctx.analyses.clear();
    revalidate();
  });
}
