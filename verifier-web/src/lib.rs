//! The Skillpass verifier in the browser: `credential-core` compiled to WebAssembly behind a
//! small JavaScript API, for the page in `dist/` that the registry serves at `/` and `/v`
//! and that `skillpass web build` writes as a static folder.
//!
//! There is one verifier (DESIGN.md, "one verifier, everywhere"): this crate decides
//! nothing about a credential itself. It reads what the page was given the way
//! `skillpass verify` reads its inputs ([`input`]), admits the trust bundle against the
//! pinned anchor and the browser's memory of bundles the way the command line does
//! ([`session`]), runs core's verifiers, and hands the page the command line's own JSON
//! report and words plus a view of them ([`answer`]). The clock is always the caller's
//! (`Date.now()`); the crate reads no clock, storage or network of its own.
//!
//! JavaScript API (wasm-bindgen, `--target no-modules`, global `wasm_bindgen`); every
//! answer is a JSON string:
//!
//! - `new Session(anchorDid, bundleText, seenJson)` — admits the bundle; throws a JSON
//!   `{"problem": {code, message}}` string when the page cannot verify at all;
//!   `session.info(nowMs)`, `session.seen()`, `session.seenChanged()`;
//! - `session.verify(text, optionsJson)` and `session.verifyBytes(bytes, optionsJson)` —
//!   `{kind, verdict, report, words, view}` or `{problem}`; options are
//!   `{nowMs, country?, audience?, nonce?, maxAge?, lang?}`; everything a person reads in
//!   the answer is in `lang` (codes unchanged);
//! - `languages()` — the languages the catalogs speak, `[{tag, name, dir}]`;
//! - `chooseLanguage(tagsJson)` — the first of the browser's languages (`navigator.languages`)
//!   spoken, by the catalogs' fallback (exact → base language), else English;
//! - `say(lang, id, argsJson)` — the page's own words: the catalog message `page-<id>`;
//! - `destinations()` — the countries and frameworks the shipped data knows;
//! - `findInPdf(bytes)` — credential texts and JPEG images inside a PDF ([`pdf`]);
//! - `session.benchmark(text, n, nowMs)` — `n` plain verifications, for BENCHMARKS.md.
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

pub mod answer;
pub mod input;
pub mod pdf;
pub mod problem;
pub mod session;

use credential_core::equivalence::FrameworkCatalog;
use credential_core::i18n::{self, Lang};
use serde_json::{json, Value};
use wasm_bindgen::prelude::*;

pub use input::Arrival;
pub use problem::Problem;
pub use session::{Options, Session};

/// A verifying session, for JavaScript.
#[wasm_bindgen(js_name = Session)]
pub struct JsSession(Session);

#[wasm_bindgen(js_class = Session)]
impl JsSession {
    /// Admits `bundle` for `anchor` against the memory `seen` (see [`Session::open`]); a
    /// problem is worded in `lang` as well (English when absent).
    #[wasm_bindgen(constructor)]
    pub fn new(
        anchor: &str,
        bundle: &str,
        seen: &str,
        lang: Option<String>,
    ) -> Result<JsSession, JsValue> {
        let lang = lang.map_or(Lang::En, |tag| Lang::choose(&tag).lang);
        Session::open(anchor, bundle, seen)
            .map(JsSession)
            .map_err(|p| JsValue::from_str(&p.to_json_in(lang).to_string()))
    }

    /// The bundle's sequence, times and contents, or why it was refused.
    pub fn info(&self, now_ms: f64) -> String {
        let options = Options {
            now_ms,
            country: None,
            audience: None,
            nonce: None,
            max_age: None,
            lang: None,
        };
        match options.now() {
            Ok(now) => self.0.info(now).to_string(),
            Err(p) => p.to_json().to_string(),
        }
    }

    /// The memory of bundles to keep.
    pub fn seen(&self) -> String {
        self.0.seen_json()
    }

    /// Whether the memory changed (and should be saved).
    #[wasm_bindgen(js_name = seenChanged)]
    pub fn seen_changed(&self) -> bool {
        self.0.seen_changed()
    }

    /// Verifies pasted, scanned or linked text.
    pub fn verify(&self, text: &str, options: &str) -> String {
        verify_with(&self.0, text.as_bytes(), Arrival::Text, options)
    }

    /// Verifies the bytes of a file.
    #[wasm_bindgen(js_name = verifyBytes)]
    pub fn verify_bytes(&self, bytes: &[u8], options: &str) -> String {
        verify_with(&self.0, bytes, Arrival::File, options)
    }

    /// Verifies the credential `text` `n` times with core's verifier alone (no answer
    /// built), and answers how many were valid: the browser's side of the benchmark.
    pub fn benchmark(&self, text: &str, n: u32, now_ms: f64) -> u32 {
        let Some(bundle) = self.0.bundle() else {
            return 0;
        };
        let Some(now) = chrono::DateTime::from_timestamp_millis(now_ms as i64) else {
            return 0;
        };
        let verifier = credential_core::Verifier::new(bundle, now);
        let mut valid = 0;
        for _ in 0..n {
            if verifier.verify(text).verdict == credential_core::Verdict::Valid {
                valid += 1;
            }
        }
        valid
    }
}

fn verify_with(session: &Session, bytes: &[u8], arrival: Arrival, options: &str) -> String {
    match Options::from_json(options) {
        Ok(options) => session.verify(bytes, arrival, &options).to_string(),
        Err(p) => p.to_json().to_string(),
    }
}

