/**
 * The guard every test over ../shared/corpus starts with: when the corpus is missing, CI fails
 * (it always has the corpus) and a user's fresh clone skips with a visible message.
 */
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';

/**
 * True (and one test registered that fails in CI, else skips) when `required` does not exist;
 * call inside a `describe` and return when it says so. `shown` is the path the message names.
 */
export function corpusMissing(required: string, label = 'peer corpus', shown = required): boolean {
  if (existsSync(required)) return false;
  it('corpus present', (t) => {
    if (process.env.CI) assert.fail(`missing ${shown}`);
    t.skip(`${label} not found at ${shown}`);
  });
  return true;
}
