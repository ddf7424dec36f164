//! Undecodable bodies, kept on disk: the vendor stops retrying, so a 400 must not lose them.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use axum::body::Bytes;
use sha2::{Digest, Sha256};

/// A folder of bodies that did not decode, one file per distinct body: named by the source
/// and the SHA-256 of the bytes (`mykaarma-<sha256>.body`,
/// `service-order-hub-invoice-<sha256>.body`), so a retried delivery adds nothing. A file
/// holds the body exactly as received, and appears whole or not at all (written aside, then
/// renamed).
#[derive(Debug)]
pub struct DeadLetters {
    dir: PathBuf,
    temp_files: AtomicU64,
}

impl DeadLetters {
    /// Keeps bodies in `dir`, creating it if needed.
    pub fn new(dir: impl Into<PathBuf>) -> io::Result<Self> {
        let dir = dir.into();
        fs::create_dir_all(&dir)?;
        Ok(Self {
            dir,
            temp_files: AtomicU64::new(0),
        })
    }

    /// Where a body from `source` is kept.
    pub fn path_for(&self, source: &str, body: &[u8]) -> PathBuf {
        self.dir.join(format!("{source}-{}.body", sha256_hex(body)))
    }

    /// Keeps `body` (unless a file holds it already) and says where, off the async threads.
    pub async fn keep(self: &Arc<Self>, source: &str, body: Bytes) -> io::Result<PathBuf> {
        let this = Arc::clone(self);
        let source = source.to_owned();
        tokio::task::spawn_blocking(move || this.keep_now(&source, &body))
            .await
            .map_err(io::Error::other)?
    }

    fn keep_now(&self, source: &str, body: &[u8]) -> io::Result<PathBuf> {
        let path = self.path_for(source, body);
        if path.exists() {
            return Ok(path);
        }
        let n = self.temp_files.fetch_add(1, Ordering::Relaxed);
        let temp = self
            .dir
            .join(format!(".{source}.{}.{n}.tmp", std::process::id()));
        let written = File::create_new(&temp).and_then(|mut file| {
            file.write_all(body)?;
            file.sync_all()
        });
        if let Err(error) = written.and_then(|()| fs::rename(&temp, &path)) {
            let _ = fs::remove_file(&temp);
            return Err(error);
        }
        // The rename itself is durable once the folder is synced.
        #[cfg(unix)]
        File::open(&self.dir)?.sync_all()?;
        Ok(path)
    }
}

/// The SHA-256 of `bytes`, in lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    base16ct::lower::encode_string(&Sha256::digest(bytes))
}