/// The destinations the page offers: every country with a framework in the shipped data,
/// then the regional and other frameworks, as `[{"code", "label"}]`.
#[wasm_bindgen]
pub fn destinations() -> String {
    destination_list().to_string()
}

/// [`destinations`] as JSON.
pub fn destination_list() -> Value {
    let Ok(catalog) = FrameworkCatalog::shipped() else {
        return json!([]);
    };
    let mut countries: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    let mut others = Vec::new();
    for f in catalog.frameworks() {
        match &f.country {
            Some(c) => countries.entry(c.clone()).or_default().push(f.id.clone()),
            None => others.push(json!({ "code": f.id, "label": format!("{} ({})", f.id, f.name) })),
        }
    }
    let mut list: Vec<Value> = countries
        .into_iter()
        .map(|(code, frameworks)| {
            json!({ "code": code, "label": format!("{code} ({})", frameworks.join(", ")) })
        })
        .collect();
    list.extend(others);
    Value::Array(list)
}

/// The languages the page can be read in, English first: `[{"tag", "name", "dir"}]`, each
/// named in its own language (a reader looks for the name they read).
#[wasm_bindgen]
pub fn languages() -> String {
    language_list().to_string()
}

/// [`languages`] as JSON.
pub fn language_list() -> Value {
    Lang::ALL
        .iter()
        .map(|&l| json!({ "tag": l.tag(), "name": i18n::text(l, "page-language-name"), "dir": l.dir() }))
        .collect()
}

/// The language for a reader whose browser prefers `tags` (a JSON list, most preferred
/// first, as `navigator.languages`): the first one the catalogs speak, exactly or by its
/// base language (`de-AT` → `de`), else English. A list that is not JSON is English.
#[wasm_bindgen(js_name = chooseLanguage)]
pub fn choose_language(tags: &str) -> String {
    choose_from(tags).tag().to_owned()
}

/// [`choose_language`] as a [`Lang`].
pub fn choose_from(tags: &str) -> Lang {
    let tags: Vec<String> = serde_json::from_str(tags).unwrap_or_default();
    tags.iter()
        .take(32)
        .map(|t| Lang::choose(t))
        .find(|c| !c.fell_back)
        .map_or(Lang::En, |c| c.lang)
}

/// The page's own sentence `page-<id>` in `lang` (a tag, with the fallback), with the
/// arguments `args` (a JSON object; numbers pick plural forms). An id no catalog has is
/// answered as the id itself, so a missing message shows up instead of vanishing.
#[wasm_bindgen]
pub fn say(lang: &str, id: &str, args: &str) -> String {
    let lang = Lang::choose(lang).lang;
    let args = match serde_json::from_str::<Value>(args) {
        Ok(Value::Object(map)) => map,
        _ => serde_json::Map::new(),
    };
    i18n::say(lang, &format!("page-{id}"), &args).unwrap_or_else(|| id.to_owned())
}

/// Credential texts and JPEG image ranges inside a PDF, as JSON (see [`pdf`]).
#[wasm_bindgen(js_name = findInPdf)]
pub fn find_in_pdf(bytes: &[u8]) -> String {
    serde_json::to_string(&pdf::scan(bytes)).unwrap_or_else(|_| "{}".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_browser_language_is_exact_then_base_then_english() {
        assert_eq!(choose_language(r#"["de-AT", "en"]"#), "de");
        assert_eq!(choose_language(r#"["pt-BR", "fr-CA", "de"]"#), "fr");
        assert_eq!(choose_language(r#"["tl-PH"]"#), "fil");
        assert_eq!(choose_language(r#"["ar-EG"]"#), "ar");
        assert_eq!(choose_language(r#"["pt-BR", "ja"]"#), "en");
        assert_eq!(choose_language("[]"), "en");
        assert_eq!(choose_language("not json"), "en");
    }

    #[test]
    fn every_language_is_offered_under_its_own_name_and_direction() {
        let list = language_list();
        let names: Vec<(&str, &str, &str)> = list
            .as_array()
            .unwrap()
            .iter()
            .map(|l| {
                (
                    l["tag"].as_str().unwrap(),
                    l["name"].as_str().unwrap(),
                    l["dir"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            names,
            [
                ("en", "English", "ltr"),
                ("de", "Deutsch", "ltr"),
                ("fil", "Filipino", "ltr"),
                ("ar", "العربية", "rtl"),
                ("es", "Español", "ltr"),
                ("fr", "Français", "ltr"),
            ]
        );
    }

    #[test]
    fn the_page_words_come_from_the_catalog_with_their_arguments() {
        assert_eq!(
            say("en", "trust-bundle", r#"{"sequence": 7}"#),
            "Trust bundle 7"
        );
        assert_eq!(say("de-CH", "input-verify", "{}"), "Prüfen");
        assert_eq!(say("en", "age-days", r#"{"n": 1}"#), "1 day");
        assert_eq!(say("en", "age-days", r#"{"n": 3}"#), "3 days");
        assert_eq!(say("ar", "age-days", r#"{"n": 2}"#), "يومين");
        // The pseudo-locale marks catalog text and data apart.
        assert_eq!(
            say("en-XA", "trust-refused", r#"{"why": "old"}"#),
            "⟦Á ťŕúšť ƀúñďĺé ŵáš ŕéƒúšéď: ‹old›⟧"
        );
        // A missing message shows its id; arguments that are not JSON are ignored.
        assert_eq!(say("de", "no-such-message", "{}"), "no-such-message");
        assert_eq!(say("en", "result-none", "[1]"), "Nothing verified yet.");
    }
}
