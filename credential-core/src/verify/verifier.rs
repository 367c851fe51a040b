//! The [`Verifier`]: one verified bundle and one instant, against which credentials are
//! checked one at a time or in Ed25519 batches, and the report each gets.

use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{DateTime, Utc};

use super::batch;
use super::check::CheckId;
use super::pending::{Pending, Read, Reading};
use super::report::{CredentialSummary, Report, VerifiedCredential};
use super::rules::bundle_freshness;
use crate::alg::Algorithm;
use crate::credential::format_time;
use crate::equivalence::{Destination, EquivalenceError, EquivalenceQuery, EquivalenceTable};
use crate::i18n::{Lang, Msg};
use crate::jws::UnverifiedJws;
use crate::keys::PublicKey;
use crate::report::{self, Checks, Outcome, Verdict};
use crate::signed::CredentialJwt;
use crate::trust::VerifiedBundle;

/// Signatures verified together in one batch; a failed batch is retried one by one.
///
/// A batch's credentials are parsed before its signatures are checked, so each thread
/// holds one batch of parsed credentials. 64 rather than 256: a quarter of the memory a
/// thread touches, which on this project's virtual machines costs more (the kernel clears
/// each fresh page) than the larger Ed25519 batch saves (BENCHMARKS.md §10).
pub(super) const BATCH_SIZE: usize = 64;

/// Verifies credentials against one verified bundle at one instant.
pub struct Verifier<'b> {
    pub(super) bundle: &'b VerifiedBundle,
    pub(super) now: DateTime<Utc>,
    equivalence: Option<(Destination, EquivalenceTable)>,
    // The bundle-level results are the same for every credential: worked out once.
    pub(super) trust_detail: (Msg, String),
    pub(super) freshness: (Outcome, (Msg, String)),
    pub(super) as_of: String,
    inconsistent_decisions: Vec<String>,
}

impl<'b> Verifier<'b> {
    /// A verifier using `bundle`, with `now` as the clock (inject a fixed time in tests, or
    /// `--at` on the command line).
    pub fn new(bundle: &'b VerifiedBundle, now: DateTime<Utc>) -> Self {
        let b = bundle.bundle();
        let trust_detail = if bundle.is_signed() {
            Msg::new("trust-bundle-signed")
                .arg("sequence", b.sequence.to_string())
                .arg("anchor", &b.anchor)
        } else {
            Msg::new("trust-bundle-unsigned").arg("sequence", b.sequence.to_string())
        };
        let (fresh, freshness) = bundle_freshness(b, now);
        Self {
            bundle,
            now,
            equivalence: None,
            trust_detail: rendered(trust_detail),
            freshness: (fresh, rendered(freshness)),
            as_of: format_time(b.issued_at),
            inconsistent_decisions: Vec::new(),
        }
    }

    /// The instant this verifier checks against.
    pub fn now(&self) -> DateTime<Utc> {
        self.now
    }

    /// Also answer what each credential means in `destination`, from the shipped framework
    /// data and the bundle's trusted recognition decisions.
    pub fn with_destination(mut self, destination: Destination) -> Result<Self, EquivalenceError> {
        let mut table = EquivalenceTable::shipped()?;
        // A decision that conflicts with the others (duplicate id, unknown predecessor) is
        // reported as untrusted rather than failing the verification of a credential.
        let rejected = table.add_decisions_any_order(self.bundle.decisions().iter().cloned());
        self.inconsistent_decisions = rejected
            .into_iter()
            .map(|(d, e)| format!("decision {}: {e}", d.id))
            .collect();
        self.equivalence = Some((destination, table));
        Ok(self)
    }

    /// Verifies one credential: a compact JWS (`vc+jwt`), or a JSON credential with an
    /// embedded Data Integrity proof (told apart by its first character, `{`).
    pub fn verify(&self, credential: &str) -> Report {
        let mut pending = self.prepare(credential);
        let ok = pending.checked_signature.or_else(|| {
            pending
                .signature
                .as_ref()
                .map(|(jws, key)| jws.verify_with(key))
        });
        self.finish(&mut pending, ok, &[])
    }

