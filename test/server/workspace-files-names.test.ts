/**
 * Which new files the Lint Workspace client follows: a file created after a Lint Workspace is
 * linted only when its name is one the first run's search (INCLUDE_GLOB) takes.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { INCLUDE_GLOB, isIncludedName } from '../../client/src/workspaceFiles';

describe('isIncludedName (the names of INCLUDE_GLOB)', () => {
  it('takes Dockerfiles, Containerfiles and YAML by name', () => {
    for (const name of ['Dockerfile', 'app_Dockerfile', 'Dockerfile.prod', 'api.dockerfile', 'Containerfile', 'build.containerfile', 'pod.yaml', 'compose.yml', '.bulkhead.yaml']) {
      assert.equal(isIncludedName(name), true, name);
    }
  });

  it('leaves other files alone, even with manifest content', () => {
    for (const name of ['notes.txt', 'app.js', 'pod.json', 'values.yaml.bak', 'yaml', 'README.md', 'docker-notes']) {
      assert.equal(isIncludedName(name), false, name);
    }
  });

  it('follows INCLUDE_GLOB: every alternative of it is a `*` pattern over one name', () => {
    const alternatives = INCLUDE_GLOB.replace(/^\*\*\/\{/, '').replace(/\}$/, '').split(',');
    assert.ok(alternatives.length >= 6, INCLUDE_GLOB);
    for (const alt of alternatives) {
      assert.match(alt, /^[*.\w-]+$/, `${alt}: the name check only knows '*'`);
      assert.equal(isIncludedName(alt.replace(/\*/g, 'x')), true, alt);
    }
  });
});
