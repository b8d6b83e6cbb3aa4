/** Dockerfile rules, sorted by id. Add each new rule here exactly once. */
import type { AnyRule } from '../engine/rule';
import latestTag from './latest-tag';
import lastUserRoot from './last-user-root';
import userMissing from './user-missing';
import addInsteadOfCopy from './add-instead-of-copy';
import addRemoteUrl from './add-remote-url';
import secretsInArgEnv from './secrets-in-arg-env';
import sudo from './sudo';
import curlPipeShell from './curl-pipe-shell';
import aptYes from './apt-yes';
import aptNoRecommends from './apt-no-recommends';
import aptListsCleanup from './apt-lists-cleanup';
import exposeSsh from './expose-ssh';
import healthcheckMissing from './healthcheck-missing';
import chmodWorldWritable from './chmod-world-writable';
import curlInsecure from './curl-insecure';
import wgetInsecure from './wget-insecure';
import pipTrustedHost from './pip-trusted-host';
import npmStrictSslOff from './npm-strict-ssl-off';
import nodeTlsRejectOff from './node-tls-reject-off';
import gitSslNoVerify from './git-ssl-no-verify';
import pythonHttpsVerifyOff from './python-https-verify-off';

export const DOCKERFILE_RULES: readonly AnyRule[] = [
  latestTag,
  lastUserRoot,
  userMissing,
  addInsteadOfCopy,
  addRemoteUrl,
  secretsInArgEnv,
  sudo,
  curlPipeShell,
  aptYes,
  aptNoRecommends,
  aptListsCleanup,
  exposeSsh,
  healthcheckMissing,
  chmodWorldWritable,
  curlInsecure,
  wgetInsecure,
  pipTrustedHost,
  npmStrictSslOff,
  nodeTlsRejectOff,
  gitSslNoVerify,
  pythonHttpsVerifyOff,
];
