/**
 * The engine: builds the model once, dispatches hooks to the enabled rules, isolates rule
 * crashes, then applies severity overrides, inline suppressions and de-duplication centrally.
 */
import type { Range } from 'vscode-languageserver-types';
import { DEFAULT_POLICY, type AnyRule, type Fix, type Messages, type Severity, type ReportDescriptor, type RuleContext, type PolicyOptions, type KubernetesContext, type DockerfileContext, type DockerfileHooks, type InstructionListener } from './rule';
import { kindFromName, kindFromYaml, type FileKind } from './detect';
// Caches dockerfile-ast's per-instruction argument scan (most of the parse time otherwise).
import '../model/dockerfile/memoize-ast';
import { parseDockerfile, type DockerfileModel, type Instruction } from '../model/dockerfile/parse';
import { parseYaml, TOO_DEEP_CODE, type YamlFile } from '../model/yaml/documents';
import { objectsOf, workloadOf, type KubeObject, type Workload, type Container } from '../model/kubernetes/workloads';
import { composeModelOf } from '../model/compose/services';
import { applySuppressions, type Suppressed, type IgnoreComment } from './suppressions';
import { resolveSeverity, type RuleSettings } from './severity';
import { RULES } from '../index';
import { runKubernetesIncremental, type DocumentMemory, type LintMemory } from './incremental';
import type { IncrementalYaml } from '../model/yaml/incremental';
import type { WorkspaceIndex } from './workspace';
import { factsOf, type FileFacts } from '../model/kubernetes/workspace-facts';

/** One finding of one rule, after central post-processing. */
export interface Finding {
  ruleId: string;
  ruleName: string;
  messageId: string;
  message: string;
  severity: Severity;
  range: Range;
  fix: Fix | undefined;
  suggestions: Fix[];
}

/** A problem that is not a rule finding: parse errors, skipped files, crashed rules. */
export interface Problem {
  source: 'yaml' | 'dockerfile' | 'bulkhead';
  code: string;
  message: string;
  severity: Severity;
  range: Range;
}

/** Everything the engine says about one document. */
export interface LintResult {
  kind: FileKind;
  findings: Finding[];
  problems: Problem[];
  /** Findings removed by inline suppressions (for unused-suppression reports and counts). */
  suppressed: Suppressed[];
  /** Bulkhead ignore comments that silenced nothing (shown as unnecessary hints). */
  unusedSuppressions: IgnoreComment[];
  /** Set when the file was not linted, with the reason. */
  skipped: string | undefined;
  /** Ids of rules that threw on this document. */
  crashedRules: string[];
}

/** What to lint. */
export interface LintInput {
  /** File path or URI; used for kind detection by name. */
  path: string;
  text: string;
  languageId?: string;
}

/** How to lint. */
export interface LintOptions {
  settings?: RuleSettings;
  /** Policy options (PSS profile, trusted registries …); defaults to DEFAULT_POLICY. */
  policy?: Partial<PolicyOptions>;
  /** Rules to run; defaults to the whole registry. */
  rules?: readonly AnyRule[];
  /** Receives rule crashes (rule id and error) for logging. */
  onRuleError?: (ruleId: string, error: unknown) => void;
  /**
   * Time one rule may spend on one document (ms of wall time) before it is reported as slow;
   * defaults to `ruleBudgetMs(text)`. Rules are synchronous, so a slow rule is not stopped: its
   * findings are kept and a `rule-slow` problem names it (the LSP and CLI log it).
   */
  ruleBudgetMs?: number;
  /** Receives rules that ran past their budget (rule id and milliseconds) for logging. */
  onRuleSlow?: (ruleId: string, ms: number) => void;
  /**
   * Incremental state of documents being edited (the language server keeps one): multi-document
   * Kubernetes YAML is then parsed and linted per changed document (see incremental.ts). Same
   * findings as without it.
   */
  memory?: LintMemory;
  /**
   * Kubernetes facts of the other files of the workspace (engine/workspace.ts): rules read them
   * through `ctx.workspace`, and a file the index lists as a Kustomize patch is linted as one.
   */
  workspace?: WorkspaceIndex;
  /** Receives the facts of a linted Kubernetes manifest (to keep a workspace index up to date). */
  onFacts?: (facts: FileFacts) => void;
}

