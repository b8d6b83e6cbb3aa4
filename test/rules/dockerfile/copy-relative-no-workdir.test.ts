import rule from '../../../rules/src/dockerfile/copy-relative-no-workdir';
import { ruleTester } from '../../utils/rule-tester';
import { dedent } from '../../utils/dedent';

ruleTester(rule, {
  valid: [
    'FROM node:22\nWORKDIR /app\nCOPY package.json ./\n',
    { code: 'FROM node:22\nCOPY bla.sh /usr/local/bin/\n', name: 'absolute' },
    { code: 'FROM node:22\nCOPY src.sh ${DEST}\n', name: 'variable' },
    { code: dedent`
        FROM debian:12 AS base
        WORKDIR /usr
        FROM base
        COPY foo bar
      `, name: 'WORKDIR inherited' },
  ],
  invalid: [
    { code: 'FROM node:22\nCOPY package.json ./\n', errors: [{ messageId: 'relative', line: 2, column: 19, endColumn: 21 }] },
    { code: dedent`
        FROM debian:12 AS stage1
        WORKDIR /usr
        FROM debian:12
        COPY foo bar
      `, name: 'WORKDIR of an unrelated stage', errors: [{ messageId: 'relative', line: 4 }] },
  ],
});
