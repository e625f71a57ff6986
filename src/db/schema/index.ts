/** The whole database schema; drizzle-kit generates migrations from this file. */
export * from './accounts.ts';
export * from './approaches.ts';
export * from './framework.ts';
export * from './analysis.ts';
export * from './cba.ts';
export * from './panels.ts';
export * from './invitations.ts';
