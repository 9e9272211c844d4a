/** Benchmark worker: generates every revision in one process, one shared TypeScript program, and writes nothing. */
import { revisionIds } from '../schema/registry.ts';
import { generateSchemas } from '../scripts/lib/generate-schema.ts';

generateSchemas(revisionIds());
