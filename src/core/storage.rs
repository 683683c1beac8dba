//! Where the game keeps things between visits: the browser's local storage
//! (`web::storage`), or memory in tests and on a kiosk.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use bevy::prelude::*;

/// What can go wrong with the browser's storage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// This page may keep nothing (storage blocked or missing).
    Unavailable,
    /// The browser would keep no more (its quota is used up).
    Full,
    /// Reading or changing storage failed otherwise.
    Failed,
}

/// Where saves go: the browser's local storage, or memory in tests.
pub trait Store: Send + Sync + 'static {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&self, key: &str) -> Result<(), StoreError>;
}

#[derive(Default, Clone)]
pub struct MemoryStore(pub Arc<Mutex<BTreeMap<String, String>>>);

impl Store for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.0.lock().map_err(|_| StoreError::Failed)?.get(key).cloned())
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.0.lock().map_err(|_| StoreError::Failed)?.insert(key.into(), value.into());
        Ok(())
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.0.lock().map_err(|_| StoreError::Failed)?.remove(key);
        Ok(())
    }
}

#[derive(Resource)]
pub struct Storage(pub Box<dyn Store>);
