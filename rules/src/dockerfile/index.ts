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
import workdirRelative from './workdir-relative';
import portRange from './port-range';
import multipleHealthcheck from './multiple-healthcheck';
import multipleCmd from './multiple-cmd';
import multipleEntrypoint from './multiple-entrypoint';
import copyMultiSrcSlash from './copy-multi-src-slash';
import copyFromUndefined from './copy-from-undefined';
import copyFromSelf from './copy-from-self';
import stageAliasUnique from './stage-alias-unique';
import jsonArgs from './json-args';
import aptVsAptGet from './apt-vs-apt-get';
import runCd from './run-cd';
import maintainerDeprecated from './maintainer-deprecated';
import wgetAndCurl from './wget-and-curl';
import pipefail from './pipefail';
import updateAlone from './update-alone';
import yumYes from './yum-yes';
import dnfYes from './dnf-yes';
import zypperYes from './zypper-yes';
import yumClean from './yum-clean';
import dnfClean from './dnf-clean';
import zypperClean from './zypper-clean';
import aptPin from './apt-pin';
import apkPin from './apk-pin';
import yumPin from './yum-pin';
import dnfPin from './dnf-pin';
import zypperPin from './zypper-pin';
import npmPin from './npm-pin';
import gemPin from './gem-pin';
import pipPin from './pip-pin';
import pipNoCacheDir from './pip-no-cache-dir';
import goInstallPin from './go-install-pin';
import apkNoCache from './apk-no-cache';
import yarnCacheClean from './yarn-cache-clean';
import wgetProgress from './wget-progress';
import useraddNoL from './useradd-no-l';
import distUpgrade from './dist-upgrade';
import pointlessCommands from './pointless-commands';
import shellViaRun from './shell-via-run';
import platformFlag from './platform-flag';
import redundantTargetPlatform from './redundant-target-platform';
import reservedStageName from './reserved-stage-name';
import copyEntireStageFs from './copy-entire-stage-fs';
import apkAllowUntrusted from './apk-allow-untrusted';
import aptAllowUnauthenticated from './apt-allow-unauthenticated';
import aptForceYes from './apt-force-yes';
import rpmGpgOff from './rpm-gpg-off';
import rpmNosignature from './rpm-nosignature';
import yumSslverifyOff from './yum-sslverify-off';
import chpasswd from './chpasswd';
import chownFlag from './chown-flag';
import systemDirTarget from './system-dir-target';
import secretFileInImage from './secret-file-in-image';
import contentTrustOff from './content-trust-off';
import baseImageDigest from './base-image-digest';
import untrustedRegistry from './untrusted-registry';
import nonNumericUser from './non-numeric-user';
import copyRelativeNoWorkdir from './copy-relative-no-workdir';
import envSelfReference from './env-self-reference';
import onbuildForbidden from './onbuild-forbidden';
import instructionOrder from './instruction-order';
import labelKeyInvalid from './label-key-invalid';
import consecutiveRun from './consecutive-run';
import copyFromIndex from './copy-from-index';
import noInlineIgnore from './no-inline-ignore';
import useAddForArchives from './use-add-for-archives';
import stageNameCasing from './stage-name-casing';
import fromAsCasing from './from-as-casing';
import exposeProtoCasing from './expose-proto-casing';
import exposeInvalidFormat from './expose-invalid-format';
import undefinedArgInFrom from './undefined-arg-in-from';
import legacyKeyValue from './legacy-key-value';
import instructionCasing from './instruction-casing';
import baseImageNotAllowed from './base-image-not-allowed';
import labelMissing from './label-missing';
import labelSuperfluous from './label-superfluous';
import labelEmpty from './label-empty';
import labelNotUrl from './label-not-url';
import labelNotRfc3339 from './label-not-rfc3339';
import labelNotSpdx from './label-not-spdx';
import labelNotGitHash from './label-not-git-hash';
import labelNotSemver from './label-not-semver';
import labelNotEmail from './label-not-email';

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
  workdirRelative,
  portRange,
  multipleHealthcheck,
  multipleCmd,
  multipleEntrypoint,
  copyMultiSrcSlash,
  copyFromUndefined,
  copyFromSelf,
  stageAliasUnique,
  jsonArgs,
  aptVsAptGet,
  runCd,
  maintainerDeprecated,
  wgetAndCurl,
  pipefail,
  updateAlone,
  yumYes,
  dnfYes,
  zypperYes,
  yumClean,
  dnfClean,
  zypperClean,
  aptPin,
  apkPin,
  yumPin,
  dnfPin,
  zypperPin,
  npmPin,
  gemPin,
  pipPin,
  pipNoCacheDir,
  goInstallPin,
  apkNoCache,
  yarnCacheClean,
  wgetProgress,
  useraddNoL,
  distUpgrade,
  pointlessCommands,
  shellViaRun,
  platformFlag,
  redundantTargetPlatform,
  reservedStageName,
  copyEntireStageFs,
  apkAllowUntrusted,
  aptAllowUnauthenticated,
  aptForceYes,
  rpmGpgOff,
  rpmNosignature,
  yumSslverifyOff,
  chpasswd,
  chownFlag,
  systemDirTarget,
  secretFileInImage,
  contentTrustOff,
  baseImageDigest,
  untrustedRegistry,
  nonNumericUser,
  copyRelativeNoWorkdir,
  envSelfReference,
  onbuildForbidden,
  instructionOrder,
  labelKeyInvalid,
  consecutiveRun,
  copyFromIndex,
  noInlineIgnore,
  useAddForArchives,
  stageNameCasing,
  fromAsCasing,
  exposeProtoCasing,
  exposeInvalidFormat,
  undefinedArgInFrom,
  legacyKeyValue,
  instructionCasing,
  baseImageNotAllowed,
  labelMissing,
  labelSuperfluous,
  labelEmpty,
  labelNotUrl,
  labelNotRfc3339,
  labelNotSpdx,
  labelNotGitHash,
  labelNotSemver,
  labelNotEmail,
];
