/**
 * The shape of one rule module. Every rule file default-exports `defineRule({...})`.
 * Rules are pure: no I/O, no clock, no module-level mutable state, and they never throw on
 * malformed input (a missing field means "don't report").
 */
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { DockerfileModel, Instruction, Stage } from '../model/dockerfile/parse';
import type { KubeObject, Workload, Container } from '../model/kubernetes/workloads';
import type { ComposeModel, ComposeService } from '../model/compose/services';
import type { YamlFile } from '../model/yaml/documents';
import type { WorkspaceView } from './workspace';

/** What kind of file a rule inspects. */
export type Target = 'dockerfile' | 'kubernetes' | 'compose';
/** Default severity of a rule; users override it centrally. */
export type Severity = 'error' | 'warning' | 'info' | 'hint';
/** Closed set of categories; drives grouping in the docs index. */
export type Category = 'privilege' | 'supply-chain' | 'secrets' | 'network' | 'resources' | 'isolation' | 'reliability' | 'hygiene';
/** `safe` fixes are eligible for fix-all; `suggestion` fixes change meaning and are only offered. */
export type FixKind = 'none' | 'safe' | 'suggestion';
/** Tools whose equivalent rule ids we record. */
export const ANCHOR_TOOLS = ['hadolint', 'checkov', 'trivy', 'kics', 'kubeLinter', 'polaris', 'kubesec', 'pss', 'dockle', 'buildkit'] as const;
export type AnchorTool = (typeof ANCHOR_TOOLS)[number];
/** Equivalent rule ids in other tools, keyed by tool. */
export type Anchors = Partial<Record<AnchorTool, readonly string[]>>;

/** Message templates: each takes the offending values and says what is wrong *here*. */
export type Messages = Record<string, (...args: never[]) => string>;

/** Structured documentation; the docs pages and the hover are generated from it. */
export interface RuleDocs {
  summary: string;
  rationale: string;
  remediation: string;
  references?: readonly string[];
  examples: { bad: readonly string[]; good: readonly string[] };
}

/** A proposed edit: a title shown in the light bulb and the text edits to apply. */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

/** What a rule passes to `ctx.report`. */
export interface ReportDescriptor<M extends Messages, K extends keyof M = keyof M> {
  at: Range;
  messageId: K;
  args: Parameters<M[K]>;
  fix?: Fix;
  suggestions?: Fix[];
  /**
   * Builds `fix` and `suggestions` only when a reader asks for them (code actions, `--fix`,
   * JSON/SARIF output …): most findings of a lint are never fixed, and building edits is a
   * noticeable share of a manifest's lint. Takes the place of `fix` and `suggestions`; must not
   * throw (the edit builders return undefined when they cannot edit).
   */
  fixes?: () => { fix?: Fix; suggestions?: Fix[] };
}

/** `fixes` of a report whose one suggestion is `edit()` (none when it returns undefined). */
export function lazySuggestion(title: string, edit: () => TextEdit | undefined): () => { suggestions: Fix[] } {
  return () => {
    const e = edit();
    return { suggestions: e ? [{ title, edits: [e] }] : [] };
  };
}

/** Value formats a label can be required to have (hadolint's `label-schema` types). `text` only requires the label. */
export const LABEL_TYPES = ['text', 'url', 'hash', 'rfc3339', 'semver', 'spdx', 'email'] as const;
export type LabelType = (typeof LABEL_TYPES)[number];

/** Policy knobs rules may read (from `.bulkhead.yaml` or settings); rules never read files themselves. */
export interface PolicyOptions {
  /** Pod Security Standards profile Kubernetes rules enforce. */
  profile: 'baseline' | 'restricted';
  /** Registries base images may come from (empty: any). Docker Hub is `docker.io`. */
  trustedRegistries: readonly string[];
  /** Glob patterns (`*` wildcard) of allowed base images, e.g. `alpine:*` (empty: any). */
  allowedBaseImages: readonly string[];
  /** Labels every image must carry, by key, with the format of each value (empty: the label rules stay silent). */
  labelSchema: Readonly<Record<string, LabelType>>;
  /** With a label schema, labels outside it are reported. */
  strictLabels: boolean;
}

