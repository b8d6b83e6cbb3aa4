/**
 * The "Image Scan Results" view (Explorer): a thin TreeDataProvider over resultsModel.ts, fed by the
 * last scan. Empty until a scan ends (the view then shows its viewsWelcome content). A click on a
 * finding opens the Dockerfile line it maps to, or the Markdown report when it maps to none.
 */
import * as vscode from 'vscode';
import type { ScanResult } from '../../../server/src/image/model';
import { buildResultTree, describeScan, type IconColor, type OpenTarget, type ResultNode } from './resultsModel';
import { showReport } from './report';

export const RESULTS_VIEW_ID = 'bulkhead.imageResults';
export const OPEN_RESULT_COMMAND = 'bulkhead.imageResults.open';

const COLORS: Record<NonNullable<IconColor>, string> = { error: 'problemsErrorIcon.foreground', warning: 'problemsWarningIcon.foreground', info: 'problemsInfoIcon.foreground' };

/** Holds the last scan; the tree and the export command read it. */
export class LastScan {
  private value: { result: ScanResult; at: Date } | undefined;
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  get result(): ScanResult | undefined {
    return this.value?.result;
  }
  get at(): Date | undefined {
    return this.value?.at;
  }
  set(result: ScanResult): void {
    this.value = { result, at: new Date() };
    this.emitter.fire();
  }
  dispose(): void {
    this.emitter.dispose();
  }
}

export class ResultsTreeProvider implements vscode.TreeDataProvider<ResultNode> {
  private roots: ResultNode[] = [];
  private readonly parents = new Map<string, ResultNode>();
  private readonly emitter = new vscode.EventEmitter<ResultNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;

  constructor(private readonly last: LastScan) {}

  refresh(): void {
    this.roots = this.last.result ? buildResultTree(this.last.result) : [];
    this.parents.clear();
    const walk = (n: ResultNode): void => {
      for (const c of n.children) {
        this.parents.set(c.id, n);
        walk(c);
      }
    };
    this.roots.forEach(walk);
    this.emitter.fire(undefined);
  }

  getChildren(node?: ResultNode): ResultNode[] {
    return node ? node.children : this.roots;
  }

  getParent(node: ResultNode): ResultNode | undefined {
    return this.parents.get(node.id);
  }

  getTreeItem(node: ResultNode): vscode.TreeItem {
    const state = node.children.length === 0 ? vscode.TreeItemCollapsibleState.None : node.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
    const item = new vscode.TreeItem(node.label, state);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = node.tooltip;
    item.iconPath = new vscode.ThemeIcon(node.icon, node.color ? new vscode.ThemeColor(COLORS[node.color]) : undefined);
    item.contextValue = node.kind;
    if (node.open) {
      item.command = { title: node.open.kind === 'dockerfile' ? 'Open Dockerfile Line' : 'Show Report', command: OPEN_RESULT_COMMAND, arguments: [node.open] };
    }
    return item;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}

function isOpenTarget(x: unknown): x is OpenTarget {
  if (typeof x !== 'object' || x === null || !('kind' in x)) return false;
  if (x.kind === 'report') return true;
  return x.kind === 'dockerfile' && 'path' in x && typeof x.path === 'string' && 'line' in x && typeof x.line === 'number';
}

/** Registers the view, its open command and the refresh on each new scan; returns the provider. */
export function registerResultsView(context: vscode.ExtensionContext, last: LastScan): { provider: ResultsTreeProvider; view: vscode.TreeView<ResultNode> } {
  const provider = new ResultsTreeProvider(last);
  const view = vscode.window.createTreeView(RESULTS_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const update = (): void => {
    provider.refresh();
    const r = last.result;
    view.description = r && last.at ? describeScan(r, last.at) : undefined;
    view.message = r && r.findings.length === 0 ? `No findings in ${r.image.tags[0] ?? r.image.input} (${r.scanner.name}).` : undefined;
    view.badge = r && r.findings.length > 0 ? { value: r.findings.length, tooltip: `${r.findings.length} image findings` } : undefined;
  };
  context.subscriptions.push(
    provider,
    view,
    last.onDidChange(update),
    vscode.commands.registerCommand(OPEN_RESULT_COMMAND, async (target: unknown) => {
      if (!isOpenTarget(target)) return;
      if (target.kind === 'dockerfile') {
        try {
          const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(target.path));
          const range = doc.lineAt(Math.min(Math.max(0, target.line), doc.lineCount - 1)).range;
          const editor = await vscode.window.showTextDocument(doc, { preview: true, selection: range });
          editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
          return;
        } catch {
          // The Dockerfile moved or was deleted since the scan: the report still has the finding.
        }
      }
      if (last.result) await showReport(last.result);
    }),
  );
  return { provider, view };
}
