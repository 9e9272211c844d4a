/** The documentation rules every `schema.ts` must follow, checked on its syntax tree. */
import ts from 'typescript';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { revisionIds, schemaSourceFile } from './registry.ts';

interface Finding {
  line: number;
  name: string;
}

function parse(revision: string): ts.SourceFile {
  const file = schemaSourceFile(revision);
  return ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
}

function docText(node: ts.Node): string {
  return ts
    .getJSDocCommentsAndTags(node)
    .filter(ts.isJSDoc)
    .map((doc) => ts.getTextOfJSDocComment(doc.comment) ?? '')
    .join('\n')
    .trim();
}

function tags(node: ts.Node): readonly ts.JSDocTag[] {
  return ts.getJSDocTags(node);
}

function isExported(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

const lineOf = (source: ts.SourceFile, node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;

function exportedDeclarations(source: ts.SourceFile): { node: ts.Node; name: string; isType: boolean }[] {
  const found: { node: ts.Node; name: string; isType: boolean }[] = [];
  for (const statement of source.statements) {
    if (!isExported(statement)) continue;
    if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) {
      found.push({ node: statement, name: statement.name.text, isType: true });
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        found.push({ node: statement, name: declaration.name.getText(source), isType: false });
      }
    }
  }
  return found;
}

describe.each(revisionIds())('schema/%s/schema.ts', (revision) => {
  const source = parse(revision);
  const exported = exportedDeclarations(source);

  it('exports types', () => {
    expect(exported.length).toBeGreaterThan(50);
  });

  it('documents every exported type and constant', () => {
    const missing: Finding[] = exported
      .filter(({ node }) => docText(node) === '')
      .map(({ node, name }) => ({ line: lineOf(source, node), name }));
    expect(missing).toEqual([]);
  });

  it('puts every exported type in a category for the reference', () => {
    const missing = exported
      .filter(({ node, isType }) => isType && !tags(node).some((tag) => tag.tagName.text === 'category'))
      .map(({ node, name }) => ({ line: lineOf(source, node), name }));
    expect(missing).toEqual([]);
  });

  it('documents every field, including fields of inline objects', () => {
    const missing: Finding[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isPropertySignature(node) && docText(node) === '') {
        missing.push({ line: lineOf(source, node), name: node.name.getText(source) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    expect(missing).toEqual([]);
  });

  it('gives every @deprecated tag a migration path', () => {
    const bare: Finding[] = [];
    const visit = (node: ts.Node): void => {
      for (const tag of tags(node)) {
        if (tag.tagName.text !== 'deprecated' || tag.parent.parent !== node) continue;
        const text = (ts.getTextOfJSDocComment(tag.comment) ?? '').trim();
        if (text.split(/\s+/).length < 4)
          bare.push({ line: lineOf(source, node), name: node.getText(source).slice(0, 40) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    expect(bare).toEqual([]);
  });

  it('links only to its own revision of the specification', () => {
    const text = source.getFullText();
    const links = [...text.matchAll(/\/specification\/([\w-]+)\//g)].map((m) => m[1]);
    expect(links.filter((linked) => linked !== revision)).toEqual([]);
    expect(text).not.toMatch(/https?:\/\/(?!json-schema\.org)/);
  });
});
