/**
 * "Bulkhead: Lint Workspace" and "Bulkhead: Clear Workspace Problems". The client finds the files
 * (VS Code's search, honouring files.exclude and search.exclude, never node_modules or .git) and
 * sends them to the server in chunks (`bulkhead/lintFiles`), with progress and cancel between and
 * inside chunks. The server lints from disk, publishes, and follows the files: the file watchers
 * (handed to the language client's `synchronize.fileEvents`) re-lint changed files and clear
 * deleted ones; new files (and new folders' files) are checked against the include glob and the
 * excludes here and sent to the server.
 * `bulkhead.lintWorkspaceOnStartup` runs it when the server starts.
 */
import * as vscode from 'vscode';
import { State, type LanguageClient } from 'vscode-languageclient/node';
import { ClearWorkspaceRequest, ClientCommands, LintFilesRequest, type LintFilesResult } from '../../../protocol/src/protocol';
import { INCLUDE_GLOB, chunks, excludeGlob, isIncludedName } from '../workspaceFiles';

function excludeFor(folder: vscode.WorkspaceFolder): string {
  const files = vscode.workspace.getConfiguration('files', folder.uri).get<Record<string, unknown>>('exclude');
  const search = vscode.workspace.getConfiguration('search', folder.uri).get<Record<string, unknown>>('exclude');
  return excludeGlob(files, search);
}

async function findWorkspaceFiles(folders: readonly vscode.WorkspaceFolder[], token: vscode.CancellationToken): Promise<vscode.Uri[]> {
  const found: vscode.Uri[] = [];
  for (const folder of folders) {
    if (token.isCancellationRequested) break;
    found.push(...(await vscode.workspace.findFiles(new vscode.RelativePattern(folder, INCLUDE_GLOB), excludeFor(folder), undefined, token)));
  }
  return found;
}

export function registerLintWorkspaceCommands(context: vscode.ExtensionContext, client: LanguageClient, output: vscode.LogOutputChannel, watcher: vscode.FileSystemWatcher): void {
  /** True from a Lint Workspace until Clear Workspace Problems: new files are linted too. */
  let active = false;
  let running: vscode.CancellationTokenSource | undefined;

  const run = async (folders: readonly vscode.WorkspaceFolder[], location: vscode.ProgressLocation): Promise<void> => {
    if (folders.length === 0) {
      await vscode.window.showInformationMessage('Bulkhead: open a folder to lint a workspace.');
      return;
    }
    running?.cancel();
    const own = new vscode.CancellationTokenSource();
    running = own;
    active = true;
    await vscode.window.withProgress({ location, title: 'Bulkhead: linting workspace', cancellable: true }, async (progress, userToken) => {
      const sub = userToken.onCancellationRequested(() => own.cancel());
      const token = own.token;
      try {
        const started = Date.now();
        progress.report({ message: 'finding files…' });
        const files = await findWorkspaceFiles(folders, token);
        const total: LintFilesResult = { linted: 0, open: 0, skipped: [], problems: 0, cancelled: false, durationMs: 0 };
        let done = 0;
        for (const chunk of chunks(files.map((f) => client.code2ProtocolConverter.asUri(f)))) {
          if (token.isCancellationRequested) break;
          const r = await client.sendRequest(LintFilesRequest.type, { files: chunk }, token);
          total.linted += r.linted;
          total.open += r.open;
          total.problems += r.problems;
          total.skipped.push(...r.skipped);
          done += chunk.length;
          progress.report({ message: `${done} of ${files.length} files`, increment: (chunk.length / Math.max(1, files.length)) * 100 });
          if (r.cancelled) break;
        }
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        const stopped = token.isCancellationRequested ? ' (cancelled)' : '';
        output.info(`Lint Workspace${stopped}: ${files.length} files found, ${total.linted} linted from disk, ${total.open} open in the editor, ${total.skipped.length} skipped, ${total.problems} problems, ${seconds} s`);
        for (const s of total.skipped) output.info(`  skipped ${vscode.Uri.parse(s.uri).fsPath}: ${s.reason}`);
        vscode.window.setStatusBarMessage(`Bulkhead: ${total.linted + total.open} files linted${stopped} in ${seconds} s`, 5000);
      } catch (e) {
        if (!token.isCancellationRequested) output.error(`Lint Workspace failed: ${e instanceof Error ? e.message : String(e)}`);
      } finally {
        sub.dispose();
        if (running === own) running = undefined;
        own.dispose();
      }
    });
  };

  const lintAll = (location = vscode.ProgressLocation.Notification): Promise<void> => run(vscode.workspace.workspaceFolders ?? [], location);

  context.subscriptions.push(
    vscode.commands.registerCommand(ClientCommands.lintWorkspace, () => lintAll()),
    vscode.commands.registerCommand(ClientCommands.clearWorkspaceProblems, async () => {
      active = false;
      running?.cancel();
      if (!client.isRunning()) return;
      const r = await client.sendRequest(ClearWorkspaceRequest.type, {});
      output.info(`Cleared workspace problems of ${r.cleared} files`);
    }),
    // New files, or folders with files in them: lint what passes the excludes (changes and
    // deletes are followed by the server).
    watcher.onDidCreate(async (uri) => {
      if (!active || !client.isRunning()) return;
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      if (!folder) return;
      let isFolder = false;
      try {
        isFolder = (await vscode.workspace.fs.stat(uri)).type === vscode.FileType.Directory;
      } catch {
        return;
      }
      // A file the first run would not have taken (notes.txt, app.js) is not linted either.
      if (!isFolder && !isIncludedName(uri.path.slice(uri.path.lastIndexOf('/') + 1))) return;
      const pattern = isFolder ? new vscode.RelativePattern(uri, INCLUDE_GLOB) : new vscode.RelativePattern(folder, vscode.workspace.asRelativePath(uri, false));
      const found = await vscode.workspace.findFiles(pattern, excludeFor(folder));
      if (found.length === 0) return;
      await client.sendRequest(LintFilesRequest.type, { files: found.map((f) => client.code2ProtocolConverter.asUri(f)) });
    }),
    vscode.workspace.onDidChangeWorkspaceFolders((e) => {
      if (active && e.added.length > 0) void run(e.added, vscode.ProgressLocation.Window);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('bulkhead.lintWorkspaceOnStartup') && onStartup() && !active) void lintAll(vscode.ProgressLocation.Window);
    }),
    // A restarted server has forgotten the files it followed: lint them again.
    client.onDidChangeState((e) => {
      if (e.newState === State.Running && (active || onStartup())) void lintAll(vscode.ProgressLocation.Window);
    }),
  );
}

function onStartup(): boolean {
  return vscode.workspace.getConfiguration('bulkhead').get<boolean>('lintWorkspaceOnStartup') === true;
}
