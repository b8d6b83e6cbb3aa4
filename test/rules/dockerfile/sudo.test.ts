import rule from '../../../rules/src/dockerfile/sudo';
import { ruleTester } from '../../utils/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get install -y sudo\n',
    { code: 'FROM debian:12\nRUN echo sudo\n', name: 'sudo as an argument' },
    { code: 'FROM debian:12\nRUN cat <<EOF > /etc/motd\nsudo is not installed\nEOF\n', name: 'sudo in a data heredoc' },
  ],
  invalid: [
    { code: 'FROM debian:12\nRUN sudo apt-get update\n', output: 'FROM debian:12\nRUN apt-get update\n', errors: [{ messageId: 'sudo', line: 2, column: 5, endColumn: 9 }] },
    { code: 'FROM debian:12\nRUN apt-get update && \\\n    sudo apt-get install -y x\n', name: 'after a continuation', output: 'FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y x\n', errors: [{ messageId: 'sudo', line: 3, column: 5 }] },
    { code: 'FROM debian:12\nRUN sudo -u app make\n', name: 'options: no fix', errors: [{ messageId: 'sudo', line: 2 }] },
    { code: "FROM debian:12\nRUN bash -c 'sudo make install'\n", name: 'inside bash -c', output: "FROM debian:12\nRUN bash -c 'make install'\n", errors: [{ messageId: 'sudo', line: 2, column: 14 }] },
    { code: 'FROM debian:12\nRUN ["sudo", "ls"]\n', name: 'exec form: no fix', errors: [{ messageId: 'sudo', line: 2, column: 6, endColumn: 12 }] },
    { code: 'FROM debian:12\nONBUILD RUN sudo ls\n', name: 'ONBUILD', output: 'FROM debian:12\nONBUILD RUN ls\n', errors: [{ messageId: 'sudo', line: 2, column: 13 }] },
  ],
});
