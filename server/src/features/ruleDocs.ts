/** `bulkhead/ruleDocs`: a rule's documentation page, rendered offline from its metadata. */
import { RULES, ruleKeys } from '../../../rules/src/api';
import { ruleDocMarkdown } from '../../../rules/src/engine/docs-text';
import { RuleDocsRequest, type RuleDocsResult } from '../../../protocol/src/protocol';
import type { ServerContext } from '../context';

/** The docs page of a rule id, name or alias (case-insensitive), or null. */
export function ruleDocs(id: string): RuleDocsResult | null {
  const wanted = id.trim().toLowerCase();
  const rule = RULES.find((r) => ruleKeys(r).some((k) => k.toLowerCase() === wanted));
  return rule ? { id: rule.id, markdown: ruleDocMarkdown(rule) } : null;
}

export function registerRuleDocs(ctx: ServerContext): void {
  ctx.connection.onRequest(RuleDocsRequest.type, (params) => ruleDocs(typeof params?.id === 'string' ? params.id : ''));
}
