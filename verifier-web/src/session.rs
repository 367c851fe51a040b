//! One verifying session of the page: the pinned anchor, the trust bundle admitted against
//! the browser's memory of bundles, and the credentials checked with them.
//!
//! Admission is the command line's (`TrustArgs::open` in `skillpass`): the anchor must be a
//! did:key; a damaged memory stops everything (starting afresh would drop the protection it
//! carries); the bundle is verified against the anchor, then refused if it is older than a
//! bundle seen (rollback) or a different bundle with a sequence already seen
//! (equivocation), and remembered when accepted. A refused bundle is, as there, the verdict
//! of every report (`invalid`, `trust-bundle` failing with the reason), never a crash.

use chrono::{DateTime, Duration, Utc};
use credential_core::equivalence::Destination;
use credential_core::i18n::Lang;
use credential_core::trust::MAX_BUNDLE_LEN;
use credential_core::{
    bundle_rejected, presentation, sdjwt, verify_presentation, BundleError, SeenBundles,
    TrustAnchor, VerifiedBundle, Verifier,
};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::answer;
use crate::input::{self, Arrival, Given};
use crate::problem::Problem;

/// Oldest presentation accepted by default, in seconds after it was made (the command
/// line's `--max-age` default).
pub const DEFAULT_MAX_AGE: u32 = 300;

/// What the page asks of one verification.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Options {
    /// The verifier's clock, in milliseconds since 1970 (JavaScript's `Date.now()`).
    pub now_ms: f64,
    /// The destination country or framework (`DE`, `de`, `EQF`), if one is chosen.
    #[serde(default)]
    pub country: Option<String>,
    /// This verifier's identifier, for presentations.
    #[serde(default)]
    pub audience: Option<String>,
    /// The nonce this verifier gave the holder, for presentations.
    #[serde(default)]
    pub nonce: Option<String>,
    /// Oldest presentation accepted, in seconds (1 to 86,400; default 300).
    #[serde(default)]
    pub max_age: Option<u32>,
    /// The reader's language as a BCP 47 tag (`de`, `ar-EG`), with the catalogs' fallback
    /// (exact, base language, English); English when absent.
    #[serde(default)]
    pub lang: Option<String>,
}

impl Options {
    /// Reads the options the page sends as JSON.
    pub fn from_json(text: &str) -> Result<Self, Problem> {
        let options: Self =
            serde_json::from_str(text).map_err(|e| Problem::Options(e.to_string()))?;
        if let Some(age) = options.max_age {
            if !(1..=86_400).contains(&age) {
                return Err(Problem::Options("maxAge must be 1 to 86400 seconds".into()));
            }
        }
        options.now()?;
        Ok(options)
    }

    /// The clock as a time.
    pub fn now(&self) -> Result<DateTime<Utc>, Problem> {
        if !self.now_ms.is_finite() {
            return Err(Problem::Options("nowMs is not a number".into()));
        }
        // Whole milliseconds, as `Date.now()` gives them.
        #[allow(clippy::cast_possible_truncation)]
        let ms = self.now_ms.trunc() as i64;
        DateTime::from_timestamp_millis(ms)
            .ok_or_else(|| Problem::Options("nowMs is out of range".into()))
    }

    /// The language the answer is written in.
    pub fn language(&self) -> Lang {
        self.lang
            .as_deref()
            .map_or(Lang::En, |tag| Lang::choose(tag).lang)
    }

    fn destination(&self) -> Result<Option<Destination>, Problem> {
        match self.country.as_deref().map(str::trim) {
            None | Some("") => Ok(None),
            Some(c) => c.to_ascii_uppercase().parse().map(Some).map_err(
                |e: credential_core::equivalence::EquivalenceError| {
                    Problem::Destination(e.to_string())
                },
            ),
        }
    }

    fn binding(&self, what: &'static str) -> Result<(&str, &str), Problem> {
        fn filled(s: &Option<String>) -> Option<&str> {
            s.as_deref().filter(|s| !s.trim().is_empty())
        }
        match (filled(&self.audience), filled(&self.nonce)) {
            (Some(a), Some(n)) => Ok((a, n)),
            _ => Err(Problem::NeedsAudienceAndNonce(what)),
        }
    }
}

/// The anchor, the admitted bundle (or why it was refused) and the memory of bundles.
pub struct Session {
    bundle: Result<VerifiedBundle, BundleError>,
    seen: SeenBundles,
    seen_changed: bool,
}

