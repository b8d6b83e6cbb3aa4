import rule from '../../../rules/src/dockerfile/yum-pin';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM centos:7\nRUN yum install -y tar-1.26\n', { code: 'FROM centos:7\nRUN yum module install -y nodejs:18\n', name: 'module stream' }, { code: 'FROM centos:7\nRUN yum groupinstall -y "Development Tools"\n', name: 'group' }],
  invalid: [
    { code: 'FROM centos:7\nRUN yum install -y tar\n', errors: [{ messageId: 'unpinned', line: 2, column: 20, endColumn: 23 }] },
    { code: 'FROM centos:7\nRUN yum module install -y nodejs\n', name: 'module without stream', errors: [{ messageId: 'unpinned', line: 2 }] },
  ],
});