/**
 * Default per-rule, per-document time budget: 2 s, or 2 µs per character for large files. A rule
 * normally needs well under a millisecond; the margin keeps a busy machine from raising it.
 */
export function ruleBudgetMs(text: string): number {
  return Math.max(2000, text.length / 500);
}

/** Files larger than this are not linted (a clear message instead of a hang). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function skippedResult(kind: FileKind, reason: string, severity: Severity = 'info'): LintResult {
  return { kind, findings: [], problems: [{ source: 'bulkhead', code: 'skipped', message: reason, severity, range: ZERO }], suppressed: [], unusedSuppressions: [], skipped: reason, crashedRules: [] };
}

/** True for text that looks like a Helm/Go template rather than YAML. */
function isTemplated(path: string, text: string): boolean {
  return text.includes('{{') && (/[\\/]templates[\\/]/.test(path) || text.includes('{{-') || text.includes('{{ .'));
}

/**
 * Resolved severities per settings (compared by value, so a settings object changed in place is
 * never served stale results) and rule object. Resolving globs and override layers for every rule
 * on every lint cost about a tenth of a manifest's lint time.
 */
const severityCaches = new Map<string, WeakMap<AnyRule, ReturnType<typeof resolveSeverity>>>();
function severityCacheFor(settings: RuleSettings | undefined): WeakMap<AnyRule, ReturnType<typeof resolveSeverity>> {
  const key = settings === undefined ? '' : JSON.stringify(settings);
  let cache = severityCaches.get(key);
  if (!cache) {
    if (severityCaches.size >= 64) severityCaches.clear();
    cache = new WeakMap();
    severityCaches.set(key, cache);
  }
  return cache;
}

/** The rules that run for one rule list, settings and profile, with every rule's resolved severity. */
interface Selection {
  /** Enabled rules, in registry order. */
  rules: AnyRule[];
  /** Enabled rules per target, in registry order. */
  dockerfile: AnyRule[];
  kubernetes: AnyRule[];
  compose: AnyRule[];
  /** Resolved severity of every rule of the list (enabled or not), by id. */
  severities: Map<string, ReturnType<typeof resolveSeverity>>;
}

/**
 * Selections per rule list, keyed by settings (by value) and profile. Filtering the 200-odd rules
 * and resolving the profile's extra rules on every lint cost ≈ 6 % of a manifest's lint.
 */
const selections = new WeakMap<readonly AnyRule[], Map<string, Selection>>();
function selectionFor(all: readonly AnyRule[], options: LintOptions): Selection {
  const profile = options.policy?.profile;
  const key = `${profile ?? ''}\u0000${options.settings === undefined ? '' : JSON.stringify(options.settings)}`;
  let byKey = selections.get(all);
  if (!byKey) {
    byKey = new Map();
    selections.set(all, byKey);
  }
  let sel = byKey.get(key);
  if (sel) return sel;
  const settings = profileSettings(options.settings, options.policy, all);
  const cached = severityCacheFor(settings);
  const severities = new Map<string, ReturnType<typeof resolveSeverity>>();
  const rules = all.filter((r) => {
    let sev = cached.get(r);
    if (sev === undefined) {
      sev = resolveSeverity(r, settings);
      cached.set(r, sev);
    }
    severities.set(r.id, sev);
    return sev !== 'off' && inProfile(r, profile);
  });
  sel = { rules, severities, dockerfile: rules.filter((r) => r.target === 'dockerfile'), kubernetes: rules.filter((r) => r.target === 'kubernetes'), compose: rules.filter((r) => r.target === 'compose') };
  if (byKey.size >= 64) byKey.clear();
  byKey.set(key, sel);
  return sel;
}

/** True when a rule's only Pod Security Standards anchors are `restricted:` controls. */
function restrictedOnly(rule: AnyRule): boolean {
  const pss = rule.anchors.pss ?? [];
  return rule.target === 'kubernetes' && pss.length > 0 && pss.every((id) => id.startsWith('restricted:'));
}

