//! SD-JWT VC Type Metadata for the Skillpass credential types: display names in several
//! languages, claim metadata (labels, which claims are selectively disclosable) and the
//! JSON Schema of the claims, served where the `vct` URL points and protected by
//! `vct#integrity` (W3C Subresource Integrity: `sha256-` and the standard base64 of the
//! SHA-256 of the exact bytes served).
//!
//! The document is a pure function of the `vct` and the credential kind, so an issuer, the
//! registry that serves it and an offline verifier all compute the same bytes.

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use serde_json::{json, Value};
use sha2::{Digest as _, Sha256};

use crate::credential::CredentialKind;

/// The `vct` of `kind` under `base` (the registry's public URL): `{base}/types/{Type}`.
pub fn vct_for(base: &str, kind: CredentialKind) -> String {
    format!("{}/types/{}", base.trim_end_matches('/'), kind.as_str())
}

/// The kind a Skillpass `vct` names (its last path segment), if any.
pub fn kind_of_vct(vct: &str) -> Option<CredentialKind> {
    let last = vct.rsplit('/').next()?;
    [CredentialKind::Qualification, CredentialKind::Skill]
        .into_iter()
        .find(|k| k.as_str() == last)
}

/// Label in English, French, Spanish, Arabic and Tagalog.
fn labels(en: &str, fr: &str, es: &str, ar: &str, tl: &str) -> Value {
    json!([
        {"locale": "en", "label": en},
        {"locale": "fr", "label": fr},
        {"locale": "es", "label": es},
        {"locale": "ar", "label": ar},
        {"locale": "tl", "label": tl},
    ])
}

fn claim(path: &[&str], sd: &str, display: Value) -> Value {
    json!({"path": path, "sd": sd, "display": display})
}

/// The Type Metadata document of `kind` for `vct`.
pub fn type_metadata(vct: &str, kind: CredentialKind) -> Value {
    let (names, description) = match kind {
        CredentialKind::Qualification => (
            [
                ("en", "Qualification"),
                ("fr", "Qualification"),
                ("es", "Cualificación"),
                ("ar", "مؤهل"),
                ("tl", "Kwalipikasyon"),
            ],
            "A formal qualification: title, awarding body, framework level, field and occupation.",
        ),
        CredentialKind::Skill => (
            [
                ("en", "Skills"),
                ("fr", "Compétences"),
                ("es", "Competencias"),
                ("ar", "مهارات"),
                ("tl", "Mga kasanayan"),
            ],
            "One or more skills with how each was assessed.",
        ),
    };
    let display: Vec<Value> = names
        .iter()
        .map(|(locale, name)| json!({"locale": locale, "name": name}))
        .collect();
    let mut claims = vec![
        claim(
            &["name"],
            "allowed",
            labels("Name", "Nom", "Nombre", "الاسم", "Pangalan"),
        ),
        claim(
            &["birthDate"],
            "always",
            labels(
                "Date of birth",
                "Date de naissance",
                "Fecha de nacimiento",
                "تاريخ الميلاد",
                "Petsa ng kapanganakan",
            ),
        ),
        claim(
            &["nationality"],
            "always",
            labels(
                "Nationality",
                "Nationalité",
                "Nacionalidad",
                "الجنسية",
                "Nasyonalidad",
            ),
        ),
    ];
    match kind {
        CredentialKind::Qualification => claims.extend([
            claim(
                &["qualification", "title"],
                "allowed",
                labels("Title", "Intitulé", "Título", "العنوان", "Pamagat"),
            ),
            claim(
                &["qualification", "awardingBody"],
                "allowed",
                labels(
                    "Awarding body",
                    "Organisme certificateur",
                    "Entidad otorgante",
                    "الجهة المانحة",
                    "Nagkaloob",
                ),
            ),
            claim(
                &["qualification", "frameworkLevels"],
                "never",
                labels(
                    "Framework level",
                    "Niveau du cadre",
                    "Nivel del marco",
                    "مستوى الإطار",
                    "Antas sa balangkas",
                ),
            ),
            claim(
                &["qualification", "country"],
                "allowed",
                labels("Country", "Pays", "País", "البلد", "Bansa"),
            ),
            claim(
                &["qualification", "field"],
                "allowed",
                labels(
                    "Field of study",
                    "Domaine d'études",
                    "Campo de estudio",
                    "مجال الدراسة",
                    "Larangan",
                ),
            ),
            claim(
                &["qualification", "occupation"],
                "allowed",
                labels(
                    "Occupation",
                    "Profession",
                    "Ocupación",
                    "المهنة",
                    "Hanapbuhay",
                ),
            ),
            claim(
                &["qualification", "learningOutcomes"],
                "allowed",
                labels(
                    "Learning outcomes",
                    "Acquis d'apprentissage",
                    "Resultados de aprendizaje",
                    "نواتج التعلم",
                    "Mga natutunan",
                ),
            ),
            claim(
                &["qualification", "awarded"],
                "allowed",
                labels(
                    "Awarded on",
                    "Délivré le",
                    "Otorgado el",
                    "تاريخ المنح",
                    "Iginawad noong",
                ),
            ),
            claim(
                &["qualification", "grade"],
                "always",
                labels("Grade", "Mention", "Calificación", "التقدير", "Marka"),
            ),
        ]),
        CredentialKind::Skill => claims.extend([
            claim(
                &["skills"],
                "allowed",
                labels(
                    "Skills",
                    "Compétences",
                    "Competencias",
                    "المهارات",
                    "Mga kasanayan",
                ),
            ),
            claim(
                &["occupation"],
                "allowed",
                labels(
                    "Occupation",
                    "Profession",
                    "Ocupación",
                    "المهنة",
                    "Hanapbuhay",
                ),
            ),
        ]),
    }
    json!({
        "vct": vct,
        "name": format!("Skillpass {}", kind.as_str()),
        "description": description,
        "display": display,
        "claims": claims,
        "schema": schema(kind),
    })
}

