import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../../rules/src/api';
import rule from '../../../rules/src/dockerfile/label-superfluous';
import { labelRuleTester } from './label-schema-tester';

const SCHEMA = { 'org.opencontainers.image.source': 'url', maintainer: 'email' } as const;

labelRuleTester(rule, { labelSchema: SCHEMA, strictLabels: true }, {
  valid: [
    'FROM alpine:3.20\nLABEL maintainer="a@example.com"\n',
    { name: 'every key in the schema', code: 'FROM alpine:3.20\nLABEL maintainer="a@example.com" org.opencontainers.image.source="https://example.com"\n' },
    { name: 'no LABEL', code: 'FROM alpine:3.20\n' },
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nLABEL other="x"\n', errors: [{ line: 2, column: 7, endColumn: 12, message: "Label 'other' is not in the label schema." }] },
    { name: 'one of two keys', code: 'FROM alpine:3.20\nLABEL maintainer="a@example.com" other="x"\n', errors: [{ line: 2, column: 34 }] },
    { name: 'ONBUILD LABEL', code: 'FROM alpine:3.20\nONBUILD LABEL other="x"\n', errors: [{ line: 2 }] },
    { name: 'before FROM', code: 'LABEL other="x"\nFROM alpine:3.20\n', errors: [{ line: 1 }] },
  ],
});

describe(`${rule.id} needs strictLabels`, () => {
  it('is silent with a schema but without strictLabels', () => {
    const r = lint({ path: 'Dockerfile', text: 'FROM alpine:3.20\nLABEL other="x"\n' }, { policy: { labelSchema: SCHEMA } });
    assert.deepEqual(r.findings.filter((f) => f.ruleId === rule.id), []);
  });
  it('is silent with strictLabels but an empty schema', () => {
    const r = lint({ path: 'Dockerfile', text: 'FROM alpine:3.20\nLABEL other="x"\n' }, { policy: { labelSchema: {}, strictLabels: true } });
    assert.deepEqual(r.findings.filter((f) => f.ruleId === rule.id), []);
  });
});