/** Defaults used when no configuration says otherwise. */
export const DEFAULT_POLICY: PolicyOptions = { profile: 'restricted', trustedRegistries: [], allowedBaseImages: [], labelSchema: {}, strictLabels: false };

/** The context handed to every hook. */
export interface RuleContext<M extends Messages> {
  /** Full text of the document being linted. */
  readonly text: string;
  /** Policy options in force for this file. */
  readonly policy: PolicyOptions;
  report<K extends keyof M>(d: ReportDescriptor<M, K>): void;
}

export interface DockerfileContext<M extends Messages> extends RuleContext<M> {
  readonly model: DockerfileModel;
}
export interface KubernetesContext<M extends Messages> extends RuleContext<M> {
  readonly file: YamlFile;
  /** Every Kubernetes object in the file (all documents, List items expanded). */
  readonly objects: readonly KubeObject[];
  /**
   * The other files of the workspace, when the caller passed a workspace index to `lint()`
   * (the CLI and the editor do); undefined otherwise, and rules then judge the file alone.
   */
  readonly workspace?: WorkspaceView;
}
export interface ComposeContext<M extends Messages> extends RuleContext<M> {
  readonly model: ComposeModel;
}

export type InstructionListener<M extends Messages> = (i: Instruction, ctx: DockerfileContext<M>) => void;

export interface DockerfileHooks<M extends Messages> {
  /** Per-keyword listeners (upper-case keyword); ONBUILD triggers are dispatched as their inner keyword with `onbuild` set. */
  onInstruction?: Partial<Record<string, InstructionListener<M>>>;
  onStage?: (s: Stage, ctx: DockerfileContext<M>) => void;
  /** Whole-file decisions, after every instruction was seen. */
  onEnd?: (ctx: DockerfileContext<M>) => void;
}
export interface KubernetesHooks<M extends Messages> {
  onObject?: (o: KubeObject, ctx: KubernetesContext<M>) => void;
  onWorkload?: (w: Workload, ctx: KubernetesContext<M>) => void;
  onContainer?: (c: Container, ctx: KubernetesContext<M>) => void;
  onEnd?: (ctx: KubernetesContext<M>) => void;
}
export interface ComposeHooks<M extends Messages> {
  onService?: (s: ComposeService, ctx: ComposeContext<M>) => void;
  onEnd?: (ctx: ComposeContext<M>) => void;
}

interface RuleMetaBase<M extends Messages> {
  /** Stable id, never reused: DFxxx, K8Sxxx, DCxxx. */
  id: string;
  /** Kebab slug; equals the file name. */
  name: string;
  aliases?: readonly string[];
  category: Category;
  severity: Severity;
  /** One line, imperative. */
  title: string;
  messages: M;
  docs: RuleDocs;
  fix: FixKind;
  anchors: Anchors;
  /** Off unless the user enables it (noisy or opinionated checks). */
  defaultOff?: boolean;
}

export type RuleSpec<M extends Messages> =
  | (RuleMetaBase<M> & { target: 'dockerfile'; hooks: DockerfileHooks<M> })
  | (RuleMetaBase<M> & { target: 'kubernetes'; hooks: KubernetesHooks<M> })
  | (RuleMetaBase<M> & { target: 'compose'; hooks: ComposeHooks<M> });

export type Rule<M extends Messages = Messages> = RuleSpec<M> & { readonly url: string };

/** Where generated rule docs live; the URL of a rule is derived from its id, never hand-typed. */
export const DOCS_BASE_URL = 'https://github.com/bulkhead-dev/bulkhead/blob/main/docs/rules/';

/** Returns the documentation URL of a rule id. */
export function ruleUrl(id: string): string {
  return `${DOCS_BASE_URL}${id}.md`;
}

/** Declares a rule; typed message ids and argument arity are checked at compile time. */
export function defineRule<M extends Messages>(spec: RuleSpec<M>): Rule<M> {
  return { ...spec, url: ruleUrl(spec.id) };
}

/** A rule erased to the common shape the engine dispatches on. */
export type AnyRule = Rule<Messages>;
