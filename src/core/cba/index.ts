/**
 * Social cost-benefit analysis (MKBA) core: parse a case, evaluate it, use the template.
 * Pure: no I/O, no clock, no randomness.
 */
export * from './case-schema.ts';
export { parseCase, collectCrossFieldIssues } from './case-validation.ts';
export { formatIssue, formatPath, translateZodIssues, sortIssues } from './case-issues.ts';
export * from './evaluate-case.ts';
export * from './net-present-value.ts';
export * from './break-even.ts';
export * from './present-value.ts';
export * from './patterns.ts';
export * from './sensitivity.ts';
export * from './template-16-areas.ts';
