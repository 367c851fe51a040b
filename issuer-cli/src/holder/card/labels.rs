//! The card's labels, in every language the card speaks, in this one table.
//!
//! The ids are the message ids of the message catalog (issue 12, part A: `card-…`), and a
//! placeholder is written as Fluent writes it (`{ $fields }`), so that when the catalog
//! lands each lookup below becomes a catalog call and this table goes, with no change to the
//! card's layout. A language is chosen with the catalog's fallback: the exact tag, then its
//! base language, then English.

/// The languages of the table, in the order of each row's texts.
const LANGS: [&str; 6] = ["en", "de", "fil", "ar", "es", "fr"];

/// Languages written right to left.
const RTL: [&str; 1] = ["ar"];

/// Each label's message id and its text in the languages of [`LANGS`], in that order.
const TABLE: &[(&str, [&str; 6])] = &[
    (
        "card-heading-qualification",
        [
            "Verifiable qualification",
            "Überprüfbare Qualifikation",
            "Napapatunayang kwalipikasyon",
            "مؤهل قابل للتحقق",
            "Cualificación verificable",
            "Qualification vérifiable",
        ],
    ),
    (
        "card-heading-skills",
        [
            "Verifiable skills",
            "Überprüfbare Kompetenzen",
            "Napapatunayang kasanayan",
            "مهارات قابلة للتحقق",
            "Competencias verificables",
            "Compétences vérifiables",
        ],
    ),
    (
        "card-issued-by",
        [
            "Issued by (registered issuer)",
            "Ausgestellt von (registrierte Stelle)",
            "Inisyu ng (rehistradong institusyon)",
            "صادر عن (جهة مسجلة)",
            "Expedido por (entidad registrada)",
            "Délivré par (organisme enregistré)",
        ],
    ),
    (
        "card-awarding-body",
        [
            "Awarding body named in the credential",
            "Verleihende Stelle laut Nachweis",
            "Nagkaloob ayon sa kredensyal",
            "الجهة المانحة كما وردت في الوثيقة",
            "Entidad otorgante según la credencial",
            "Organisme certificateur indiqué dans l’attestation",
        ],
    ),
    (
        "card-issuer-unverified",
        [
            "Issuer as the credential names it (not verified)",
            "Aussteller laut Nachweis (nicht geprüft)",
            "Nag-isyu ayon sa kredensyal (hindi napatunayan)",
            "الجهة المصدرة كما وردت في الوثيقة (لم يتم التحقق منها)",
            "Emisor según la credencial (no verificado)",
            "Émetteur indiqué dans l’attestation (non vérifié)",
        ],
    ),
    (
        "card-level",
        ["Level", "Niveau", "Antas", "المستوى", "Nivel", "Niveau"],
    ),
    (
        "card-awarded",
        [
            "Awarded",
            "Verliehen am",
            "Iginawad noong",
            "تاريخ المنح",
            "Otorgado el",
            "Délivré le",
        ],
    ),
    (
        "card-contains",
        [
            "This code holds the whole credential.",
            "Dieser Code enthält den vollständigen Nachweis.",
            "Nasa code na ito ang buong kredensyal.",
            "يحتوي هذا الرمز على الوثيقة كاملة.",
            "Este código contiene la credencial completa.",
            "Ce code contient l’attestation complète.",
        ],
    ),
    (
        "card-contains-personal",
        [
            "This code holds the whole credential, including { $fields }.",
            "Dieser Code enthält den vollständigen Nachweis, einschließlich { $fields }.",
            "Nasa code na ito ang buong kredensyal, kasama ang { $fields }.",
            "يحتوي هذا الرمز على الوثيقة كاملة، بما في ذلك { $fields }.",
            "Este código contiene la credencial completa, incluidos { $fields }.",
            "Ce code contient l’attestation complète, y compris { $fields }.",
        ],
    ),
    (
        "card-birth-date",
        [
            "date of birth",
            "Geburtsdatum",
            "petsa ng kapanganakan",
            "تاريخ الميلاد",
            "fecha de nacimiento",
            "date de naissance",
        ],
    ),
    (
        "card-nationality",
        [
            "nationality",
            "Staatsangehörigkeit",
            "nasyonalidad",
            "الجنسية",
            "nacionalidad",
            "nationalité",
        ],
    ),
    (
        "card-grade",
        ["grade", "Note", "marka", "التقدير", "calificación", "note"],
    ),
    (
        "card-scan-to-verify",
        [
            "Scan with a phone camera to verify, or offline",
            "Mit der Handykamera scannen und prüfen, oder offline",
            "I-scan gamit ang camera ng telepono para i-verify, o offline",
            "امسح الرمز بكاميرا الهاتف للتحقق، أو دون اتصال",
            "Escanee con la cámara del teléfono para verificar, o sin conexión",
            "Scannez avec l'appareil photo du téléphone pour vérifier, ou hors ligne",
        ],
    ),
    (
        "card-verify-offline",
        [
            "Verify offline",
            "Offline prüfen",
            "I-verify offline",
            "تحقق دون اتصال",
            "Verificar sin conexión",
            "Vérifier hors ligne",
        ],
    ),
];

/// How each language joins the last two items of a list, and the others.
const AND: [(&str, &str); 6] = [
    (", ", " and "),
    (", ", " und "),
    (", ", " at "),
    ("، ", " و"),
    (", ", " y "),
    (", ", " et "),
];

