import rule from '../../../rules/src/dockerfile/label-empty';
import { labelRuleTester } from './label-schema-tester';

labelRuleTester(rule, { labelSchema: { team: 'text', 'org.opencontainers.image.source': 'url' } }, {
  valid: [
    'FROM alpine:3.20\nLABEL team="platform"\n',
    { name: 'empty label outside the schema', code: 'FROM alpine:3.20\nLABEL other=""\n' },
    { name: 'value from a variable', code: 'FROM alpine:3.20\nARG TEAM\nLABEL team=$TEAM\n' },
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nLABEL team=""\n', errors: [{ line: 2, column: 7, endColumn: 14, message: "Label 'team' is empty." }] },
    { name: 'any schema type', code: 'FROM alpine:3.20\nLABEL org.opencontainers.image.source=""\n', errors: [{ line: 2 }] },
    { name: 'single quotes, second pair', code: "FROM alpine:3.20\nLABEL a=b team=''\n", errors: [{ line: 2, column: 11 }] },
    { name: 'ONBUILD LABEL', code: 'FROM alpine:3.20\nONBUILD LABEL team=""\n', errors: [{ line: 2 }] },
    { name: 'continuation lines', code: 'FROM alpine:3.20\nLABEL a=b \\\n      team=""\n', errors: [{ line: 3, column: 7 }] },
  ],
});
