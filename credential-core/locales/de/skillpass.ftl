# Skillpass — Deutsch. Für Anerkennungsstellen, Arbeitgeber und Pflegekräfte in Deutschland.
#
# Glossar (für diese Begriffe nur diese Wörter verwenden):
#   credential            Nachweis (Qualifikationsnachweis, Kompetenznachweis)
#   trust bundle          Vertrauensliste
#   pinned anchor         hinterlegter Vertrauensanker
#   issuer                ausstellende Stelle
#   issuance date         Ausstellungsdatum
#   recognition decision  Anerkennungsbescheid
#   full / partial / none volle Gleichwertigkeit / teilweise Gleichwertigkeit / keine Gleichwertigkeit
#   comparable level      vergleichbares Niveau (informativ, kein Anerkennungsbescheid)
#   compensation measure  Ausgleichsmaßnahme
#   adaptation period     Anpassungslehrgang
#   knowledge test        Kenntnisprüfung
#   aptitude test         Eignungsprüfung
#   status list           Statusliste; revoked = widerrufen; suspended = ausgesetzt

## Wörter rund um jeden Prüfbericht

raw = { $text }
mark-pass = bestanden
mark-fail = FEHLER
mark-indeterminate = offen
mark-skipped = übersprungen
verdict-valid = GÜLTIG
verdict-invalid = UNGÜLTIG
verdict-indeterminate = NICHT ENTSCHEIDBAR
kind = { $kind ->
    [SkillCredential] Kompetenznachweis
   *[other] Qualifikationsnachweis
}
report-from = von { $issuer }
untrusted-decision = nicht vertrauenswürdiger Bescheid nicht berücksichtigt: { $reason }
not-run = nicht durchgeführt: eine vorherige Prüfung ist fehlgeschlagen
not-run-bundle-refused = nicht durchgeführt: die Vertrauensliste wurde zurückgewiesen

## Die zehn Prüfungen eines Nachweises

check-trust-bundle = Vertrauensliste
check-well-formed = Format
check-algorithm = Algorithmus
check-issuer-accredited = Akkreditierung
check-key-valid = Schlüssel
check-signature = Signatur
check-schema = Schema
check-validity-period = Gültigkeitszeitraum
check-status = Status
check-bundle-fresh = Aktualität

## Was jede Prüfung ergab

trust-bundle-signed = Vertrauensliste { $sequence }, signiert vom hinterlegten Vertrauensanker { $anchor }
trust-bundle-unsigned = Vertrauensliste { $sequence }, im Speicher aus vertrauenswürdigen Einträgen erstellt (nicht signiert)
well-formed-readable = kompakte JWS mit lesbarem Header
well-formed-ok = { $bytes ->
    [one] { $bytes } Byte
   *[other] { $bytes } Bytes
}, VC 2.0 { $kind ->
    [SkillCredential] Kompetenznachweis
   *[other] Qualifikationsnachweis
}
well-formed-not-json = der Inhalt ist kein striktes JSON: { $reason }
well-formed-typ = der Header-Typ muss { $typ } sein
well-formed-broken-lines = { $reason }: der Nachweis ist auf mehrere Zeilen umgebrochen, wie es E-Mail-Programme tun; bitten Sie den Absender um die Nachweisdatei selbst, als Anhang
well-formed-cut-short = { $reason }: die Datei scheint beschädigt oder abgeschnitten; bitten Sie den Absender um die Nachweisdatei selbst, als Anhang
algorithm-ok = EdDSA (Ed25519)
issuer-unknown = die ausstellende Stelle { $issuer } steht nicht in der Vertrauensliste
issuer-suspended = { $name } war am Ausstellungsdatum { $date } ausgesetzt
issuer-withdrawn = { $name } war am Ausstellungsdatum { $date } die Akkreditierung entzogen
issuer-not-accredited = { $name } war am Ausstellungsdatum { $date } nicht akkreditiert
issuer-out-of-scope = { $name } ist nur für { $scope } akkreditiert; dies ist ein { $kind ->
    [SkillCredential] Kompetenznachweis
   *[other] Qualifikationsnachweis
} auf { $levels }
issuer-out-of-scope-no-level = { $name } ist nur für { $scope } akkreditiert; dies ist ein { $kind ->
    [SkillCredential] Kompetenznachweis
   *[other] Qualifikationsnachweis
} ohne Niveau
issuer-accredited = { $name } ({ $country }), akkreditiert für { $kind ->
    [SkillCredential] Kompetenznachweise
   *[other] Qualifikationsnachweise
} am { $date }
issuer-accredited-now-suspended = { $name } ({ $country }), akkreditiert für { $kind ->
    [SkillCredential] Kompetenznachweise
   *[other] Qualifikationsnachweise
} am { $date }; Hinweis: inzwischen ausgesetzt, nach Ausstellung dieses Nachweises
issuer-accredited-now-withdrawn = { $name } ({ $country }), akkreditiert für { $kind ->
    [SkillCredential] Kompetenznachweise
   *[other] Qualifikationsnachweise
} am { $date }; Hinweis: Akkreditierung inzwischen entzogen, nach Ausstellung dieses Nachweises
key-no-kid = der Header nennt keinen Schlüssel (kid)
key-unknown = Schlüssel { $kid } steht nicht in der Vertrauensliste
key-other-issuer = Schlüssel { $kid } gehört zu { $name }, nicht zur ausstellenden Stelle des Nachweises
key-not-valid = Schlüssel { $kid } war am Ausstellungsdatum { $date } nicht gültig
key-valid = { $kid }, gültig bei Ausstellung
signature-ok = die Signatur ist mit dem Schlüssel der ausstellenden Stelle gültig
signature-bad = die Signatur ist ungültig: der Nachweis wurde verändert oder nicht mit diesem Schlüssel signiert
signature-no-key = kein vertrauenswürdiger Schlüssel zur Prüfung vorhanden
signature-ok-di = Data-Integrity-Nachweis ist gültig: Ed25519 über den RDFC-1.0-kanonisierten Nachweis und die Proof-Optionen
signature-bad-di = der Data-Integrity-Nachweis ist ungültig: der Nachweis oder seine Proof-Optionen wurden verändert oder nicht mit diesem Schlüssel signiert
di-too-large = { $bytes } Bytes, über der Grenze von { $limit } Bytes für einen Nachweis
di-not-json = kein striktes JSON: { $reason }
di-well-formed-proof = { $bytes } Bytes, VC 2.0 { $kind } mit einem Proof
di-well-formed-ok = { $bytes } Bytes, VC 2.0 { $kind } mit einem Data-Integrity-Nachweis, jeder Begriff durch seine Kontexte definiert
schema-ok = entspricht dem Schema für { $kind ->
    [SkillCredential] Kompetenznachweise
   *[other] Qualifikationsnachweise
}
validity-not-yet = noch nicht gültig: gültig ab { $from }
validity-expired = abgelaufen am { $until }
validity-until = gültig von { $from } bis { $until }
validity-open = gültig ab { $from }, unbefristet
status-no-entry = der Nachweis enthält keinen Statuseintrag
status-list-missing = Statusliste { $list } steht nicht in der Vertrauensliste
status-list-other-issuer = Statusliste { $list } gehört einer anderen ausstellenden Stelle
status-list-expired = Statusliste { $list } ist am { $until } abgelaufen: laden Sie eine neuere Vertrauensliste
status-list-early = Statusliste { $list } gilt erst ab { $from }: prüfen Sie die Uhr
status-purpose-mismatch = Statusliste { $list } ist eine { $purpose ->
    [suspension] Aussetzungsliste
   *[other] Widerrufsliste
}, der Eintrag nennt { $entry ->
    [suspension] Aussetzung
   *[other] Widerruf
}
status-entry-bad = Statuseintrag: { $reason }
status-revoked = der Nachweis ist widerrufen (Statusliste { $list })
status-suspended = der Nachweis ist ausgesetzt (Statusliste { $list })
status-ok-both = nicht widerrufen, nicht ausgesetzt (laut Vertrauensliste vom { $date })
status-ok-revocation = nicht widerrufen (laut Vertrauensliste vom { $date })
status-ok-suspension = nicht ausgesetzt (laut Vertrauensliste vom { $date })
fresh-stale = Vertrauensliste { $sequence } hat ihren Aktualisierungstermin { $time } überschritten: laden Sie eine neuere
fresh-future = Vertrauensliste { $sequence } ist auf { $time } in der Zukunft datiert: prüfen Sie die Uhr
fresh-ok = Vertrauensliste { $sequence } aktuell bis { $time }

