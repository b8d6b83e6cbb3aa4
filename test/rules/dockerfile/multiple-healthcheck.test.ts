import rule from '../../../rules/src/dockerfile/multiple-healthcheck';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nHEALTHCHECK CMD /bin/b\n',
    { code: 'FROM alpine:3.20 AS a\nHEALTHCHECK CMD /bin/a\nFROM alpine:3.20\nHEALTHCHECK CMD /bin/b\n', name: 'one per stage' },
    { code: 'FROM alpine:3.20\nONBUILD HEALTHCHECK CMD /bin/a\nHEALTHCHECK CMD /bin/b\n', name: 'ONBUILD trigger is not this stage' },
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nHEALTHCHECK CMD /bin/a\nRUN true\nHEALTHCHECK CMD /bin/b\n', output: 'FROM alpine:3.20\nRUN true\nHEALTHCHECK CMD /bin/b\n', errors: [{ messageId: 'overridden', line: 2, column: 1, endColumn: 12, message: 'This HEALTHCHECK has no effect: the HEALTHCHECK on line 4 replaces it.' }] },
    { code: 'FROM alpine:3.20 AS build\nHEALTHCHECK CMD /bin/a\nHEALTHCHECK CMD /bin/a\nHEALTHCHECK CMD /bin/b\nFROM alpine:3.20\nHEALTHCHECK CMD /bin/b\n', name: 'two overridden in a build stage', output: 'FROM alpine:3.20 AS build\nHEALTHCHECK CMD /bin/b\nFROM alpine:3.20\nHEALTHCHECK CMD /bin/b\n', errors: [{ messageId: 'overridden', line: 2 }, { messageId: 'overridden', line: 3 }] },
  ],
});
