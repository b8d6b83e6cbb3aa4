/** `bulkhead rules`: prints the rule catalog as JSON (an array of entries) or Markdown (an index). */
import { RULES } from '../../../rules/src/api';
import { parseArgs, type OptionSpec } from './args';
import { catalogEntry, rulesIndex, sortedRules } from './rule-docs';
import { RULES_HELP } from './help';

const OPTIONS: readonly OptionSpec[] = [
  { name: 'format', short: 'f', type: 'value', choices: ['json', 'markdown'] },
  { name: 'help', short: 'h', type: 'flag' },
];

/** Runs the rules command; resolves to the exit code. */
export async function rulesCommand(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv, OPTIONS);
  if (args.flags.has('help')) {
    process.stdout.write(RULES_HELP);
    return 0;
  }
  if (args.positionals.length > 0) {
    process.stderr.write(`bulkhead rules: unexpected argument '${args.positionals[0] ?? ''}'\n`);
    return 2;
  }
  const format = args.values.get('format') ?? 'markdown';
  if (format === 'json') process.stdout.write(`${JSON.stringify(sortedRules(RULES).map(catalogEntry), null, 2)}\n`);
  else process.stdout.write(rulesIndex(RULES, (r) => r.url, 'Every rule Bulkhead ships, grouped by target and category.'));
  return 0;
}
