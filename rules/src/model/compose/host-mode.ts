/** The `<field>: host` namespace settings of a service (ipc, pid, uts, userns_mode), shared by their rules. */
import type { ComposeContext } from '../../engine/rule';
import { stringValue } from '../yaml/documents';
import { fieldOf, locate, type ComposeService } from './services';
import { deleteField } from './edits';

type HostMessages = { host: (service: string) => string };

/** Reports `key: host` (any case, surrounding blanks ignored) on the value, suggesting to delete the key. */
export function reportHostMode(s: ComposeService, ctx: ComposeContext<HostMessages>, key: string): void {
  const field = fieldOf(s, key);
  if (!field || stringValue(field.value)?.trim().toLowerCase() !== 'host') return;
  const edit = deleteField(ctx.model.file, s, field);
  ctx.report({
    at: locate(ctx.model.file, field, field.value),
    messageId: 'host',
    args: [s.name],
    suggestions: edit ? [{ title: `Remove ${key}: host`, edits: [edit] }] : [],
  });
}
