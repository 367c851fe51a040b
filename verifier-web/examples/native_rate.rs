//! The native side of the browser benchmark (BENCHMARKS.md, section 8): the same loop as
//! the page's `Session.benchmark` (core's verifier alone, one thread), natively.
//!
//! ```sh
//! cargo run --release --locked -p verifier-web --example native_rate -- ANCHOR BUNDLE_FILE CREDENTIAL_FILE [SECONDS]
//! ```
//!
//! Prints one JSON line: `{"perSecond": …, "verifications": …, "valid": …}`.

use std::process::ExitCode;
use std::time::{Duration, Instant};

use credential_core::{Verdict, Verifier};
use verifier_web::Session;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [anchor, bundle, credential, rest @ ..] = args.as_slice() else {
        eprintln!("usage: native_rate ANCHOR BUNDLE_FILE CREDENTIAL_FILE [SECONDS]");
        return ExitCode::from(2);
    };
    let seconds: f64 = match rest.first().map(|s| s.parse()) {
        None => 3.0,
        Some(Ok(s)) if (0.1..=600.0).contains(&s) => s,
        Some(_) => {
            eprintln!("SECONDS must be a number from 0.1 to 600");
            return ExitCode::from(2);
        }
    };
    let read = |path: &str| {
        std::fs::read_to_string(path).map_err(|e| eprintln!("cannot read {path}: {e}"))
    };
    let (Ok(bundle), Ok(credential)) = (read(bundle), read(credential)) else {
        return ExitCode::from(2);
    };
    let session = match Session::open(anchor, &bundle, "") {
        Ok(s) => s,
        Err(p) => {
            eprintln!("{}", p.to_json());
            return ExitCode::from(2);
        }
    };
    let Some(bundle) = session.bundle() else {
        eprintln!("the bundle was refused for this anchor");
        return ExitCode::from(2);
    };
    let verifier = Verifier::new(bundle, chrono::Utc::now());
    let credential = credential.trim();
    // Warm up, then count whole rounds of 100 until the time is up.
    for _ in 0..200 {
        verifier.verify(credential);
    }
    let (mut done, mut valid) = (0_u64, 0_u64);
    let start = Instant::now();
    let budget = Duration::from_secs_f64(seconds);
    while start.elapsed() < budget {
        for _ in 0..100 {
            if verifier.verify(credential).verdict == Verdict::Valid {
                valid += 1;
            }
        }
        done += 100;
    }
    let rate = done as f64 / start.elapsed().as_secs_f64();
    println!("{{\"perSecond\": {rate:.1}, \"verifications\": {done}, \"valid\": {valid}}}");
    ExitCode::SUCCESS
}
