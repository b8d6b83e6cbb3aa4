import rule from '../../../rules/src/dockerfile/gem-pin';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM ruby:3.3\nRUN gem install bundler:2.5.22\n', { code: 'FROM ruby:3.3\nRUN gem install bundler -v 2.5.22\n', name: '-v for one gem' }, { code: 'FROM ruby:3.3\nRUN gem install nokogiri:1.16.7 -- --use-system-libraries true\n', name: 'build options after --' }],
  invalid: [
    { code: 'FROM ruby:3.3\nRUN gem i bundler:1 nokogiri\n', errors: [{ messageId: 'unpinned', line: 2, column: 21, endColumn: 29 }] },
    { code: 'FROM ruby:3.3\nRUN gem install grpc -v 1.66.0 blunder\n', name: '-v with several gems', errors: [{ messageId: 'unpinned', line: 2, column: 17 }, { messageId: 'unpinned', line: 2, column: 32 }] },
  ],
});
