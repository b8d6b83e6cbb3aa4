/** Public surface of the rules package, used by the server, the CLI, scripts and tests. */
export { lint, MAX_FILE_BYTES } from './engine/run';
export type { Finding, Problem, LintResult, LintInput, LintOptions } from './engine/run';
export { RULES } from './index';
export * from './engine/rule';
export { resolveSeverity, globMatch, ruleKeys } from './engine/severity';
export type { RuleSettings, SeverityOverride } from './engine/severity';
export { kindFromName, isDockerfileName, isComposeName, isYamlName } from './engine/detect';
export type { FileKind } from './engine/detect';
export { setShellParserOptions, shellParseStats } from './model/dockerfile/shell';
export type { ShellParserOptions } from './model/dockerfile/shell';
export { BATCH_V8_FLAGS } from './engine/batch';
