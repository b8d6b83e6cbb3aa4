/**
 * The Dockerfile model: dockerfile-ast parses the text once per document version, and this
 * module flattens it into stages and instructions with exact ranges. Accessors that recompute
 * on every call in dockerfile-ast (arguments, flags, properties) are called once here.
 */
import { DockerfileParser, Onbuild, ModifiableInstruction, PropertyInstruction, JSONInstruction, From } from 'dockerfile-ast';
import type { Dockerfile, Instruction as AstInstruction } from 'dockerfile-ast';
import type { Range } from 'vscode-languageserver-types';
import { LineIndex } from '../text';
// Installs the faster, cached argument scan into dockerfile-ast (idempotent; run.ts imports it too).
import './memoize-ast';
import { parseImageRef, type ImageRef } from './image-ref';
import { substituteVariables } from './variables';

/** A word of an instruction's arguments with its exact range. */
export interface Word {
  value: string;
  range: Range;
}

/** A `--name=value` flag of an instruction (FROM --platform, COPY --from, RUN --mount …). */
export interface Flag {
  name: string;
  value: string | undefined;
  range: Range;
  nameRange: Range;
  valueRange: Range | undefined;
}

/** A `key=value` pair of ARG, ENV or LABEL. */
export interface KeyValue {
  name: string;
  value: string | undefined;
  range: Range;
  nameRange: Range;
  valueRange: Range | undefined;
}

/** A heredoc body attached to RUN, COPY or ADD. */
export interface HeredocBody {
  name: string;
  content: string;
  contentRange: Range | undefined;
}

/** One instruction. ONBUILD triggers appear as their inner keyword with `onbuild` set. */
export interface Instruction {
  /** Upper-case keyword, e.g. `RUN`. For `ONBUILD RUN x` this is `RUN`. */
  keyword: string;
  /** Range of the whole instruction (for ONBUILD triggers, of the whole ONBUILD line). */
  range: Range;
  keywordRange: Range;
  /** Arguments after flags, split as the Docker builder splits them (shell words for exec form are in `json`). */
  args: Word[];
  /** The raw argument text (flags included), continuation lines joined as written. */
  argsText: string;
  /** Range of the argument text, or undefined when the instruction has none. */
  argsRange: Range | undefined;
  flags: Flag[];
  /** Exec-form arguments (`["a", "b"]`), undefined for shell form. */
  json: Word[] | undefined;
  /** Key/value pairs of ARG, ENV and LABEL. */
  properties: KeyValue[];
  heredocs: HeredocBody[];
  onbuild: boolean;
  /** Index of the stage this instruction belongs to; -1 before the first FROM. */
  stageIndex: number;
  /** Position in `model.instructions`. */
  index: number;
}

/** One build stage, from its FROM to the next. */
export interface Stage {
  index: number;
  from: Instruction;
  /** The `AS name` alias, lower-cased as the builder compares it. */
  name: string | undefined;
  nameRange: Range | undefined;
  /** The image text after ARG substitution. */
  imageText: string;
  imageRange: Range | undefined;
  /** Parsed image reference; undefined for `scratch`, an earlier stage, or an unresolvable variable. */
  image: ImageRef | undefined;
  /** True when FROM names an earlier stage alias. */
  fromStage: Stage | undefined;
  /** True when the image text still contains a variable that could not be resolved. */
  unresolved: boolean;
  instructions: Instruction[];
  isFinal: boolean;
}

/** The whole parsed Dockerfile. */
export interface DockerfileModel {
  text: string;
  lines: LineIndex;
  ast: Dockerfile;
  escapeChar: string;
  instructions: Instruction[];
  stages: Stage[];
  /** ARGs declared before the first FROM, with their defaults. */
  globalArgs: Map<string, string | undefined>;
  comments: Word[];
  /** Per-model cache for derived data (shell parses); keyed by the deriving module. */
  cache: Map<string, unknown>;
}

function flagsOf(node: AstInstruction): Flag[] {
  if (!(node instanceof ModifiableInstruction)) return [];
  return node.getFlags().map((f) => ({
    name: f.getName(),
    value: f.getValue() ?? undefined,
    range: f.getRange(),
    nameRange: f.getNameRange(),
    valueRange: f.getValueRange() ?? undefined,
  }));
}

function propertiesOf(node: AstInstruction): KeyValue[] {
  if (!(node instanceof PropertyInstruction)) return [];
  return node.getProperties().map((p) => ({
    name: p.getName(),
    value: p.getValue() ?? undefined,
    range: p.getRange(),
    nameRange: p.getNameRange(),
    valueRange: p.getValueRange() ?? undefined,
  }));
}

