/** Extension entry point: activate/deactivate only. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient, RED_HAT_YAML_ID } from './languageClient';
import { registerStatus } from './status';
import { registerRestartServerCommand } from './commands/restartServer';
import { registerShowOutputCommand } from './commands/showOutput';
import { registerShowRuleDocsCommand } from './commands/showRuleDocs';
import { registerScanImageCommand } from './commands/scanImage';
import { registerBuildAndScanCommand } from './commands/buildAndScan';
import { registerExportImageReportCommand } from './commands/exportImageReport';
import { LastScan, registerResultsView, type ResultsTreeProvider } from './scanner/resultsTree';
import { registerLintWorkspaceCommands } from './commands/lintWorkspace';
import { INCLUDE_GLOB } from './workspaceFiles';
import { registerWorkspaceTrust } from './workspaceTrust';

let client: LanguageClient | undefined;

/** What the extension exports (tests read the image results tree through it). */
export interface BulkheadApi {
  imageResults: ResultsTreeProvider;
}

export async function activate(context: vscode.ExtensionContext): Promise<BulkheadApi> {
  const output = vscode.window.createOutputChannel('Bulkhead', { log: true });
  context.subscriptions.push(output);
  // Files on disk the server follows after Lint Workspace: changes of Dockerfiles, manifests and
  // Compose files; creates and deletes of anything, because VS Code reports a folder created or
  // deleted with files in it as one event for the folder.
  const watcher = vscode.workspace.createFileSystemWatcher(INCLUDE_GLOB, true, false, true);
  const treeWatcher = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
  context.subscriptions.push(watcher, treeWatcher);
  client = createLanguageClient(context, output, [watcher, treeWatcher]);
  registerStatus(context, client);
  registerRestartServerCommand(context, client, output);
  registerShowOutputCommand(context, output);
  registerShowRuleDocsCommand(context, client);
  const lastScan = new LastScan();
  context.subscriptions.push(lastScan);
  const results = registerResultsView(context, lastScan);
  registerBuildAndScanCommand(context, registerScanImageCommand(context, lastScan));
  registerExportImageReportCommand(context, lastScan);
  registerLintWorkspaceCommands(context, client, output, treeWatcher);
  registerWorkspaceTrust(context, client);
  // `auto` YAML schema validation depends on whether the Red Hat YAML extension is active.
  let yamlActive = vscode.extensions.getExtension(RED_HAT_YAML_ID)?.isActive === true;
  context.subscriptions.push(
    vscode.extensions.onDidChange(() => {
      const now = vscode.extensions.getExtension(RED_HAT_YAML_ID)?.isActive === true;
      if (now === yamlActive || !client?.isRunning()) return;
      yamlActive = now;
      void client.sendNotification('workspace/didChangeConfiguration', { settings: null });
    }),
  );
  await client.start();
  return { imageResults: results.provider };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
