//! Which events were handled already: myKaarma delivers at least once, and retries.

use std::collections::{HashSet, VecDeque};
use std::io;
use std::sync::Mutex;

/// Remembers the dedup keys of the events handled, so that a redelivery is answered 2xx and
/// not handled again.
///
/// A real store is shared by every instance of the receiver and survives restarts: a table
/// with the key as primary key (`INSERT … ON CONFLICT DO NOTHING`, one row inserted means
/// first delivery), or Redis `SET key 1 NX EX <seconds>`. Keep keys at least as long as the
/// vendor retries (myKaarma retries five times with back-off; the delays are not documented,
/// so keep them for days).
pub trait DedupStore: Send + Sync + 'static {
    /// Records `key` and says whether this is its first delivery (`false`: a redelivery),
    /// atomically: of two deliveries of one key at the same time, one is first.
    fn first_delivery(&self, key: &str) -> impl Future<Output = io::Result<bool>> + Send;
}

/// A [`DedupStore`] in memory: for one process, forgotten on restart. It keeps the newest
/// `capacity` keys and forgets the oldest beyond that, so it cannot grow without bound.
#[derive(Debug)]
pub struct InMemoryStore {
    capacity: usize,
    keys: Mutex<Keys>,
}

#[derive(Debug, Default)]
struct Keys {
    seen: HashSet<String>,
    order: VecDeque<String>,
}

impl InMemoryStore {
    /// A store that remembers the last `capacity` keys (at least one).
    pub fn new(capacity: usize) -> Self {
        Self {
            capacity: capacity.max(1),
            keys: Mutex::default(),
        }
    }
}

impl DedupStore for InMemoryStore {
    async fn first_delivery(&self, key: &str) -> io::Result<bool> {
        let mut keys = self
            .keys
            .lock()
            .map_err(|_| io::Error::other("the dedup store's lock is poisoned"))?;
        if keys.seen.contains(key) {
            return Ok(false);
        }
        if keys.order.len() >= self.capacity
            && let Some(oldest) = keys.order.pop_front()
        {
            keys.seen.remove(&oldest);
        }
        keys.seen.insert(key.to_owned());
        keys.order.push_back(key.to_owned());
        Ok(true)
    }
}
