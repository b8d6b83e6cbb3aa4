/** Language server entry point: connection wiring only; features live in features/. */
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { StatusNotification } from '../../protocol/src/protocol';
import { AnalysisCache, filePathOf } from './documents';
import { statusOf } from './features/status';
import { SettingsCache } from './settings';
import type { ServerContext } from './context';
import { registerDiagnostics } from './features/diagnostics';
import { registerCodeActions, FIX_ALL_KIND } from './features/codeActions';
import { registerHover } from './features/hover';
import { registerEditing, dockerfileCompanion, DOCKERFILE_TRIGGER_CHARACTERS } from './features/editing';
import { registerRuleDocs } from './features/ruleDocs';
import { setDockerfileCapabilities } from './features/dockerfile';
import { configCompanion, registerConfigWatching } from './features/configFiles';
import { ConfigResolver } from './config/files';
import { createYamlCompanion } from './features/yaml';
import { WorkspaceLinter, registerWorkspaceLint } from './features/workspaceLint';
import { ConfigProblemPublisher } from './features/configProblems';
import { WorkspaceFacts, registerWorkspaceFacts } from './features/workspaceIndex';

const connection = createConnection(ProposedFeatures.all);
// stdout carries the protocol: anything printed there would corrupt it.
console.log = (...a: unknown[]) => connection.console.log(a.map(String).join(' '));
console.info = (...a: unknown[]) => connection.console.info(a.map(String).join(' '));
console.warn = (...a: unknown[]) => connection.console.warn(a.map(String).join(' '));
console.error = (...a: unknown[]) => connection.console.error(a.map(String).join(' '));

const documents = new TextDocuments(TextDocument);
let canPullConfiguration = false;
const settings = new SettingsCache(connection, () => canPullConfiguration);
/** `.bulkhead.yaml` / `.hadolint.yaml` lookup; the search stops at the workspace folders. */
let configs = new ConfigResolver();

const onRuleError = (uri: string, ruleId: string, error: unknown): void =>
  connection.console.error(`Rule ${ruleId} crashed on ${uri}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
let configProblems: ConfigProblemPublisher | undefined;
const analyses = new AnalysisCache(
  settings,
  onRuleError,
  (a) => {
    void connection.sendNotification(StatusNotification.type, statusOf(a));
    configProblems?.afterAnalysis(a);
    facts.noteAnalysed();
  },
  () => configs,
);

const yaml = createYamlCompanion();
const ctx: ServerContext = {
  connection,
  documents,
  analyses,
  settings,
  companions: [dockerfileCompanion, configCompanion, yaml],
  client: { pullDiagnostics: false, diagnosticRefresh: false, documentChanges: false },
};
let revalidate: () => void = () => undefined;
const workspace = new WorkspaceLinter(ctx, () => configs, onRuleError);
const facts = new WorkspaceFacts(ctx, () => configs, () => revalidate(), (uris) => workspace.relint(uris), () => workspace.followedFiles());
ctx.workspaceFacts = facts;
analyses.workspace = facts;
configProblems = new ConfigProblemPublisher(ctx, () => configs);
documents.onDidOpen((e) => configProblems?.onOpen(e.document.uri));
documents.onDidClose((e) => configProblems?.onClose(e.document.uri));
let workspaceRoots: string[] = [];
let supportsFolderEvents = false;

/**
 * Settings, config files or workspace folders changed: re-lint open documents and the followed
 * files on disk, and scan the workspace again (ignorePaths, folders or K8S056 may have changed).
 */
function relintEverything(): void {
  revalidate();
  workspace.relintAll();
  if (facts.isTrusted) void facts.scan(workspaceRoots, canPullConfiguration);
}

function setWorkspaceRoots(roots: string[]): void {
  workspaceRoots = roots;
  configs.setRoots(roots);
}

connection.onInitialize((params): InitializeResult => {
  const caps = params.capabilities ?? {};
  canPullConfiguration = caps.workspace?.configuration === true;
  const roots = (params.workspaceFolders ?? []).map((f) => filePathOf(f.uri)).filter((p): p is string => p !== undefined);
  configs = new ConfigResolver(roots);
  workspaceRoots = roots;
  supportsFolderEvents = caps.workspace?.workspaceFolders === true;
  ctx.client = {
    pullDiagnostics: caps.textDocument?.diagnostic !== undefined,
    diagnosticRefresh: caps.workspace?.diagnostics?.refreshSupport === true,
    documentChanges: caps.workspace?.workspaceEdit?.documentChanges === true,
  };
  setDockerfileCapabilities({ completion: caps.textDocument?.completion, hover: caps.textDocument?.hover, foldingRange: caps.textDocument?.foldingRange });
  revalidate = registerDiagnostics(ctx);
  registerCodeActions(ctx);
  registerHover(ctx);
  registerEditing(ctx, () => yaml);
  registerRuleDocs(ctx);
  registerConfigWatching(ctx, () => configs, relintEverything, (changes) => {
    for (const c of changes) configProblems?.forget(c.uri);
    workspace.onWatchedFiles(changes);
    facts.onWatchedFiles(changes);
  });
  registerWorkspaceLint(ctx, workspace);
  registerWorkspaceFacts(ctx, facts, () => workspaceRoots, () => canPullConfiguration);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      ...(ctx.client.pullDiagnostics ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND], resolveProvider: false },
      hoverProvider: true,
      completionProvider: { triggerCharacters: DOCKERFILE_TRIGGER_CHARACTERS, resolveProvider: true },
      documentFormattingProvider: true,
      documentRangeFormattingProvider: true,
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      ...(supportsFolderEvents ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } } : {}),
    },
    serverInfo: { name: 'bulkhead' },
  };
});

connection.onInitialized(() => {
  if (!supportsFolderEvents) return;
  // Added or removed workspace folders move where the config search stops.
  connection.workspace.onDidChangeWorkspaceFolders((e) => {
    const removed = new Set(e.removed.map((f) => filePathOf(f.uri)));
    const added = e.added.map((f) => filePathOf(f.uri)).filter((p): p is string => p !== undefined);
    setWorkspaceRoots([...workspaceRoots.filter((r) => !removed.has(r)), ...added]);
    for (const f of e.removed) workspace.forgetFolder(f.uri);
    for (const r of removed) if (r !== undefined) facts.remove(r);
    settings.clear();
    analyses.clear();
    relintEverything();
  });
});

connection.onDidChangeConfiguration((change) => {
  const raw: unknown = change.settings;
  const section = typeof raw === 'object' && raw !== null && 'bulkhead' in raw ? (raw as { bulkhead: unknown }).bulkhead : undefined;
  settings.clear(section);
  analyses.clear();
  relintEverything();
});

documents.onDidClose((e) => {
  settings.forget(e.document.uri);
  yaml.forget(e.document.uri);
});
documents.listen(connection);
connection.listen();
