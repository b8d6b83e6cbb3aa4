import rule from '../../../rules/src/dockerfile/go-install-pin';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: ['FROM golang:1.23\nRUN go install example.com/pkg@v1.2.3\n', { code: 'FROM golang:1.23\nRUN go install ./cmd/app && go run .\n', name: 'local packages' }, { code: 'FROM golang:1.23\nRUN go build -o /app .\n', name: 'go build' }],
  invalid: [
    { code: 'FROM golang:1.23\nRUN go install example.com/pkg\n', errors: [{ messageId: 'unpinned', line: 2, column: 16, endColumn: 31 }] },
    { code: 'FROM golang:1.23\nRUN go get -tool foobar@latest\n', name: '@latest', errors: [{ messageId: 'unpinned', line: 2, column: 18 }] },
  ],
});
