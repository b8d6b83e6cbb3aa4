import rule from '../../../rules/src/dockerfile/label-missing';
import { labelRuleTester } from './label-schema-tester';

const SRC = 'org.opencontainers.image.source';

labelRuleTester(rule, { labelSchema: { [SRC]: 'url' } }, {
  valid: [
    `FROM alpine:3.20\nLABEL ${SRC}="https://example.com/app"\n`,
    { name: 'set among other labels, quoted key', code: `FROM alpine:3.20\nLABEL a=b "${SRC}"="https://example.com/app" c=d\n` },
    { name: 'inherited from a labelled stage', code: `FROM alpine:3.20 AS base\nLABEL ${SRC}="https://example.com/app"\nFROM base\nRUN true\n` },
    { name: 'build stage only used by COPY --from (alias)', code: `FROM golang:1.23 AS build\nRUN go build\nFROM alpine:3.20\nLABEL ${SRC}="https://example.com/app"\nCOPY --from=build /out /app\n` },
    { name: 'build stage only used by COPY --from (index)', code: `FROM golang:1.23\nRUN go build\nFROM alpine:3.20\nLABEL ${SRC}="https://example.com/app"\nCOPY --from=0 /out /app\n` },
    { name: 'base of a labelled stage', code: `FROM alpine:3.20 AS base\nRUN apk add --no-cache curl\nFROM base\nLABEL ${SRC}="https://example.com/app"\n` },
    { name: 'chain ending in a labelled stage', code: `FROM alpine:3.20 AS a\nFROM a AS b\nFROM b\nLABEL ${SRC}="https://example.com/app"\n` },
    { name: 'alias casing differs', code: `FROM alpine:3.20 AS Base\nLABEL ${SRC}="https://example.com/app"\nFROM base\n` },
    { name: 'no stages at all', code: 'ARG X=1\n' },
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nRUN true\n', errors: [{ line: 1, column: 1, endColumn: 17, message: `Label '${SRC}' is missing from this stage.` }] },
    { name: 'another label only', code: 'FROM alpine:3.20\nLABEL other="x"\n', errors: [{ line: 1 }] },
    { name: 'key differs in case', code: `FROM alpine:3.20\nLABEL ORG.OPENCONTAINERS.IMAGE.SOURCE="https://example.com/app"\n`, errors: [{ line: 1 }] },
    { name: 'ONBUILD LABEL labels child images, not this one', code: `FROM alpine:3.20\nONBUILD LABEL ${SRC}="https://example.com/app"\n`, errors: [{ line: 1 }] },
    { name: 'every unrelated stage', code: 'FROM alpine:3.20 AS one\nFROM alpine:3.20 AS two\n', errors: [{ line: 1 }, { line: 2 }] },
    { name: 'unlabelled stage after a labelled one', code: `FROM alpine:3.20\nLABEL ${SRC}="https://example.com/app"\nFROM debian:12\n`, errors: [{ line: 3 }] },
    { name: 'base of an unlabelled stage, and that stage', code: 'FROM alpine:3.20 AS base\nFROM base\n', errors: [{ line: 1 }, { line: 2 }] },
    { name: 'second child of a base is unlabelled', code: `FROM alpine:3.20 AS base\nFROM base\nLABEL ${SRC}="https://example.com/app"\nFROM base\n`, errors: [{ line: 4 }] },
    { name: 'copied-from stage is fine, last stage is not', code: `FROM alpine:3.20 AS build\nFROM alpine:3.20\nLABEL ${SRC}="https://example.com/app"\nCOPY --from=build /a /a\nFROM alpine:3.20\nCOPY --from=build /a /a\n`, errors: [{ line: 5 }] },
  ],
});
