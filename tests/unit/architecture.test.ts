import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * No cycles between the folders of main/ (docs/architecture.md, Layers: imports point downwards only). Every
 * import of main/**\/*.ts counts: static, `import type`, re-exports, `import('…')` expressions and `import('…')`
 * types. eslint.config.js refuses the known wrong directions file by file; this finds any loop they leave.
 */
const root = join(__dirname, '..', '..');
const main = join(root, 'main');

type Kind = 'value' | 'type' | 'dynamic';
interface Edge {
  readonly from: string;
  readonly to: string;
  readonly kind: Kind;
}

/**
 * A file's layer: its top folder under main/, except that
 *   - a system's sandbox/ folder (connectors/<id>/sandbox/**) is 'connectors-sandbox' (its simulator), and
 *     its system.ts plus registry.ts are 'systems' (the wiring that names both a connector and its simulator),
 *     so connector code, simulators and the wiring are three layers rather than one folder;
 *   - main/sandbox/index.ts is 'sandbox' (it starts every registered system's simulator, so it sits above the
 *     registry) and the rest of main/sandbox is 'sandbox-kit' (the simulator contract, the shared servers,
 *     the sandbox Exopen backend and identity provider, which the systems' simulators build on). The folder
 *     holds both ends; split this way, neither end may reach back (a simulator importing main/sandbox/index
 *     would be a loop through the registry, and lint refuses it too).
 */
function layerOf(file: string): string {
  const path = file.split(sep).join('/');
  if (/^connectors\/[^/]+\/sandbox\//.test(path)) return 'connectors-sandbox';
  if (/^connectors\/([^/]+\/system|registry)\.ts$/.test(path)) return 'systems';
  if (path === 'sandbox/index.ts') return 'sandbox';
  if (path.startsWith('sandbox/')) return 'sandbox-kit';
  return path.split('/')[0]!;
}

/**
 * Edges that do not count, each with the reason.
 * connectors/types.ts → registry.ts: `SystemId` is derived from the one list of systems
 * (`type SystemId = import('./registry').SystemIdOf`), so adding a system is one line in the registry. It is a
 * type, erased at build time: no module loads another through it, and it cannot be a load-order cycle.
 * Only this type-only edge is allowed; a value import of the registry from connector code would count.
 */
const ALLOWED: ReadonlyArray<Edge> = [{ from: 'connectors/types.ts', to: 'connectors/registry.ts', kind: 'type' }];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveSpecifier(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  return [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((candidate) => existsSync(candidate) && statSync(candidate).isFile());
}

function importsOf(file: string): Array<{ specifier: string; kind: Kind }> {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Array<{ specifier: string; kind: Kind }> = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      const bindings = clause?.namedBindings;
      const onlyTypes =
        clause !== undefined &&
        (clause.isTypeOnly ||
          (!clause.name && bindings !== undefined && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((element) => element.isTypeOnly)));
      found.push({ specifier: node.moduleSpecifier.text, kind: onlyTypes ? 'type' : 'value' });
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      found.push({ specifier: node.moduleSpecifier.text, kind: node.isTypeOnly ? 'type' : 'value' });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteralLike(argument)) found.push({ specifier: argument.text, kind: 'dynamic' });
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      found.push({ specifier: node.argument.literal.text, kind: 'type' });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Every import between two files of main/ (paths relative to main/). */
function fileEdges(): Edge[] {
  return sourceFiles(main).flatMap((file) =>
    importsOf(file).flatMap(({ specifier, kind }) => {
      const target = resolveSpecifier(file, specifier);
      if (!target || !target.startsWith(main + sep)) return [];
      return [{ from: relative(main, file).split(sep).join('/'), to: relative(main, target).split(sep).join('/'), kind }];
    }),
  );
}

const isAllowed = (edge: Edge): boolean => ALLOWED.some((allowed) => allowed.from === edge.from && allowed.to === edge.to && allowed.kind === edge.kind);

/** The strongly connected components with more than one layer (Tarjan), each with the file imports inside it. */
function layerCycles(edges: ReadonlyArray<Edge>, layer: (file: string) => string): Array<{ layers: string[]; imports: string[] }> {
  const graph = new Map<string, Set<string>>();
  const crossing = edges.filter((edge) => layer(edge.from) !== layer(edge.to));
  for (const edge of crossing) {
    const [a, b] = [layer(edge.from), layer(edge.to)];
    if (!graph.has(a)) graph.set(a, new Set());
    if (!graph.has(b)) graph.set(b, new Set());
    graph.get(a)!.add(b);
  }
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const connect = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node)!) {
      if (!index.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) connect(node);
  return components.map((layers) => ({
    layers,
    imports: crossing
      .filter((edge) => layers.includes(layer(edge.from)) && layers.includes(layer(edge.to)))
      .map((edge) => `${layer(edge.from)} -> ${layer(edge.to)}: main/${edge.from} -> main/${edge.to} (${edge.kind})`)
      .sort(),
  }));
}

describe('architecture: no folder-level cycles in main/', () => {
  const edges = fileEdges();
  const counted = edges.filter((edge) => !isAllowed(edge));
  const layerEdges = new Set(counted.filter((edge) => layerOf(edge.from) !== layerOf(edge.to)).map((edge) => `${layerOf(edge.from)} -> ${layerOf(edge.to)}`));

  it('sees the imports it judges (static, type-only, dynamic, import types)', () => {
    expect(edges.length).toBeGreaterThan(500);
    expect(layerEdges).toContain('services -> auth');
    expect(layerEdges).toContain('connectors -> platform');
    expect(layerEdges).toContain('connectors-sandbox -> sandbox-kit');
    expect(edges).toContainEqual({ from: 'connectors/netvisor/system.ts', to: 'connectors/netvisor/sandbox/adapter.ts', kind: 'dynamic' });
    expect(edges).toContainEqual({ from: 'connectors/netvisor/system.ts', to: 'connectors/netvisor/sandbox/adapter.ts', kind: 'type' });
    expect(edges).toContainEqual({ from: 'connectors/shared/errors.ts', to: 'connectors/types.ts', kind: 'type' });
  });

  it('allows only the one type-only edge it names, and that edge still exists as a type', () => {
    expect(edges.filter(isAllowed)).toEqual(ALLOWED);
    // Were it a value import, it would count (and close connectors -> systems -> connectors).
    const asValue = ALLOWED.map((edge) => ({ ...edge, kind: 'value' as const }));
    const [cycle, ...more] = layerCycles([...counted, ...asValue], layerOf);
    expect(more).toEqual([]);
    expect(cycle!.layers).toEqual(expect.arrayContaining(['connectors', 'systems']));
  });

  it('finds a cycle when there is one', () => {
    const synthetic: Edge[] = [
      { from: 'auth/errors.ts', to: 'services/errors.ts', kind: 'value' },
      { from: 'services/account.ts', to: 'auth/index.ts', kind: 'value' },
      { from: 'services/account.ts', to: 'platform/log.ts', kind: 'type' },
    ];
    expect(layerCycles(synthetic, layerOf)).toEqual([
      {
        layers: ['auth', 'services'],
        imports: ['auth -> services: main/auth/errors.ts -> main/services/errors.ts (value)', 'services -> auth: main/services/account.ts -> main/auth/index.ts (value)'],
      },
    ]);
  });

  it('has none', () => {
    expect(layerCycles(counted, layerOf)).toEqual([]);
  });
});
