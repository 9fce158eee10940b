// The modules a browser loads before the first render: every file reached from an entry by
// static imports, as Vite bundles them. `import type` and `export type` are erased; dynamic
// `import()` makes its own chunk. Any other import keeps its module, even one whose names are
// all `type` (verbatimModuleSyntax leaves `import {} from`), so this walk errs on the side of more.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript';

export type StaticGraph = {
  /** Project files reached, relative to the root, with the file that first imported each. */
  files: Map<string, string | null>;
  /** Packages reached (bare specifiers, reduced to the package name), with the file importing each first. */
  packages: Map<string, string>;
};

function staticSpecifiers(path: string): string[] {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, false);
  const specifiers: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      if (statement.importClause?.isTypeOnly) continue;
      if (ts.isStringLiteral(statement.moduleSpecifier)) specifiers.push(statement.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(statement)) {
      if (statement.isTypeOnly || !statement.moduleSpecifier) continue;
      if (ts.isStringLiteral(statement.moduleSpecifier)) specifiers.push(statement.moduleSpecifier.text);
    }
  }
  return specifiers;
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

export function staticImportGraph(root: string, entry: string): StaticGraph {
  const files = new Map<string, string | null>();
  const packages = new Map<string, string>();
  const queue: string[] = [];
  const visit = (file: string, from: string | null) => {
    if (files.has(file)) return;
    files.set(file, from);
    queue.push(file);
  };
  visit(entry, null);
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (!/\.(tsx?|mts)$/.test(file)) continue;
    for (const specifier of staticSpecifiers(resolve(root, file))) {
      if (specifier.startsWith('.') || specifier.startsWith('/')) {
        const target = resolve(specifier.startsWith('/') ? root : dirname(resolve(root, file)), specifier.replace(/^\//, ''));
        if (!existsSync(target)) throw new Error(`${file} imports ${specifier}, which does not exist`);
        visit(relative(root, target), file);
      } else if (!packages.has(packageName(specifier))) {
        packages.set(packageName(specifier), file);
      }
    }
  }
  return { files, packages };
}

/** The import chain from the entry to a file, for a message that says how it got in. */
export function importChain(graph: StaticGraph, file: string): string[] {
  const chain: string[] = [];
  for (let at: string | null | undefined = file; at; at = graph.files.get(at)) chain.unshift(at);
  return chain;
}
