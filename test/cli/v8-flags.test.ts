/** The CLI's batch V8 settings: real V8 flags, applied unless the user set the same flag. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { BATCH_V8_FLAGS } from '../../rules/src/api';
import { batchV8Flags } from '../../server/src/cli/v8-flags';

describe('CLI batch V8 flags', () => {
  it('names flags this node knows (setFlagsFromString ignores a misspelt one silently)', () => {
    const known = execFileSync(process.execPath, ['--v8-options'], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    assert.ok(BATCH_V8_FLAGS.length > 0);
    for (const f of BATCH_V8_FLAGS) {
      const name = f.split('=')[0]!;
      assert.ok(known.includes(`  ${name} (`), `${name} is a V8 option`);
    }
  });
  it('applies every flag by default', () => {
    assert.deepEqual(batchV8Flags([], undefined), [...BATCH_V8_FLAGS]);
    assert.deepEqual(batchV8Flags(['--enable-source-maps'], '--max-old-space-size=4096'), [...BATCH_V8_FLAGS]);
  });
  it('leaves a flag the user gave on the command line or in NODE_OPTIONS (either spelling) alone', () => {
    const name = BATCH_V8_FLAGS[0]!.split('=')[0]!;
    assert.deepEqual(batchV8Flags([`${name}=920`], undefined), BATCH_V8_FLAGS.slice(1));
    assert.deepEqual(batchV8Flags([], `--inspect ${name.replace(/-/g, '_').replace(/^__/, '--')}=500`), BATCH_V8_FLAGS.slice(1));
  });
});