/// The JSON Schema of the disclosed claims of a `dc+sd-jwt` of `kind`.
fn schema(kind: CredentialKind) -> Value {
    let subject = match kind {
        CredentialKind::Qualification => json!({
            "qualification": {
                "type": "object",
                "required": ["title", "frameworkLevels"],
                "properties": {
                    "title": {"type": "object", "additionalProperties": {"type": "string"}},
                    "frameworkLevels": {"type": "array", "items": {"type": "string"}, "minItems": 1},
                    "awardingBody": {"type": "object"},
                    "country": {"type": "string", "pattern": "^[A-Z]{2}$"},
                    "awarded": {"type": "string", "format": "date"}
                }
            }
        }),
        CredentialKind::Skill => json!({
            "skills": {"type": "array", "minItems": 1}
        }),
    };
    let mut properties = json!({
        "iss": {"type": "string"},
        "vct": {"type": "string"},
        "sub": {"type": "string"},
        "iat": {"type": "integer"},
        "nbf": {"type": "integer"},
        "exp": {"type": "integer"},
        "name": {"type": "string"},
        "birthDate": {"type": "string", "format": "date"}
    });
    if let (Some(p), Some(extra)) = (properties.as_object_mut(), subject.as_object()) {
        p.extend(extra.clone());
    }
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "required": ["iss", "vct"],
        "properties": properties,
    })
}

/// The exact bytes served for the Type Metadata of `kind` at `vct`.
pub fn type_metadata_bytes(vct: &str, kind: CredentialKind) -> Vec<u8> {
    serde_json::to_vec(&type_metadata(vct, kind)).unwrap_or_default()
}

/// W3C Subresource Integrity metadata of `bytes`: `sha256-<base64>`.
pub fn integrity(bytes: &[u8]) -> String {
    format!("sha256-{}", STANDARD.encode(Sha256::digest(bytes)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integrity_is_sri_sha256_in_standard_base64() {
        // sha256 of "alert('Hello, world.');" as SRI/CSP hash sources write it (MDN's example):
        // qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng=
        assert_eq!(
            integrity(b"alert('Hello, world.');"),
            "sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng="
        );
    }

    #[test]
    fn type_metadata_names_the_vct_has_several_languages_and_is_deterministic() {
        let vct = vct_for("https://registry.example/", CredentialKind::Qualification);
        assert_eq!(
            vct,
            "https://registry.example/types/QualificationCredential"
        );
        assert_eq!(kind_of_vct(&vct), Some(CredentialKind::Qualification));
        assert_eq!(kind_of_vct("https://x/types/Other"), None);
        let doc = type_metadata(&vct, CredentialKind::Qualification);
        assert_eq!(doc["vct"], vct);
        assert!(doc["display"].as_array().unwrap().len() >= 3);
        let birth = doc["claims"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["path"] == json!(["birthDate"]))
            .unwrap();
        assert_eq!(birth["sd"], "always");
        assert_eq!(doc["schema"]["type"], "object");
        assert_eq!(
            type_metadata_bytes(&vct, CredentialKind::Qualification),
            type_metadata_bytes(&vct, CredentialKind::Qualification)
        );
        assert_ne!(
            integrity(&type_metadata_bytes(&vct, CredentialKind::Qualification)),
            integrity(&type_metadata_bytes(&vct, CredentialKind::Skill))
        );
    }
}
