/**
 * The few ESTree shapes the build steps that rewrite built JavaScript read (astro-gettere.ts,
 * unge-funktioner.ts): what rolldown's parser (Vite's `this.parse`) gives.
 */
export interface Node {
  type: string;
  start: number;
  end: number;
  [felt: string]: unknown;
}

export type Parse = (kode: string) => Node;

export const erNode = (x: unknown): x is Node =>
  typeof x === 'object' && x !== null && typeof (x as Node).type === 'string';

/** A node's child nodes, in source order. */
export function boern(n: Node): Node[] {
  const ud: Node[] = [];
  for (const [k, v] of Object.entries(n)) {
    if (k === 'start' || k === 'end' || k === 'type') continue;
    if (Array.isArray(v)) for (const x of v) if (erNode(x)) ud.push(x);
    if (erNode(v)) ud.push(v);
  }
  return ud;
}

export const erFunktion = (n: Node) =>
  n.type === 'FunctionExpression' || n.type === 'FunctionDeclaration' || n.type === 'ArrowFunctionExpression';