/**
 * The PSS profile decides the Kubernetes controls that are anchored only to `restricted:`:
 * under `baseline` they are off; under `restricted` (the default) they are on, even those that
 * are otherwise off by default. An explicit severity, `disabledRules` or `off` still wins.
 */
export function inProfile(rule: AnyRule, profile: PolicyOptions['profile'] | undefined): boolean {
  return !(restrictedOnly(rule) && (profile ?? DEFAULT_POLICY.profile) === 'baseline');
}

function profileSettings(settings: RuleSettings | undefined, policy: Partial<PolicyOptions> | undefined, rules: readonly AnyRule[]): RuleSettings | undefined {
  if ((policy?.profile ?? DEFAULT_POLICY.profile) !== 'restricted') return settings;
  const extra = rules.filter((r) => r.defaultOff && restrictedOnly(r)).map((r) => r.id);
  if (extra.length === 0) return settings;
  return { ...settings, enabledRules: [...(settings?.enabledRules ?? []), ...extra] };
}

/** Lints one document. Never throws. */
export function lint(input: LintInput, options: LintOptions = {}): LintResult {
  let kind = kindFromName(input.path, input.languageId);
  if (kind === 'unknown') return skippedResult(kind, 'Not a Dockerfile, Kubernetes manifest or Compose file.');
  if (input.text.length > MAX_FILE_BYTES) return skippedResult(kind, `File is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB; Bulkhead does not lint it.`, 'warning');
  if (input.text.includes('\u0000')) return skippedResult(kind, 'File looks binary (it contains NUL bytes); Bulkhead does not lint it.', 'warning');
  // Severity is resolved once per rule list and settings, not again per document or finding.
  const selection = selectionFor(options.rules ?? RULES, options);
  const { rules, severities } = selection;
  const raw: Finding[] = [];
  const problems: Problem[] = [];
  const crashedRules: string[] = [];
  const slowRules: [string, number][] = [];
  const budget = options.ruleBudgetMs ?? ruleBudgetMs(input.text);
  const runOptions: LintOptions = {
    ...options,
    ruleBudgetMs: budget,
    onRuleSlow: (id, ms) => {
      slowRules.push([id, ms]);
      options.onRuleSlow?.(id, ms);
    },
  };
  let commentLines: CommentSource;
  if (kind === 'dockerfile') {
    const model = parseDockerfile(input.text);
    runDockerfile(model, selection, raw, crashedRules, runOptions);
    commentLines = { kind: 'dockerfile', model };
  } else {
    if (kind === 'yaml' && isTemplated(input.path, input.text)) return skippedResult(kind, 'Helm/Go template: not plain YAML, so Bulkhead skips it. Lint the rendered output (helm template) instead.');
    const memory = options.memory?.of(input.path);
    const parsed = memory?.parse(input.text);
    const file = parsed?.file ?? parseYaml(input.text);
    // Rules walk the tree; on a tree deep enough to exhaust the parser's stack they would too.
    if (file.errors.some((e) => e.code === TOO_DEEP_CODE)) return skippedResult(kind, 'YAML is nested too deeply to analyse safely; Bulkhead does not lint this file.', 'warning');
    if (kind === 'yaml') kind = kindFromYaml(file);
    if (kind === 'yaml') return { ...skippedResult(kind, 'Not a Kubernetes manifest or Compose file.'), problems: [] };
    for (const e of file.errors) problems.push({ source: 'yaml', code: e.code, message: e.message, severity: 'error', range: e.range });
    const objects = runYaml(kind, file, kind === 'kubernetes' ? selection.kubernetes : selection.compose, raw, crashedRules, runOptions, input.path, memory && parsed ? { memory, parsed } : undefined);
    commentLines = { kind: 'yaml', file, kubernetes: kind === 'kubernetes', objects };
  }
  for (const id of crashedRules) {
    problems.push({ source: 'bulkhead', code: 'rule-error', message: `Rule ${id} failed on this file and was skipped; other rules ran normally.`, severity: 'warning', range: ZERO });
  }
  for (const [id, ms] of slowRules) {
    problems.push({ source: 'bulkhead', code: 'rule-slow', message: `Rule ${id} took ${Math.round(ms)} ms on this file (budget ${Math.round(budget)} ms); its findings are kept. Please report this file.`, severity: 'info', range: ZERO });
  }
  // Documents being edited keep their nodes and findings across edits, and nodes move (rebaseSegment):
  // lazy fixes are built now, against the text they were found in.
  if (options.memory) for (const f of raw) void f.suggestions;
  const withSeverity: Finding[] = [];
  for (const f of raw) {
    const sev = severities.get(f.ruleId) ?? f.severity;
    // Unchanged findings stay the same objects (the editor reuses findings of unchanged documents).
    if (sev !== 'off') withSeverity.push(sev === f.severity ? f : { ...f, severity: sev });
  }
  const { kept, suppressed, unused } = applySuppressions(withSeverity, commentLines, rules);
  return { kind, findings: dedupe(kept), problems, suppressed, unusedSuppressions: unused, skipped: undefined, crashedRules };
}