## Anerkennung: was eine Qualifikation im Zielland bedeutet

eq-heading-country = Was diese Qualifikation in { $place } bedeutet (Stand { $date }):
eq-heading-framework = Was diese Qualifikation bezogen auf { $place } bedeutet (Stand { $date }):
eq-decisions = Anerkennungsbescheide (verbindlich):
eq-no-decision-country = Kein Anerkennungsbescheid in { $place } passt zu dieser Qualifikation.
eq-no-decision-framework = Kein Anerkennungsbescheid bezogen auf { $place } passt zu dieser Qualifikation.
eq-legal-basis = Rechtsgrundlage: { $basis }
eq-comparable = Vergleichbare Niveaus (informativ, kein Anerkennungsbescheid):
eq-no-comparable = Kein vergleichbares Niveau bekannt.
eq-comparable-own = Vergleichbares Niveau: { $level } (das eigene Niveau der Qualifikation)
eq-comparable-via = Vergleichbares Niveau: { $level } über { $path } ({ $status }, Verlässlichkeit: { $confidence ->
    [high] hoch
    [medium] mittel
    [low] gering
   *[other] { $confidence }
})
eq-comparable-via-historical = Vergleichbares Niveau: { $level } über { $path } (historische Zuordnung, nicht mehr gepflegt, Verlässlichkeit: { $confidence ->
    [high] hoch
    [medium] mittel
    [low] gering
   *[other] { $confidence }
})
eq-practice = Anerkennungspraxis (Hintergrund aus den mitgelieferten Daten, kein Bescheid):
eq-source = Quelle: { $source }
eq-not-known = Nicht bekannt:
eq-nothing-known-country = Über diese Qualifikation ist in { $place } nichts bekannt: wenden Sie sich an die zuständige Stelle.
eq-nothing-known-framework = Über diese Qualifikation ist bezogen auf { $place } nichts bekannt: wenden Sie sich an die zuständige Stelle.
eq-recognised = Anerkannt in { $country } als { $qualification } — { $outcome } (Bescheid von { $authority }, { $validity })
eq-not-recognised = Nicht anerkannt in { $country } als { $qualification } — { $outcome } (Bescheid von { $authority }, { $validity })
eq-state-expired = ABGELAUFEN am { $date }: { $decision }
eq-state-not-yet = NOCH NICHT IN KRAFT (ab { $date }): { $decision }
eq-state-superseded = ERSETZT durch { $by }: { $decision }
eq-state-superseded-later = ERSETZT durch einen späteren Bescheid: { $decision }
eq-state-withdrawn = AUFGEHOBEN am { $date }: { $decision }
eq-valid-until = gültig bis { $date }
eq-valid-open = gültig ab { $date }, unbefristet
eq-outcome-full = volle Gleichwertigkeit
eq-outcome-partial = teilweise Gleichwertigkeit
eq-outcome-none = keine Gleichwertigkeit
eq-outcome-with-measures = { $outcome }, Ausgleichsmaßnahme: { $measures }
eq-measures-and = { $first }; { $second }
eq-measures-or = { $first } oder { $second }
eq-measure-adaptation = Anpassungslehrgang von { $months ->
    [one] { $months } Monat
   *[other] { $months } Monaten
}
eq-measure-knowledge-test = Kenntnisprüfung
eq-measure-aptitude-test = Eignungsprüfung
eq-measure-language = Sprachnachweis { $language ->
    [de] Deutsch
    [en] Englisch
    [fr] Französisch
    [nl] Niederländisch
    [it] Italienisch
    [es] Spanisch
    [pt] Portugiesisch
    [pl] Polnisch
    [sv] Schwedisch
    [da] Dänisch
    [fi] Finnisch
    [no] Norwegisch
    [ja] Japanisch
    [ar] Arabisch
   *[other] { $language }
} { $level } erforderlich

## Präsentationen (vp+jwt) und SD-JWT: ihre Prüfungen und was jede ergab

