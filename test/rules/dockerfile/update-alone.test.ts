import rule from '../../../rules/src/dockerfile/update-alone';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n',
    { code: 'FROM debian:12\nRUN apt-get update\n', name: 'update without any later install' },
    { code: 'FROM alpine:3.20\nRUN apk update\nRUN apk add --update curl\n', name: 'install refreshes itself' },
    { code: 'FROM debian:12 AS a\nRUN apt-get update\nFROM debian:12\nRUN apt-get install -y curl\n', name: 'different stages' },
  ],
  invalid: [
    { code: 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y curl\n', errors: [{ messageId: 'alone', line: 3, column: 5, endColumn: 20, message: "'apt-get install' relies on 'apt-get update' from the separate RUN on line 2, whose cached layer may hold stale indexes." }] },
    { code: 'FROM archlinux:base\nRUN pacman -Syu\nRUN pacman -S nginx\n', name: 'pacman', errors: [{ messageId: 'alone', line: 3 }] },
    { code: 'FROM centos:7\nRUN yum update\nRUN yum install -y nginx\n', name: 'yum', errors: [{ messageId: 'alone', line: 3 }] },
  ],
});