/** Where inline suppression comments are read from. */
export type CommentSource = { kind: 'dockerfile'; model: DockerfileModel } | { kind: 'yaml'; file: YamlFile; kubernetes?: boolean; objects?: readonly KubeObject[] };

/**
 * Drops findings that repeat an earlier one (same rule, range and message) and sorts by position
 * and rule. Sorted first (a stable sort), so repeats meet in the small group of findings of one
 * rule at one start position: no key string per finding.
 */
function dedupe(findings: Finding[]): Finding[] {
  const sorted = findings.slice().sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || compareIds(a.ruleId, b.ruleId));
  const out: Finding[] = [];
  let group = 0;
  for (const f of sorted) {
    const first = out[group];
    if (first === undefined || first.ruleId !== f.ruleId || first.range.start.line !== f.range.start.line || first.range.start.character !== f.range.start.character) group = out.length;
    else if (repeats(out, group, f)) continue;
    out.push(f);
  }
  return out;
}

/** True when a finding of out[from..] has f's rule, range and message (the group shares rule and start). */
function repeats(out: readonly Finding[], from: number, f: Finding): boolean {
  for (let i = from; i < out.length; i++) {
    const o = out[i]!;
    if (o.ruleId === f.ruleId && o.range.start.line === f.range.start.line && o.range.start.character === f.range.start.character && o.range.end.line === f.range.end.line && o.range.end.character === f.range.end.character && o.message === f.message) return true;
  }
  return false;
}

/** Rule ids of the registry's form: upper-case letters and digits. */
const PLAIN_ID = /^[A-Z0-9]+$/;

/** `a.localeCompare(b)`: for plain ids (letters and digits, one case) that order is code-unit order, without the collator. */
function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  if (PLAIN_ID.test(a) && PLAIN_ID.test(b)) return a < b ? -1 : 1;
  return a.localeCompare(b);
}

/** Files one report of `rule` into `sink`: message, severity and fix of a finding. */
function pushFinding(rule: AnyRule, sink: Finding[], d: ReportDescriptor<Messages>): void {
  const template = rule.messages[d.messageId as string];
  const message = template ? (template as (...a: unknown[]) => string)(...(d.args as unknown[])) : String(d.messageId);
  if (d.fixes) sink.push(lazyFinding(rule, String(d.messageId), message, d.at, d.fixes));
  else sink.push({ ruleId: rule.id, ruleName: rule.name, messageId: String(d.messageId), message, severity: rule.severity, range: d.at, fix: d.fix, suggestions: d.suggestions ?? [] });
}

/** The builder of a lazy finding's fixes, then what it built. */
interface LazyFixes {
  build: NonNullable<ReportDescriptor<Messages>['fixes']> | undefined;
  fix: Fix | undefined;
  suggestions: Fix[];
}

/** Where a lazy finding keeps its `LazyFixes` (a non-enumerable property: JSON, copies and structured clones skip it). */
const LAZY = '__bulkheadFixes';

