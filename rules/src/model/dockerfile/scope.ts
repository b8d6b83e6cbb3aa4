/**
 * Variables visible to an instruction, as hadolint resolves them for version pins: ARG values
 * declared anywhere earlier, and ENV values of the instruction's stage and the stages it is built
 * FROM. Computed on demand; callers use it only for words that contain `$`.
 */
import type { DockerfileModel, Instruction, Stage } from './parse';
import { substituteVariables } from './variables';

function stageChain(stage: Stage | undefined): Set<number> {
  const out = new Set<number>();
  let s = stage;
  while (s && !out.has(s.index)) { out.add(s.index); s = s.fromStage; }
  return out;
}

/** Variables known before `instr`; computed once per instruction (model cache), never modify the map. */
export function varsAt(model: DockerfileModel, instr: Instruction): ReadonlyMap<string, string | undefined> {
  let byIndex = model.cache.get('vars-at') as (Map<string, string | undefined> | undefined)[] | undefined;
  if (!byIndex) {
    byIndex = [];
    model.cache.set('vars-at', byIndex);
  }
  let vars = byIndex[instr.index];
  if (vars === undefined) {
    vars = computeVarsAt(model, instr);
    byIndex[instr.index] = vars;
  }
  return vars;
}

function computeVarsAt(model: DockerfileModel, instr: Instruction): Map<string, string | undefined> {
  const chain = stageChain(model.stages[instr.stageIndex]);
  if (instr.stageIndex < 0) chain.add(-1);
  const vars = new Map<string, string | undefined>();
  for (const i of model.instructions) {
    if (i.index >= instr.index) break;
    if (i.onbuild) continue;
    if (i.keyword === 'ARG') for (const p of i.properties) if (p.value !== undefined || !vars.has(p.name)) vars.set(p.name, p.value);
    if (i.keyword === 'ENV' && chain.has(i.stageIndex)) for (const p of i.properties) vars.set(p.name, p.value);
  }
  return vars;
}

/** A word with its variables substituted where known (unknown ones become empty). */
export function expandWord(model: DockerfileModel, instr: Instruction, value: string): string {
  if (!value.includes('$')) return value;
  return substituteVariables(value, varsAt(model, instr)).value;
}