check-holder-signature = Signatur der Inhaberin/des Inhabers
check-audience = Empfänger
check-nonce = Nonce
check-freshness = Aktualität
check-holder-binding = Bindung an die Person
check-disclosures = Offenlegungen
check-key-binding = Schlüsselbindung
presentation-of = Vorlage von { $count ->
    [one] { $count } Nachweis
   *[other] { $count } Nachweisen
}
presentation-by = durch { $holder }
credential-number = Nachweis { $n }
presentation-well-formed-ok = { $bytes } Bytes, VC 2.0 VerifiablePresentation mit { $count ->
    [one] { $count } Nachweis
   *[other] { $count } Nachweisen
}
kid-bad = Schlüssel-ID (kid): { $reason }
kid-not-url = die Schlüssel-ID (kid) muss eine DID-URL sein (did:key:z…#z…)
kid-not-holder = die Schlüssel-ID (kid) ist kein Schlüssel der vorlegenden Person
holder-signature-ok = signiert mit dem Schlüssel der did:key der vorlegenden Person
holder-signature-bad = die Signatur der vorlegenden Person ist ungültig: die Vorlage wurde verändert oder mit einem anderen Schlüssel signiert
audience-ok = bestimmt für { $audience }
audience-other = bestimmt für { $got }, nicht für { $audience }
audience-not = nicht bestimmt für { $audience }
binding-someone-else = Nachweis { $n } wurde für eine andere Person ausgestellt
binding-no-subject = Nachweis { $n } nennt keine Personenkennung
binding-unreadable = Nachweis { $n } ist nicht lesbar
binding-ok = die vorlegende Person ist Inhaberin/Inhaber jedes Nachweises
joined = { $first }; { $second }
nonce-ok = die Nonce ist die ausgegebene
nonce-bad = die Nonce ist nicht die ausgegebene: eine wiederholte oder fehlgeleitete Vorlage
iat-bad = der Zeitpunkt `iat` ist nicht darstellbar
made-at = erstellt am { $when }
made-in-future = erstellt am { $when }, in der Zukunft der Uhr dieser Prüfstelle
made-too-long-ago = erstellt am { $when }, vor mehr als { $seconds ->
    [one] { $seconds } Sekunde
   *[other] { $seconds } Sekunden
}
presentation-expired = die Vorlage ist abgelaufen (`exp`)
sd-headline = Nachweis mit selektiver Offenlegung (SD-JWT)
sd-disclosed = offengelegt
sd-not-disclosed = nicht offengelegt
sd-none = (keine)
sd-credential = Nachweis
sd-well-formed-bound = { $bytes } Bytes: JWS der ausstellenden Stelle, { $count } Offenlegung(en), JWT zur Schlüsselbindung
sd-well-formed-unbound = { $bytes } Bytes: JWS der ausstellenden Stelle, { $count } Offenlegung(en), kein JWT zur Schlüsselbindung
sd-issuer-unreadable = das von der ausstellenden Stelle signierte JWT ist nicht lesbar
sd-disclosures-ok = { $count } Offenlegung(en), jede in diesem Nachweis ausgestellt und unverändert
sd-disclosure-bad = Offenlegung { $n }: { $reason }
sd-not-run-own-copy = nicht durchgeführt: die eigene Kopie der Inhaberin/des Inhabers, keine Vorlage
sd-not-run-no-binding = nicht durchgeführt: keine gültige Schlüsselbindung
sd-key-binding-ok = mit dem Schlüssel der Inhaberin/des Inhabers (cnf) über genau das Vorgelegte signiert
sd-kb-missing = kein JWT zur Schlüsselbindung: jede Person mit einer Kopie hätte dies senden können
sd-kb-no-cnf = der Nachweis enthält kein cnf.jwk, um die Schlüsselbindung zu prüfen
sd-kb-typ = JWT zur Schlüsselbindung: der Typ muss { $typ } sein
sd-kb-not-signed = das JWT zur Schlüsselbindung ist nicht mit dem Schlüssel der Inhaberin/des Inhabers (cnf) signiert
sd-kb-not-json = der Inhalt des JWT zur Schlüsselbindung ist kein striktes JSON
sd-kb-bad = JWT zur Schlüsselbindung: { $reason }
sd-kb-no-iat = das JWT zur Schlüsselbindung hat keinen Zeitpunkt (iat)
sd-hash-mismatch = sd_hash stimmt nicht überein: die Offenlegungen oder der Nachweis wurden nach der Signatur der Inhaberin/des Inhabers geändert
sd-holder-binding-ok = der Schlüssel der Schlüsselbindung (cnf) ist die did:key der Person
sd-no-cnf = der Nachweis enthält keinen verwendbaren Schlüssel der Inhaberin/des Inhabers (cnf.jwk)
sd-no-subject = der Nachweis nennt keine Personenkennung
sd-cnf-not-subject = der cnf-Schlüssel ist nicht der Schlüssel von credentialSubject.id

## Anerkennung: was nicht bekannt ist

eq-note-no-level = Die Qualifikation nennt kein Niveau eines Qualifikationsrahmens, daher kann kein vergleichbares Niveau angegeben werden.
eq-note-related = Kein Bescheid passt zu dieser Qualifikation, aber { $country } hat Anerkennungsbescheide für denselben Beruf oder dasselbe Fachgebiet: { $related }.
eq-related-item = { $id } ({ $qualification } aus { $country }, { $level })
eq-related-item-any-level = { $id } ({ $qualification } aus { $country }, jedes Niveau)
eq-note-no-framework-country = Für { $country } ist kein Qualifikationsrahmen in den Daten, daher kann dort kein vergleichbares Niveau angegeben werden.
eq-note-no-framework = Der Qualifikationsrahmen { $framework } ist nicht in den Daten.
eq-note-unknown-level = { $level } ist kein Niveau eines Qualifikationsrahmens in den Daten, daher kann dafür kein vergleichbares Niveau angegeben werden.
eq-note-deprecated = { $old } ist eine veraltete Kennung von { $new } (Niveaukennungen enthalten jetzt ihr Land); beantwortet wird { $new }.
eq-note-for = Zu { $level }: { $note }.
eq-with-data-note = { $text } ({ $note })
eq-gap-none = keine amtliche Zuordnung: { $from } ist { $to } nicht zugeordnet
eq-gap-comparison-only = { $from } und { $to } werden nur in einer Tabelle verglichen, die keine Zuordnung ist, und diese Tabelle ist nicht in den Daten
eq-gap-unconfirmed-said = nicht bestätigt: { $detail }
eq-gap-unconfirmed = nicht bestätigt: ob { $from } { $to } zugeordnet ist, ist nicht bestätigt
eq-gap-no-level-table = { $from } ist { $to } zugeordnet ({ $status }), aber die Niveautabelle dieser Zuordnung ist nicht in den Daten, daher kann darüber kein vergleichbares Niveau angegeben werden
eq-gap-no-link = { $level } hat in den Daten keine Niveauverknüpfung zu { $to } (Niveauzuordnung: { $mapping })
eq-gap-no-link-unmapped = { $level } hat in den Daten keine Niveauverknüpfung zu { $to } (Niveauzuordnung: nicht angegeben)
eq-gap-no-referencing = keine Zuordnung von { $framework } zu einem Referenzrahmen ist in den Daten
eq-gap-no-chain = keine Kette von Zuordnungen zu { $targets } ist in den Daten
eq-bridge-none-exists = es gibt keine Zuordnung zwischen { $a } und { $b }
eq-bridge-none-in-data = keine Zuordnung zwischen { $a } und { $b } ist in den Daten
eq-bridge = { $pairs }, daher kann kein Niveau von { $framework } über Referenzrahmen mit { $targets } verglichen werden, was auch immer die Niveautabellen sagen

## Die Befehlszeile: Zusammenfassungen

cli-issued = { $id } ausgestellt -> { $path }
cli-unreadable = { $source }: nicht lesbar: { $reason }
cli-verdict = { $source }: { $verdict ->
    [valid] gültig
    [invalid] ungültig
   *[other] nicht entscheidbar
}
cli-verdict-failed = { $source }: { $verdict ->
    [valid] gültig
    [invalid] ungültig
   *[other] nicht entscheidbar
} (fehlgeschlagen: { $checks })
cli-verdict-undecided = { $source }: { $verdict ->
    [valid] gültig
    [invalid] ungültig
   *[other] nicht entscheidbar
} (offen: { $checks })
cli-summary = { $valid } gültig, { $invalid } ungültig, { $indeterminate } nicht entscheidbar
cli-summary-unreadable = { $valid } gültig, { $invalid } ungültig, { $indeterminate } nicht entscheidbar, { $unreadable } nicht lesbar
eq-practice-item = { $title }: { $summary }

## Mehrsprachige Nachweise

title-other-language = (kein Titel auf Deutsch; angezeigt auf { $shown })

## Fehler des Registers: was jede Art der Ablehnung bedeutet (die genaue englische Angabe bleibt in `message`)

registry-400 = Die Anfrage ist nicht lesbar: prüfen Sie ihre Form anhand der API-Dokumentation.
registry-401 = Wer die Anfrage gesendet hat, ist nicht festzustellen: signieren Sie sie mit einem registrierten Schlüssel.
registry-403 = Die signierende Stelle darf dies nicht tun.
registry-404 = Nicht gefunden.
registry-405 = Dieser Pfad nimmt diese Methode nicht an.
registry-408 = Die Anfrage kam zu langsam an; senden Sie sie erneut.
registry-409 = Die Anfrage widerspricht dem, was das Register bereits enthält.
registry-413 = Die Anfrage ist zu groß.
registry-414 = Die Adresse ist zu lang.
registry-415 = Der Inhalt der Anfrage muss JSON sein.
registry-422 = Die Anfrage wurde gelesen, aber das Verlangte wird abgelehnt.
registry-431 = Die Header der Anfrage sind zu groß.
registry-500 = Das Register konnte die Anfrage nicht bearbeiten; Einzelheiten stehen im Protokoll des Betreibers.
registry-503 = Das Register kann gerade keine Anfragen bearbeiten; versuchen Sie es später erneut.
registry-error = Die Anfrage wurde abgelehnt.

## Fehler der Befehlszeile (der Grund selbst ist vorerst englisch)

cli-error = skillpass: Fehler: { $reason }

## The typeset card (`skillpass card`): its labels, in at most two languages.
card-heading-qualification = Überprüfbare Qualifikation
card-heading-skills = Überprüfbare Kompetenzen
card-issued-by = Ausgestellt von (registrierte Stelle)
card-awarding-body = Verleihende Stelle laut Nachweis
card-issuer-unverified = Aussteller laut Nachweis (nicht geprüft)
card-level = Niveau
card-awarded = Verliehen am
card-contains = Dieser Code enthält den vollständigen Nachweis.
card-contains-personal = Dieser Code enthält den vollständigen Nachweis, einschließlich { $fields }.
card-birth-date = Geburtsdatum
card-nationality = Staatsangehörigkeit
card-grade = Note
card-scan-to-verify = Mit der Handykamera scannen und prüfen, oder offline
card-verify-offline = Offline prüfen
# A list on the card: items joined by a comma, the last two by "and".
card-list-comma = { $first }, { $second }
card-list-and = { $first } und { $second }

# IETF SD-JWT VC (dc+sd-jwt): its Type Metadata and its layout
sd-vc-type-metadata = Typmetadaten des SD-JWT VC: { $reason }
sd-vc-layout = SD-JWT VC nicht lesbar: { $reason }

## Was ein Nachweis sagt, in der Sprache der Lesenden (verleihende Stelle, Kompetenzen, Lernergebnisse)

shown-other-language = (nicht auf Deutsch angegeben; angezeigt auf { $shown })
report-awarding-body = Im Nachweis genannte verleihende Stelle: { $name }
report-skills = { $count ->
    [one] Kompetenz
   *[other] Kompetenzen
}: { $names }
report-outcomes = { $count ->
    [one] Lernergebnis
   *[other] Lernergebnisse
}:
skills-headline-more = { $first } und { $more ->
    [one] { $more } weitere Kompetenz
   *[other] { $more } weitere Kompetenzen
}

## Die Brieftasche (`skillpass wallet list`)

wallet-heading = Brieftasche von { $holder } ({ $count ->
    [one] { $count } Nachweis
   *[other] { $count } Nachweise
})
wallet-col-title = Titel
wallet-col-awarding-body = verleihende Stelle
wallet-col-issuer = Aussteller
wallet-col-country = Land
wallet-col-level = Niveau
wallet-col-status = Status
wallet-untitled = (ohne Titel)
wallet-empty = Die Brieftasche enthält noch keine Nachweise; fügen Sie einen hinzu mit `skillpass wallet add --wallet { $path } NACHWEIS-DATEI`

report-list-item = - { $item }

## Warum ein Befehl nicht ausgeführt werden konnte

err-cannot-open = { $path } kann nicht geöffnet werden
err-cannot-read = { $path } kann nicht gelesen werden
err-not-utf8-text = { $path } kann nicht als UTF-8-Text gelesen werden
err-too-large = { $path } ist größer als die Obergrenze von { $max } Byte
err-not-json = { $path } ist kein gültiges JSON
err-stdin = die Standardeingabe kann nicht gelesen werden
err-cannot-create = { $path } kann nicht angelegt werden
err-cannot-write = { $path } kann nicht geschrieben werden
err-not-key-file = { $path } ist keine Datei mit einem privaten Ed25519-Schlüssel
err-registry-unreachable = das Register ist nicht erreichbar: { $reason }
err-registry-no-answer = das Register hat nicht geantwortet
err-registry-not-json = das Register hat mit { $status } geantwortet, aber nicht mit JSON
err-scan-not-credential = der gescannte Code ist kein Skillpass-Nachweis
err-card-not-credential = der Nachweis ist kein signiertes JSON-Dokument
err-empty-credential = { $path } ist leer: darin steht kein Nachweis; bitten Sie den Absender, die Datei erneut zu schicken
io-not-found = Datei oder Ordner nicht gefunden
io-permission-denied = Zugriff verweigert
io-is-a-directory = das ist ein Ordner, keine Datei
io-not-utf8 = der Inhalt ist kein UTF-8-Text
io-already-exists = ist bereits vorhanden
io-storage-full = der Datenträger ist voll
wallet-wrong-passphrase = falsche Passphrase: diese Passphrase öffnet die Brieftasche nicht
wallet-corrupted = die Brieftaschendatei ist beschädigt: { $reason }
wallet-bad-credential = kein lesbarer Nachweis: { $reason }
wallet-not-holders = dieser Nachweis ist für { $subject } ausgestellt, nicht für { $holder }, dem diese Brieftasche gehört
wallet-duplicate = Nachweis { $id } ist bereits in der Brieftasche
wallet-full = die Brieftasche ist voll ({ $max } Nachweise)

## In die Brieftasche aufnehmen (`skillpass wallet add`)

wallet-added = { $source }: { $id } aufgenommen ({ $title })
wallet-untitled-plain = ohne Titel
wallet-already = { $source }: bereits in der Brieftasche ({ $id })
wallet-refused = { $source }: abgelehnt: { $reason }
wallet-refused-invalid = { $source }: abgelehnt: der Nachweis ist { $status }
wallet-add-summary = { $added } aufgenommen, { $skipped } bereits vorhanden, { $refused } abgelehnt; die Brieftasche enthält { $count ->
    [one] { $count } Nachweis
   *[other] { $count } Nachweise
}

## Eine CSV-Liste ausstellen (`skillpass issue --csv`)

batch-row-error = Zeile { $line }: { $reason }
batch-row-changed = Zeile { $line }: seit der Ausstellung als { $file } ({ $id }) geändert; nicht erneut ausgestellt. Ist dieser Nachweis falsch, widerrufen Sie ihn und stellen Sie die berichtigte Zeile in ein neues --out-dir aus
batch-file-taken = nicht ausgestellt: { $file } enthält bereits einen Nachweis aus einer anderen Zeile (wurden Zeilen oberhalb eingefügt oder wurde diese geändert?). Fügen Sie neue Zeilen am Ende der Liste an oder stellen Sie diese Zeile in ein anderes --out-dir aus
batch-required-empty = { $column }: leer, aber Pflichtangabe
batch-outcomes-count = { $column }: { $given ->
    [one] { $given } Lernergebnis
   *[other] { $given } Lernergebnisse
}, aber learning_outcomes enthält { $english }; geben Sie jedes Lernergebnis in jeder Sprache an, in derselben Reihenfolge, getrennt durch |
batch-lines = { $count ->
    [one] Zeile
   *[other] Zeilen
} { $ranges }
batch-skipped = bereits ausgestellt, übersprungen: { $lines }
batch-issued-now = jetzt ausgestellt: { $lines }
batch-orphans = früher ausgestellt aus Zeilen, die diese Datei nicht mehr enthält (geändert oder entfernt): { $rows }
batch-summary = { $issued } ausgestellt, { $failed } fehlgeschlagen; Zusammenfassung in { $path }
batch-summary-rerun = { $issued } ausgestellt, { $failed } fehlgeschlagen, { $already } bereits ausgestellt, { $changed } seit der Ausstellung geändert; Zusammenfassung in { $path }

## Die Ablehnungen des Registers, jede an ihrer Stelle (`message` bleibt englisch; `text` enthält dies)

reg-timeout = die Anfrage kam zu langsam an; senden Sie sie erneut
reg-no-issuer = unter dieser DID ist kein Aussteller registriert
reg-no-credential = unter dieser Kennung ist kein Nachweis gespeichert
reg-nonce-used = diese signierte Anfrage wurde bereits verwendet; signieren Sie jede Anfrage mit einer neuen Nonce
reg-nonce-unknown-after-restart = das Register wurde nach einem Ausfall neu gestartet und kann nicht feststellen, ob diese signierte Leseanfrage bereits verwendet wurde; signieren Sie in einigen Sekunden eine neue Anfrage
reg-unknown-signer = die Anfrage ist mit einem Schlüssel signiert, der keinem registrierten Aussteller gehört
reg-grant-expired = die Freigabe der Inhaberin oder des Inhabers für Sie ist abgelaufen
reg-grant-revoked = die Inhaberin oder der Inhaber hat die Freigabe für Sie zurückgezogen
reg-body-too-large = der Inhalt der Anfrage überschreitet die Obergrenze von { $max } Byte
reg-not-json-type = der Inhalt muss als Content-Type: application/json gesendet werden, nicht als { $type }
reg-country = country muss ein Ländercode nach ISO 3166-1 alpha-2 sein, etwa { $example }
reg-key-registered = dieser Schlüssel ist bereits für einen Aussteller registriert
reg-valid-until = validUntil muss nach validFrom liegen
reg-withdrawn-final = die Akkreditierung dieses Ausstellers wurde entzogen; der Entzug ist endgültig
reg-no-web-file = diese Datei gehört nicht zur Prüfseite
reg-batch-max = höchstens { $max } Nachweise je Anfrage
reg-nothing-given = weder Nachweise noch Statuslisten angegeben
reg-grantee = die freigegebene Stelle muss eine did:key sein
reg-no-grant = für diesen Nachweis gibt es keine solche Freigabe
reg-no-decision = unter dieser Kennung ist kein Bescheid gespeichert
reg-revocation-final = ein Widerruf kann nicht rückgängig gemacht werden; setzen Sie den Nachweis stattdessen aus, wenn dies später aufgehoben werden soll

## Die Prüfseite im Browser (verifier-web): die Wörter, die die Seite selbst schreibt. Prüfergebnisse,
## Urteile und Aussagen zur Gleichwertigkeit kommen aus den Meldungen oben, wie `skillpass verify` sie ausgibt.

page-title = Skillpass-Prüfung
page-tagline = Prüft einen Qualifikations- oder Kompetenznachweis auf diesem Gerät. Der Nachweis wird nirgendwohin gesendet.
page-loading = Die Prüfung wird geladen …
page-load-failed = Die Prüfung konnte nicht geladen werden: { $why }
page-input-heading = Nachweis prüfen
page-input-file = Datei wählen: einen Nachweis (.jwt), ein SD-JWT, ein Bild der Karte (PNG oder JPEG) oder die Karte als PDF
page-input-drop = … oder die Datei hierher ziehen
page-input-paste = Oder einen Nachweis, den Code einer Karte (SP1:…) oder einen Link einfügen
page-input-verify = Prüfen
page-input-camera = QR-Code der Karte mit der Kamera scannen
page-input-camera-stop = Kamera ausschalten
page-input-camera-help = Halten Sie den Code der Karte in den Rahmen.
page-input-camera-failed = Die Kamera konnte nicht geöffnet werden: { $why }
page-input-presentation = Präsentationen aus der Wallet der Inhaberin oder des Inhabers
page-input-audience = Kennung dieser Prüfstelle (Empfänger)
page-input-nonce = Die Nonce, die Sie der Inhaberin oder dem Inhaber gegeben haben
page-input-country = Bedeutung in
page-input-country-none = (kein Land gewählt)
page-verdict-valid = Gültig
page-verdict-invalid = Ungültig
page-verdict-indeterminate = Nicht prüfbar
page-verdict-valid-help = Alle Prüfungen bestanden.
page-verdict-invalid-help = Nicht bestanden: { $checks }.
page-verdict-indeterminate-help = Nichts ist fehlgeschlagen, aber nicht alles ließ sich entscheiden: { $checks }.
page-result-heading = Ergebnis
page-result-none = Noch nichts geprüft.
page-result-unreadable = Nicht lesbar
page-result-reading = { $what } wird gelesen …
page-result-from-paper = Aus dem Code einer gedruckten Karte gelesen.
page-result-credential = Nachweis { $n }
page-field-holder = Inhaber/in
page-field-holder-verified = (geprüft)
page-field-holder-stated = (wie im Nachweis angegeben, nicht geprüft)
page-field-title = Bezeichnung
page-field-level = Niveau
page-field-type = Art
page-field-issuer = Ausgestellt von
page-field-issuer-registered = { $name } (in der Vertrauensliste eingetragen, { $country })
page-field-issuer-unknown = nicht in der Vertrauensliste: { $did }
page-field-valid-from = Gültig ab
page-field-valid-until = Gültig bis
page-field-holder-did = Kennung der Inhaberin/des Inhabers
page-checks-heading = Die zehn Prüfungen
page-checks-holder-heading = Prüfungen dessen, was die Inhaberin oder der Inhaber vorgelegt hat
page-disclosed-heading = Selektive Offenlegung
page-disclosed-yes = Offengelegt
page-disclosed-no = Nicht offengelegt
page-disclosed-none = (keine)
page-meaning-heading = Bedeutung in { $country }
page-meaning-untrusted = Nicht vertrauenswürdiger Anerkennungsbescheid übergangen: { $why }
page-words-heading = Der vollständige Prüfbericht, wie skillpass verify ihn ausgibt
page-trust-heading = Vertrauen
page-trust-anchor = Betreiberschlüssel (Vertrauensanker)
page-trust-bundle = Vertrauensliste { $sequence }
page-trust-issued = ausgestellt { $when } (vor { $age })
page-trust-next = nächste Aktualisierung { $when }
page-trust-stale = Diese Vertrauensliste ist über ihren Aktualisierungstermin hinaus: Ergebnisse lauten „nicht prüfbar“, bis eine neuere geladen ist.
page-trust-contents = ausstellende Stellen: { $issuers }, Statuslisten: { $lists }, Anerkennungsbescheide: { $decisions }
page-trust-none = Noch keine Vertrauensliste.
page-trust-no-anchor = Noch kein Betreiberschlüssel hinterlegt: Laden Sie eine Vertrauensliste aus einer Datei mit dem Schlüssel des Betreibers.
page-trust-refresh = Nach neuerer Vertrauensliste suchen
page-trust-refreshing = Suche nach einer neueren Vertrauensliste …
page-trust-up-to-date = Die Vertrauensliste ist aktuell.
page-trust-updated = Vertrauensliste { $sequence } geladen.
page-trust-offline = Das Register war nicht erreichbar ({ $why }); geprüft wird mit der gespeicherten Vertrauensliste.
page-trust-refused = Eine Vertrauensliste wurde abgelehnt: { $why }
page-trust-kept = Die Seite verwendet weiter die Vertrauensliste { $sequence }.
page-trust-file = Vertrauensliste aus einer Datei laden
page-trust-file-bundle = Datei der Vertrauensliste (.jws)
page-trust-file-anchor = Betreiberschlüssel (did:key), der sie signiert
page-trust-file-load = Vertrauensliste laden
page-trust-file-missing = Wählen Sie eine Datei der Vertrauensliste und geben Sie den did:key des Betreibers ein.
page-trust-memory-damaged = Gedächtnis dieses Browsers für Vertrauenslisten löschen
page-trust-memory-forgotten = Das Gedächtnis für Vertrauenslisten wurde gelöscht; es kennt nur noch die Vertrauenslisten, die ab jetzt geladen werden.
page-anchor-changed = Achtung: Der Betreiberschlüssel hat sich geändert
page-anchor-changed-body = Diese Seite wurde so eingerichtet, dass sie { $old } vertraut. Das Register nennt jetzt { $new }. Bis Sie den neuen Schlüssel annehmen, werden damit signierte Vertrauenslisten abgelehnt. Nehmen Sie ihn nur an, wenn der Betreiber Ihnen den Schlüsselwechsel mitgeteilt hat.
page-anchor-accept = Dem neuen Schlüssel ab jetzt vertrauen
page-anchor-typed = Diese Seite vertraut jetzt { $new } statt { $old }.
page-anchor-accepted = Diese Seite vertraut jetzt { $new }.
page-no-bundle = Keine Vertrauensliste: Laden Sie eine, bevor Sie prüfen.
page-image-no-code = Im Bild wurde kein lesbarer QR-Code gefunden. Fotografieren Sie näher und gerade von vorn, oder wählen Sie das PNG der Karte.
page-image-unreadable = Das Bild konnte nicht gelesen werden: { $why }
page-pdf-nothing = In diesem PDF wurden weder ein Nachweis noch ein lesbarer QR-Code gefunden. Wählen Sie das PNG der Karte oder scannen Sie den Code mit der Kamera.
page-file-too-large = Die Datei ist größer als { $max } MB.
page-footer-privacy = Die Prüfung läuft in diesem Browser mit WebAssembly. Die Seite lädt nur sich selbst und die Vertrauensliste; ein Nachweis in einem Link steht im Teil nach #, den Browser nie senden.
page-language = Sprache
page-language-name = Deutsch
page-age-minutes = { $n } Min.
page-age-hours = { $n } Std.
page-age-days = { $n ->
    [one] { $n } Tag
   *[other] { $n } Tagen
}
page-problem-nothing-given = Es gibt nichts zu prüfen: Fügen Sie einen Nachweis ein, wählen Sie eine Datei oder scannen Sie einen Code.
page-problem-empty-file = Die Datei ist leer: Sie enthält keinen Nachweis. Bitten Sie die absendende Person, die Datei noch einmal zu schicken.
page-problem-empty-link = Der Link enthält nach dem # keinen Nachweis.
page-problem-damaged-link = Der Link ist nicht lesbar: { $detail }
page-problem-not-a-paper-code = Der gescannte Code ist kein Skillpass-Nachweis: { $detail }
page-problem-needs-audience-and-nonce = Eine Präsentation wird gegen die Kennung dieser Prüfstelle (Empfänger) und die Nonce geprüft, die sie der Inhaberin oder dem Inhaber gegeben hat: Geben Sie beides unter „Präsentationen aus der Wallet der Inhaberin oder des Inhabers“ ein.
page-problem-unknown-destination = Das Zielland ist nicht bekannt: { $detail }
page-problem-anchor-not-did-key = Der Vertrauensanker muss der did:key des Betreibers sein ({ $detail }).
page-problem-memory-damaged = Das Gedächtnis dieses Browsers für Vertrauenslisten ist beschädigt ({ $detail }). Es wurde nichts geprüft, denn dieses Gedächtnis weist veraltete oder gefälschte Vertrauenslisten ab. Löschen Sie es nur, wenn Sie wissen, warum es beschädigt wurde: Ein neues Gedächtnis kennt nur die Vertrauenslisten, die ab dann geladen werden.
page-problem-bundle-too-large = Die Vertrauensliste überschreitet die Grenze von { $max } Byte.
page-problem-bad-options = Die Seite hat Einstellungen gesendet, die diese Prüfung nicht lesen kann: { $detail }
page-problem-framework-data = Die mitgelieferten Daten der Qualifikationsrahmen sind nicht lesbar: { $detail }

## Ablehnungen des Registers, jeweils dort, wo sie entstehen (Fortsetzung). `$detail` ist der Wortlaut einer
## tieferen Schicht (eines Parsers, einer Prüfung) und bleibt unverändert.

reg-no-route = diesen Pfad gibt es nicht
reg-method = dieser Pfad nimmt diese Methode nicht an
reg-store-unreachable = das Register erreicht seinen Datenspeicher nicht; versuchen Sie es gleich noch einmal
reg-store-unreadable = das Register kann seinen Datenspeicher nicht lesen; Einzelheiten stehen im Protokoll des Betreibers
reg-store-damaged = der Datenspeicher ist beschädigt, es wurde keine Sicherung angelegt: { $why }; führen Sie skillpass-registry check aus
reg-operator-only = das darf nur der Betreiber des Registers
reg-retired-key = die Anfrage ist mit einem ausgemusterten Schlüssel dieser ausstellenden Stelle signiert; signieren Sie mit dem aktuellen Schlüssel
reg-own-credentials-only = eine ausstellende Stelle darf nur den Status ihrer eigenen Nachweise ändern
reg-who-reads = nur die ausstellende Stelle, die Inhaberin oder der Inhaber oder eine freigegebene Stelle darf diesen Nachweis lesen
reg-unsigned = diese Anfrage muss signiert sein: Authorization: Skillpass <JWS>
reg-unreadable-authorization = der Authorization-Header ist nicht lesbar
reg-unreadable-body = der Inhalt der Anfrage ist nicht lesbar: { $detail }
reg-body-not-json = der Inhalt ist kein JSON: { $detail }
reg-body-misfit = der Inhalt passt nicht zu dieser Anfrage: { $detail }
reg-request-refused = die signierte Anfrage wurde abgelehnt: { $detail }
reg-invalid-query = die Abfrageparameter sind nicht lesbar: { $detail }
reg-field-max-chars = { $field } darf höchstens { $max } Zeichen lang sein
reg-field-chars = { $field } muss { $min } bis { $max } Zeichen lang sein
reg-field-bidi = { $field } darf keine Steuer- oder Textrichtungszeichen enthalten (enthält { $char })
reg-field-max-bytes = { $field } darf höchstens { $max } Byte lang sein
reg-field-control = { $field } darf keine Steuerzeichen enthalten
reg-field-items = Anzahl der Einträge in { $field }: { $count }; angenommen werden höchstens { $max }
reg-scope-needed = eine Akkreditierung braucht mindestens einen Eintrag TYP[:HÖCHSTES-NIVEAU]
reg-scope-refused = der Akkreditierungsumfang ist ungültig: { $detail }
reg-never-accredited = diese ausstellende Stelle war nie akkreditiert
reg-not-suspended = diese ausstellende Stelle ist zu diesem Datum nicht ausgesetzt; aufgehoben werden kann nur eine Aussetzung
reg-rotate-own = eine ausstellende Stelle darf nur ihre eigenen Schlüssel wechseln
reg-new-key-registered = der neue Schlüssel ist bereits registriert
reg-key-refused = der neue Schlüssel wurde abgelehnt: { $detail }
reg-param-invalid = { $name } { $value } ist hier nicht gültig
reg-unknown-level = level ist kein Niveau eines mitgelieferten Qualifikationsrahmens; GET /equivalence/frameworks listet sie auf
reg-at = at muss eine Zeit nach RFC 3339 (2026-11-26T10:00:00Z) oder ein Datum (2026-11-26) sein
reg-equivalence-refused = die Gleichwertigkeitsangabe wurde abgelehnt: { $detail }
reg-no-type-metadata = dieses Register stellt keine Type Metadata bereit: starten Sie es mit --public-url und der Adresse, unter der es erreichbar ist
reg-no-type = diese Nachweisart gibt es nicht; die Arten sind QualificationCredential und SkillCredential
reg-no-context = diesen Kontext gibt es nicht; die Kontexte sind { $known }
reg-authority-id = id muss der did:key der zuständigen Stelle sein (ohne Fragment)
reg-authority-exists = diese zuständige Stelle ist bereits registriert
reg-decision-born-withdrawn = ein neuer Anerkennungsbescheid kann nicht schon zurückgenommen sein; nehmen Sie einen veröffentlichten mit POST /decisions/{"{"}id{"}"}/withdraw zurück
reg-revise-own = eine zuständige Stelle darf nur ihre eigenen Anerkennungsbescheide ändern
reg-superseded = { $old } ist bereits durch { $new } ersetzt; ändern Sie stattdessen diesen Bescheid
reg-decision-other-id = der signierte Anerkennungsbescheid hat eine andere Kennung als der Pfad
reg-withdraw-own = eine zuständige Stelle darf nur ihre eigenen Anerkennungsbescheide zurücknehmen
reg-decision-withdrawn = dieser Anerkennungsbescheid ist bereits zurückgenommen
reg-withdrawn-missing = der neu signierte Anerkennungsbescheid muss withdrawn auf den Zeitpunkt der Rücknahme setzen
reg-withdrawn-future = withdrawn darf nicht in der Zukunft liegen; um einen Bescheid später enden zu lassen, veröffentlichen Sie eine Änderung mit validUntil
reg-withdrawal-changed = eine Rücknahme muss der veröffentlichte Anerkennungsbescheid sein, neu signiert und nur um withdrawn ergänzt; für jede andere Änderung veröffentlichen Sie eine Änderungsfassung
reg-decision-refused = der Anerkennungsbescheid wurde abgelehnt: { $detail }
reg-no-status-entry = der Nachweis hat keinen Statuseintrag für { $purpose }
reg-status-entry-unreadable = der Statuseintrag des Nachweises ist nicht lesbar: { $detail }
reg-status-list-unheld = das Register führt die Statusliste nicht, die dieser Nachweis nennt
reg-no-status-list = diese Statusliste gibt es nicht
reg-no-token-status-list = die ausstellende Stelle hat für diese Liste keine Token Status List veröffentlicht (fragen Sie ohne Accept: application/statuslist+jwt nach der Bitstring-Liste)
reg-status-list-refused = die Statusliste wurde abgelehnt: { $detail }
reg-not-signers-credential = { $which } wurde von { $issuer } ausgestellt, nicht von der Stelle, die diese Anfrage signiert hat
reg-credential-refused = der Nachweis wurde abgelehnt: { $detail }
reg-out-of-scope = der Nachweis liegt außerhalb des Akkreditierungsumfangs: { $detail }
reg-duplicate-in-batch = { $which } wiederholt eine ID, die in dieser Anfrage schon vorkommt
reg-credential-exists = { $which }: unter dieser ID ist bereits ein anderer Nachweis gespeichert
reg-issuer-not-active = dieser Aussteller ist derzeit nicht akkreditiert ({ $standing }) und kann nichts veröffentlichen
reg-status-list-exists = für diesen Aussteller ist bereits eine Statusliste ({ $purpose }) gespeichert; ändern Sie einen Status mit POST /credentials/{"{"}id{"}"}/status
reg-token-list-unheld = eine Token Status List verweist auf eine Liste, die das Register nicht führt; senden Sie die zugehörige Widerrufsliste in statusLists mit
reg-grant-expiry = expiresAt muss in der Zukunft liegen, höchstens { $days } Tage von heute

## Was ein Befehl sagt, wenn er nicht weitermachen kann (Fortsetzung), und die Teile eines Fehlers einer CSV-Zeile

cli-passphrases-differ = die beiden Passphrasen stimmen nicht überein
cli-passphrase-short = wählen Sie eine Passphrase mit mindestens { $min } Zeichen
cli-no-wallet = unter { $path } gibt es keine Wallet (legen Sie eine mit `skillpass wallet init` an)
cli-wallet-exists = { $path } existiert bereits; eine Wallet wird nicht ersetzt (mit --force wird sie ersetzt und ihr Schlüssel geht verloren)
cli-no-credential-empty = kein Nachweis { $selector }: die Wallet enthält noch keine Nachweise
cli-no-credential = kein Nachweis { $selector } in der Wallet (geben Sie seine Nummer aus `wallet list`, seine Kennung oder das Ende seiner Kennung an)
cli-present-key-or-wallet = geben Sie --key INHABER.key oder --wallet DATEI an
cli-disclose-sd-only = --disclose gilt nur für SD-JWT-Nachweise (ausgestellt mit `skillpass issue --sd-jwt`); diese Nachweise zeigen jede Angabe
cli-credential-too-large = Nachweis { $n } überschreitet die Grenze von { $max } Byte
cli-sd-jwt-alone = ein SD-JWT-Nachweis wird allein vorgelegt, einer je Präsentation
cli-issue-usage = geben Sie --claims DATEI --out DATEI oder --csv DATEI --out-dir ORDNER an
cli-revoke-registry-credential = nennen Sie mit --registry den Nachweis (eine Datei oder seine Kennung), nicht --index
cli-revoke-where = geben Sie --status DATEI (offline) oder --registry URL an (oder setzen Sie SKILLPASS_REGISTRY), um den Status im Register zu ändern
cli-revoke-what = geben Sie eine Nachweisdatei oder --index an
cli-nothing-to-publish = nichts zu veröffentlichen
batch-cell = { $column }: { $problem }
batch-cell-value = { $column }: { $value } ist ungültig – { $problem }
batch-not-form = erwartet wird { $form }
batch-not-after-start = liegt nicht nach dem Beginn der Gültigkeit
batch-already-past = bereits vergangen
batch-in-future = liegt in der Zukunft
form-date = ein Datum (JJJJ-MM-TT)
form-date-time = ein Datum mit Uhrzeit (JJJJ-MM-TTThh:mm:ssZ)
form-level = die Kennung eines Niveaus (etwa PQF-6)
form-country = ein zweibuchstabiger Ländercode (etwa PH)
form-isced = ein ISCED-F-Fachrichtungscode mit 2 bis 4 Ziffern (etwa 0913)
form-isco = ein ISCO-08-Berufscode mit 1 bis 4 Ziffern (etwa 2221)
form-lang = ein Sprachkürzel (etwa fil)
form-did-key = eine did:key

## Der Status, den eine Wallet von einem Nachweis kennt (`wallet list`)

wallet-status-valid = gültig
wallet-status-invalid = ungültig
wallet-status-indeterminate = nicht entscheidbar
wallet-status-unchecked = ungeprüft
wallet-status-failed = { $verdict } ({ $checks })

## Prüfung mit direkt angegebenen Schlüsseln (Konformitätsprofil, Issue 17)
direct-not-checked = nicht gegen eine Vertrauensliste geprüft: der Schlüssel der ausstellenden Stelle wurde direkt angegeben, ob sie akkreditiert ist, bleibt offen
direct-accreditation-line = Akkreditierung: nicht gegen eine Vertrauensliste geprüft (der Schlüssel der ausstellenden Stelle wurde direkt über ihre DID angegeben)
direct-key-ok = { $kid }, der eigene Schlüssel der ausstellenden Stelle, aus ihrer DID gelesen
direct-key-given-ok = { $kid }, ein Schlüssel der ausstellenden Stelle, direkt angegeben
direct-key-not-issuer = Schlüssel { $kid } gehört nicht der ausstellenden Stelle des Nachweises
direct-key-bad = der Schlüssel lässt sich nicht aus seiner DID lesen: { $reason }
direct-kid-not-url = der Schlüssel muss mit einer DID-URL der ausstellenden Stelle benannt sein (did:key:z…#z… oder did:jwk:…#0)
direct-no-issuer = der Nachweis nennt keine ausstellende Stelle
direct-well-formed-jose = { $bytes } Bytes, kompakte JWS mit strengem JSON-Inhalt
direct-well-formed-di = { $bytes } Bytes, mit Data-Integrity-Nachweis, jeder Begriff durch seine Kontexte definiert
direct-well-formed-proof = ein lesbarer Data-Integrity-Nachweis
direct-holder-signature-ok = mit dem eigenen Schlüssel der Inhaberin/des Inhabers signiert, aus der DID gelesen
direct-holder-key-given-ok = signiert mit { $kid }, einem Schlüssel der Inhaberin/des Inhabers, direkt angegeben
direct-binding-not-asked = es wurde keine { $what } verlangt
direct-binding-ok = die { $what } ist die verlangte ({ $value })
direct-binding-bad = die { $what } ist nicht die verlangte: eine wiederholte oder fehlgeleitete Präsentation
data-model-ok = entspricht dem W3C-Datenmodell für überprüfbare Nachweise 2.0
data-model-bad = verstößt gegen das W3C-Datenmodell für überprüfbare Nachweise 2.0: { $reasons }
validity-not-date = { $name } ist kein Datum mit Uhrzeit und Zeitzone
validity-ends = gültig bis { $until }
validity-none = kein Gültigkeitszeitraum angegeben
status-list-unavailable = Statusliste { $list } liegt dieser Prüfung nicht vor: geben Sie die Liste an, um den Widerruf zu prüfen
status-list-unverified = Statusliste { $list } ließ sich nicht prüfen ({ $reason })
status-list-outdated = Statusliste { $list } ist am { $until } abgelaufen: holen Sie die aktuelle Liste der ausstellenden Stelle
status-ok-direct = weder widerrufen noch ausgesetzt laut den eigenen Statuslisten der ausstellenden Stelle
status-unsupported = ein Statuseintrag vom Typ { $type } kann hier nicht geprüft werden
check-challenge = Challenge
check-domain = Domäne
check-data-model = Datenmodell
direct-issuer-not-given = die ausstellende Stelle { $issuer } gehört nicht zu den dieser Prüfung angegebenen Schlüsseln
direct-iss-not-issuer = das JWT-Feld `iss` nennt nicht die ausstellende Stelle des Nachweises
direct-not-expired = nennt weder Erstellungszeit noch Ablauf
