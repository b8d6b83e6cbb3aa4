/** Extension entry point: activate/deactivate only. */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { createLanguageClient, RED_HAT_YAML_ID } from './languageClient';
import { registerStatus } from './status';
import { registerRestartServerCommand } from './commands/restartServer';
import { registerShowOutputCommand } from './commands/showOutput';
import { registerShowRuleDocsCommand } from './commands/showRuleDocs';
import { registerScanImageCommand } from './commands/scanImage';
import { registerLintWorkspaceCommands } from './commands/lintWorkspace';
import { INCLUDE_GLOB } from './workspaceFiles';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Bulkhead', { log: true });
  context.subscriptions.push(output);
  // Dockerfiles, manifests and Compose files on disk: the server follows them after Lint Workspace.
  const watcher = vscode.workspace.createFileSystemWatcher(INCLUDE_GLOB);
  context.subscriptions.push(watcher);
  client = createLanguageClient(context, output, [watcher]);
  registerStatus(context, client);
  registerRestartServerCommand(context, client, output);
  registerShowOutputCommand(context, output);
  registerShowRuleDocsCommand(context, client);
  registerScanImageCommand(context);
  registerLintWorkspaceCommands(context, client, output, watcher);
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
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