/// The labels of one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Labels {
    index: usize,
}

/// A language asked for that the card has no labels in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Fallback {
    pub(super) asked: String,
    pub(super) used: &'static str,
}

impl std::fmt::Display for Fallback {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "the card has no labels in {:?}; using {} (the card speaks {})",
            self.asked,
            self.used,
            LANGS.join(", ")
        )
    }
}

impl Labels {
    /// English.
    pub(super) const ENGLISH: Labels = Labels { index: 0 };

    /// The labels for the BCP 47 tag `tag`: the exact language, else its base language
    /// (`de-AT` → `de`), else English; the fallback is answered so the holder is told.
    pub(super) fn for_tag(tag: &str) -> (Labels, Option<Fallback>) {
        let lower = tag.trim().to_ascii_lowercase().replace('_', "-");
        let base = lower.split('-').next().unwrap_or_default();
        // Tagalog's code names the language Filipino is standardised from.
        let base = if base == "tl" { "fil" } else { base };
        let find = |t: &str| LANGS.iter().position(|l| *l == t);
        if let Some(index) = find(&lower).or_else(|| find(base)) {
            return (Labels { index }, None);
        }
        (
            Labels::ENGLISH,
            Some(Fallback {
                asked: tag.to_owned(),
                used: "en",
            }),
        )
    }

    /// The BCP 47 tag of these labels.
    pub(super) fn tag(self) -> &'static str {
        LANGS.get(self.index).copied().unwrap_or("en")
    }

    /// Whether the language is written right to left.
    pub(super) fn right_to_left(self) -> bool {
        RTL.contains(&self.tag())
    }

    /// The text of message `id` (an id missing from the table is a bug the tests catch; it
    /// shows as the id rather than as nothing).
    pub(super) fn text(self, id: &'static str) -> &'static str {
        TABLE
            .iter()
            .find(|(i, _)| *i == id)
            .and_then(|(_, texts)| texts.get(self.index).copied())
            .unwrap_or(id)
    }

    /// What the code holds: the whole credential, naming the personal claims it carries
    /// (message ids of their names) when there are any.
    pub(super) fn contains(self, personal: &[&'static str]) -> String {
        let names: Vec<&str> = personal.iter().map(|id| self.text(id)).collect();
        match names.as_slice() {
            [] => self.text("card-contains").to_owned(),
            [.., _] => self
                .text("card-contains-personal")
                .replace("{ $fields }", &self.list(&names)),
        }
    }

    /// `a`, `a and b`, `a, b and c` in this language.
    fn list(self, items: &[&str]) -> String {
        let (comma, and) = AND.get(self.index).copied().unwrap_or((", ", " and "));
        match items {
            [] => String::new(),
            [one] => (*one).to_owned(),
            [rest @ .., last] => format!("{}{and}{last}", rest.join(comma)),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    /// Every `{ $name }` in a text.
    fn placeholders(text: &str) -> Vec<&str> {
        text.match_indices("{ $")
            .filter_map(|(i, _)| {
                let rest = text.get(i + 3..)?;
                rest.find(" }").and_then(|end| rest.get(..end))
            })
            .collect()
    }

    #[test]
    fn every_label_is_written_in_every_language_with_the_english_placeholders() {
        for (id, texts) in TABLE {
            assert!(id.starts_with("card-"), "{id}");
            let english = placeholders(texts[0]);
            for (lang, text) in LANGS.iter().zip(texts) {
                assert!(!text.trim().is_empty(), "{id} is empty in {lang}");
                assert_eq!(placeholders(text), english, "{id} in {lang}");
                if *lang != "en" {
                    assert_ne!(*text, texts[0], "{id} in {lang} is the English text");
                }
            }
        }
    }

    #[test]
    fn a_language_falls_back_to_its_base_then_to_english_and_says_so() {
        assert_eq!(Labels::for_tag("de").0.tag(), "de");
        assert_eq!(Labels::for_tag("de-AT"), Labels::for_tag("de"));
        assert_eq!(Labels::for_tag("fr_CA").0.tag(), "fr");
        assert_eq!(Labels::for_tag("tl").0.tag(), "fil");
        assert_eq!(Labels::for_tag("FIL").0.tag(), "fil");
        let (labels, fallback) = Labels::for_tag("pt-BR");
        assert_eq!(labels, Labels::ENGLISH);
        assert_eq!(fallback.unwrap().to_string(), "the card has no labels in \"pt-BR\"; using en (the card speaks en, de, fil, ar, es, fr)");
        assert!(Labels::for_tag("ar").0.right_to_left());
        assert!(!Labels::for_tag("de").0.right_to_left());
    }

    #[test]
    fn the_notice_names_the_personal_claims_the_code_holds() {
        let en = Labels::ENGLISH;
        assert_eq!(en.contains(&[]), "This code holds the whole credential.");
        assert_eq!(
            en.contains(&["card-birth-date"]),
            "This code holds the whole credential, including date of birth."
        );
        assert_eq!(
            en.contains(&["card-birth-date", "card-nationality", "card-grade"]),
            "This code holds the whole credential, including date of birth, nationality and grade."
        );
        let de = Labels::for_tag("de").0;
        assert_eq!(
            de.contains(&["card-birth-date", "card-nationality"]),
            "Dieser Code enthält den vollständigen Nachweis, einschließlich Geburtsdatum und Staatsangehörigkeit."
        );
    }
}
