// The database as Dexie's samples lay it out: the class and its versioned schema in
// database.ts, then one module per entity with its transactions.
export * from './database';
export * from './accounts';
export * from './inputs';
export * from './playbooks';
export * from './meta';
export * from './studio';
export * from './storage-errors';
export * from './book';
export * from './import';
export { sha256Hex } from '../playbook/hash';
export * from './learn';
