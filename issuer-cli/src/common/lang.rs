//! The reader's language for everything the command prints: `--lang` (every command), else
//! `SKILLPASS_LANG`, else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, the first one set),
//! else English; each with the fallback exact tag → base language → English. Chosen once
//! at start-up; JSON output keeps its codes in every language and adds the words beside.

use std::sync::OnceLock;

use credential_core::i18n::Lang;

static CHOSEN: OnceLock<Lang> = OnceLock::new();

/// Where the language came from, for the note when it is not spoken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    Flag,
    Env,
    Locale,
}

/// Chooses the language from `flag` and `env` (a lookup of environment variables, so tests
/// can pass their own), returning it and, when the reader asked by `--lang` or
/// `SKILLPASS_LANG` for a language Skillpass does not speak, the note to print.
pub(crate) fn choose(
    flag: Option<&str>,
    env: impl Fn(&str) -> Option<String>,
) -> (Lang, Option<String>) {
    let set = |name: &str| env(name).filter(|v| !v.trim().is_empty());
    let (tag, source) = if let Some(tag) = flag {
        (tag.to_owned(), Source::Flag)
    } else if let Some(tag) = set("SKILLPASS_LANG") {
        (tag, Source::Env)
    } else if let Some(tag) = set("LC_ALL")
        .or_else(|| set("LC_MESSAGES"))
        .or_else(|| set("LANG"))
    {
        (tag, Source::Locale)
    } else {
        return (Lang::En, None);
    };
    let choice = Lang::choose(&tag);
    let note = (choice.fell_back && source != Source::Locale).then(|| {
        let tags: Vec<&str> = Lang::ALL.iter().map(|l| l.tag()).collect();
        format!(
            "skillpass: no messages in {:?}; showing English (languages: {})",
            tag.trim(),
            tags.join(", ")
        )
    });
    (choice.lang, note)
}

/// Sets the language for this run (from `--lang` and the environment) and prints the note
/// when the asked language is not spoken.
pub(crate) fn init(flag: Option<&str>) {
    let (lang, note) = choose(flag, |name| std::env::var(name).ok());
    if let Some(note) = note {
        eprintln!("{note}");
    }
    let _ = CHOSEN.set(lang);
}

/// The language chosen for this run (English before [`init`]).
pub(crate) fn current() -> Lang {
    CHOSEN.get().copied().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    #[test]
    fn the_flag_then_skillpass_lang_then_the_locale_decide() {
        let all = [
            ("SKILLPASS_LANG", "fr"),
            ("LC_ALL", "es_ES.UTF-8"),
            ("LANG", "ar_SA.UTF-8"),
        ];
        assert_eq!(choose(Some("de"), env(&all)).0, Lang::De);
        assert_eq!(choose(None, env(&all)).0, Lang::Fr);
        assert_eq!(choose(None, env(&all[1..])).0, Lang::Es);
        assert_eq!(choose(None, env(&all[2..])).0, Lang::Ar);
        assert_eq!(
            choose(None, env(&[("LC_MESSAGES", "fil_PH"), ("LANG", "de_DE")])).0,
            Lang::Fil
        );
        // An empty variable is not set.
        assert_eq!(
            choose(None, env(&[("SKILLPASS_LANG", ""), ("LANG", "de_DE")])).0,
            Lang::De
        );
        assert_eq!(choose(None, env(&[])), (Lang::En, None));
        assert_eq!(choose(None, env(&[("LANG", "C.UTF-8")])), (Lang::En, None));
    }

    #[test]
    fn a_language_asked_for_but_not_spoken_is_english_with_a_note() {
        let (lang, note) = choose(Some("ja"), env(&[]));
        assert_eq!(lang, Lang::En);
        let note = note.unwrap_or_default();
        assert!(
            note.contains("\"ja\"") && note.contains("de, fil, ar"),
            "{note}"
        );
        // A locale the machine happens to have is not a request: no note every run.
        assert_eq!(
            choose(None, env(&[("LANG", "ja_JP.UTF-8")])),
            (Lang::En, None)
        );
    }
}
