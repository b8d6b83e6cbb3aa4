/**
 * Stage-level facts shared by rules: the effective USER of a stage (following `FROM <stage>`
 * chains, ignoring ONBUILD triggers), which stages end up in the final image, and stage lookup by
 * name or index as `COPY --from` and `FROM` resolve them.
 */
import type { DockerfileContext } from '../../engine/rule';
import type { DockerfileModel, Instruction, Stage } from './parse';

/** The USER instruction in force at the end of `stage` (inherited through `FROM <stage>`), if any. */
export function effectiveUser(stage: Stage): Instruction | undefined {
  const seen = new Set<number>();
  let s: Stage | undefined = stage;
  while (s && !seen.has(s.index)) {
    seen.add(s.index);
    for (let i = s.instructions.length - 1; i >= 0; i--) {
      const instr = s.instructions[i]!;
      if (instr.keyword === 'USER' && !instr.onbuild) return instr;
    }
    s = s.fromStage;
  }
  return undefined;
}

/** True when a USER value (`root`, `0`, `root:root`, `0:0`) names the root user. */
export function isRootUser(value: string): boolean {
  const user = value.split(':')[0]!.trim().toLowerCase();
  return user === 'root' || /^0+$/.test(user);
}

/** Stages whose filesystem ends up in the final image: the final stage and its `FROM <stage>` ancestors. */
export function finalChain(model: DockerfileModel): Set<number> {
  const out = new Set<number>();
  let s = model.stages[model.stages.length - 1];
  while (s && !out.has(s.index)) {
    out.add(s.index);
    s = s.fromStage;
  }
  return out;
}

/** Stages used as the base of a later stage (`FROM <stage>`). */
export function baseStages(model: DockerfileModel): Set<number> {
  const out = new Set<number>();
  for (const s of model.stages) if (s.fromStage) out.add(s.fromStage.index);
  return out;
}

/** Resolves a `COPY --from` value to a stage defined before `before`: by alias or numeric index. */
export function stageByRef(model: DockerfileModel, ref: string, before: number): Stage | undefined {
  const lower = ref.toLowerCase();
  if (/^\d+$/.test(ref)) {
    const i = Number(ref);
    return i < before ? model.stages[i] : undefined;
  }
  return model.stages.slice(0, before).find((s) => s.name === lower);
}

/** The `--from` flag of COPY/ADD, if any. */
export function fromFlag(instr: Instruction): Instruction['flags'][number] | undefined {
  return instr.flags.find((f) => f.name.toLowerCase() === 'from');
}

/**
 * True when what `instr` leaves in its layer reaches the final image: it is in the final stage or
 * a stage the final stage is (transitively) built FROM, it precedes the first FROM, or it is an
 * ONBUILD trigger (which runs in whatever image is built from this one). Stages only copied from,
 * or only used as the base of other non-final stages (test stages), are not shipped.
 */
export function isShipped(model: DockerfileModel, instr: Instruction): boolean {
  if (instr.stageIndex < 0 || instr.onbuild) return true;
  let cache = model.cache.get('shipped-stages') as Set<number> | undefined;
  if (!cache) {
    cache = finalChain(model);
    model.cache.set('shipped-stages', cache);
  }
  return cache.has(instr.stageIndex);
}

/** Edit deleting a whole instruction including its line break. */
export function deleteInstruction(model: DockerfileModel, instr: Instruction): { range: import('vscode-languageserver-types').Range; newText: string } {
  const start = model.lines.offsetAt({ line: instr.range.start.line, character: 0 });
  let end = model.lines.offsetAt(instr.range.end);
  if (model.text[end] === '\r') end++;
  if (model.text[end] === '\n') end++;
  return { range: model.lines.range(start, end), newText: '' };
}

/** The Dockerfile instruction keywords; anything else is a parse artefact (templates, stray lines). */
export const KEYWORDS: ReadonlySet<string> = new Set(['FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL']);

type OverriddenMessages = { overridden: (line: number) => string };

/** Reports every `keyword` instruction of the stage (ONBUILD triggers aside) that a later one replaces, with a safe fix that deletes it. */
export function reportOverridden(s: Stage, ctx: DockerfileContext<OverriddenMessages>, keyword: string): void {
  const all = s.instructions.filter((i) => i.keyword === keyword && !i.onbuild);
  const last = all[all.length - 1];
  for (const i of all.slice(0, -1)) ctx.report({ at: i.keywordRange, messageId: 'overridden', args: [last!.range.start.line + 1], fix: { title: `Remove the overridden ${keyword}`, edits: [deleteInstruction(ctx.model, i)] } });
}
