/**
 * Problems of a config file in force are shown on that file even when it is not open: after a
 * lint that used `.bulkhead.yaml` / `.hadolint.yaml` with problems, they are published for the
 * config file's URI (never a silent fallback). An open config file reports them itself
 * (configCompanion), so the pushed copy is cleared while it is open.
 */
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { ConfigResolver } from '../config/files';
import type { ServerContext } from '../context';
import { filePathOf, type Analysis } from '../documents';
import type { ConfigProblem } from '../../../rules/src/engine/config';
import { SOURCE } from './diagnostics';

function toDiagnostics(problems: readonly ConfigProblem[]): Diagnostic[] {
  return problems.map((p) => ({ range: p.range, severity: DiagnosticSeverity.Error, source: SOURCE, code: 'config', message: p.message }));
}

export class ConfigProblemPublisher {
  /** Config file URI → the diagnostics last published for it (JSON), for files shown with problems. */
  private readonly shown = new Map<string, string>();

  constructor(private readonly ctx: ServerContext, private readonly configs: () => ConfigResolver) {}

  private send(uri: string, diagnostics: Diagnostic[]): void {
    const key = JSON.stringify(diagnostics);
    if ((this.shown.get(uri) ?? '[]') === key) return;
    if (diagnostics.length > 0) this.shown.set(uri, key);
    else this.shown.delete(uri);
    void this.ctx.connection.sendDiagnostics({ uri, diagnostics });
  }

  /** After a lint: publish (or clear) the problems of the config files it used. */
  afterAnalysis(a: Analysis): void {
    for (const path of a.configFiles) {
      const uri = pathToFileURL(path).href;
      if (this.ctx.documents.get(uri)) continue;
      const loaded = this.configs().loaded(path);
      const problems = loaded?.problems ?? [];
      this.send(uri, toDiagnostics(problems));
    }
  }

  /** A config file changed or was deleted on disk: clear what was shown; the next lint that uses it shows it again. */
  forget(uri: string): void {
    if (this.shown.has(uri) && !this.ctx.documents.get(uri)) this.send(uri, []);
  }

  /** A closed config file that is in force (read for some lint) shows its problems again. */
  onClose(uri: string): void {
    const path = filePathOf(uri);
    const loaded = path ? this.configs().loaded(path) : undefined;
    if (loaded && loaded.problems.length > 0) this.send(uri, toDiagnostics(loaded.problems));
  }

  /** An opened config file reports its own problems. */
  onOpen(uri: string): void {
    if (!this.shown.has(uri)) return;
    if (this.ctx.client.pullDiagnostics) this.send(uri, []);
    else this.shown.delete(uri);
  }
}
