/** The domain layer: the dataset contract, its vocabularies and its checks. Imports nothing else of ours. */
export * from './entityTypes.ts';
export * from './relationTypes.ts';
export * from './schema.ts';
export * from './published.ts';
export * from './errors.ts';
export * from './spans.ts';
export * from './validate.ts';
export * from './load.ts';
export * from './limits.ts';
export * from './jsonSyntax.ts';
export * from './jsonScan.ts';
export * from './reservedIds.ts';
export * from './attributeRecords.ts';
export * from './nesting.ts';