function lazyOf(f: object): LazyFixes {
  const state = (f as Record<typeof LAZY, LazyFixes>)[LAZY];
  const build = state.build;
  if (build !== undefined) {
    state.build = undefined;
    // Read outside the rule's isolation (by output or an editor): a builder that throws offers no fix.
    try {
      const r = build();
      state.fix = r.fix;
      state.suggestions = r.suggestions ?? [];
    } catch {
      state.fix = undefined;
      state.suggestions = [];
    }
  }
  return state;
}

// One getter/setter pair for all lazy findings, so they share one object shape (a closure per
// finding gave each its own hidden class, and the garbage collector twice the work).
const LAZY_FIX: PropertyDescriptor = {
  get(this: object): Fix | undefined {
    return lazyOf(this).fix;
  },
  set(this: object, v: Fix | undefined) {
    lazyOf(this).fix = v;
  },
  enumerable: true,
  configurable: true,
};
const LAZY_SUGGESTIONS: PropertyDescriptor = {
  get(this: object): Fix[] {
    return lazyOf(this).suggestions;
  },
  set(this: object, v: Fix[]) {
    lazyOf(this).suggestions = v;
  },
  enumerable: true,
  configurable: true,
};

/**
 * A finding whose `fix` and `suggestions` are built on first read (then kept), from a report's
 * `fixes`. They are own enumerable properties in the usual order, so copies, JSON and structured
 * clones see the same finding as an eager one.
 */
function lazyFinding(rule: AnyRule, messageId: string, message: string, range: Range, build: NonNullable<ReportDescriptor<Messages>['fixes']>): Finding {
  const f = { ruleId: rule.id, ruleName: rule.name, messageId, message, severity: rule.severity, range } as Finding;
  Object.defineProperty(f, LAZY, { value: { build, fix: undefined, suggestions: [] } satisfies LazyFixes, writable: false, enumerable: false, configurable: false });
  Object.defineProperty(f, 'fix', LAZY_FIX);
  Object.defineProperty(f, 'suggestions', LAZY_SUGGESTIONS);
  return f;
}

/** The `report` of one rule's context: findings into `sink`. */
function reporter(rule: AnyRule, sink: Finding[]): RuleContext<Messages>['report'] {
  return (d: ReportDescriptor<Messages>): void => pushFinding(rule, sink, d);
}

function makeContext<C extends object>(rule: AnyRule, text: string, sink: Finding[], policy: PolicyOptions, extra: C): RuleContext<Messages> & C {
  return { text, policy, report: reporter(rule, sink), ...extra };
}

function policyOf(options: LintOptions): PolicyOptions {
  return { ...DEFAULT_POLICY, ...options.policy };
}

/**
 * Runs one rule's hooks; a throw discards that rule's findings for this document only. The run
 * is timed (two clock reads per rule and document) and reported through `onRuleSlow` past the budget.
 */
function isolated(rule: AnyRule, sink: Finding[], crashed: string[], options: LintOptions, body: (out: Finding[]) => void): void {
  // Findings go straight into the sink; a throw takes back what the rule reported on this document.
  const mark = sink.length;
  const started = performance.now();
  try {
    body(sink);
  } catch (e) {
    sink.length = mark;
    crashed.push(rule.id);
    options.onRuleError?.(rule.id, e);
  }
  const ms = performance.now() - started;
  if (options.ruleBudgetMs !== undefined && ms > options.ruleBudgetMs) options.onRuleSlow?.(rule.id, ms);
}

/** A Dockerfile rule's hooks, flattened once per selection for dispatch. */
interface DockerfilePlan {
  rule: AnyRule;
  /** Codes (see `DockerfilePlans.codes`) of the keywords the rule listens to. */
  codes: number[];
  /** The listener of a rule that listens to exactly one keyword. */
  only: InstructionListener<Messages> | undefined;
  /** Listeners by keyword code, for a rule that listens to several keywords. */
  byCode: (InstructionListener<Messages> | undefined)[] | undefined;
  onStage: DockerfileHooks<Messages>['onStage'];
  onEnd: DockerfileHooks<Messages>['onEnd'];
}