    /// Verifies many credentials, checking signatures in Ed25519 batches (a failing batch
    /// is retried one signature at a time so each credential gets its own answer).
    pub fn verify_many<S: AsRef<str>>(&self, credentials: &[S]) -> Vec<Report> {
        let mut reports = Vec::with_capacity(credentials.len());
        for chunk in credentials.chunks(BATCH_SIZE) {
            self.verify_batch(chunk, |_, report| reports.push(report));
        }
        reports
    }

    /// Verifies one batch, its signatures together, handing each report to `each` with
    /// its index in `chunk` as soon as it is made. Each credential's parsed document goes
    /// with its report (or is dropped with its pending state) there and then, so a caller
    /// that renders and drops each report holds one batch of parsed credentials at most,
    /// not a batch of reports as well.
    fn verify_batch<S: AsRef<str>>(&self, chunk: &[S], mut each: impl FnMut(usize, Report)) {
        let pendings: Vec<Pending<'_>> = chunk.iter().map(|c| self.prepare(c.as_ref())).collect();
        let results = batch_signatures(&pendings);
        for (k, (mut pending, ok)) in pendings.into_iter().zip(results).enumerate() {
            let ok = ok.or(pending.checked_signature);
            each(k, self.finish(&mut pending, ok, &[]));
        }
    }

    /// As [`Verifier::verify_many`], spread over `threads` threads (`0`: one per core the
    /// process may use): each thread takes the next [`BATCH_SIZE`] credentials in turn,
    /// so a slow batch does not leave a core idle, and the reports come back in the order
    /// of `credentials`, each credential with its own answer.
    pub fn verify_many_parallel<S: AsRef<str> + Sync>(
        &self,
        credentials: &[S],
        threads: usize,
    ) -> Vec<Report> {
        self.verify_many_parallel_map(credentials, threads, |_, report| report)
    }

    /// As [`Verifier::verify_many_parallel`], but each report is handed, with the index of
    /// its credential, to `keep` on the thread that verified it, and only what `keep`
    /// returns comes back (in the order of `credentials`). A program that needs a line, a
    /// JSON value or a verdict per credential renders it where the report was made and the
    /// report is dropped there: thousands of full reports (each holds its parsed
    /// credential) are never alive at once, and their memory is freed by the thread that
    /// allocated it.
    pub fn verify_many_parallel_map<S, T, F>(
        &self,
        credentials: &[S],
        threads: usize,
        keep: F,
    ) -> Vec<T>
    where
        S: AsRef<str> + Sync,
        T: Send,
        F: Fn(usize, Report) -> T + Sync,
    {
        self.in_batches(credentials, threads, |first, chunk| {
            let mut kept = Vec::with_capacity(chunk.len());
            self.verify_batch(chunk, |k, report| kept.push(keep(first + k, report)));
            kept
        })
    }

