import rule from '../../../rules/src/dockerfile/yum-sslverify-off';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM centos:7\nRUN yum-config-manager --setopt=sslverify=1 --save\n', { code: 'FROM centos:7\nRUN echo sslverify_note=0\n', name: 'other key' }],
  invalid: [
    { code: 'FROM centos:7\nRUN yum-config-manager --setopt=sslverify=false --save\n', errors: [{ messageId: 'off', line: 2, column: 24, endColumn: 48 }] },
    { code: 'FROM fedora:40\nRUN dnf --setopt=*.sslverify=0 install -y tar-1.35\n', name: 'repo glob', errors: [{ messageId: 'off', line: 2 }] },
    { code: 'FROM centos:7\nRUN echo "sslverify=0" >> /etc/yum.conf\n', name: 'written to yum.conf', errors: [{ messageId: 'off', line: 2, column: 10 }] },
  ],
});
