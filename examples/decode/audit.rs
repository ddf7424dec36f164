//! `decode --audit FILE|DIR`: the drift report over one captured body or a folder of them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use aftersales_webhooks::audit::{self, Drift, Report};
use aftersales_webhooks::service_order_hub::{DetectError, Webhook, WebhookKind};
use serde_json::json;

/// Above this many bodies, progress goes to standard error.
const PROGRESS_EVERY: usize = 500;

/// One drift, counted across bodies: the path pattern (indices left out) and the drift kind.
#[derive(Default)]
struct Seen {
    count: usize,
    /// The first body it was found in, its exact path and the drift.
    example: Option<(PathBuf, String, Drift)>,
}

#[derive(Default)]
struct Totals {
    bodies: usize,
    /// Findings by (drift kind, path pattern).
    seen: BTreeMap<(&'static str, String), Seen>,
    failed: Vec<(PathBuf, String)>,
    truncated: Vec<PathBuf>,
}

/// Audits `target` (a file, or every `.json` and `.body` file under a folder) and prints the totals. Exit code
/// 0: every body decoded and none drifted; 1: drift found; 2: a body did not decode (or
/// could not be read).
pub fn run(target: &Path, kind: Option<WebhookKind>, json: bool) -> ExitCode {
    let files = match files(target) {
        Ok(files) => files,
        Err(e) => {
            eprintln!("decode: cannot read {}: {e}", target.display());
            return ExitCode::from(2);
        }
    };
    let mut totals = Totals::default();
    for (done, file) in files.iter().enumerate() {
        if files.len() > PROGRESS_EVERY && done > 0 && done % PROGRESS_EVERY == 0 {
            eprintln!("audited {done} of {} bodies", files.len());
        }
        totals.bodies += 1;
        let report = std::fs::read(file)
            .map_err(|e| format!("cannot read: {e}"))
            .and_then(|body| audit_body(&body, kind));
        match report {
            Ok(report) => totals.add(file, report),
            Err(error) => totals.failed.push((file.clone(), error)),
        }
    }
    if json {
        println!("{}", totals.to_json());
    } else {
        totals.print();
    }
    if !totals.failed.is_empty() {
        ExitCode::from(2)
    } else if totals.seen.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// The files to audit: `target` itself, or every `.json` and `.body` file under it (the
/// receiver example's dead letters are `.body` files; sorted, hidden ones left out).
fn files(target: &Path) -> std::io::Result<Vec<PathBuf>> {
    if !target.is_dir() {
        std::fs::metadata(target)?;
        return Ok(vec![target.to_owned()]);
    }
    let mut files = Vec::new();
    let mut folders = vec![target.to_owned()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder)? {
            let path = entry?.path();
            if path
                .file_name()
                .is_some_and(|name| name.to_string_lossy().starts_with('.'))
            {
                continue;
            }
            if path.is_dir() {
                folders.push(path);
            } else if path
                .extension()
                .is_some_and(|ext| ext == "json" || ext == "body")
            {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// A myKaarma event, or a Service Order Hub webhook of `kind` (told by its keys without one).
fn audit_body(body: &[u8], kind: Option<WebhookKind>) -> Result<Report, String> {
    if let Some(kind) = kind {
        return audit::webhook(kind, body).map_err(|e| e.to_string());
    }
    let error = match audit::envelope(body) {
        Ok(report) => return Ok(report),
        Err(error) => error,
    };
    let kinds = match Webhook::detect(body) {
        Ok(webhook) => vec![webhook.kind()],
        // Kinds that share a model (a new and a confirmed message) audit alike.
        Err(DetectError::Ambiguous(kinds)) => kinds,
        Err(DetectError::NoKind) => return Err(error.to_string()),
        Err(other) => return Err(other.to_string()),
    };
    let mut last = error.to_string();
    for kind in kinds {
        match audit::webhook(kind, body) {
            Ok(report) => return Ok(report),
            Err(error) => last = error.to_string(),
        }
    }
    Err(last)
}

/// The name of a drift kind, as the JSON report writes it.
fn drift_name(drift: &Drift) -> &'static str {
    match drift {
        Drift::UnknownKey => "unknown-key",
        Drift::UnknownValue { .. } => "unknown-value",
        Drift::NumberAsString { .. } => "number-as-string",
        Drift::LegacyTime { .. } => "legacy-time",
        Drift::RawKind { .. } => "raw-kind",
        _ => "other",
    }
}

/// The drift's text, for the example line: the value, the format or the kind.
fn detail(drift: &Drift) -> String {
    match drift {
        Drift::UnknownValue { of, text } => format!("{of} {text:?}"),
        Drift::NumberAsString { text } => format!("{text:?}"),
        Drift::LegacyTime { format, text } => format!("{text:?}, {format}"),
        Drift::RawKind { kind } => format!("kind {kind:?}"),
        _ => String::new(),
    }
}

impl Totals {
    fn add(&mut self, file: &Path, report: Report) {
        if report.truncated {
            self.truncated.push(file.to_owned());
        }
        for finding in report.findings {
            let seen = self
                .seen
                .entry((drift_name(&finding.drift), finding.pattern()))
                .or_default();
            seen.count += 1;
            seen.example
                .get_or_insert_with(|| (file.to_owned(), finding.path, finding.drift));
        }
    }

    fn per_kind(&self) -> BTreeMap<&'static str, usize> {
        let mut per_kind = BTreeMap::new();
        for ((kind, _), seen) in &self.seen {
            *per_kind.entry(*kind).or_insert(0) += seen.count;
        }
        per_kind
    }

    fn print(&self) {
        let findings: usize = self.seen.values().map(|seen| seen.count).sum();
        println!(
            "{} bodies audited: {} decoded, {} failed; {findings} findings",
            self.bodies,
            self.bodies - self.failed.len(),
            self.failed.len()
        );
        for (kind, count) in self.per_kind() {
            println!("  {kind}: {count}");
        }
        let mut current = "";
        for ((kind, pattern), seen) in &self.seen {
            if *kind != current {
                println!("\n{kind}");
                current = kind;
            }
            println!("  {pattern} ×{}", seen.count);
            if let Some((file, path, drift)) = &seen.example {
                let detail = detail(drift);
                let detail = if detail.is_empty() {
                    String::new()
                } else {
                    format!(": {detail}")
                };
                println!("    e.g. {} at {path}{detail}", file.display());
            }
        }
        for file in &self.truncated {
            println!(
                "\n{}: more than {} findings, only those counted",
                file.display(),
                audit::MAX_FINDINGS
            );
        }
        if !self.failed.is_empty() {
            println!("\ndid not decode");
            for (file, error) in &self.failed {
                println!("  {}: {error}", file.display());
            }
        }
    }

    fn to_json(&self) -> serde_json::Value {
        let findings: Vec<serde_json::Value> = self
            .seen
            .iter()
            .map(|((kind, pattern), seen)| {
                let example = seen.example.as_ref().map(|(file, path, drift)| {
                    json!({ "file": file.display().to_string(), "path": path, "finding": drift })
                });
                json!({ "drift": kind, "pattern": pattern, "count": seen.count, "example": example })
            })
            .collect();
        let failed: Vec<serde_json::Value> = self
            .failed
            .iter()
            .map(|(file, error)| json!({ "file": file.display().to_string(), "error": error }))
            .collect();
        let truncated: Vec<String> = self
            .truncated
            .iter()
            .map(|file| file.display().to_string())
            .collect();
        json!({
            "bodies": self.bodies,
            "failed": failed,
            "totals": self.per_kind(),
            "findings": findings,
            "truncated": truncated,
        })
    }
}
