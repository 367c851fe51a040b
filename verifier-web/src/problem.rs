//! Why the page could not verify what it was given — not a verdict about a credential, but
//! input or settings it cannot use. Each has a stable `code` (the page's message catalog
//! may word it for people, and issue 12's translations key on it) and an English message,
//! worded like the command line's for the same situation.

use credential_core::i18n::{say, Lang};
use serde::Serialize;
use serde_json::{Map, Value};

/// A problem with what the page was given.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Problem {
    /// Nothing was pasted or scanned.
    #[error("there is nothing to verify: paste a credential, choose a file or scan a code")]
    NothingGiven,
    /// An empty file (an attachment that lost its content).
    #[error("the file is empty: there is no credential in it; ask the sender for the file again")]
    EmptyFile,
    /// A link with nothing after its `#`.
    #[error("the link has no credential after its #")]
    EmptyLink,
    /// A link whose fragment cannot be read.
    #[error("{0}")]
    Link(String),
    /// `SP1:` text that does not decode.
    #[error("the scanned code is not a Skillpass credential: {0}")]
    Paper(String),
    /// A presentation without the audience and nonce it must be bound to.
    #[error(
        "{0} is checked against this verifier's identifier (audience) and the nonce it gave \
         the holder: enter both"
    )]
    NeedsAudienceAndNonce(&'static str),
    /// A destination that is neither a country code nor a framework id.
    #[error("{0}")]
    Destination(String),
    /// The pinned anchor is not a did:key.
    #[error("the anchor must be the operator's did:key ({0})")]
    Anchor(String),
    /// The browser's memory of bundles cannot be read.
    #[error(
        "this browser's memory of trust bundles is damaged ({0}); nothing was verified, \
         because that memory is what refuses old or forged bundles. Forget it only if you \
         know why it was damaged: a fresh memory knows only the bundles seen from then on"
    )]
    Memory(String),
    /// The bundle is larger than any bundle a verifier reads.
    #[error("the trust bundle is larger than the {0}-byte limit")]
    BundleTooLarge(usize),
    /// Options the page sent that this verifier cannot read (a bug in the page).
    #[error("the page sent options this verifier cannot read: {0}")]
    Options(String),
    /// The framework data shipped in the verifier cannot be read (a bug in the build).
    #[error("the shipped framework data cannot be read: {0}")]
    Equivalence(String),
}

impl Problem {
    /// The stable code of the problem.
    pub fn code(&self) -> &'static str {
        match self {
            Self::NothingGiven => "nothing-given",
            Self::EmptyFile => "empty-file",
            Self::EmptyLink => "empty-link",
            Self::Link(_) => "damaged-link",
            Self::Paper(_) => "not-a-paper-code",
            Self::NeedsAudienceAndNonce(_) => "needs-audience-and-nonce",
            Self::Destination(_) => "unknown-destination",
            Self::Anchor(_) => "anchor-not-did-key",
            Self::Memory(_) => "memory-damaged",
            Self::BundleTooLarge(_) => "bundle-too-large",
            Self::Options(_) => "bad-options",
            Self::Equivalence(_) => "framework-data",
        }
    }

    /// The problem in `lang`: the catalog's `page-problem-<code>`, with what a lower layer
    /// said (`detail`, in its own words) where the problem carries it.
    pub fn text(&self, lang: Lang) -> String {
        let mut args = Map::new();
        match self {
            Self::Link(d)
            | Self::Paper(d)
            | Self::Destination(d)
            | Self::Anchor(d)
            | Self::Memory(d)
            | Self::Options(d)
            | Self::Equivalence(d) => {
                args.insert("detail".into(), Value::from(d.as_str()));
            }
            Self::BundleTooLarge(max) => {
                args.insert("max".into(), Value::from(*max));
            }
            Self::NothingGiven
            | Self::EmptyFile
            | Self::EmptyLink
            | Self::NeedsAudienceAndNonce(_) => {}
        }
        say(lang, &format!("page-problem-{}", self.code()), &args)
            .unwrap_or_else(|| self.to_string())
    }

    /// The problem as the page receives it: `{"problem": {"code", "message"}}`.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({ "problem": Wire { code: self.code(), message: self.to_string(), words: None } })
    }

    /// [`Problem::to_json`] with the words of `lang` beside the English message:
    /// `{"problem": {"code", "message", "text", "lang", "dir"}}`.
    pub fn to_json_in(&self, lang: Lang) -> serde_json::Value {
        let words = Words {
            text: self.text(lang),
            lang: lang.tag(),
            dir: lang.dir(),
        };
        serde_json::json!({ "problem": Wire { code: self.code(), message: self.to_string(), words: Some(words) } })
    }
}

#[derive(Serialize)]
struct Wire {
    code: &'static str,
    message: String,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    words: Option<Words>,
}

#[derive(Serialize)]
struct Words {
    text: String,
    lang: &'static str,
    dir: &'static str,
}