impl Session {
    /// Admits `bundle` for `anchor` against the memory `seen` (JSON in core's own format;
    /// empty for a browser that has seen none). Only what keeps the page from verifying at
    /// all is an error: an anchor that is not a did:key, a damaged memory, a bundle over
    /// the size limit. A refused bundle is a session whose every report says why.
    pub fn open(anchor: &str, bundle: &str, seen: &str) -> Result<Self, Problem> {
        let anchor =
            TrustAnchor::from_did(anchor.trim()).map_err(|e| Problem::Anchor(e.to_string()))?;
        let mut memory = if seen.trim().is_empty() {
            SeenBundles::new()
        } else {
            SeenBundles::from_json(seen).map_err(|e| Problem::Memory(e.to_string()))?
        };
        if bundle.len() > MAX_BUNDLE_LEN {
            return Err(Problem::BundleTooLarge(MAX_BUNDLE_LEN));
        }
        let admitted = anchor.verify_bundle(bundle.trim(), None).and_then(|b| {
            memory.check(&b)?;
            Ok(b)
        });
        let seen_changed = match &admitted {
            Ok(b) => memory.remember(b),
            Err(_) => false,
        };
        Ok(Self {
            bundle: admitted,
            seen: memory,
            seen_changed,
        })
    }

    /// The memory of bundles after admission, to be kept by the page.
    pub fn seen_json(&self) -> String {
        self.seen.to_json()
    }

    /// Whether admission added to the memory (the page then saves it).
    pub fn seen_changed(&self) -> bool {
        self.seen_changed
    }

    /// The admitted bundle.
    pub fn bundle(&self) -> Option<&VerifiedBundle> {
        self.bundle.as_ref().ok()
    }

    /// What the page shows of its trust: the bundle's sequence, times and contents, or
    /// why it was refused.
    pub fn info(&self, now: DateTime<Utc>) -> Value {
        match &self.bundle {
            Ok(b) => {
                let t = b.bundle();
                json!({
                    "accepted": true,
                    "anchor": t.anchor,
                    "sequence": t.sequence,
                    "issuedAt": credential_core::format_time(t.issued_at),
                    "nextUpdate": credential_core::format_time(t.next_update),
                    "fresh": now < t.next_update,
                    "digest": b.digest(),
                    "issuers": t.issuers.len(),
                    "statusLists": t.status_lists.len(),
                    "decisions": t.decisions.len(),
                })
            }
            Err(why) => json!({ "accepted": false, "refusal": why.to_string() }),
        }
    }

    /// Verifies one input (`bytes` of a file or of text) as `skillpass verify` would with
    /// this bundle, anchor and memory: the answer holds the command line's JSON report
    /// (`report`), its words (`words`), and what the page shows (`view`).
    pub fn verify(&self, bytes: &[u8], arrival: Arrival, options: &Options) -> Value {
        match self.try_verify(bytes, arrival, options) {
            Ok(answer) => answer,
            Err(problem) => problem.to_json_in(options.language()),
        }
    }

    fn try_verify(
        &self,
        bytes: &[u8],
        arrival: Arrival,
        options: &Options,
    ) -> Result<Value, Problem> {
        let now = options.now()?;
        let lang = options.language();
        let destination = options.destination()?;
        let given = input::read(bytes, arrival)?;
        let max_age = Duration::seconds(i64::from(options.max_age.unwrap_or(DEFAULT_MAX_AGE)));
        // The same order as the command line: a presentation needs its binding before the
        // bundle is looked at.
        let binding = match &given {
            Given::Presentation(_) => Some(options.binding("a presentation")?),
            Given::SdJwt(_) => Some(options.binding("an SD-JWT presentation")?),
            Given::Credential { .. } => None,
        };
        let bundle = match &self.bundle {
            Ok(bundle) => bundle,
            Err(why) => {
                let why = why.to_string();
                return Ok(match given {
                    Given::Credential { paper, .. } => {
                        answer::credential(&bundle_rejected(&why), None, paper, lang)
                    }
                    // As on the command line: an SD-JWT against a refused bundle gets the
                    // plain credential report of the refusal.
                    Given::SdJwt(_) => answer::refused_sd_jwt(&bundle_rejected(&why), lang),
                    Given::Presentation(_) => {
                        answer::presentation(&presentation::bundle_rejected(&why), lang)
                    }
                });
            }
        };
        let mut verifier = Verifier::new(bundle, now);
        if let Some(destination) = destination {
            verifier = verifier
                .with_destination(destination)
                .map_err(|e| Problem::Equivalence(e.to_string()))?;
        }
        Ok(match (given, binding) {
            (Given::Credential { jws, paper }, _) => {
                let report = verifier.verify(&jws);
                answer::credential(&report, Some(&jws), paper, lang)
            }
            (Given::SdJwt(text), Some((audience, nonce))) => answer::sd_jwt(
                &sdjwt::verify(&verifier, &text, audience, nonce, max_age),
                lang,
            ),
            (Given::Presentation(text), Some((audience, nonce))) => answer::presentation(
                &verify_presentation(&verifier, &text, audience, nonce, max_age),
                lang,
            ),
            (_, None) => return Err(Problem::Options("no audience or nonce".into())),
        })
    }
}

