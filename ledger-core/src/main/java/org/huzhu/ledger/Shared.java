package org.huzhu.ledger;

import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

/**
 * One shared instance per key (days, names, zones, field names), for values that millions of
 * entries repeat. Reads first: a {@link java.util.concurrent.ConcurrentHashMap} locks a bin to put,
 * even when the key is already there, and nearly every call finds it.
 */
final class Shared {
  private Shared() {}

  static <K, V> V get(ConcurrentMap<K, V> pool, K key, Function<? super K, ? extends V> make) {
    V known = pool.get(key);
    if (known == null) {
      V made = make.apply(key);
      known = pool.putIfAbsent(key, made);
      if (known == null) {
        known = made;
      }
    }
    return known;
  }
}
