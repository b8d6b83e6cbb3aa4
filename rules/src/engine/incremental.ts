/**
 * Incremental linting of multi-document Kubernetes YAML for the editor, where each keystroke
 * re-lints the whole file. `LintMemory` keeps, per document path, the parse of each segment of
 * the stream (`model/yaml/incremental.ts`) and each rule's findings per segment:
 *
 * - Only segments whose text changed are parsed again; the others are moved to their new offset.
 * - The per-object hooks (onObject, onWorkload, onContainer) of the rules on an unchanged segment
 *   are not run again: their findings are reused, shifted by the lines the segment moved
 *   (segments start at a line start, so only lines move). Per lint, an unchanged segment costs
 *   one array copy, not one lookup per rule.
 * - What may depend on other documents is never reused: rules with `onEnd` run on the whole file
 *   every time, and a hook run that read `ctx.objects`, `ctx.file` or `ctx.text` (the way to see
 *   other documents, e.g. K8S049 looking up the pod's ServiceAccount) is run again every time;
 *   so is one that read `ctx.workspace` (other files).
 *   Not tracked: a hook walking `o.file.documents` of the object it was given (no rule does;
 *   cross-document lookups go through `ctx.objects`).
 * - Severity, suppressions and de-duplication run on all findings every time (run.ts).
 *
 * The cache is exact: for the same text and policy the findings equal those of a full lint.
 */
import type { Range, TextEdit } from 'vscode-languageserver-types';
import type { AnyRule, Fix, PolicyOptions } from './rule';
import type { Finding, LintOptions } from './run';
import type { KubeObject, Workload } from '../model/kubernetes/workloads';
import type { YamlFile, YamlSegment } from '../model/yaml/documents';
import { YamlFileCache, type IncrementalYaml } from '../model/yaml/incremental';

/** The findings of the per-object hooks of the rules on one segment, as linted when it started at `line`. */
interface SegmentRun {
  line: number;
  /** Findings of the rules whose hooks only looked at this segment. */
  findings: Finding[];
  /** Rules whose hooks read other documents here: run again on every lint. */
  dependent: AnyRule[];
}

/** Documents at least this long are kept split from their first lint on (see DocumentMemory.parse). */
const EAGER_CHARS = 16_384;

/** Incremental state of one document. */
export class DocumentMemory {
  /** The text of the last lint that went through the full parse (editing starts from it). */
  private lastText: string | undefined;
  private yaml: YamlFileCache | undefined;
  /** Findings per segment; valid for `runKey`. */
  private runs = new WeakMap<YamlSegment, SegmentRun>();
  private runKey = '';

  /**
   * Parses the text incrementally, or returns undefined for the first version of a small
   * document: a document that is never edited costs no more than a plain lint (no split, nothing
   * kept but its text). A large one is split from its first version on, so that its first
   * keystroke does not pay for the split and every document's first per-document lint.
   */
  parse(text: string): IncrementalYaml | undefined {
    if (!this.yaml) {
      if (text.length < EAGER_CHARS && (this.lastText === undefined || this.lastText === text)) {
        this.lastText = text;
        return undefined;
      }
      this.lastText = undefined;
      this.yaml = new YamlFileCache();
    }
    return this.yaml.parse(text);
  }

  /**
   * The findings store, emptied when the rules, the policy or the file's line ending changed
   * (fixes insert lines with the file's line ending).
   */
  runsFor(key: string): WeakMap<YamlSegment, SegmentRun> {
    if (key !== this.runKey) {
      this.runKey = key;
      this.runs = new WeakMap();
    }
    return this.runs;
  }
}

/** Incremental lint state for the documents an editor is changing (least recently used dropped). */
export class LintMemory {
  private readonly documents = new Map<string, DocumentMemory>();

  constructor(private readonly maxDocuments = 16) {}

  /** The state of one document path. */
  of(path: string): DocumentMemory {
    let m = this.documents.get(path);
    if (m) this.documents.delete(path);
    else m = new DocumentMemory();
    this.documents.set(path, m);
    if (this.documents.size > this.maxDocuments) {
      const oldest = this.documents.keys().next().value;
      if (oldest !== undefined) this.documents.delete(oldest);
    }
    return m;
  }

  forget(path: string): void {
    this.documents.delete(path);
  }
}

function shiftRange(r: Range, d: number): Range {
  return { start: { line: r.start.line + d, character: r.start.character }, end: { line: r.end.line + d, character: r.end.character } };
}

function shiftFix(f: Fix, d: number): Fix {
  return { ...f, edits: f.edits.map((e: TextEdit) => ({ ...e, range: shiftRange(e.range, d) })) };
}

function shiftFinding(f: Finding, d: number): Finding {
  return { ...f, range: shiftRange(f.range, d), fix: f.fix && shiftFix(f.fix, d), suggestions: f.suggestions.map((s) => shiftFix(s, d)) };
}

/** What run.ts hands over: its rule isolation and context factory, so behaviour stays one. */
export interface KubernetesRun {
  memory: DocumentMemory;
  parsed: IncrementalYaml;
  file: YamlFile;
  objects: readonly KubeObject[];
  workloads: readonly Workload[];
  rules: readonly AnyRule[];
  sink: Finding[];
  crashed: string[];
  options: LintOptions;
  policy: PolicyOptions;
  isolated: (rule: AnyRule, sink: Finding[], crashed: string[], options: LintOptions, body: (out: Finding[]) => void) => void;
  /** The context of a rule run reporting into `out`; `onShared` is called when the rule reads `objects`, `file` or `text`. */
  context: (rule: AnyRule, out: Finding[], onShared: () => void) => object;
}

type Hooks = Extract<AnyRule, { target: 'kubernetes' }>['hooks'];
type Ctx = Parameters<NonNullable<Hooks['onObject']>>[1];

