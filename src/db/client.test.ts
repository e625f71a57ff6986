import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { keepPoolAliveOnIdleErrors } from './client.ts';

describe('keepPoolAliveOnIdleErrors', () => {
  it('turns an idle connection error into a report instead of an uncaught error', () => {
    const pool = new EventEmitter();
    // Without a listener, Node throws the emitted error (and a server would stop).
    expect(() => pool.emit('error', new Error('before'))).toThrow('before');

    const reports: string[] = [];
    keepPoolAliveOnIdleErrors(pool, (message) => reports.push(message));
    const error = Object.assign(new Error('terminating connection due to administrator command'), {
      code: '57P01',
    });
    expect(() => pool.emit('error', error)).not.toThrow();
    expect(reports).toEqual([
      'PostgreSQL sloot een ongebruikte verbinding (57P01): terminating connection due to administrator command. De volgende opdracht opent een nieuwe.',
    ]);
  });
});
