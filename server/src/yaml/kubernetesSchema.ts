/**
 * Generates Bulkhead's offline Kubernetes JSON schema from the `kubernetes-types` package (the
 * Kubernetes API types as TypeScript declarations, with the OpenAPI descriptions as doc comments).
 * No network: the TypeScript compiler reads the installed .d.ts files. The result is written to
 * server/schemas/kubernetes.json and committed; a test regenerates it and fails on drift.
 *
 *   node --import tsx server/src/yaml/kubernetesSchema.ts            (writes the file)
 */
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import ts from 'typescript';

type Json = { [k: string]: unknown };

function dtsFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) dtsFiles(p, out);
    else if (name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

function docOf(node: ts.Node): string | undefined {
  const docs = (node as { jsDoc?: { comment?: string | ts.NodeArray<ts.JSDocComment> }[] }).jsDoc;
  const c = docs?.[docs.length - 1]?.comment;
  if (typeof c === 'string') return c.trim() || undefined;
  return c ? c.map((part) => part.text).join('').trim() || undefined : undefined;
}

/** An optional field may be written as an empty value (`annotations:`), which YAML reads as null; the API server accepts it. */
function nullable(schema: Json): Json {
  if (typeof schema['type'] === 'string') return { ...schema, type: [schema['type'], 'null'] };
  if (Array.isArray(schema['anyOf'])) return { ...schema, anyOf: [...(schema['anyOf'] as Json[]), { type: 'null' }] };
  if (typeof schema['$ref'] === 'string') return { anyOf: [schema, { type: 'null' }] };
  return schema;
}

/** A JSON schema with the Kubernetes kinds of `kubernetes-types` as `definitions`, dispatched on apiVersion + kind. */
export function generateKubernetesSchema(typesDir: string): Json {
  const files = dtsFiles(typesDir);
  const program = ts.createProgram(files, { noEmit: true, skipLibCheck: true });
  const checker = program.getTypeChecker();
  const idOf = (decl: ts.Declaration & { name?: ts.Node }): string => {
    const file = relative(typesDir, decl.getSourceFile().fileName).replace(/\.d\.ts$/, '').split(sep).join('.');
    return `${file}.${(decl.name as ts.Identifier).text}`;
  };
  const definitions: Record<string, Json> = {};
  const pending: ts.InterfaceDeclaration[] = [];

  const refTo = (decl: ts.InterfaceDeclaration): Json => {
    const id = idOf(decl);
    if (!(id in definitions)) {
      definitions[id] = {};
      pending.push(decl);
    }
    return { $ref: `#/definitions/${id}` };
  };

  const convert = (t: ts.TypeNode): Json => {
    switch (t.kind) {
      case ts.SyntaxKind.StringKeyword:
        return { type: 'string' };
      case ts.SyntaxKind.NumberKeyword:
        return { type: 'number' };
      case ts.SyntaxKind.BooleanKeyword:
        return { type: 'boolean' };
      case ts.SyntaxKind.AnyKeyword:
      case ts.SyntaxKind.UnknownKeyword:
      case ts.SyntaxKind.ObjectKeyword:
        return {};
    }
    if (ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal)) return { type: 'string', enum: [t.literal.text] };
    if (ts.isArrayTypeNode(t)) return { type: 'array', items: convert(t.elementType) };
    if (ts.isParenthesizedTypeNode(t)) return convert(t.type);
    if (ts.isUnionTypeNode(t)) return { anyOf: t.types.map(convert) };
    if (ts.isTypeLiteralNode(t)) {
      const index = t.members.find(ts.isIndexSignatureDeclaration);
      return { type: 'object', ...(index?.type ? { additionalProperties: convert(index.type) } : {}) };
    }
    if (ts.isTypeReferenceNode(t)) {
      const name = t.typeName.getText();
      if (name === 'Array' && t.typeArguments?.[0]) return { type: 'array', items: convert(t.typeArguments[0]) };
      let sym = checker.getSymbolAtLocation(t.typeName);
      if (sym && sym.flags & ts.SymbolFlags.Alias) sym = checker.getAliasedSymbol(sym);
      const decl = sym?.declarations?.[0];
      if (decl && ts.isInterfaceDeclaration(decl)) return refTo(decl);
      if (decl && ts.isTypeAliasDeclaration(decl)) {
        const description = docOf(decl);
        // The API declares Quantity int-or-string (`cpu: 1` is valid); kubernetes-types types it string.
        const base = decl.name.text === 'Quantity' ? { type: ['string', 'number'] } : convert(decl.type);
        return { ...base, ...(description ? { description } : {}) };
      }
    }
    return {};
  };

  const fill = (decl: ts.InterfaceDeclaration): void => {
    const properties: Record<string, Json> = {};
    const required: string[] = [];
    for (const m of decl.members) {
      if (!ts.isPropertySignature(m) || !m.type) continue;
      const name = ts.isIdentifier(m.name) || ts.isStringLiteral(m.name) ? m.name.text : m.name.getText();
      const description = docOf(m);
      const schema = m.questionToken ? nullable(convert(m.type)) : convert(m.type);
      properties[name] = { ...schema, ...(description ? { description } : {}) };
      if (!m.questionToken) required.push(name);
    }
    const description = docOf(decl);
    definitions[idOf(decl)] = {
      type: 'object',
      ...(description ? { description } : {}),
      properties,
      ...(required.length > 0 ? { required } : {}),
      additionalProperties: false,
    };
  };

  /** Top-level kinds: interfaces whose apiVersion and kind are string literals. */
  const kinds: { apiVersion: string; kind: string; decl: ts.InterfaceDeclaration }[] = [];
  for (const file of files) {
    const sf = program.getSourceFile(file);
    if (!sf) continue;
    for (const st of sf.statements) {
      if (!ts.isInterfaceDeclaration(st)) continue;
      const lit = (prop: string): string | undefined => {
        const m = st.members.find((x) => ts.isPropertySignature(x) && x.name.getText() === prop);
        const type = m && ts.isPropertySignature(m) ? m.type : undefined;
        return type && ts.isLiteralTypeNode(type) && ts.isStringLiteral(type.literal) ? type.literal.text : undefined;
      };
      const apiVersion = lit('apiVersion');
      const kind = lit('kind');
      if (apiVersion && kind) kinds.push({ apiVersion, kind, decl: st });
    }
  }
  kinds.sort((a, b) => a.kind.localeCompare(b.kind) || a.apiVersion.localeCompare(b.apiVersion));
  const dispatch = kinds.map((k) => ({
    // `type: object` first: an empty document (a trailing `---`) is null and must match no kind.
    if: { type: 'object', properties: { apiVersion: { const: k.apiVersion }, kind: { const: k.kind } }, required: ['apiVersion', 'kind'] },
    then: refTo(k.decl),
  }));
  while (pending.length > 0) fill(pending.pop()!);
  const sorted = Object.fromEntries(Object.keys(definitions).sort().map((k) => [k, definitions[k]]));
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'bulkhead://schemas/kubernetes.json',
    title: 'Kubernetes',
    description: 'Kubernetes objects, generated from kubernetes-types. Unknown kinds and custom resources are not constrained.',
    properties: {
      apiVersion: { description: 'The versioned schema of this object.', anyOf: [{ enum: [...new Set(kinds.map((k) => k.apiVersion))].sort() }, { type: 'string' }] },
      kind: { description: 'The kind of object.', anyOf: [{ enum: [...new Set(kinds.map((k) => k.kind))].sort() }, { type: 'string' }] },
    },
    allOf: dispatch,
    definitions: sorted,
  };
}

/** Where the generated schema lives, relative to the repository. */
export const KUBERNETES_SCHEMA_FILE = join('server', 'schemas', 'kubernetes.json');

if (require.main === module) {
  const root = join(__dirname, '..', '..', '..');
  const typesDir = dirname(require.resolve('kubernetes-types/package.json'));
  const schema = generateKubernetesSchema(typesDir);
  writeFileSync(join(root, KUBERNETES_SCHEMA_FILE), JSON.stringify(schema) + '\n');
  console.log(`wrote ${KUBERNETES_SCHEMA_FILE}: ${Object.keys(schema['definitions'] as object).length} definitions, ${(schema['allOf'] as unknown[]).length} kinds`);
}