function heredocsOf(node: AstInstruction, lines: LineIndex, argsText: string): HeredocBody[] {
  // Every heredoc starts with `<<` in the arguments; dockerfile-ast's scan is costly, so skip it without one.
  if (!argsText.includes('<<')) return [];
  const withHeredocs = node as unknown as { getHeredocs?: () => { getName(): string; getContentRange(): Range | null }[] };
  if (typeof withHeredocs.getHeredocs !== 'function') return [];
  let heredocs: { getName(): string; getContentRange(): Range | null }[];
  try {
    heredocs = withHeredocs.getHeredocs();
  } catch {
    // dockerfile-ast throws on a continuation line that is a comment with an escape in it
    // (`RUN \` + `# a \b c`): such a RUN has no heredoc we could read.
    return [];
  }
  return heredocs.map((h) => {
    const contentRange = h.getContentRange() ?? undefined;
    return { name: h.getName(), content: contentRange ? lines.slice(contentRange) : '', contentRange };
  });
}

function buildInstruction(node: AstInstruction, outer: AstInstruction, onbuild: boolean, lines: LineIndex, stageIndex: number, index: number): Instruction {
  const argsRange = node.getArgumentsRange() ?? undefined;
  const json = node instanceof JSONInstruction && node.getOpeningBracket() !== null && node.getClosingBracket() !== null
    ? node.getJSONStrings().map((s) => ({ value: s.getValue(), range: s.getRange() }))
    : undefined;
  const argsText = argsRange ? lines.slice(argsRange) : '';
  return {
    keyword: node.getKeyword().toUpperCase(),
    range: outer.getRange(),
    keywordRange: node.getInstructionRange(),
    args: node.getArguments().map((a) => ({ value: a.getValue(), range: a.getRange() })),
    argsText,
    argsRange,
    flags: flagsOf(node),
    json,
    properties: propertiesOf(node),
    heredocs: heredocsOf(node, lines, argsText),
    onbuild,
    stageIndex,
    index,
  };
}

/** Parses a Dockerfile into the model. Never throws: dockerfile-ast recovers from any input. */
export function parseDockerfile(text: string): DockerfileModel {
  const ast = DockerfileParser.parse(text);
  const lines = new LineIndex(text);
  const instructions: Instruction[] = [];
  const stages: Stage[] = [];
  const globalArgs = new Map<string, string | undefined>();
  for (const node of ast.getInstructions()) {
    const keyword = node.getKeyword().toUpperCase();
    if (keyword === 'FROM' && node instanceof From) {
      stages.push(makeStage(node, lines, stages, globalArgs, instructions.length));
      instructions.push(stages[stages.length - 1]!.from);
      continue;
    }
    const stageIndex = stages.length - 1;
    let instr: Instruction;
    if (node instanceof Onbuild) {
      const trigger = node.getTriggerInstruction();
      instr = trigger ? buildInstruction(trigger, node, true, lines, stageIndex, instructions.length) : buildInstruction(node, node, false, lines, stageIndex, instructions.length);
    } else {
      instr = buildInstruction(node, node, false, lines, stageIndex, instructions.length);
    }
    instructions.push(instr);
    if (stageIndex < 0) {
      if (instr.keyword === 'ARG') for (const p of instr.properties) globalArgs.set(p.name, p.value);
    } else {
      stages[stageIndex]!.instructions.push(instr);
    }
  }
  if (stages.length > 0) stages[stages.length - 1]!.isFinal = true;
  const comments = ast.getComments().map((c) => ({ value: c.getContent(), range: c.getRange() }));
  return { text, lines, ast, escapeChar: ast.getEscapeCharacter(), instructions, stages, globalArgs, comments, cache: new Map() };
}

function makeStage(node: From, lines: LineIndex, stages: Stage[], globalArgs: Map<string, string | undefined>, index: number): Stage {
  const from = buildInstruction(node, node, false, lines, stages.length, index);
  const imageRange = node.getImageRange() ?? undefined;
  const written = node.getImage() ?? '';
  const { value: imageText, unresolved } = substituteVariables(written, globalArgs);
  const stageName = node.getBuildStage();
  const lower = imageText.toLowerCase();
  const fromStage = stages.find((s) => s.name !== undefined && s.name === lower);
  const image = unresolved || fromStage || lower === 'scratch' ? undefined : parseImageRef(imageText);
  return {
    index: stages.length,
    from,
    name: stageName ? stageName.toLowerCase() : undefined,
    nameRange: node.getBuildStageRange() ?? undefined,
    imageText,
    imageRange,
    image,
    fromStage,
    unresolved,
    instructions: [from],
    isFinal: false,
  };
}

/** The final stage, or undefined for a file with no FROM. */
export function finalStage(model: DockerfileModel): Stage | undefined {
  return model.stages[model.stages.length - 1];
}
