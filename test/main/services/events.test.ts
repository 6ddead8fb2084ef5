import { describe, expect, it } from 'vitest';
import { createEventBus } from '../../../src-main/services/events.js';

describe('event bus', () => {
  it('delivers payloads to subscribers of that event and to subscribeAll', () => {
    const bus = createEventBus();
    const one: unknown[] = [];
    const all: unknown[] = [];
    bus.subscribe('cases:changed', (payload) => one.push(payload));
    bus.subscribeAll((event, payload) => all.push([event, payload]));
    bus.emit('cases:changed', { caseIds: ['a'] });
    bus.emit('session:changed', { signedIn: true });
    expect(one).toEqual([{ caseIds: ['a'] }]);
    expect(all).toEqual([
      ['cases:changed', { caseIds: ['a'] }],
      ['session:changed', { signedIn: true }],
    ]);
  });

  it('stops delivering after unsubscribe, even the same function subscribed twice', () => {
    const bus = createEventBus();
    let calls = 0;
    const listener = () => void (calls += 1);
    const offA = bus.subscribe('session:changed', listener);
    const offB = bus.subscribe('session:changed', listener);
    bus.emit('session:changed', { signedIn: true });
    offA();
    bus.emit('session:changed', { signedIn: true });
    offB();
    const offAll = bus.subscribeAll(listener);
    offAll();
    bus.emit('session:changed', { signedIn: false });
    expect(calls).toBe(3);
  });

  it('keeps delivering to others when one listener throws', () => {
    const logged: string[] = [];
    const bus = createEventBus((message) => logged.push(message));
    const seen: boolean[] = [];
    bus.subscribe('session:changed', () => {
      throw new Error('broken listener');
    });
    bus.subscribe('session:changed', ({ signedIn }) => seen.push(signedIn));
    bus.emit('session:changed', { signedIn: true });
    expect(seen).toEqual([true]);
    expect(logged).toEqual(['A listener of session:changed failed']);
  });
});
