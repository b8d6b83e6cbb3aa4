/**
 * `bulkhead.scanner.*` settings. They are machine-scoped; values from workspace or folder settings are
 * ignored anyway (a repository must not choose which binary the extension runs).
 */
import * as vscode from 'vscode';
import type { ScannerChoice } from '../../../server/src/image/scan';

export interface ScannerSettings {
  scanner: ScannerChoice;
  trivyPath?: string;
  grypePath?: string;
  dockerPath?: string;
  timeoutSeconds: number;
  allowDbUpdate: boolean;
}

function userValue<T>(cfg: vscode.WorkspaceConfiguration, key: string, fallback: T): T {
  const i = cfg.inspect<T>(key);
  return i?.globalValue ?? i?.defaultValue ?? fallback;
}

export function readScannerSettings(): ScannerSettings {
  const cfg = vscode.workspace.getConfiguration('bulkhead.scanner');
  const choice = userValue<string>(cfg, 'default', 'auto');
  const scanner: ScannerChoice = (['auto', 'builtin', 'trivy', 'grype', 'scout'] as const).find((c) => c === choice) ?? 'auto';
  const path = (k: string): string | undefined => {
    const v = userValue<string>(cfg, k, '');
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
  };
  const timeout = userValue<number>(cfg, 'timeoutSeconds', 600);
  return {
    scanner,
    trivyPath: path('trivyPath'),
    grypePath: path('grypePath'),
    dockerPath: path('dockerPath'),
    timeoutSeconds: typeof timeout === 'number' && timeout > 0 ? timeout : 600,
    allowDbUpdate: userValue<boolean>(cfg, 'allowDbUpdate', false) === true,
  };
}
