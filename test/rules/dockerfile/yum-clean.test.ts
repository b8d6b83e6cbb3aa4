import rule from '../../../rules/src/dockerfile/yum-clean';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM centos:7\nRUN yum install -y tar-1.26 && yum clean all\n',
    { code: 'FROM centos:7\nRUN yum install -y tar-1.26 && rm -rf /var/cache/yum/*\n', name: 'cache removed' },
    { code: 'FROM centos:7\nRUN --mount=type=cache,target=/var/cache/yum yum install -y tar-1.26\n', name: 'cache mount' },
  ],
  invalid: [
    { code: 'FROM centos:7\nRUN yum install -y tar-1.26\n', output: 'FROM centos:7\nRUN yum install -y tar-1.26 && yum clean all\n', errors: [{ messageId: 'noClean', line: 2, column: 5, endColumn: 16 }] },
    { code: 'FROM centos:7\nRUN yum clean all && yum install -y tar-1.26\n', name: 'clean before install', output: 'FROM centos:7\nRUN yum clean all && yum install -y tar-1.26 && yum clean all\n', errors: [{ messageId: 'noClean', line: 2, column: 22 }] },
  ],
});
