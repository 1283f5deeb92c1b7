package org.signoff.api.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;

/**
 * The aggregate cache keeps the aggregates used last, through garbage collections, and no more than its capacity:
 * a ticket's next step is decided from memory instead of its events read back, and the cache never grows with the
 * store.
 */
class RecentAggregatesTest {

    @Test
    void anAggregateStaysThroughAGarbageCollection() {
        Cache cache = new RecentAggregates(16);
        cache.put("ticket-1", new StringBuilder("the ticket as its last command left it"));

        System.gc(); // Axon's WeakReferenceCache loses it here: nothing but the cache refers to it

        assertThat(cache.<String, StringBuilder>get("ticket-1")).hasToString("the ticket as its last command left it");
    }

    @Test
    void theAggregateUsedLeastRecentlyMakesRoomForANewOne() {
        Cache cache = new RecentAggregates(2);
        cache.put("ticket-1", "one");
        cache.put("ticket-2", "two");
        cache.get("ticket-1"); // ticket-1 used again: ticket-2 is now the one used least recently

        cache.put("ticket-3", "three");

        assertThat(cache.containsKey("ticket-1")).isTrue();
        assertThat(cache.containsKey("ticket-2")).isFalse();
        assertThat(cache.containsKey("ticket-3")).isTrue();
    }

    @Test
    void aRolledBackAggregateIsForgottenAndListenersAreTold() {
        Cache cache = new RecentAggregates(2);
        List<String> told = new ArrayList<>();
        cache.registerCacheEntryListener(new Cache.EntryListenerAdapter() {
            @Override
            public void onEntryRemoved(Object key) {
                told.add("removed " + key);
            }

            @Override
            public void onEntryExpired(Object key) {
                told.add("expired " + key);
            }
        });
        cache.put("ticket-1", "one");
        cache.put("ticket-2", "two");

        assertThat(cache.remove("ticket-1")).isTrue(); // what the repository does when a command rolls back
        cache.put("ticket-3", "three");
        cache.put("ticket-4", "four");

        assertThat(cache.<String, String>get("ticket-1")).isNull();
        assertThat(told).containsExactly("removed ticket-1", "expired ticket-2");
    }
}