#[cfg(test)]
mod tests {
    use chrono::SubsecRound as _;
    use credential_core::{
        build_document, did_key_issuer, sign_document, BundleBuilder, IssueOptions, SecretKey,
    };

    use super::*;

    struct Scene {
        operator: SecretKey,
        bundle: String,
        jws: String,
        now: DateTime<Utc>,
    }

    fn scene() -> Scene {
        let operator = SecretKey::from_bytes(&[1; 32]);
        let college = SecretKey::from_bytes(&[2; 32]);
        let now = Utc::now().trunc_subsecs(0);
        let issuer = did_key_issuer(
            &college.public().did(),
            "Manila College of Nursing",
            "PH",
            vec!["QualificationCredential:PQF-6".parse().unwrap()],
            now - Duration::days(1),
        )
        .unwrap();
        let bundle = BundleBuilder::new(&operator.public(), 3, now, now + Duration::days(7))
            .issuer(issuer)
            .sign(&operator)
            .unwrap();
        let claims =
            serde_json::from_str(include_str!("../../examples/nurse-qualification.json")).unwrap();
        let doc =
            build_document(&claims, &college.public().did(), &IssueOptions::new(now)).unwrap();
        let jws = sign_document(&college, &college.public().did_url(), &doc).unwrap();
        Scene {
            operator,
            bundle,
            jws,
            now,
        }
    }

    fn options(now: DateTime<Utc>, extra: Value) -> Options {
        let mut o = json!({ "nowMs": now.timestamp_millis() as f64 });
        o.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        Options::from_json(&o.to_string()).unwrap()
    }

    fn verify(session: &Session, text: &str, options: &Options) -> Value {
        session.verify(text.as_bytes(), Arrival::Text, options)
    }

    #[test]
    fn a_valid_credential_shows_its_holder_and_what_it_means_in_the_country_chosen() {
        let s = scene();
        let session = Session::open(&s.operator.public().did(), &s.bundle, "").unwrap();
        assert!(session.seen_changed());
        let answer = verify(
            &session,
            &s.jws,
            &options(s.now, json!({ "country": "de" })),
        );
        assert_eq!(answer["verdict"], "valid", "{answer}");
        let c = &answer["view"]["credentials"][0];
        assert_eq!(
            c["holder"],
            json!({ "name": "Maria Clara Santos", "verified": true })
        );
        assert_eq!(c["checks"].as_array().unwrap().len(), 10);
        assert!(c["equivalence"]
            .as_str()
            .unwrap()
            .contains("What this qualification means in DE"));
        assert_eq!(session.info(s.now)["sequence"], 3);
    }

    #[test]
    fn a_german_reader_gets_every_word_in_german_and_the_same_codes() {
        let s = scene();
        let session = Session::open(&s.operator.public().did(), &s.bundle, "").unwrap();
        let english = verify(
            &session,
            &s.jws,
            &options(s.now, json!({ "country": "de" })),
        );
        let german = verify(
            &session,
            &s.jws,
            &options(s.now, json!({ "country": "de", "lang": "de-AT" })),
        );
        // Codes, names, outcomes and the English details are the same in every language.
        assert_eq!(german["verdict"], english["verdict"]);
        for (de, en) in [
            (&german["report"]["checks"], &english["report"]["checks"]),
            (
                &german["view"]["credentials"][0]["checks"],
                &english["view"]["credentials"][0]["checks"],
            ),
        ] {
            let stable = |v: &Value| -> Vec<Value> {
                v.as_array()
                    .unwrap()
                    .iter()
                    .map(|c| json!([c["name"], c["outcome"], c["detail"]]))
                    .collect()
            };
            assert_eq!(stable(de), stable(en));
        }
        // The words are German: the report's, the words', the view's and the meaning's.
        assert_eq!(german["report"]["lang"], "de");
        assert_eq!(german["report"]["verdictText"], "GÜLTIG");
        assert!(
            german["words"].as_str().unwrap().starts_with("GÜLTIG"),
            "{}",
            german["words"]
        );
        let check = &german["view"]["credentials"][0]["checks"][5];
        assert_eq!(check["name"], "signature");
        assert_eq!(check["label"], "Signatur");
        assert_eq!(check["mark"], "bestanden");
        assert_ne!(check["text"], check["detail"]);
        let meaning = german["view"]["credentials"][0]["equivalence"]
            .as_str()
            .unwrap();
        assert!(
            !meaning.contains("What this qualification means"),
            "{meaning}"
        );
        assert_eq!(english["report"]["verdictText"], "VALID");
        assert_eq!(
            english["view"]["credentials"][0]["checks"][5]["label"],
            "signature"
        );
    }

