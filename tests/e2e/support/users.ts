import { DEMO_PASSWORD, DEMO_USERS } from '../../../src/server/demo/seed-demo.ts';

export { DEMO_PASSWORD, DEMO_USERS };
export type DemoUser = (typeof DEMO_USERS)[keyof typeof DEMO_USERS];