/** The plans of a selection's Dockerfile rules, and a small code (1…) per listened keyword. */
interface DockerfilePlans {
  plans: DockerfilePlan[];
  codes: Map<string, number>;
}

const dockerfilePlans = new WeakMap<Selection, DockerfilePlans>();
function dockerfilePlansOf(selection: Selection): DockerfilePlans {
  let cached = dockerfilePlans.get(selection);
  if (cached) return cached;
  const codes = new Map<string, number>();
  const plans: DockerfilePlan[] = [];
  for (const rule of selection.dockerfile) {
    if (rule.target !== 'dockerfile') continue;
    const hooks = rule.hooks;
    const listeners = Object.entries(hooks.onInstruction ?? {}).filter((e): e is [string, InstructionListener<Messages>] => typeof e[1] === 'function');
    const ruleCodes: number[] = [];
    const byCode: (InstructionListener<Messages> | undefined)[] = [];
    for (const [keyword, fn] of listeners) {
      let code = codes.get(keyword);
      if (code === undefined) {
        code = codes.size + 1;
        codes.set(keyword, code);
      }
      ruleCodes.push(code);
      byCode[code] = fn;
    }
    plans.push({ rule, codes: ruleCodes, only: listeners.length === 1 ? listeners[0]![1] : undefined, byCode: listeners.length > 1 ? byCode : undefined, onStage: hooks.onStage, onEnd: hooks.onEnd });
  }
  cached = { plans, codes };
  dockerfilePlans.set(selection, cached);
  return cached;
}

/**
 * Runs the Dockerfile rules, one after another (so a rule sees its hooks in document order and
 * its findings stay together). Instructions are grouped once by keyword, so a rule visits only
 * the instructions it listens to, and a rule with nothing to look at in this file is not run.
 * All rules share one context whose `report` files findings under the running rule. As
 * `isolated`, inlined: a throw takes back the rule's findings on this document; one clock read
 * per rule run (a rule's run ends where the next starts) for the time budget.
 */
function runDockerfile(model: DockerfileModel, selection: Selection, sink: Finding[], crashed: string[], options: LintOptions): void {
  const { plans, codes } = dockerfilePlansOf(selection);
  const instructions = model.instructions;
  // Instructions per keyword code, and each instruction's code (0: no rule listens to it).
  const byCode: (Instruction[] | undefined)[] = [];
  const codeOf = new Uint8Array(instructions.length);
  for (let j = 0; j < instructions.length; j++) {
    const i = instructions[j]!;
    const code = codes.get(i.keyword);
    if (code === undefined) continue;
    codeOf[j] = code;
    const list = byCode[code];
    if (list) list.push(i);
    else byCode[code] = [i];
  }
  let current: AnyRule | undefined;
  const ctx: DockerfileContext<Messages> = {
    text: model.text,
    policy: policyOf(options),
    model,
    report: (d) => {
      if (current) pushFinding(current, sink, d);
    },
  };
  const hasStages = model.stages.length > 0;
  const budget = options.ruleBudgetMs;
  let last = performance.now();
  for (const plan of plans) {
    if (!plan.onEnd && !(plan.onStage && hasStages) && !listensHere(plan.codes, byCode)) continue;
    const mark = sink.length;
    current = plan.rule;
    try {
      if (plan.only) {
        const list = byCode[plan.codes[0]!];
        if (list) for (let j = 0; j < list.length; j++) plan.only(list[j]!, ctx);
      } else if (plan.byCode) {
        const table = plan.byCode;
        for (let j = 0; j < instructions.length; j++) {
          const fn = table[codeOf[j]!];
          if (fn) fn(instructions[j]!, ctx);
        }
      }
      if (plan.onStage) for (const s of model.stages) plan.onStage(s, ctx);
      plan.onEnd?.(ctx);
    } catch (e) {
      sink.length = mark;
      crashed.push(plan.rule.id);
      options.onRuleError?.(plan.rule.id, e);
    }
    const now = performance.now();
    if (budget !== undefined && now - last > budget) options.onRuleSlow?.(plan.rule.id, now - last);
    last = now;
  }
  current = undefined;
}