    #[test]
    fn an_arabic_reader_gets_right_to_left_words_and_problems() {
        let s = scene();
        let session = Session::open(&s.operator.public().did(), &s.bundle, "").unwrap();
        let arabic = verify(&session, &s.jws, &options(s.now, json!({ "lang": "ar" })));
        assert_eq!(arabic["report"]["dir"], "rtl");
        assert_eq!(arabic["report"]["verdictText"], "صالحة");
        let problem =
            verify(&session, "   ", &options(s.now, json!({ "lang": "ar" })))["problem"].clone();
        assert_eq!(problem["code"], "nothing-given");
        assert!(problem["message"]
            .as_str()
            .unwrap()
            .starts_with("there is nothing"));
        assert_eq!(problem["dir"], "rtl");
        let text = problem["text"].as_str().unwrap();
        assert!(
            text.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
            "{text}"
        );
    }

    #[test]
    fn a_language_the_catalogs_lack_is_english() {
        let s = scene();
        let session = Session::open(&s.operator.public().did(), &s.bundle, "").unwrap();
        let answer = verify(
            &session,
            &s.jws,
            &options(s.now, json!({ "lang": "pt-BR" })),
        );
        assert_eq!(answer["report"]["lang"], "en");
        assert_eq!(answer["report"]["verdictText"], "VALID");
    }

    #[test]
    fn a_refused_bundle_is_the_verdict_of_every_report_and_is_not_remembered() {
        let s = scene();
        let stranger = SecretKey::from_bytes(&[7; 32]).public().did();
        let session = Session::open(&stranger, &s.bundle, "").unwrap();
        assert!(!session.seen_changed());
        assert_eq!(session.info(s.now)["accepted"], false);
        let answer = verify(&session, &s.jws, &options(s.now, json!({})));
        assert_eq!(answer["verdict"], "invalid");
        assert_eq!(answer["report"]["checks"][0]["name"], "trust-bundle");
        assert_eq!(answer["report"]["checks"][0]["outcome"], "fail");
    }

    #[test]
    fn what_keeps_the_page_from_verifying_is_a_problem_with_its_code() {
        let s = scene();
        let anchor = s.operator.public().did();
        let code = |r: Result<Session, Problem>| r.err().map(|p| p.code());
        assert_eq!(
            code(Session::open("did:web:example.org", &s.bundle, "")),
            Some("anchor-not-did-key")
        );
        assert_eq!(
            code(Session::open(&anchor, &s.bundle, "{not json")),
            Some("memory-damaged")
        );
        let huge = "a".repeat(MAX_BUNDLE_LEN + 1);
        assert_eq!(
            code(Session::open(&anchor, &huge, "")),
            Some("bundle-too-large")
        );

        let session = Session::open(&anchor, &s.bundle, "").unwrap();
        let problem =
            |text: &str, o: &Options| verify(&session, text, o)["problem"]["code"].clone();
        let plain = options(s.now, json!({}));
        assert_eq!(problem("a.b.c~d~", &plain), "needs-audience-and-nonce");
        assert_eq!(
            problem(&s.jws, &options(s.now, json!({ "country": "x" }))),
            "unknown-destination"
        );
        assert_eq!(problem("   ", &plain), "nothing-given");
        assert_eq!(problem("SP1:%%%", &plain), "not-a-paper-code");
    }

    #[test]
    fn options_the_page_cannot_mean_are_refused() {
        for bad in [
            r#"{"nowMs": 1, "maxAge": 0}"#,
            r#"{"nowMs": 1, "maxAge": 86401}"#,
            r#"{"nowMs": 1e300}"#,
            r#"{"nowMs": 1, "colour": "red"}"#,
            r#"{}"#,
        ] {
            assert_eq!(
                Options::from_json(bad).unwrap_err().code(),
                "bad-options",
                "{bad}"
            );
        }
    }

    #[test]
    fn the_memory_refuses_an_older_bundle_as_the_command_line_does() {
        let s = scene();
        let anchor = s.operator.public().did();
        let seen = Session::open(&anchor, &s.bundle, "").unwrap().seen_json();
        let older = BundleBuilder::new(&s.operator.public(), 2, s.now, s.now + Duration::days(7))
            .sign(&s.operator)
            .unwrap();
        let session = Session::open(&anchor, &older, &seen).unwrap();
        let refusal = session.info(s.now)["refusal"].as_str().unwrap().to_owned();
        assert!(refusal.contains("older"), "{refusal}");
        // The memory is unchanged by a refused bundle.
        assert_eq!(session.seen_json(), seen);
    }
}
