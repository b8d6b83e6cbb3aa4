/**
 * Labels checked against a configured label schema (`labelSchema` / hadolint's `label-schema`):
 * which stages carry a label, and whether a label's value has the configured format. Each
 * format check looks at one already-extracted value, never at the Dockerfile text.
 */
import parseSpdx from 'spdx-expression-parse';
import type { LabelType, PolicyOptions } from '../../engine/rule';
import type { DockerfileModel, Instruction, KeyValue, Stage } from './parse';

/** True when the value refers to a build variable (`$X`, `${X}`), so its final text is unknown here. */
export function hasVariable(value: string): boolean {
  return /\$(\{|[A-Za-z_])/.test(value);
}

function isUrl(v: string): boolean {
  return /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/.test(v) && URL.canParse(v);
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** RFC 3339 `date-time`: full date, `T`, full time with optional fraction, `Z` or a numeric offset. */
function isRfc3339(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$/.exec(v);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const maxDay = month === 2 && !leap ? 28 : DAYS[month - 1] ?? 0;
  const offsetOk = m[9] === undefined || (Number(m[9]) <= 23 && Number(m[10]) <= 59);
  return month >= 1 && month <= 12 && day >= 1 && day <= maxDay && hour <= 23 && minute <= 59 && second <= 60 && offsetOk;
}

/** Semantic Versioning 2.0.0: MAJOR.MINOR.PATCH without leading zeros, optional pre-release and build metadata. */
function isSemver(v: string): boolean {
  const num = '(0|[1-9]\\d*)';
  const pre = '(?:0|[1-9]\\d*|\\d*[A-Za-z-][0-9A-Za-z-]*)';
  return new RegExp(`^${num}\\.${num}\\.${num}(?:-${pre}(?:\\.${pre})*)?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?$`).test(v);
}

/** An SPDX license identifier or license expression (`MIT`, `Apache-2.0 OR MIT`, `GPL-2.0-only WITH Classpath-exception-2.0`). */
function isSpdx(v: string): boolean {
  try {
    parseSpdx(v);
    return true;
  } catch {
    return false;
  }
}

/** A git commit id: 7 to 40 hex digits (abbreviated or full SHA-1), or 64 (SHA-256 repositories). */
function isGitHash(v: string): boolean {
  return /^[0-9a-fA-F]{7,40}$/.test(v) || /^[0-9a-fA-F]{64}$/.test(v);
}

const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const ADDR_SPEC = new RegExp(`^(?:${ATOM}(?:\\.${ATOM})*|"(?:[^"\\\\\\r\\n]|\\\\.)*")@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*|\\[[^\\[\\]\\\\\\s]+\\])$`);

/** An RFC 5322 mailbox: `user@example.com`, or a display name with the address in angle brackets. */
function isEmail(v: string): boolean {
  const named = /^[^<>]*<([^<>]+)>$/.exec(v.trim());
  return ADDR_SPEC.test(named ? named[1]! : v);
}

const VALID: Readonly<Record<LabelType, (v: string) => boolean>> = {
  text: () => true,
  url: isUrl,
  hash: isGitHash,
  rfc3339: isRfc3339,
  semver: isSemver,
  spdx: isSpdx,
  email: isEmail,
};

/** The type the schema gives a label key (`Object.hasOwn`, so a key like `constructor` never matches a prototype member). */
export function schemaType(policy: PolicyOptions, key: string): LabelType | undefined {
  return Object.hasOwn(policy.labelSchema, key) ? policy.labelSchema[key] : undefined;
}

/** Pairs of a LABEL instruction whose key the schema types as `type` and whose known, non-empty value is not of that format. */
export function badLabelValues(i: Instruction, policy: PolicyOptions, type: LabelType): KeyValue[] {
  return i.properties.filter((p) => schemaType(policy, p.name) === type && p.value !== undefined && p.value !== '' && !hasVariable(p.value) && !VALID[type](p.value));
}

/** Keys set by each stage's own LABEL instructions (ONBUILD triggers label child images, not this one). */
function stageLabels(model: DockerfileModel): Map<Stage, Set<string>> {
  const out = new Map<Stage, Set<string>>();
  for (const s of model.stages) {
    const keys = new Set<string>();
    for (const i of s.instructions) if (i.keyword === 'LABEL' && !i.onbuild) for (const p of i.properties) keys.add(p.name);
    out.set(s, keys);
  }
  return out;
}

/** Stages named by `COPY --from=<name or index>` anywhere in the file. */
function copiedStages(model: DockerfileModel): Set<Stage> {
  const out = new Set<Stage>();
  for (const i of model.instructions) {
    if (i.keyword !== 'COPY') continue;
    const from = i.flags.find((f) => f.name.toLowerCase() === 'from')?.value?.toLowerCase();
    if (from === undefined) continue;
    const stage = /^\d+$/.test(from) ? model.stages[Number(from)] : model.stages.find((s) => s.name === from);
    if (stage) out.add(stage);
  }
  return out;
}

/**
 * For each key, the stages that lack it: neither they nor the stage they are built FROM set it,
 * and they are not an intermediate whose result is used elsewhere (copied from, or the base of a
 * stage that is itself labelled or used). The file is walked once, whatever the number of keys.
 */
export function stagesMissingLabels(model: DockerfileModel, keys: readonly string[]): Map<string, Stage[]> {
  const result = new Map<string, Stage[]>();
  if (keys.length === 0 || model.stages.length === 0) return result;
  const own = stageLabels(model);
  const copied = copiedStages(model);
  const children = new Map<Stage, Stage[]>();
  for (const s of model.stages) if (s.fromStage) children.set(s.fromStage, [...(children.get(s.fromStage) ?? []), s]);
  for (const key of keys) {
    const has = new Map<Stage, boolean>();
    for (const s of model.stages) has.set(s, own.get(s)?.has(key) === true || (s.fromStage !== undefined && has.get(s.fromStage) === true));
    const ok = new Map<Stage, boolean>();
    // Children come after their base, so walking backwards settles every child first.
    for (const s of [...model.stages].reverse()) {
      ok.set(s, has.get(s) === true || copied.has(s) || (children.get(s) ?? []).some((c) => ok.get(c) === true));
    }
    result.set(key, model.stages.filter((s) => ok.get(s) !== true));
  }
  return result;
}
