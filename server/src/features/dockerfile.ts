/**
 * Dockerfile editing features from dockerfile-language-service: completion, instruction hover,
 * formatting, symbols, folding and syntax diagnostics. Its validator runs with every lint-style
 * check turned off, so only syntax problems remain and nothing duplicates a Bulkhead rule.
 */
import { DockerfileParser, type Dockerfile } from 'dockerfile-ast';
import { DockerfileLanguageServiceFactory, type Capabilities } from 'dockerfile-language-service';
import { DockerRegistryClient } from 'dockerfile-language-service/lib/dockerRegistryClient';
import { ValidationSeverity, type ValidatorSettings } from 'dockerfile-utils';
import type { CompletionItem, Diagnostic, FoldingRange, FormattingOptions, Hover, Position, Range, SymbolInformation, TextEdit } from 'vscode-languageserver';
import type { Fix } from '../../../rules/src/api';
import type { TextDocument } from 'vscode-languageserver-textdocument';

// Tag completion inside FROM asks Docker Hub for tags over HTTPS. Bulkhead never uses the
// network, so the registry client answers with no tags.
DockerRegistryClient.prototype.getTags = (): Promise<string[]> => Promise.resolve([]);

/**
 * The last Dockerfile text dockerfile-ast parsed, and its tree. On a keystroke the same text is
 * parsed by Bulkhead's model (the lint) and again by dockerfile-utils' validator (syntax
 * diagnostics), and by the language service for hover, symbols or folding of that version: all
 * after the first get the tree of the first. The libraries only read the tree (its lazily
 * computed parts are cached per instruction, see rules/src/model/dockerfile/memoize-ast.ts), and
 * a text compares by reference when it is the document's own string, as it is on these paths.
 */
let lastParse: { text: string; ast: Dockerfile } | undefined;
const parseDockerfileText = DockerfileParser.parse.bind(DockerfileParser);
DockerfileParser.parse = (text: string): Dockerfile => {
  if (lastParse !== undefined && lastParse.text === text) return lastParse.ast;
  const ast = parseDockerfileText(text);
  lastParse = { text, ast };
  return ast;
};

const service = DockerfileLanguageServiceFactory.createLanguageService();

/** Checks of dockerfile-utils that are style or best-practice lints rather than syntax; Bulkhead rules own that space. */
export const SYNTAX_ONLY: ValidatorSettings = {
  deprecatedMaintainer: ValidationSeverity.IGNORE,
  directiveCasing: ValidationSeverity.IGNORE,
  emptyContinuationLine: ValidationSeverity.IGNORE,
  instructionCasing: ValidationSeverity.IGNORE,
  instructionCmdMultiple: ValidationSeverity.IGNORE,
  instructionEntrypointMultiple: ValidationSeverity.IGNORE,
  instructionHealthcheckMultiple: ValidationSeverity.IGNORE,
  instructionJSONInSingleQuotes: ValidationSeverity.IGNORE,
  instructionWorkdirRelative: ValidationSeverity.IGNORE,
};

/** Source name of the syntax diagnostics (the library's own). */
export const DOCKERFILE_SYNTAX_SOURCE = 'dockerfile-utils';

/** Tells the service what the client can render (Markdown hover, snippets …). */
export function setDockerfileCapabilities(capabilities: Capabilities): void {
  service.setCapabilities(capabilities);
}

/** Syntax diagnostics (unknown instructions, missing arguments, bad flags …). */
export function dockerfileSyntaxDiagnostics(doc: TextDocument): Diagnostic[] {
  const text = doc.getText();
  if (lastSyntax !== undefined && lastSyntax.text === text) return lastSyntax.diagnostics.slice();
  const diagnostics = service.validate(text, SYNTAX_ONLY).map((d) => ({ ...d, source: DOCKERFILE_SYNTAX_SOURCE }));
  lastSyntax = { text, diagnostics };
  return diagnostics.slice();
}
/** Syntax diagnostics of the last text validated (a pull repeated for the same text, or the same text in another document). */
let lastSyntax: { text: string; diagnostics: Diagnostic[] } | undefined;

export async function dockerfileCompletion(doc: TextDocument, position: Position): Promise<CompletionItem[]> {
  return service.computeCompletionItems(doc.getText(), position);
}

export function dockerfileResolveCompletion(item: CompletionItem): CompletionItem {
  return service.resolveCompletionItem(item);
}

/** Instruction and directive documentation at a position. */
export function dockerfileHover(doc: TextDocument, position: Position): Hover | null {
  return service.computeHover(doc.getText(), position);
}

export function dockerfileFormat(doc: TextDocument, options: FormattingOptions, range?: Range): TextEdit[] {
  return range ? service.formatRange(doc.getText(), range, options) : service.format(doc.getText(), options);
}

export function dockerfileSymbols(doc: TextDocument): SymbolInformation[] {
  return service.computeSymbols({ uri: doc.uri }, doc.getText());
}

export function dockerfileFolding(doc: TextDocument): FoldingRange[] {
  return service.computeFoldingRanges(doc.getText());
}

/**
 * Quick fixes for one syntax diagnostic (wrong flag name, `as` casing, extra argument …). The
 * library describes them as commands; they are turned into plain edits here so the client needs
 * no Dockerfile-specific command handlers.
 */
export function dockerfileSyntaxFixes(doc: TextDocument, diagnostic: Diagnostic): Fix[] {
  const text = doc.getText();
  const out: Fix[] = [];
  for (const command of service.computeCodeActions({ uri: doc.uri }, diagnostic.range, { diagnostics: [diagnostic] })) {
    const edits = service.computeCommandEdits(text, command.command, command.arguments ?? []);
    if (edits.length > 0) out.push({ title: command.title, edits });
  }
  return out;
}
