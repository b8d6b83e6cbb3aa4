/**
 * A small, strict command-line option parser: long options (`--name value`, `--name=value`),
 * short aliases, repeatable options and `--` to end options. Unknown options are usage errors.
 */

/** One option a command accepts. */
export interface OptionSpec {
  /** Long name without dashes, e.g. `format`. */
  name: string;
  /** Single-letter alias without the dash, e.g. `f`. */
  short?: string;
  /** `flag` takes no value; `value` takes exactly one; `list` may repeat and splits on commas. */
  type: 'flag' | 'value' | 'list';
  /** Allowed values for `value` options. */
  choices?: readonly string[];
}

/** Parsed options and positional arguments. */
export interface ParsedArgs {
  flags: Set<string>;
  values: Map<string, string>;
  lists: Map<string, string[]>;
  positionals: string[];
}

/** A usage error: the CLI prints the message and exits with code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Parses `argv` against `specs`; throws UsageError on anything it does not understand. */
export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[]): ParsedArgs {
  const out: ParsedArgs = { flags: new Set(), values: new Map(), lists: new Map(), positionals: [] };
  const byLong = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short !== undefined).map((s) => [s.short ?? '', s]));
  let onlyPositionals = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (onlyPositionals || arg === '-' || !arg.startsWith('-')) {
      out.positionals.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPositionals = true;
      continue;
    }
    let name: string;
    let inline: string | undefined;
    let spec: OptionSpec | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
      spec = byLong.get(name);
    } else {
      name = arg.slice(1);
      spec = byShort.get(name);
    }
    if (!spec) throw new UsageError(`unknown option '${arg}'`);
    if (spec.type === 'flag') {
      if (inline !== undefined) throw new UsageError(`option '--${spec.name}' takes no value`);
      out.flags.add(spec.name);
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('-') && next !== '-')) throw new UsageError(`option '--${spec.name}' needs a value`);
      value = next;
      i++;
    }
    if (spec.type === 'value') {
      if (spec.choices && !spec.choices.includes(value)) {
        throw new UsageError(`invalid value '${value}' for '--${spec.name}' (expected one of: ${spec.choices.join(', ')})`);
      }
      out.values.set(spec.name, value);
    } else {
      const items = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
      out.lists.set(spec.name, [...(out.lists.get(spec.name) ?? []), ...items]);
    }
  }
  return out;
}
