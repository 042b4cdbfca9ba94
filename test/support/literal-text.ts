import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/** Where person-facing text must come from the catalogs (src/i18n/catalogs). */
export const TEXT_ROOTS = ['src/commands', 'adapters/slack', 'adapters/teams', 'adapters/shell'];

const filesUnder = (root: string, dir: string): string[] =>
  readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(root, join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );

// prose: two words of letters with a space between, and a capital or a sentence's end (`Buy
// seats`, `is not valid.`), as opposed to keys (`common.internal_error`), ids, command words
// (`org create`), lowercase protocol errors (`signature mismatch`) and SQL
const PROSE = /\p{L}{2,}[ ,'’]+\p{L}{2,}/u;
const SENTENCE = /\p{Lu}|[.?!:]\s*$/u;
const SQL = /^\s*(select|insert|update|delete|with)\s/i;
// a template with holes and words (`${n} seats left`) is a sentence being built
const isProse = (text: string) =>
  PROSE.test(text) && (SENTENCE.test(text) || text.includes('{}')) && !SQL.test(text);

/** Calls whose string arguments are for developers and operators, not for the person reading. */
const DEVELOPER_CALL =
  /^(log|d\.log|deps\.log|this\.log|logger|console)\b|\.(debug|info|warn|error|fatal|trace)$/;

const isDeveloperText = (node: ts.Node): boolean => {
  for (let p: ts.Node | undefined = node.parent; p; p = p.parent) {
    if (ts.isCallExpression(p)) {
      const callee = p.expression.getText();
      if (DEVELOPER_CALL.test(callee)) return true;
    }
    // `new Error('…')` and friends: a bug report, never shown (errorReply shows an apology)
    if (
      ts.isNewExpression(p) &&
      /Error$/.test(p.expression.getText()) &&
      !/DomainError|Refus/.test(p.expression.getText())
    )
      return true;
    if (ts.isImportDeclaration(p) || ts.isExportDeclaration(p) || ts.isTypeNode(p)) return true;
    if (ts.isBlock(p) || ts.isSourceFile(p)) return false;
  }
  return false;
};

/** The literal strings of prose in a file (template literals with their holes as `{}`). */
export const proseLiterals = (source: string, fileName = 'x.ts'): string[] => {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (n: ts.Node) => {
    let text: string | undefined;
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) text = n.text;
    else if (ts.isTemplateExpression(n))
      text = [n.head.text, ...n.templateSpans.map((s) => s.literal.text)].join('{}');
    if (text !== undefined && isProse(text) && !isDeveloperText(n)) found.push(text);
    if (!ts.isTemplateExpression(n)) ts.forEachChild(n, visit);
    else for (const span of n.templateSpans) visit(span.expression);
  };
  visit(file);
  return found;
};

/** Prose literals per file under the text roots, by path relative to `root`. */
export const proseByFile = (root: string): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const dir of TEXT_ROOTS)
    for (const f of filesUnder(root, dir)) {
      const n = proseLiterals(readFileSync(join(root, f), 'utf8'), f).length;
      if (n) out[relative(root, join(root, f))] = n;
    }
  return out;
};