    /// As [`Verifier::verify_many_parallel_map`], for inputs that become credentials on
    /// the thread that verifies them, a batch at a time: `load` turns input `i` into its
    /// credential text (a file read, say), or into what is kept for it when it has none
    /// (a file that cannot be read: it is then not verified, and its answer stays in
    /// place); `keep` turns each report into what is kept. The texts of thousands of
    /// files are then never in memory at once, and each batch is read into memory its
    /// thread has just freed.
    pub fn verify_many_parallel_load<'i, I, S, T, L, F>(
        &self,
        inputs: &'i [I],
        threads: usize,
        load: L,
        keep: F,
    ) -> Vec<T>
    where
        I: Sync,
        S: AsRef<str>,
        T: Send,
        L: Fn(usize, &'i I) -> Result<S, T> + Sync,
        F: Fn(usize, Report) -> T + Sync,
    {
        self.in_batches(inputs, threads, |first, chunk: &'i [I]| {
            let loaded: Vec<Result<S, T>> = chunk
                .iter()
                .enumerate()
                .map(|(k, input)| load(first + k, input))
                .collect();
            // Where each text came from: its index in `chunk`.
            let (at, texts): (Vec<usize>, Vec<&str>) = loaded
                .iter()
                .enumerate()
                .filter_map(|(k, l)| Some((k, l.as_ref().ok()?.as_ref())))
                .unzip();
            let mut kept: Vec<Option<T>> = Vec::with_capacity(chunk.len());
            kept.resize_with(chunk.len(), || None);
            self.verify_batch(&texts, |j, report| {
                if let Some(k) = at.get(j).copied() {
                    if let Some(slot) = kept.get_mut(k) {
                        *slot = Some(keep(first + k, report));
                    }
                }
            });
            drop(texts);
            // Every text was answered in its place; the rest are the inputs with none.
            kept.into_iter()
                .zip(loaded)
                .filter_map(|(report, l)| report.or(l.err()))
                .collect()
        })
    }

    /// Runs `batch` over `inputs` in chunks of [`BATCH_SIZE`] on `threads` threads (`0`:
    /// one per core the process may use), each thread taking the next chunk in turn so a
    /// slow one does not leave a core idle; `batch` gets the index of its chunk's first
    /// input. What the chunks return comes back in the order of `inputs`.
    ///
    /// Plain scoped threads rather than a thread pool crate: the work is a handful of equal
    /// batches per call, the threads borrow the verifier and the inputs for the call's
    /// length only, and a command-line verification runs one such call.
    fn in_batches<'i, I, T, B>(&self, inputs: &'i [I], threads: usize, batch: B) -> Vec<T>
    where
        I: Sync,
        T: Send,
        B: Fn(usize, &'i [I]) -> Vec<T> + Sync,
    {
        let chunks: Vec<&'i [I]> = inputs.chunks(BATCH_SIZE).collect();
        let threads = match threads {
            0 => std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get),
            n => n,
        }
        .min(chunks.len());
        if threads <= 1 {
            return chunks
                .iter()
                .enumerate()
                .flat_map(|(i, chunk)| batch(i * BATCH_SIZE, chunk))
                .collect();
        }
        let next = AtomicUsize::new(0);
        let mut done: Vec<Option<Vec<T>>> = chunks.iter().map(|_| None).collect();
        std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads)
                .map(|_| {
                    scope.spawn(|| {
                        let mut mine = Vec::new();
                        loop {
                            let i = next.fetch_add(1, Ordering::Relaxed);
                            let Some(chunk) = chunks.get(i) else {
                                return mine;
                            };
                            mine.push((i, batch(i * BATCH_SIZE, chunk)));
                        }
                    })
                })
                .collect();
            for worker in workers {
                match worker.join() {
                    Ok(mine) => {
                        for (i, kept) in mine {
                            if let Some(slot) = done.get_mut(i) {
                                *slot = Some(kept);
                            }
                        }
                    }
                    // A verifier that panicked is a bug: let it surface as it would have
                    // on one thread.
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
        });
        let mut out = Vec::with_capacity(inputs.len());
        out.extend(done.into_iter().flatten().flatten());
        out
    }

    /// Finishes a credential read by [`Verifier::read`] whose document the caller may have
    /// replaced (the SD-JWT verifier puts the disclosed claims back); `hidden` lists the
    /// objects whose undisclosed claims the schema must not require.
    pub(crate) fn verify_read(&self, read: Read<'_>, hidden: &[String]) -> Report {
        let mut pending = self.examine(read);
        let ok = pending
            .signature
            .as_ref()
            .map(|(jws, key)| jws.verify_with(key));
        self.finish(&mut pending, ok, hidden)
    }

    /// The report of a credential [`Verifier::read`] could not read, from the checks
    /// that refused it.
    pub(crate) fn unreadable(&self, checks: Checks<CheckId>) -> Report {
        self.finish(&mut Pending::stopped(checks), None, &[])
    }

    fn prepare<'a>(&self, compact: &'a str) -> Pending<'a> {
        if is_data_integrity(compact) {
            return self.examine_integrity(compact);
        }
        match self.read::<CredentialJwt>(compact) {
            Reading::Read(read) => self.examine(read),
            Reading::Stopped(checks) => Pending::stopped(checks),
        }
    }

    fn finish(
        &self,
        pending: &mut Pending<'_>,
        signature_ok: Option<bool>,
        hidden: &[String],
    ) -> Report {
        let mut checks = std::mem::take(&mut pending.checks);
        let credential = pending.credential.take();
        self.after_signature(
            &mut checks,
            credential.as_ref(),
            (signature_ok, pending.securing),
            hidden,
            &pending.valid_from,
        );
        let checks = checks.complete();
        let verdict = report::verdict(checks.iter().map(|c| c.outcome), []);
        let summary = credential.as_ref().map(|(_, c)| {
            let issuer = self.bundle.issuer(&c.issuer);
            CredentialSummary {
                id: c.id.clone(),
                kind: c.kind,
                issuer: c.issuer.clone(),
                issuer_name: issuer.map(|i| i.name.clone()),
                issuer_country: issuer.map(|i| i.country.clone()),
                title: c.title.clone(),
                titles: c.titles.clone(),
                awarding_body: c.awarding_body.clone(),
                outcomes: c.outcomes.clone(),
                skill_names: c.skill_names.clone(),
                levels: c.levels.clone(),
                valid_from: std::mem::take(&mut pending.valid_from),
                valid_until: c.valid_until.map(format_time),
            }
        });
        let equivalence = match (&self.equivalence, &credential) {
            (Some((destination, table)), Some((_, c))) if verdict != Verdict::Invalid => {
                let query = EquivalenceQuery {
                    origin_country: c
                        .country
                        .clone()
                        .or_else(|| self.bundle.issuer(&c.issuer).map(|i| i.country.clone())),
                    levels: c.levels.clone(),
                    field: c.field.clone(),
                    isco08: c.isco08.clone(),
                    title: c.title.clone(),
                    issuer: Some(c.issuer.clone()),
                };
                Some(table.query(&query, destination, self.now))
            }
            _ => None,
        };
        let untrusted_decisions = if self.equivalence.is_some() {
            let mut all = self.bundle.untrusted_decisions().to_vec();
            all.extend(self.inconsistent_decisions.iter().cloned());
            all
        } else {
            Vec::new()
        };
        let verified = match (verdict, credential) {
            (Verdict::Valid, Some((document, checked))) => {
                Some(VerifiedCredential::new(document, checked))
            }
            _ => None,
        };
        Report {
            verdict,
            checks,
            credential: summary,
            equivalence,
            untrusted_decisions,
            verified,
        }
    }
}

