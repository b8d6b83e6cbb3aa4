/**
 * "Bulkhead: Scan Image Built from This Dockerfile": builds the Dockerfile with the local Docker or
 * Podman engine (found like the scans find it), then scans the new image with the configured scanner
 * and maps the results to that Dockerfile. Without an engine it offers "Scan Image…" on an archive.
 * Restricted Mode starts nothing.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ScanError } from '../../../server/src/image/model';
import { buildArgs, buildEngineImage, buildTag, removeEngineTag } from '../../../server/src/image/sources/build';
import { findEngine } from '../../../server/src/image/sources/engine';
import { readScannerSettings } from '../scanner/settings';
import { isDockerfile, refuseInRestrictedMode, type ImageScanRunner, type ScanSummary } from './scanImage';

export const BUILD_AND_SCAN_COMMAND = 'bulkhead.scanDockerfileImage';

/** What the command resolves to; `built` is the tag when the build succeeded. */
export interface BuildScanSummary extends Partial<ScanSummary> {
  built?: string;
  error?: string;
}

async function targetDockerfile(arg: unknown): Promise<vscode.TextDocument | undefined> {
  const uri = arg instanceof vscode.Uri ? arg : typeof arg === 'string' && arg !== '' ? vscode.Uri.file(arg) : vscode.window.activeTextEditor?.document.uri;
  if (!uri) return undefined;
  try {
    const doc = await vscode.workspace.openTextDocument(uri);
    return isDockerfile(doc) ? doc : undefined;
  } catch {
    return undefined;
  }
}

export function registerBuildAndScanCommand(context: vscode.ExtensionContext, scanner: ImageScanRunner): void {
  const { output } = scanner;
  context.subscriptions.push(
    vscode.commands.registerCommand(BUILD_AND_SCAN_COMMAND, async (arg?: unknown): Promise<BuildScanSummary | undefined> => {
      if (refuseInRestrictedMode()) return undefined;
      const doc = await targetDockerfile(arg);
      if (!doc) {
        void vscode.window.showErrorMessage('Bulkhead: open a Dockerfile (or pick one in the Explorer) to build and scan its image.');
        return { error: 'no-dockerfile' };
      }
      const settings = readScannerSettings();
      const engine = findEngine(settings.dockerPath);
      if (!engine) {
        const message = settings.dockerPath
          ? `Bulkhead: the engine set in bulkhead.scanner.dockerPath (${settings.dockerPath}) is not an executable file, so the image cannot be built. Fix the setting, or build the image elsewhere and scan its \`docker save\` archive.`
          : 'Bulkhead: no Docker or Podman engine was found on PATH, so the image cannot be built here. Build it elsewhere, save it with `docker save -o image.tar <image>`, and scan the archive.';
        output.warn(message);
        void vscode.window.showWarningMessage(message, 'Scan Image…').then((c) => (c === 'Scan Image…' ? vscode.commands.executeCommand('bulkhead.scanImage') : undefined));
        return { error: 'no-engine' };
      }
      if (doc.isDirty && !(await doc.save())) {
        void vscode.window.showWarningMessage('Bulkhead: save the Dockerfile first; the engine builds what is on disk.');
        return { error: 'unsaved' };
      }
      const dockerfile = doc.uri.fsPath;
      const contextDir = path.dirname(dockerfile);
      const tag = buildTag(dockerfile, contextDir);
      const exeName = path.basename(engine);
      output.info(`Building ${tag}: ${exeName} ${buildArgs({ dockerfile, contextDir, tag }).join(' ')}`);
      try {
        await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: `Bulkhead: building ${path.basename(dockerfile)} with ${exeName}`, cancellable: true },
          async (progress, token) => {
            const controller = new AbortController();
            const sub = token.onCancellationRequested(() => controller.abort());
            let lastReport = 0;
            try {
              const r = await buildEngineImage(engine, {
                dockerfile,
                contextDir,
                tag,
                timeoutMs: settings.timeoutSeconds * 1000,
                signal: controller.signal,
                onLine: (line) => {
                  output.info(`[build] ${line}`);
                  const now = Date.now();
                  if (line.trim() && now - lastReport > 200) {
                    lastReport = now;
                    progress.report({ message: line.trim().slice(0, 120) });
                  }
                },
              });
              output.info(`Built ${tag} in ${(r.durationMs / 1000).toFixed(1)} s.`);
            } finally {
              sub.dispose();
            }
          },
        );
      } catch (e) {
        if (e instanceof ScanError && e.code === 'cancelled') {
          output.info('Build cancelled; the engine process was stopped.');
          return { error: 'cancelled' };
        }
        const message = e instanceof Error ? e.message : String(e);
        output.error(message);
        void vscode.window.showErrorMessage(`Bulkhead: ${message}`, 'Open Output').then((c) => (c ? output.show(true) : undefined));
        return { error: message };
      }
      try {
        const summary = await scanner.run(tag, settings.scanner, doc.uri);
        return summary ? { ...summary, built: tag } : { built: tag, error: 'cancelled' };
      } finally {
        const failure = await removeEngineTag(engine, tag);
        output.info(failure ? `Could not remove the tag ${tag}: ${failure}` : `Removed the tag ${tag} (cached layers stay with the engine).`);
      }
    }),
  );
}
