/**
 * Engine resilience: a rule that throws is isolated (its findings dropped for that document,
 * the other rules unaffected) and reported; a rule that runs past its time budget is reported.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defineRule, lint, type AnyRule, type RuleDocs } from '../../rules/src/api';
import { ruleBudgetMs } from '../../rules/src/engine/run';

const docs: RuleDocs = { summary: 'Test rule.', rationale: 'Test rule.', remediation: 'Nothing.', examples: { bad: ['x'], good: ['y'] } };
const meta = { category: 'hygiene', severity: 'warning', fix: 'none', anchors: {}, docs } as const;

/** Reports every instruction; the healthy neighbour whose findings must survive. */
const everyInstruction = defineRule({
  ...meta,
  id: 'DF990',
  name: 'test-every-instruction',
  target: 'dockerfile',
  title: 'Report every instruction',
  messages: { seen: (k: string) => `Saw ${k}.` },
  hooks: { onEnd: (ctx) => { for (const i of ctx.model.instructions) ctx.report({ at: i.keywordRange, messageId: 'seen', args: [i.keyword] }); } },
}) as unknown as AnyRule;

/** Reports once, then throws: the report must not survive. */
const throwsAfterReporting = defineRule({
  ...meta,
  id: 'DF991',
  name: 'test-throws',
  target: 'dockerfile',
  title: 'Throw',
  messages: { early: () => 'Reported before throwing.' },
  hooks: {
    onInstruction: {
      RUN: (i, ctx) => {
        ctx.report({ at: i.range, messageId: 'early', args: [] });
        throw new TypeError('boom in RUN');
      },
    },
  },
}) as unknown as AnyRule;

function busyWait(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // Spin: a rule stuck in a slow loop.
  }
}

const slow = defineRule({
  ...meta,
  id: 'DF992',
  name: 'test-slow',
  target: 'dockerfile',
  title: 'Slow',
  messages: { slow: () => 'Slow but finished.' },
  hooks: { onEnd: (ctx) => { busyWait(60); ctx.report({ at: ctx.model.instructions[0]!.range, messageId: 'slow', args: [] }); } },
}) as unknown as AnyRule;

const throwsOnWorkload = defineRule({
  ...meta,
  id: 'K8S990',
  name: 'test-k8s-throws',
  target: 'kubernetes',
  title: 'Throw',
  messages: { x: () => 'x' },
  hooks: { onContainer: () => { throw new RangeError('deep'); } },
}) as unknown as AnyRule;

const composeThrows = defineRule({
  ...meta,
  id: 'DC990',
  name: 'test-compose-throws',
  target: 'compose',
  title: 'Throw',
  messages: { x: () => 'x' },
  hooks: { onService: () => { throw new Error('compose'); } },
}) as unknown as AnyRule;

const DOCKERFILE = 'FROM alpine:3.20\nRUN echo hi\nUSER app\n';

describe('resilience: a rule that throws', () => {
  it('is isolated: its own report is dropped, the other rules report normally', () => {
    const errors: [string, unknown][] = [];
    const r = lint({ path: 'Dockerfile', text: DOCKERFILE }, { rules: [throwsAfterReporting, everyInstruction], onRuleError: (id, e) => errors.push([id, e]) });
    assert.deepEqual(r.crashedRules, ['DF991']);
    assert.deepEqual(r.findings.map((f) => f.ruleId), ['DF990', 'DF990', 'DF990']);
    assert.equal(errors.length, 1);
    assert.equal(errors[0]?.[0], 'DF991');
    assert.ok(errors[0]?.[1] instanceof TypeError && errors[0][1].message === 'boom in RUN');
  });
  it('is reported as a rule-error problem naming the rule', () => {
    const r = lint({ path: 'Dockerfile', text: DOCKERFILE }, { rules: [throwsAfterReporting, everyInstruction] });
    const p = r.problems.filter((x) => x.code === 'rule-error');
    assert.equal(p.length, 1);
    assert.match(p[0]!.message, /DF991/);
    assert.equal(p[0]!.source, 'bulkhead');
  });
  it('only crashes on the documents that trigger it', () => {
    const r = lint({ path: 'Dockerfile', text: 'FROM alpine:3.20\nUSER app\n' }, { rules: [throwsAfterReporting, everyInstruction] });
    assert.deepEqual(r.crashedRules, []);
    assert.equal(r.findings.length, 2);
  });
  it('is isolated for Kubernetes and Compose hooks too', () => {
    const k = lint({ path: 'pod.yaml', text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx:1.27\n' }, { rules: [throwsOnWorkload] });
    assert.equal(k.kind, 'kubernetes');
    assert.deepEqual(k.crashedRules, ['K8S990']);
    const c = lint({ path: 'compose.yaml', text: 'services:\n  web:\n    image: nginx:1.27\n' }, { rules: [composeThrows] });
    assert.equal(c.kind, 'compose');
    assert.deepEqual(c.crashedRules, ['DC990']);
  });
});

describe('resilience: a rule past its time budget', () => {
  it('is reported as a rule-slow problem, with its findings kept', () => {
    const slowOnes: [string, number][] = [];
    const r = lint({ path: 'Dockerfile', text: DOCKERFILE }, { rules: [slow, everyInstruction], ruleBudgetMs: 20, onRuleSlow: (id, ms) => slowOnes.push([id, ms]) });
    assert.deepEqual(slowOnes.map(([id]) => id), ['DF992']);
    assert.ok((slowOnes[0]?.[1] ?? 0) >= 60);
    const p = r.problems.filter((x) => x.code === 'rule-slow');
    assert.equal(p.length, 1);
    assert.match(p[0]!.message, /DF992 took \d+ ms/);
    assert.ok(r.findings.some((f) => f.ruleId === 'DF992'));
    assert.equal(r.findings.filter((f) => f.ruleId === 'DF990').length, 3);
  });
  it('is not reported within the default budget', () => {
    const r = lint({ path: 'Dockerfile', text: DOCKERFILE }, { rules: [slow, everyInstruction] });
    assert.deepEqual(r.problems.filter((x) => x.code === 'rule-slow'), []);
  });
  it('default budget is 2 s and grows with very large files', () => {
    assert.equal(ruleBudgetMs('x'.repeat(1000)), 2000);
    assert.equal(ruleBudgetMs('x'.repeat(5_000_000)), 10000);
  });
});
