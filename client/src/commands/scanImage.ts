/**
 * "Bulkhead: Scan Image…": pick a local engine image, type a reference, or pick an archive / OCI layout;
 * the scanning core (server/src/image, no vscode import) runs with progress and cancellation; results go
 * to the Problems view on the Dockerfile, a Markdown report, an export, and a language status entry.
 * In Restricted Mode nothing is started: the command explains and offers to manage workspace trust.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ScanError } from '../../../server/src/image/model';
import { countBySeverity } from '../../../server/src/image/report';
import { scanImage, type ScannerChoice } from '../../../server/src/image/scan';
import { findEngine, isValidImageReference, listEngineImages } from '../../../server/src/image/sources/engine';
import { publishDiagnostics } from '../scanner/diagnostics';
import { exportReport, showReport } from '../scanner/report';
import type { LastScan } from '../scanner/resultsTree';
import { readScannerSettings } from '../scanner/settings';

/** In Restricted Mode image scans and builds start nothing: says so and returns true. */
export function refuseInRestrictedMode(): boolean {
  if (vscode.workspace.isTrusted) return false;
  void vscode.window
    .showWarningMessage(
      'Bulkhead: image scans start programs (docker, podman, trivy, grype) and read image archives, so they are off in Restricted Mode. Trust this workspace to scan images; static linting keeps working meanwhile.',
      'Manage Workspace Trust',
    )
    .then((choice) => (choice === 'Manage Workspace Trust' ? vscode.commands.executeCommand('workbench.trust.manage') : undefined));
  return true;
}

/** Runs scans for other commands (Build and Scan) with the same progress, results and messages. */
export interface ImageScanRunner {
  run(target: string, scanner: ScannerChoice, dockerfile: vscode.Uri | undefined): Promise<ScanSummary | undefined>;
  output: vscode.LogOutputChannel;
}

/** What the command resolves to (for callers and tests); undefined when nothing ran. */
export interface ScanSummary {
  scanner: string;
  findings: number;
  diagnostics: number;
  error?: string;
}

interface TargetItem extends vscode.QuickPickItem {
  action: 'image' | 'file' | 'type';
  reference?: string;
}

export function isDockerfile(doc: vscode.TextDocument | undefined): boolean {
  if (!doc || doc.uri.scheme !== 'file') return false;
  const base = path.basename(doc.fileName).toLowerCase();
  return doc.languageId === 'dockerfile' || /^(?:dockerfile|containerfile)(?:\..+)?$/.test(base) || /\.(?:dockerfile|containerfile)$/.test(base);
}

async function pickTarget(output: vscode.LogOutputChannel, dockerPath: string | undefined): Promise<string | undefined> {
  const engine = findEngine(dockerPath);
  const other: TargetItem[] = [
    { label: 'Other', kind: vscode.QuickPickItemKind.Separator, action: 'file' },
    { label: '$(file-zip) Image archive or OCI layout…', description: 'docker save tar, oci-archive, OCI layout directory', action: 'file' },
  ];
  if (engine) other.push({ label: '$(edit) Enter an image reference…', description: 'an image the local engine already has (never pulled)', action: 'type' });
  // The list shows at once; local images are added when the engine answers (it may be slow or stopped).
  const qp = vscode.window.createQuickPick<TargetItem>();
  qp.title = 'Scan a container image';
  qp.placeholder = engine ? 'Pick a local image or an archive' : 'No Docker/Podman engine found: pick an image archive or OCI layout';
  qp.matchOnDescription = true;
  qp.items = other;
  const controller = new AbortController();
  if (engine) {
    qp.busy = true;
    listEngineImages(engine, { timeoutMs: 15_000, signal: controller.signal })
      .then((images) => {
        const local: TargetItem[] = images.slice(0, 500).map((i) => ({ label: i.reference, description: [i.size, i.created].filter(Boolean).join(' · '), detail: i.id !== i.reference ? i.id : undefined, action: 'image', reference: i.reference }));
        if (local.length) qp.items = [{ label: 'Local images', kind: vscode.QuickPickItemKind.Separator, action: 'image' }, ...local, ...other];
      })
      .catch((e: unknown) => {
        if (!controller.signal.aborted) output.warn(`Listing local images with ${engine} failed: ${e instanceof Error ? e.message : String(e)}`);
      })
      .finally(() => {
        qp.busy = false;
      });
  }
  const pick = await new Promise<TargetItem | undefined>((resolve) => {
    qp.onDidAccept(() => {
      resolve(qp.selectedItems[0]);
      qp.hide();
    });
    qp.onDidHide(() => resolve(undefined));
    qp.show();
  });
  controller.abort();
  qp.dispose();
  if (!pick) return undefined;
  if (pick.action === 'image') return pick.reference;
  if (pick.action === 'type') {
    return vscode.window.showInputBox({
      title: 'Image reference',
      placeHolder: 'e.g. myapp:1.2 or ghcr.io/org/app@sha256:…',
      validateInput: (v) => (isValidImageReference(v.trim()) ? undefined : 'Not a valid image reference'),
    });
  }
  const uris = await vscode.window.showOpenDialog({ canSelectFiles: true, canSelectFolders: true, canSelectMany: false, title: 'Image archive (.tar) or OCI layout directory', openLabel: 'Scan' });
  const uri = uris?.[0];
  return uri?.scheme === 'file' ? uri.fsPath : undefined;
}

