import rule from '../../../rules/src/dockerfile/yum-yes';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM centos:7\nRUN yum install -y tar-1.26\n', { code: 'FROM centos:7\nRUN yum --assumeyes install tar-1.26\n', name: 'long form' }, { code: 'FROM centos:7\nRUN yum clean all\n', name: 'not an install' }],
  invalid: [
    { code: 'FROM centos:7\nRUN yum install tar-1.26 && yum clean all\n', output: 'FROM centos:7\nRUN yum install -y tar-1.26 && yum clean all\n', errors: [{ messageId: 'noYes', line: 2, column: 5, endColumn: 16 }] },
    { code: 'FROM centos:7\nRUN yum groupinstall "Development Tools"\n', name: 'groupinstall', output: 'FROM centos:7\nRUN yum groupinstall -y "Development Tools"\n', errors: [{ messageId: 'noYes', line: 2 }] },
  ],
});
