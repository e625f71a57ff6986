import { describe, expect, it } from 'vitest';
import { ShortCache } from './short-cache.ts';

function withClock() {
  let t = 1000;
  return { advance: (ms: number) => (t += ms), now: () => t };
}

describe('ShortCache', () => {
  it('keeps an entry for its TTL and not a millisecond longer', () => {
    const clock = withClock();
    const cache = new ShortCache<string>(5000, 10, clock.now);
    cache.set('a', 'x');
    clock.advance(4999);
    expect(cache.get('a')).toBe('x');
    clock.advance(1);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("ends an entry at its own deadline when that comes before the TTL (a session's expiry)", () => {
    const clock = withClock();
    const cache = new ShortCache<string>(5000, 10, clock.now);
    cache.set('a', 'x', 200);
    clock.advance(199);
    expect(cache.get('a')).toBe('x');
    clock.advance(1);
    expect(cache.get('a')).toBeUndefined();
    cache.set('b', 'y', 0);
    expect(cache.get('b')).toBeUndefined();
    cache.set('c', 'z', 60_000);
    clock.advance(5000);
    expect(cache.get('c')).toBeUndefined();
  });

  it('drops the oldest entry beyond its size, and forgets on delete and clear', () => {
    const cache = new ShortCache<number>(5000, 2, withClock().now);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([undefined, 2, 3]);
    cache.delete('b');
    expect(cache.get('b')).toBeUndefined();
    cache.clear();
    expect(cache.get('c')).toBeUndefined();
  });
});
