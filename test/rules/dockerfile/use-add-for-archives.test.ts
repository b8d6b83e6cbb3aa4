import rule from '../../../rules/src/dockerfile/use-add-for-archives';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM debian:12\nCOPY app.tar /opt/\n', { code: 'FROM debian:12\nCOPY --from=build /x.tar /x.tar\nRUN tar -xf /x.tar\n', name: 'from another stage' }, { code: 'FROM debian:12\nCOPY package.json /app/\n', name: 'not an archive' }],
  invalid: [{ code: 'FROM debian:12\nCOPY packaged-app.tar /usr/src/app\nRUN tar -xf /usr/src/app/packaged-app.tar\n', errors: [{ messageId: 'archive', line: 2, column: 6, endColumn: 22 }] }],
});
