/**
 * Creates the language client: which documents go to the server, how the server is started
 * (Node IPC, module server/out/server.js) and the configuration middleware that hands the server
 * typed, normalised settings instead of raw user JSON.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, ResponseError, TransportKind, type DocumentSelector, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { serverSettings } from './serverSettings';

/** The Red Hat YAML extension; when it is active, `auto` schema validation defers to it. */
export const RED_HAT_YAML_ID = 'redhat.vscode-yaml';

/** Dockerfiles (by language or by name), YAML (Kubernetes manifests) and Compose files. */
export const DOCUMENT_SELECTOR: DocumentSelector = [
  { language: 'dockerfile' },
  { language: 'yaml' },
  { language: 'dockercompose' },
  { pattern: '**/{Dockerfile,Containerfile,Dockerfile.*,Containerfile.*,*.dockerfile,*.containerfile,*.Dockerfile}' },
];

/** True when another extension already validates YAML against schemas. */
export function otherYamlValidatorActive(): boolean {
  return vscode.extensions.getExtension(RED_HAT_YAML_ID)?.isActive === true;
}

/**
 * @param watchers extra file watchers whose events the server receives (the workspace lint's
 * Dockerfile/YAML watcher); config files are always watched.
 */
export function createLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, watchers: vscode.FileSystemWatcher[] = []): LanguageClient {
  const module = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    outputChannel: output,
    synchronize: {
      configurationSection: 'bulkhead',
      fileEvents: [vscode.workspace.createFileSystemWatcher('**/{.bulkhead,.hadolint}.{yaml,yml}'), ...watchers],
    },
    middleware: {
      // A pull that was cancelled because a newer version arrived must not clear the Problems
      // panel: vscode-languageclient 9 stores an empty report for a cancelled request unless the
      // provider throws a CancellationError, which makes it re-pull instead.
      provideDiagnostics: async (document, previousResultId, token, next) => {
        const report = await next(document, previousResultId, token);
        if (token.isCancellationRequested) throw new vscode.CancellationError();
        return report;
      },
      workspace: {
        configuration: async (params, token, next) => {
          const result = await next(params, token);
          if (result instanceof ResponseError || !Array.isArray(result)) return result;
          const yamlActive = otherYamlValidatorActive();
          return result.map((value: unknown, i) => (params.items[i]?.section === 'bulkhead' ? serverSettings(value, yamlActive) : value));
        },
      },
    },
  };
  return new LanguageClient('bulkhead', 'Bulkhead', serverOptions, clientOptions);
}