export function registerScanImageCommand(context: vscode.ExtensionContext, last: LastScan): ImageScanRunner {
  const output = vscode.window.createOutputChannel('Bulkhead Image Scan', { log: true });
  const diagnostics = vscode.languages.createDiagnosticCollection('bulkhead-image');
  const status = vscode.languages.createLanguageStatusItem('bulkhead.imageScan', [{ language: 'dockerfile' }, { pattern: '**/{Dockerfile,*.dockerfile,Dockerfile.*}' }]);
  status.name = 'Bulkhead image scan';
  status.text = 'Image: not scanned';
  status.command = { title: 'Scan Image…', command: 'bulkhead.scanImage' };
  context.subscriptions.push(output, diagnostics, status);

  /** Runs one scan; resolves when results are published (notifications do not block it). */
  const run = async (target: string, scanner: ScannerChoice, dockerfile: vscode.Uri | undefined): Promise<ScanSummary | undefined> => {
    const settings = readScannerSettings();
    output.info(`Scanning ${target} (scanner: ${scanner})${dockerfile ? ` mapped to ${dockerfile.fsPath}` : ''}`);
    let dockerfileInput: { path: string; text: string } | undefined;
    if (dockerfile) {
      const doc = await vscode.workspace.openTextDocument(dockerfile);
      dockerfileInput = { path: dockerfile.fsPath, text: doc.getText() };
    }
    try {
      const result = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Bulkhead: scanning ${path.basename(target)}`, cancellable: true },
        async (progress, token) => {
          const controller = new AbortController();
          const sub = token.onCancellationRequested(() => controller.abort());
          let lastFraction = 0;
          try {
            return await scanImage(target, {
              scanner,
              paths: { trivyPath: settings.trivyPath, grypePath: settings.grypePath, dockerPath: settings.dockerPath },
              timeoutMs: settings.timeoutSeconds * 1000,
              allowDbUpdate: settings.allowDbUpdate,
              dockerfile: dockerfileInput,
              signal: controller.signal,
              onProgress: (message, fraction) => {
                output.trace(message);
                const inc = fraction !== undefined ? Math.max(0, (fraction - lastFraction) * 100) : undefined;
                if (fraction !== undefined) lastFraction = fraction;
                progress.report({ message, increment: inc });
              },
            });
          } finally {
            sub.dispose();
          }
        },
      );
      last.set(result);
      const c = countBySeverity(result.findings);
      const summary = `${result.findings.length} findings (${c.critical} critical, ${c.high} high, ${c.medium} medium, ${c.low} low)`;
      for (const n of result.notes) output.info(n);
      output.info(`${result.image.tags[0] ?? target}: ${summary}; ${result.packages.length} packages; ${(result.durationMs / 1000).toFixed(1)} s`);
      const placed = await publishDiagnostics(diagnostics, result, dockerfile);
      status.text = `Image: ${c.critical + c.high} critical/high`;
      status.detail = `${result.image.tags[0] ?? path.basename(target)} · ${summary} · ${result.scanner.name} · ${new Date().toLocaleTimeString()}`;
      status.severity = c.critical + c.high > 0 ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
      void vscode.window
        .showInformationMessage(`Bulkhead: ${result.image.tags[0] ?? path.basename(target)}: ${summary}${placed ? `; ${placed} on the Dockerfile` : ''}.`, 'Show Results', 'Show Report', 'Export…')
        .then(async (choice) => {
          if (choice === 'Show Results') await vscode.commands.executeCommand('bulkhead.imageResults.focus');
          else if (choice === 'Show Report') await showReport(result);
          else if (choice === 'Export…') await exportReport(result);
        });
      return { scanner: result.scanner.name, findings: result.findings.length, diagnostics: placed };
    } catch (e) {
      if (e instanceof ScanError && e.code === 'cancelled') {
        output.info('Scan cancelled.');
        return undefined;
      }
      const message = e instanceof Error ? e.message : String(e);
      output.error(message);
      if (e instanceof ScanError && e.detail) output.error(e.detail);
      const offerBuiltin = scanner !== 'builtin' && e instanceof ScanError && (e.code === 'not-installed' || e.code === 'db' || e.code === 'offline' || e.code === 'timeout' || e.code === 'exit' || e.code === 'output');
      const buttons = offerBuiltin ? ['Run Built-in Scan', 'Open Output'] : ['Open Output'];
      void vscode.window.showErrorMessage(`Bulkhead: ${message}`, ...buttons).then((choice) => {
        if (choice === 'Open Output') output.show(true);
        else if (choice === 'Run Built-in Scan') void run(target, 'builtin', dockerfile);
      });
      return { scanner, findings: -1, diagnostics: 0, error: message };
    }
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('bulkhead.scanImage', async (arg?: unknown): Promise<ScanSummary | undefined> => {
      if (refuseInRestrictedMode()) return undefined;
      const settings = readScannerSettings();
      const target = typeof arg === 'string' && arg !== '' ? arg : await pickTarget(output, settings.dockerPath);
      if (!target) return undefined;
      const active = vscode.window.activeTextEditor?.document;
      const dockerfile = isDockerfile(active) ? active?.uri : undefined;
      return run(target.trim(), settings.scanner, dockerfile);
    }),
  );
  return { run, output };
}
