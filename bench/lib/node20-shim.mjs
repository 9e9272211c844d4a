// `node --import ./bench/lib/node20-shim.mjs …`: lets a program written for Node 22 that imports
// `globSync` from `fs` load on Node 20, by resolving its `fs` imports to fs-globsync.mjs.
import { register } from 'node:module';

register(new URL('./node20-shim-hooks.mjs', import.meta.url));
