/** What the schema reference needs from a `schema.ts` beyond its JSON Schema: categories, `@see` and deprecations. */
import ts from 'typescript';
import { schemaSourceFile } from '../../schema/registry.ts';
import { readText } from './json.ts';

export interface TypeDoc {
  name: string;
  category: string;
  /** `@see` targets, e.g. `/specification/2026-07-28/basic/index#meta`. */
  see: string[];
  /** Text of the `@deprecated` tag, when the type is deprecated. */
  deprecated?: string;
  line: number;
}

const cache = new Map<string, Map<string, TypeDoc>>();

/** Documentation tags of every exported type and constant of a revision, by name. */
export function typeDocs(revision: string): Map<string, TypeDoc> {
  let docs = cache.get(revision);
  if (docs) return docs;
  docs = new Map();
  const file = schemaSourceFile(revision);
  const source = ts.createSourceFile(file, readText(file), ts.ScriptTarget.Latest, true);
  for (const statement of source.statements) {
    if (!ts.isInterfaceDeclaration(statement) && !ts.isTypeAliasDeclaration(statement)) continue;
    const tags = ts.getJSDocTags(statement);
    const text = (tag: ts.JSDocTag) => (ts.getTextOfJSDocComment(tag.comment) ?? '').trim();
    const deprecated = tags.find((tag) => tag.tagName.text === 'deprecated');
    const category = tags.find((tag) => tag.tagName.text === 'category');
    docs.set(statement.name.text, {
      name: statement.name.text,
      category: (category && text(category)) || 'Other',
      see: tags
        .filter((tag) => tag.tagName.text === 'see')
        .map(text)
        .filter(Boolean),
      deprecated: deprecated ? text(deprecated) || 'Deprecated.' : undefined,
      line: source.getLineAndCharacterOfPosition(statement.getStart()).line + 1,
    });
  }
  cache.set(revision, docs);
  return docs;
}
