/** Capability sets named by the Pod Security Standards, and a fix to remove one `add` entry. */
import type { TextEdit } from 'vscode-languageserver-types';
import { removeSeqItem } from '../yaml/edits';
import { removeKey, replaceNode } from '../yaml/edits';
import type { Container } from './workloads';
import type { Capabilities, Item } from './pod';

/** Capabilities the baseline profile allows in `capabilities.add` (the container runtime's default set). */
export const BASELINE_CAPS: ReadonlySet<string> = new Set(['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT']);

/** An edit removing one entry of `capabilities.add` (the whole `add` key when it is the only entry, or `add: []` when `add` is the only key). */
export function removeAddedCap(c: Container, caps: Capabilities, item: Item): TextEdit | undefined {
  const file = c.workload.object.file;
  if (caps.add.length > 1) return removeSeqItem(file, caps.addSeq, item.index);
  return removeKey(file, caps.node, 'add') ?? replaceNode(file, caps.addSeq, '[]');
}

/** True for Windows pods (`spec.os.name: windows`), which the restricted capability control exempts. */
export function isWindowsPod(osName: string | undefined): boolean {
  return osName?.toLowerCase() === 'windows';
}