/** Runs the Kubernetes rules, reusing per-segment findings where that is exact. */
export function runKubernetesIncremental(run: KubernetesRun): void {
  const { memory, parsed, file, objects, workloads, options } = run;
  const segmentOf = new Map<unknown, number>();
  parsed.segments.forEach((s, i) => {
    for (const d of s.docs) segmentOf.set(d, i);
  });
  const count = parsed.segments.length;
  const objectsBySegment: KubeObject[][] = Array.from({ length: count }, () => []);
  const workloadsBySegment: Workload[][] = Array.from({ length: count }, () => []);
  for (const o of objects) objectsBySegment[segmentOf.get(o.doc.doc) ?? 0]?.push(o);
  for (const w of workloads) workloadsBySegment[segmentOf.get(w.object.doc.doc) ?? 0]?.push(w);

  const local: AnyRule[] = [];
  for (const rule of run.rules) {
    if (rule.target !== 'kubernetes') continue;
    const hooks = rule.hooks;
    if (hooks.onEnd) {
      // Whole-file rules see every object: run as a plain lint does.
      run.isolated(rule, run.sink, run.crashed, options, (out) => {
        const ctx = run.context(rule, out, () => undefined) as Ctx;
        if (hooks.onObject) for (const o of objects) hooks.onObject(o, ctx);
        if (hooks.onWorkload) for (const w of workloads) hooks.onWorkload(w, ctx);
        if (hooks.onContainer) for (const w of workloads) for (const c of w.containers) hooks.onContainer(c, ctx);
        hooks.onEnd?.(ctx);
      });
    } else if (hooks.onObject || hooks.onWorkload || hooks.onContainer) local.push(rule);
  }

  // A kustomization listing the file as a patch (or no longer) changes what is partial.
  const runs = memory.runsFor(`${file.text.includes('\r\n') ? 'crlf' : 'lf'} ${JSON.stringify(run.policy)} ${local.map((r) => r.id).join(',')}${objects[0]?.listedPatch === true ? ' patch' : ''}`);
  const out: Finding[] = [];
  const crashed = new Set<string>();
  const spent = new Map<AnyRule, number>();
  /** One context per rule and lint, reused on every segment (its report target and flag are reset per run). */
  const contexts = new Map<AnyRule, { ctx: Ctx; found: Finding[]; shared: boolean }>();
  const contextOf = (rule: AnyRule): { ctx: Ctx; found: Finding[]; shared: boolean } => {
    let c = contexts.get(rule);
    if (!c) {
      const state: { ctx: Ctx; found: Finding[]; shared: boolean } = { ctx: undefined as unknown as Ctx, found: [], shared: false };
      state.ctx = run.context(rule, state.found, () => (state.shared = true)) as Ctx;
      contexts.set(rule, state);
      c = state;
    }
    c.found.length = 0;
    c.shared = false;
    return c;
  };
  /** One rule's hooks on one segment; `ok` is false when the rule threw. Findings go to `into`. */
  const runOn = (rule: AnyRule, i: number, into: Finding[]): { ok: boolean; shared: boolean } => {
    if (rule.target !== 'kubernetes') return { ok: true, shared: false };
    const hooks = rule.hooks;
    const state = contextOf(rule);
    const ctx = state.ctx;
    const started = performance.now();
    try {
      if (hooks.onObject) for (const o of objectsBySegment[i] ?? []) hooks.onObject(o, ctx);
      const segWorkloads = workloadsBySegment[i] ?? [];
      if (hooks.onWorkload) for (const w of segWorkloads) hooks.onWorkload(w, ctx);
      if (hooks.onContainer) for (const w of segWorkloads) for (const c of w.containers) hooks.onContainer(c, ctx);
    } catch (e) {
      if (!crashed.has(rule.id)) {
        crashed.add(rule.id);
        options.onRuleError?.(rule.id, e);
      }
      return { ok: false, shared: state.shared };
    } finally {
      spent.set(rule, (spent.get(rule) ?? 0) + performance.now() - started);
    }
    for (const f of state.found) into.push(f);
    return { ok: true, shared: state.shared };
  };

  for (let i = 0; i < count; i++) {
    if ((objectsBySegment[i]?.length ?? 0) === 0) continue;
    const segment = parsed.segments[i]!;
    const line = file.lines.positionAt(segment.start).line;
    let cached = parsed.fresh[i] ? undefined : runs.get(segment);
    if (cached) {
      if (cached.line !== line) {
        const d = line - cached.line;
        cached = { line, findings: cached.findings.map((f) => shiftFinding(f, d)), dependent: cached.dependent };
        runs.set(segment, cached);
      }
      for (const f of cached.findings) out.push(f);
      for (const rule of cached.dependent) runOn(rule, i, out);
      continue;
    }
    const findings: Finding[] = [];
    const dependent: AnyRule[] = [];
    let complete = true;
    for (const rule of local) {
      const r = runOn(rule, i, findings);
      if (!r.ok) complete = false;
      else if (r.shared) dependent.push(rule);
    }
    // The shared runs' findings are not kept: they are made again on every lint.
    const own = dependent.length === 0 ? findings : findings.filter((f) => !dependent.some((r) => r.id === f.ruleId));
    for (const f of findings) out.push(f);
    if (complete) runs.set(segment, { line, findings: own, dependent });
    else runs.delete(segment);
  }

  for (const f of out) if (!crashed.has(f.ruleId)) run.sink.push(f);
  for (const id of crashed) run.crashed.push(id);
  const budget = options.ruleBudgetMs;
  if (budget !== undefined) for (const [rule, ms] of spent) if (ms > budget) options.onRuleSlow?.(rule.id, ms);
}