/// Whether `credential` is a JSON document (a Data Integrity credential) rather than a
/// compact JWS, which never starts with `{`.
pub fn is_data_integrity(credential: &str) -> bool {
    credential.trim_start().starts_with('{')
}

/// Verifies the signatures that are ready; `None` where there was nothing to check.
///
/// EdDSA signatures under Ed25519 keys are checked together in one batch (a failing batch
/// falls back to one-by-one, to tell which failed); every other signature (ES256) is
/// checked one by one, since ECDSA (ES256, ES384, ES512) has no batch verification.
fn batch_signatures(pendings: &[Pending<'_>]) -> Vec<Option<bool>> {
    let ready: Vec<(usize, &UnverifiedJws<'_>, &PublicKey)> = pendings
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.signature.as_ref().map(|(jws, key)| (i, jws, key)))
        .collect();
    let mut results = vec![None; pendings.len()];
    let (batchable, single): (Vec<_>, Vec<_>) = ready
        .into_iter()
        .partition(|(_, jws, key)| jws.algorithm() == Algorithm::EdDSA && key.as_dalek().is_some());
    let signatures: Vec<(ed25519_dalek::Signature, &ed25519_dalek::VerifyingKey)> = batchable
        .iter()
        .filter_map(|(_, jws, key)| {
            Some((
                ed25519_dalek::Signature::from_slice(jws.signature()).ok()?,
                key.as_dalek()?,
            ))
        })
        .collect();
    let signed: Vec<batch::Signed<'_>> = batchable
        .iter()
        .zip(&signatures)
        .map(|((_, jws, _), (signature, key))| batch::Signed {
            message: jws.signing_input().as_bytes(),
            signature,
            key,
        })
        .collect();
    // A signature that is not 64 bytes leaves the batch short: all are then checked one
    // by one (parsing already refuses such a signature).
    let all_ok =
        !batchable.is_empty() && signed.len() == batchable.len() && batch::verify_batch(&signed);
    for (i, jws, key) in batchable {
        if let Some(slot) = results.get_mut(i) {
            *slot = Some(all_ok || jws.verify_with(key));
        }
    }
    for (i, jws, key) in single {
        if let Some(slot) = results.get_mut(i) {
            *slot = Some(jws.verify_with(key));
        }
    }
    results
}

/// A message with its English text, for results worked out once and reported many times.
fn rendered(msg: Msg) -> (Msg, String) {
    let english = msg.text(Lang::En);
    (msg, english)
}
