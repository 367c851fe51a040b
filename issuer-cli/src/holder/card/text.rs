//! What a card says: read from the credential (and, when it was verified, the issuer as the
//! trust bundle registers it), then put into the card's paragraphs with labels in one or
//! two languages. How it looks is `card-render`'s business.

use anyhow::Result;
use card_render::{CardContent, QrModules, Span, Tone};
use chrono::{DateTime, Utc};
use credential_core::credential::skill_headline_in;
use credential_core::i18n::{self, Lang};
use credential_core::sdjwt::PERSONAL_CLAIMS;
use credential_core::signed::{peek_json, CredentialJwt};
use credential_core::{CheckedCredential, CredentialKind};
use serde_json::Value;

use super::labels::Labels;
use crate::common::said::Say as _;

/// The issuer as a verified trust bundle registers it.
pub(super) struct Registered {
    pub(super) name: String,
    pub(super) country: String,
}

/// Who issued the credential, as far as the card can tell.
enum Issuer {
    /// Verified against a bundle; `stated` is the awarding body the credential names when
    /// that is another name.
    Registered {
        name: String,
        country: String,
        stated: Option<String>,
    },
    /// The credential's own words, not verified.
    Stated {
        name: String,
        country: Option<String>,
    },
    /// Nothing but the issuer's DID, not verified.
    Unnamed { did: String },
}

/// What the card prints.
pub(super) struct CardText {
    kind: CredentialKind,
    name: String,
    title: String,
    issuer: Issuer,
    levels: Vec<String>,
    awarded: Option<String>,
    id: String,
    /// Message ids of the personal claims the credential (and so its code) carries.
    personal: Vec<&'static str>,
    /// `validFrom`: when the credential was issued.
    pub(super) issued: DateTime<Utc>,
}

/// The label message id of each personal claim, in [`PERSONAL_CLAIMS`]' order.
fn personal_label(claim: &str) -> Option<&'static str> {
    match claim {
        "birthDate" => Some("card-birth-date"),
        "nationality" => Some("card-nationality"),
        "grade" => Some("card-grade"),
        _ => None,
    }
}

impl CardText {
    /// The card's text from the credential's content; the issuer's name from `registered`
    /// when the credential was verified against a bundle, else the credential's own words,
    /// marked unverified. The credential's own texts (title, awarding body, skills' names)
    /// are shown in `lang` where the credential gives them in it, else with the tag of the
    /// language shown (`(en)`).
    pub(super) fn new(jws: &str, registered: Option<&Registered>, lang: Lang) -> Result<Self> {
        let doc: Value =
            peek_json::<CredentialJwt>(jws).say(|| i18n::Msg::new("err-card-not-credential"))?;
        let checked = CheckedCredential::from_value(&doc)?;
        let text = |ptr: &str| doc.pointer(ptr).and_then(Value::as_str).map(str::to_owned);
        let stated = in_lang(&checked.awarding_body, lang).or_else(|| text("/issuer/name"));
        // The name as written, without the tag of another language, to compare with the
        // registered one.
        let stated_text = i18n::pick(&checked.awarding_body, lang).map(|p| p.text.to_owned());
        let issuer = match (registered, stated) {
            (Some(r), stated) => Issuer::Registered {
                name: r.name.clone(),
                country: r.country.clone(),
                stated: stated.filter(|s| !same_name(&r.name, stated_text.as_deref().unwrap_or(s))),
            },
            (None, Some(name)) => Issuer::Stated {
                name,
                country: checked.country.clone(),
            },
            (None, None) => Issuer::Unnamed {
                did: checked.issuer.clone(),
            },
        };
        let personal = PERSONAL_CLAIMS
            .iter()
            .filter(|claim| {
                ["/credentialSubject", "/credentialSubject/qualification"]
                    .iter()
                    .any(|object| {
                        doc.pointer(&format!("{object}/{claim}"))
                            .is_some_and(|v| !v.is_null())
                    })
            })
            .filter_map(|claim| personal_label(claim))
            .collect();
        Ok(Self {
            kind: checked.kind,
            name: text("/credentialSubject/name").unwrap_or_default(),
            // The same headline as wallet lists and verification reports.
            title: in_lang(&checked.titles, lang)
                .or_else(|| skill_headline_in(&checked.skill_names, lang))
                .or_else(|| checked.title.clone())
                .unwrap_or_default(),
            issuer,
            levels: checked.levels.clone(),
            awarded: text("/credentialSubject/qualification/awarded"),
            id: checked.id,
            personal,
            issued: checked.valid_from,
        })
    }

