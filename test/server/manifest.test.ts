/** The extension manifest (package.json) parts the client relies on: activation, settings, commands, walkthrough. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const repoRoot = join(__dirname, '..', '..');

interface Manifest {
  activationEvents: string[];
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    configuration: { properties: Record<string, { scope?: string; markdownDescription?: string }> };
    walkthroughs?: { steps: { description: string; media: { markdown?: string } }[] }[];
    grammars?: { path: string }[];
  };
}

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Manifest;

function clientSource(): string {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.ts')) out.push(readFileSync(p, 'utf8'));
    }
  };
  walk(join(repoRoot, 'client', 'src'));
  walk(join(repoRoot, 'protocol', 'src'));
  return out.join('\n');
}

describe('package.json', () => {
  it('activates on Dockerfile, YAML and Compose documents, never on *', () => {
    assert.ok(!pkg.activationEvents.includes('*'));
    for (const e of ['onLanguage:dockerfile', 'onLanguage:yaml', 'onLanguage:dockercompose']) assert.ok(pkg.activationEvents.includes(e), e);
  });

  it('gives every setting an explicit scope and a Markdown description', () => {
    for (const [key, p] of Object.entries(pkg.contributes.configuration.properties)) {
      assert.ok(p.scope, `${key} has no scope`);
      assert.ok(p.markdownDescription, `${key} has no markdownDescription`);
    }
    assert.equal(pkg.contributes.configuration.properties['bulkhead.yaml.schemaValidation']?.scope, 'resource');
  });

  it('mirrors every .bulkhead.yaml key with a resource-scoped setting', () => {
    const schema = JSON.parse(readFileSync(join(repoRoot, 'server', 'schemas', 'bulkhead-config.schema.json'), 'utf8')) as { properties: Record<string, unknown> };
    const mirror: Record<string, string[]> = {
      rules: ['bulkhead.disabledRules', 'bulkhead.enabledRules', 'bulkhead.severityOverrides'],
      overrides: ['bulkhead.severityOverrides'],
      profile: ['bulkhead.profile'],
      trustedRegistries: ['bulkhead.trustedRegistries'],
      allowedBaseImages: ['bulkhead.allowedBaseImages'],
      ignorePaths: ['bulkhead.ignorePaths'],
      labelSchema: ['bulkhead.labelSchema'],
      strictLabels: ['bulkhead.strictLabels'],
    };
    assert.deepEqual(Object.keys(schema.properties).sort(), Object.keys(mirror).sort(), 'a new config key needs a setting (and docs/configuration.md)');
    for (const keys of Object.values(mirror)) for (const k of keys) assert.equal(pkg.contributes.configuration.properties[k]?.scope, 'resource', k);
    const profile = pkg.contributes.configuration.properties['bulkhead.profile'] as { enum?: string[]; default?: unknown };
    assert.deepEqual(profile.enum, ['baseline', 'restricted']);
    assert.equal(profile.default, 'restricted');
    assert.equal(pkg.contributes.configuration.properties['bulkhead.lintWorkspaceOnStartup']?.scope, 'window');
  });

  it('puts every command under the Bulkhead category and registers it in the client', () => {
    const src = clientSource();
    for (const c of pkg.contributes.commands) {
      assert.equal(c.category, 'Bulkhead', c.command);
      assert.ok(src.includes(`'${c.command}'`), `${c.command} is contributed but never registered`);
    }
  });

  it('has walkthrough media on disk and links only to contributed or built-in commands', () => {
    const ours = new Set(pkg.contributes.commands.map((c) => c.command));
    const steps = pkg.contributes.walkthroughs?.flatMap((w) => w.steps) ?? [];
    assert.ok(steps.length >= 3);
    for (const s of steps) {
      if (s.media.markdown) assert.ok(existsSync(join(repoRoot, s.media.markdown)), s.media.markdown);
      for (const part of s.description.split('(command:').slice(1)) {
        const id = part.split(/[?)]/)[0] ?? '';
        assert.ok(ours.has(id) || id.startsWith('workbench.'), `walkthrough links to unknown command ${id}`);
      }
    }
  });

  it('points grammars at files that exist', () => {
    for (const g of pkg.contributes.grammars ?? []) assert.ok(existsSync(join(repoRoot, g.path)), g.path);
  });
});
