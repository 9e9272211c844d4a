const shim = new URL('./fs-globsync.mjs', import.meta.url).href;

export async function resolve(specifier, context, next) {
  if ((specifier === 'fs' || specifier === 'node:fs') && context.parentURL && context.parentURL !== shim) {
    if (!context.parentURL.includes('/node_modules/fast-glob/')) return { url: shim, shortCircuit: true };
  }
  return next(specifier, context);
}
