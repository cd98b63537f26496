import NodeModule from 'node:module';

/**
 * linkedom, loaded on first use, through Node's own require. linkedom's CommonJS build requires
 * css-select 7, an ES module, which Node 20.19+ can require(). Under jest, `node:module` is jest's
 * subclass of Node's Module, whose require cannot load ES modules; its parent class is Node's own, so
 * the require made here is Node's in both cases (and linkedom is the same module either way).
 */

type Linkedom = typeof import('linkedom');
type CreateRequire = (filename: string) => NodeJS.Require;
let linkedom: Linkedom | null = null;

function nodeRequire(): NodeJS.Require {
  const own = (NodeModule as unknown as { createRequire: CreateRequire }).createRequire;
  const parent = (Object.getPrototypeOf(NodeModule) as { createRequire?: CreateRequire }).createRequire;
  return (parent ?? own)(__filename);
}

export function parseHTML(html: string): ReturnType<Linkedom['parseHTML']> {
  linkedom ??= nodeRequire()('linkedom') as Linkedom;
  return linkedom.parseHTML(html);
}