    /// The card's lines of text, top to bottom, for the terminal (English; the card itself
    /// carries the chosen languages).
    pub(super) fn lines(&self) -> Vec<String> {
        let mut lines = vec![
            match self.kind {
                CredentialKind::Qualification => "SKILLPASS  VERIFIABLE QUALIFICATION",
                CredentialKind::Skill => "SKILLPASS  VERIFIABLE SKILLS",
            }
            .to_owned(),
            self.name.clone(),
            self.title.clone(),
        ];
        match &self.issuer {
            Issuer::Registered {
                name,
                country,
                stated,
            } => {
                lines.push(format!("Issued by: {name} (registered, {country})"));
                if let Some(stated) = stated {
                    lines.push(format!("Awarding body stated in the credential: {stated}"));
                }
            }
            Issuer::Stated { name, country } => {
                let country = country
                    .as_deref()
                    .map(|c| format!(", {c}"))
                    .unwrap_or_default();
                lines.push(format!(
                    "Issuer (as the credential states it, not verified): {name}{country}"
                ));
            }
            Issuer::Unnamed { did } => lines.push(format!("Issuer (not verified): {did}")),
        }
        let mut detail = self.levels.join(", ");
        if let Some(awarded) = &self.awarded {
            detail = format!("{detail}  awarded {awarded}");
        }
        lines.push(detail.trim().to_owned());
        lines.retain(|l| !l.is_empty());
        lines
    }

    /// What the terminal says about the personal data in the code.
    pub(super) fn privacy(&self) -> String {
        format!(
            "{} Print the card only if you are willing to show all of it to whoever scans it.",
            Labels::ENGLISH.contains(&self.personal)
        )
    }

    /// The card's paragraphs, labelled in `langs` (one or two languages: the holder's, then
    /// the destination's), around the QR code `qr`.
    pub(super) fn content(&self, langs: &[Labels], qr: QrModules, linked: bool) -> CardContent {
        let first = langs.first().copied().unwrap_or(Labels::ENGLISH);
        let second = langs.get(1).copied().filter(|l| *l != first);
        // A label in both languages, "Issued by / Ausgestellt von": each language a span of
        // its own, so that each keeps its own direction on the card.
        let label = |id: &'static str| {
            let mut spans = vec![Span::new(first.text(id), Tone::Quiet)];
            if let Some(s) = second {
                spans.push(Span::new(" / ", Tone::Quiet));
                spans.push(Span::new(s.text(id), Tone::Quiet));
            }
            spans
        };
        let heading_id = match self.kind {
            CredentialKind::Qualification => "card-heading-qualification",
            CredentialKind::Skill => "card-heading-skills",
        };
        let mut heading = vec![
            Span::new("SKILLPASS", Tone::Strong),
            Span::new(" · ", Tone::Normal),
            Span::new(first.text(heading_id), Tone::Normal),
        ];
        if let Some(s) = second {
            heading.push(Span::new(" / ", Tone::Quiet));
            heading.push(Span::new(s.text(heading_id), Tone::Quiet));
        }

        let field = |id: &'static str, value: String| {
            let mut spans = label(id);
            spans.push(Span::new(format!(" {value}"), Tone::Normal));
            spans
        };
        let mut details = Vec::new();
        match &self.issuer {
            Issuer::Registered {
                name,
                country,
                stated,
            } => {
                details.push(field("card-issued-by", format!("{name}, {country}")));
                if let Some(stated) = stated {
                    details.push(field("card-awarding-body", stated.clone()));
                }
            }
            Issuer::Stated { name, country } => {
                let value = match country {
                    Some(c) => format!("{name}, {c}"),
                    None => name.clone(),
                };
                details.push(field("card-issuer-unverified", value));
            }
            Issuer::Unnamed { did } => details.push(field("card-issuer-unverified", did.clone())),
        }
        let mut level = Vec::new();
        if !self.levels.is_empty() {
            level = field("card-level", self.levels.join(", "));
        }
        if let Some(awarded) = &self.awarded {
            let spans = field("card-awarded", awarded.clone());
            if !level.is_empty() {
                level.push(Span::new(" · ", Tone::Quiet));
            }
            level.extend(spans);
        }
        if !level.is_empty() {
            details.push(level);
        }

        let mut notice = vec![Span::new(first.contains(&self.personal), Tone::Normal)];
        if let Some(s) = second {
            notice.push(Span::new(
                format!(" {}", s.contains(&self.personal)),
                Tone::Quiet,
            ));
        }
        // A code holding the verifier page's link opens in a phone camera; a bare `SP1:` code
        // needs the command line.
        let mut footer = label(if linked {
            "card-scan-to-verify"
        } else {
            "card-verify-offline"
        });
        footer.push(Span::new(":", Tone::Quiet));
        footer.push(Span::new(" skillpass verify --qr-image", Tone::Normal));
        footer.push(Span::new(format!(" · {}", self.id), Tone::Quiet));
        CardContent {
            heading,
            name: self.name.clone(),
            title: self.title.clone(),
            details,
            notice,
            footer,
            qr,
            right_to_left: first.right_to_left(),
        }
    }
}

/// The text of `map` in `lang` (the catalogs' fallback), followed by the tag of the
/// language shown when it is another one (`Manila College of Nursing (en)`).
fn in_lang(map: &i18n::LanguageMap, lang: Lang) -> Option<String> {
    let picked = i18n::pick(map, lang)?;
    Some(if picked.other_language {
        format!("{} ({})", picked.text, picked.tag)
    } else {
        picked.text.to_owned()
    })
}

/// Names that differ only in case, spacing or punctuation are the same name.
fn same_name(a: &str, b: &str) -> bool {
    let squash = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    squash(a) == squash(b)
}