/** True when the file has an instruction for one of these keyword codes. */
function listensHere(ruleCodes: readonly number[], byCode: readonly (Instruction[] | undefined)[]): boolean {
  for (const c of ruleCodes) if (byCode[c] !== undefined) return true;
  return false;
}

/** Runs the YAML rules; returns the Kubernetes objects of the file (for annotation suppressions). */
function runYaml(kind: FileKind, file: YamlFile, rules: readonly AnyRule[], sink: Finding[], crashed: string[], options: LintOptions, path: string, incremental?: { memory: DocumentMemory; parsed: IncrementalYaml }): KubeObject[] | undefined {
  const policy = policyOf(options);
  if (kind === 'kubernetes') {
    const objects: KubeObject[] = objectsOf(file, path, options.workspace?.isPatch(path) ?? false);
    options.onFacts?.(factsOf(path, file, objects));
    const workspace = options.workspace?.viewFor(path);
    const workloads: Workload[] = [];
    for (const o of objects) {
      const w = workloadOf(o);
      if (w !== undefined) workloads.push(w);
    }
    if (incremental) {
      // Reading the file, the text or all objects makes a hook run depend on other documents.
      const context = (rule: AnyRule, out: Finding[], onShared: () => void): object => Object.defineProperties(makeContext(rule, file.text, out, policy, {}), {
        text: { get: () => (onShared(), file.text) },
        file: { get: () => (onShared(), file) },
        objects: { get: () => (onShared(), objects) },
        workspace: { get: () => (onShared(), workspace) },
      });
      runKubernetesIncremental({ ...incremental, file, objects, workloads, rules, sink, crashed, options, policy, isolated, context });
      return objects;
    }
    const containers: Container[] = [];
    for (const w of workloads) for (const c of w.containers) containers.push(c);
    // As `isolated`, inlined: one clock read per rule (a rule's run ends where the next starts),
    // and a rule with nothing to look at in this file (no objects, workloads or containers for
    // its hooks, no onEnd) is not set up at all. Most files hold a Service or a ConfigMap.
    // One context for all rules (as for Dockerfiles): `report` files findings under the running rule.
    const budget = options.ruleBudgetMs;
    let current: AnyRule | undefined;
    const ctx: KubernetesContext<Messages> = {
      text: file.text,
      policy,
      report: (d) => {
        if (current) pushFinding(current, sink, d);
      },
      file,
      objects,
      workspace,
    };
    let last = performance.now();
    for (const rule of rules) {
      if (rule.target !== 'kubernetes') continue;
      const hooks = rule.hooks;
      if (!hooks.onEnd && !(hooks.onObject && objects.length > 0) && !(hooks.onWorkload && workloads.length > 0) && !(hooks.onContainer && containers.length > 0)) continue;
      const mark = sink.length;
      current = rule;
      try {
        if (hooks.onObject) for (let i = 0; i < objects.length; i++) hooks.onObject(objects[i]!, ctx);
        if (hooks.onWorkload) for (let i = 0; i < workloads.length; i++) hooks.onWorkload(workloads[i]!, ctx);
        if (hooks.onContainer) for (let i = 0; i < containers.length; i++) hooks.onContainer(containers[i]!, ctx);
        hooks.onEnd?.(ctx);
      } catch (e) {
        sink.length = mark;
        crashed.push(rule.id);
        options.onRuleError?.(rule.id, e);
      }
      const now = performance.now();
      if (budget !== undefined && now - last > budget) options.onRuleSlow?.(rule.id, now - last);
      last = now;
    }
    current = undefined;
    return objects;
  } else if (kind === 'compose') {
    const model = composeModelOf(file, path);
    for (const rule of rules) {
      if (rule.target !== 'compose') continue;
      isolated(rule, sink, crashed, options, (out) => {
        const ctx = makeContext(rule, file.text, out, policy, { model });
        if (rule.hooks.onService) for (const s of model.services) rule.hooks.onService(s, ctx);
        rule.hooks.onEnd?.(ctx);
      });
    }
  }
  return undefined;
}
