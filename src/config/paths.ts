import { existsSync } from 'node:fs';
import path from 'node:path';

/** The project root (where package.json, data/ and cypher/ live), found from this file whether compiled or not. */
export function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json')) || !existsSync(path.join(dir, 'cypher'))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`cannot find the newsgraph project root above ${__dirname}`);
    dir = up;
  }
  return dir;
}
