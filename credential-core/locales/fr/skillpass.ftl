# Skillpass — français. Pour les services de reconnaissance, les employeurs et les soignants.
#
# Glossaire (toujours ces mots pour ces notions) :
#   credential            attestation numérique (attestation de qualification, attestation de compétences)
#   trust bundle          liste de confiance
#   pinned anchor         ancre de confiance configurée
#   issuer                organisme émetteur
#   issuance date         date d'émission
#   recognition decision  décision de reconnaissance
#   full / partial / none reconnaissance totale / reconnaissance partielle / pas d'équivalence
#   comparable level      niveau comparable (à titre indicatif, pas une décision de reconnaissance)
#   compensation measure  mesure de compensation
#   adaptation period     stage d'adaptation
#   knowledge test        épreuve de connaissances
#   aptitude test         épreuve d'aptitude
#   status list           liste de statut ; revoked = révoquée ; suspended = suspendue

## Mots autour de chaque rapport

raw = { $text }
mark-pass = réussi
mark-fail = ÉCHEC
mark-indeterminate = incertain
mark-skipped = non exécuté
verdict-valid = VALIDE
verdict-invalid = NON VALIDE
verdict-indeterminate = INDÉTERMINÉ
kind = { $kind ->
    [SkillCredential] attestation de compétences
   *[other] attestation de qualification
}
report-from = émise par { $issuer }
untrusted-decision = décision non fiable ignorée : { $reason }
not-run = non exécuté : une vérification précédente a échoué
not-run-bundle-refused = non exécuté : la liste de confiance a été refusée

## Les dix vérifications d'une attestation

check-trust-bundle = liste de confiance
check-well-formed = format
check-algorithm = algorithme
check-issuer-accredited = accréditation
check-key-valid = clé
check-signature = signature
check-schema = schéma
check-validity-period = période de validité
check-status = statut
check-bundle-fresh = fraîcheur

## Ce que chaque vérification a constaté

trust-bundle-signed = liste de confiance { $sequence } signée par l'ancre de confiance configurée { $anchor }
trust-bundle-unsigned = liste de confiance { $sequence } construite en mémoire à partir d'entrées de confiance (non signée)
well-formed-readable = JWS compacte avec un en-tête lisible
well-formed-ok = { $bytes ->
    [one] { $bytes } octet
   *[other] { $bytes } octets
}, VC 2.0, { $kind ->
    [SkillCredential] attestation de compétences
   *[other] attestation de qualification
}
well-formed-not-json = le contenu n'est pas du JSON strict : { $reason }
well-formed-typ = le type d'en-tête doit être { $typ }
well-formed-broken-lines = { $reason } : l'attestation est coupée sur plusieurs lignes, comme le font certaines messageries ; demandez à l'expéditeur le fichier de l'attestation lui-même, en pièce jointe
well-formed-cut-short = { $reason } : le fichier semble endommagé ou tronqué ; demandez à l'expéditeur le fichier de l'attestation lui-même, en pièce jointe
algorithm-ok = EdDSA (Ed25519)
issuer-unknown = l'organisme émetteur { $issuer } ne figure pas dans la liste de confiance
issuer-suspended = { $name } était suspendu à la date d'émission { $date }
issuer-withdrawn = { $name } avait perdu son accréditation à la date d'émission { $date }
issuer-not-accredited = { $name } n'était pas accrédité à la date d'émission { $date }
issuer-out-of-scope = { $name } n'est accrédité que pour { $scope } ; ceci est une { $kind ->
    [SkillCredential] attestation de compétences
   *[other] attestation de qualification
} de niveau { $levels }
issuer-out-of-scope-no-level = { $name } n'est accrédité que pour { $scope } ; ceci est une { $kind ->
    [SkillCredential] attestation de compétences
   *[other] attestation de qualification
} sans niveau
issuer-accredited = { $name } ({ $country }), accrédité pour les { $kind ->
    [SkillCredential] attestations de compétences
   *[other] attestations de qualification
} au { $date }
issuer-accredited-now-suspended = { $name } ({ $country }), accrédité pour les { $kind ->
    [SkillCredential] attestations de compétences
   *[other] attestations de qualification
} au { $date } ; remarque : suspendu depuis, après l'émission de cette attestation
issuer-accredited-now-withdrawn = { $name } ({ $country }), accrédité pour les { $kind ->
    [SkillCredential] attestations de compétences
   *[other] attestations de qualification
} au { $date } ; remarque : accréditation retirée depuis, après l'émission de cette attestation
key-no-kid = l'en-tête ne désigne aucune clé (kid)
key-unknown = la clé { $kid } ne figure pas dans la liste de confiance
key-other-issuer = la clé { $kid } appartient à { $name }, pas à l'organisme émetteur de l'attestation
key-not-valid = la clé { $kid } n'était pas valide à la date d'émission { $date }
key-valid = { $kid }, valide à l'émission
signature-ok = la signature est valide avec la clé de l'émetteur
signature-bad = la signature n'est pas valide : l'attestation a été modifiée ou n'a pas été signée avec cette clé
signature-no-key = aucune clé de confiance pour la vérifier
signature-ok-di = la preuve Data Integrity est valide : Ed25519 sur l'attestation et les options de preuve canonisées en RDFC-1.0
signature-bad-di = la preuve Data Integrity n'est pas valide : l'attestation ou ses options de preuve ont été modifiées, ou n'ont pas été signées avec cette clé
di-too-large = { $bytes } octets, au-delà de la limite de { $limit } octets par attestation
di-not-json = pas du JSON strict : { $reason }
di-well-formed-proof = { $bytes } octets, { $kind } VC 2.0 avec une preuve
di-well-formed-ok = { $bytes } octets, { $kind } VC 2.0 avec une preuve Data Integrity, chaque terme défini par ses contextes
schema-ok = conforme au schéma des { $kind ->
    [SkillCredential] attestations de compétences
   *[other] attestations de qualification
}
validity-not-yet = pas encore valide : valide à partir du { $from }
validity-expired = expirée le { $until }
validity-until = valide du { $from } au { $until }
validity-open = valide à partir du { $from }, sans date de fin
status-no-entry = l'attestation ne comporte aucune entrée de statut
status-list-missing = la liste de statut { $list } ne figure pas dans la liste de confiance
status-list-other-issuer = la liste de statut { $list } appartient à un autre organisme émetteur
status-list-expired = la liste de statut { $list } a expiré le { $until } : téléchargez une liste de confiance plus récente
status-list-early = la liste de statut { $list } n'est pas valide avant le { $from } : vérifiez l'horloge
status-purpose-mismatch = la liste de statut { $list } est une liste de { $purpose ->
    [suspension] suspension
   *[other] révocation
}, l'entrée indique { $entry ->
    [suspension] suspension
   *[other] révocation
}
status-entry-bad = entrée de statut : { $reason }
status-revoked = l'attestation est révoquée (liste de statut { $list })
status-suspended = l'attestation est suspendue (liste de statut { $list })
status-ok-both = ni révoquée, ni suspendue (selon la liste de confiance du { $date })
status-ok-revocation = non révoquée (selon la liste de confiance du { $date })
status-ok-suspension = non suspendue (selon la liste de confiance du { $date })
fresh-stale = la liste de confiance { $sequence } a dépassé sa date de mise à jour { $time } : téléchargez-en une plus récente
fresh-future = la liste de confiance { $sequence } est datée du { $time }, dans le futur : vérifiez l'horloge
fresh-ok = liste de confiance { $sequence } à jour jusqu'au { $time }

## Équivalence : ce que vaut une qualification dans le pays de destination

eq-heading-country = Ce que vaut cette qualification en { $place } (au { $date }) :
eq-heading-framework = Ce que vaut cette qualification au regard de { $place } (au { $date }) :
eq-decisions = Décisions de reconnaissance (font foi) :
eq-no-decision-country = Aucune décision de reconnaissance en { $place } ne correspond à cette qualification.
eq-no-decision-framework = Aucune décision de reconnaissance au regard de { $place } ne correspond à cette qualification.
eq-legal-basis = Base juridique : { $basis }
eq-comparable = Niveaux comparables (à titre indicatif, pas une décision de reconnaissance) :
eq-no-comparable = Aucun niveau comparable n'est connu.
eq-comparable-own = Niveau comparable : { $level } (le niveau propre de la qualification)
eq-comparable-via = Niveau comparable : { $level } par { $path } ({ $status }, fiabilité { $confidence ->
    [high] élevée
    [medium] moyenne
    [low] faible
   *[other] { $confidence }
})
eq-comparable-via-historical = Niveau comparable : { $level } par { $path } (référencement historique, plus tenu à jour, fiabilité { $confidence ->
    [high] élevée
    [medium] moyenne
    [low] faible
   *[other] { $confidence }
})
eq-practice = Pratique de reconnaissance (contexte tiré des données fournies, pas une décision) :
eq-source = Source : { $source }
eq-not-known = Inconnu :
eq-nothing-known-country = Rien n'est connu sur cette qualification en { $place } : adressez-vous à l'autorité compétente.
eq-nothing-known-framework = Rien n'est connu sur cette qualification au regard de { $place } : adressez-vous à l'autorité compétente.
eq-recognised = Reconnue en { $country } comme { $qualification } — { $outcome } (décision de { $authority }, { $validity })
eq-not-recognised = Non reconnue en { $country } comme { $qualification } — { $outcome } (décision de { $authority }, { $validity })
eq-state-expired = EXPIRÉE le { $date } : { $decision }
eq-state-not-yet = PAS ENCORE EN VIGUEUR (à partir du { $date }) : { $decision }
eq-state-superseded = REMPLACÉE par { $by } : { $decision }
eq-state-superseded-later = REMPLACÉE par une décision ultérieure : { $decision }
eq-state-withdrawn = RETIRÉE le { $date } : { $decision }
eq-valid-until = valable jusqu'au { $date }
eq-valid-open = valable à partir du { $date }, sans date de fin
eq-outcome-full = reconnaissance totale
eq-outcome-partial = reconnaissance partielle
eq-outcome-none = pas d'équivalence
eq-outcome-with-measures = { $outcome }, mesure de compensation : { $measures }
eq-measures-and = { $first } ; { $second }
eq-measures-or = { $first } ou { $second }
eq-measure-adaptation = stage d'adaptation de { $months } mois
eq-measure-knowledge-test = épreuve de connaissances
eq-measure-aptitude-test = épreuve d'aptitude
eq-measure-language = maîtrise { $language ->
    [de] de l'allemand
    [en] de l'anglais
    [fr] du français
    [nl] du néerlandais
    [it] de l'italien
    [es] de l'espagnol
    [pt] du portugais
    [pl] du polonais
    [sv] du suédois
    [da] du danois
    [fi] du finnois
    [no] du norvégien
    [ja] du japonais
    [ar] de l'arabe
   *[other] de la langue { $language }
} de niveau { $level } exigée

## Présentations (vp+jwt) et SD-JWT : leurs vérifications et ce que chacune a constaté

check-holder-signature = signature du titulaire
check-audience = destinataire
check-nonce = nonce
check-freshness = fraîcheur
check-holder-binding = lien au titulaire
check-disclosures = divulgations
check-key-binding = liaison de clé
presentation-of = présentation { $count ->
    [one] d'{ $count } attestation
   *[other] de { $count } attestations
}
presentation-by = par { $holder }
credential-number = attestation { $n }
presentation-well-formed-ok = { $bytes } octets, VerifiablePresentation VC 2.0 { $count ->
    [one] d'{ $count } attestation
   *[other] de { $count } attestations
}
kid-bad = identifiant de clé (kid) : { $reason }
kid-not-url = l'identifiant de clé (kid) doit être une URL DID (did:key:z…#z…)
kid-not-holder = l'identifiant de clé (kid) n'est pas une clé du titulaire de la présentation
holder-signature-ok = signée avec la clé du did:key du titulaire
holder-signature-bad = la signature du titulaire n'est pas valide : la présentation a été modifiée ou signée avec une autre clé
audience-ok = destinée à { $audience }
audience-other = destinée à { $got }, et non à { $audience }
audience-not = non destinée à { $audience }
binding-someone-else = l'attestation { $n } a été délivrée à une autre personne
binding-no-subject = l'attestation { $n } ne désigne aucun identifiant de titulaire
binding-unreadable = l'attestation { $n } est illisible
binding-ok = le titulaire est le sujet de chaque attestation
joined = { $first } ; { $second }
nonce-ok = le nonce est celui qui a été fourni
nonce-bad = le nonce n'est pas celui qui a été fourni : présentation rejouée ou mal adressée
iat-bad = la date `iat` n'est pas représentable
made-at = établie le { $when }
made-in-future = établie le { $when }, dans le futur de l'horloge de ce vérificateur
made-too-long-ago = établie le { $when }, il y a plus de { $seconds ->
    [one] { $seconds } seconde
   *[other] { $seconds } secondes
}
presentation-expired = la présentation a expiré (`exp`)
sd-headline = attestation à divulgation sélective (SD-JWT)
sd-disclosed = divulgué
sd-not-disclosed = non divulgué
sd-none = (aucun)
sd-credential = attestation
sd-well-formed-bound = { $bytes } octets : JWS de l'émetteur, { $count } divulgation(s), JWT de liaison de clé
sd-well-formed-unbound = { $bytes } octets : JWS de l'émetteur, { $count } divulgation(s), sans JWT de liaison de clé
sd-issuer-unreadable = le JWT signé par l'émetteur est illisible
sd-disclosures-ok = { $count } divulgation(s), chacune émise dans cette attestation et intacte
sd-disclosure-bad = divulgation { $n } : { $reason }
sd-not-run-own-copy = non exécuté : la copie du titulaire, pas une présentation
sd-not-run-no-binding = non exécuté : aucune liaison de clé valide
sd-key-binding-ok = signée avec la clé du titulaire (cnf) sur exactement ce qui a été présenté
sd-kb-missing = aucun JWT de liaison de clé : quiconque en détient une copie aurait pu l'envoyer
sd-kb-no-cnf = l'attestation ne comporte pas de cnf.jwk pour vérifier la liaison de clé
sd-kb-typ = JWT de liaison de clé : le type doit être { $typ }
sd-kb-not-signed = le JWT de liaison de clé n'est pas signé avec la clé du titulaire (cnf)
sd-kb-not-json = le contenu du JWT de liaison de clé n'est pas du JSON strict
sd-kb-bad = JWT de liaison de clé : { $reason }
sd-kb-no-iat = le JWT de liaison de clé n'a pas de date (iat)
sd-hash-mismatch = sd_hash ne correspond pas : les divulgations ou l'attestation ont été modifiées après la signature du titulaire
sd-holder-binding-ok = la clé de liaison (cnf) est le did:key du sujet
sd-no-cnf = l'attestation ne comporte pas de clé de titulaire cnf.jwk utilisable
sd-no-subject = l'attestation ne désigne aucun identifiant de sujet
sd-cnf-not-subject = la clé cnf n'est pas la clé de credentialSubject.id

## Équivalence : ce qui n'est pas connu

eq-note-no-level = La qualification n'indique aucun niveau de cadre de certification ; aucun niveau comparable ne peut donc être donné.
eq-note-related = Aucune décision ne correspond à cette qualification, mais { $country } a des décisions de reconnaissance pour la même profession ou le même domaine : { $related }.
eq-related-item = { $id } ({ $qualification } de { $country }, { $level })
eq-related-item-any-level = { $id } ({ $qualification } de { $country }, tout niveau)
eq-note-no-framework-country = Aucun cadre de certification de { $country } ne figure dans les données ; aucun niveau comparable ne peut donc y être donné.
eq-note-no-framework = Le cadre { $framework } ne figure pas dans les données.
eq-note-unknown-level = { $level } n'est un niveau d'aucun cadre figurant dans les données ; aucun niveau comparable ne peut donc être donné.
eq-note-deprecated = { $old } est un identifiant obsolète de { $new } (les identifiants de niveau portent désormais leur pays) ; la réponse porte sur { $new }.
eq-note-for = Pour { $level } : { $note }.
eq-with-data-note = { $text } ({ $note })
eq-gap-none = pas de référencement officiel : { $from } n'est pas référencé à { $to }
eq-gap-comparison-only = { $from } et { $to } ne sont comparés que dans un tableau, qui n'est pas un référencement, et ce tableau ne figure pas dans les données
eq-gap-unconfirmed-said = non confirmé : { $detail }
eq-gap-unconfirmed = non confirmé : on ne sait pas si { $from } est référencé à { $to }
eq-gap-no-level-table = { $from } est référencé à { $to } ({ $status }), mais le tableau par niveau de ce référencement ne figure pas dans les données ; aucun niveau comparable ne peut donc en être tiré
eq-gap-no-link = { $level } n'a aucun lien de niveau vers { $to } dans les données (correspondance des niveaux : { $mapping })
eq-gap-no-link-unmapped = { $level } n'a aucun lien de niveau vers { $to } dans les données (correspondance des niveaux : non indiquée)
eq-gap-no-referencing = aucun référencement de { $framework } à un cadre de référence ne figure dans les données
eq-gap-no-chain = aucune chaîne de référencements vers { $targets } ne figure dans les données
eq-bridge-none-exists = il n'existe aucun référencement entre { $a } et { $b }
eq-bridge-none-in-data = aucun référencement entre { $a } et { $b } ne figure dans les données
eq-bridge = { $pairs } ; aucun niveau de { $framework } ne peut donc être comparé à { $targets } par les cadres de référence, quels que soient les tableaux par niveau

## La ligne de commande : résumés

cli-issued = { $id } émise -> { $path }
cli-unreadable = { $source } : illisible : { $reason }
cli-verdict = { $source } : { $verdict ->
    [valid] valide
    [invalid] non valide
   *[other] indéterminé
}
cli-verdict-failed = { $source } : { $verdict ->
    [valid] valide
    [invalid] non valide
   *[other] indéterminé
} (échec : { $checks })
cli-verdict-undecided = { $source } : { $verdict ->
    [valid] valide
    [invalid] non valide
   *[other] indéterminé
} (incertain : { $checks })
cli-summary = { $valid } valide(s), { $invalid } non valide(s), { $indeterminate } indéterminée(s)
cli-summary-unreadable = { $valid } valide(s), { $invalid } non valide(s), { $indeterminate } indéterminée(s), { $unreadable } illisible(s)
eq-practice-item = { $title } : { $summary }

## Attestations multilingues

title-other-language = (pas de titre en français ; affiché en { $shown })

## Erreurs du registre : ce que signifie chaque type de refus (le détail précis en anglais reste dans `message`)

registry-400 = La requête est illisible : vérifiez sa forme d'après la documentation de l'API.
registry-401 = L'expéditeur de la requête n'a pas pu être établi : signez-la avec une clé enregistrée.
registry-403 = Le signataire n'est pas autorisé à faire cela.
registry-404 = Introuvable.
registry-405 = Cette route n'accepte pas cette méthode.
registry-408 = La requête a mis trop de temps à arriver ; renvoyez-la.
registry-409 = La requête est en conflit avec ce que le registre contient déjà.
registry-413 = La requête est trop volumineuse.
registry-414 = L'adresse est trop longue.
registry-415 = Le corps de la requête doit être du JSON.
registry-422 = La requête a été lue, mais ce qu'elle demande est refusé.
registry-431 = Les en-têtes de la requête sont trop volumineux.
registry-500 = Le registre n'a pas pu traiter la requête ; l'opérateur en trouvera le détail dans son journal.
registry-503 = Le registre ne peut pas traiter de requêtes pour le moment ; réessayez plus tard.
registry-error = La requête a été refusée.

## Erreurs de la ligne de commande (le motif reste en anglais pour l'instant)

cli-error = skillpass : erreur : { $reason }

## The typeset card (`skillpass card`): its labels, in at most two languages.
card-heading-qualification = Qualification vérifiable
card-heading-skills = Compétences vérifiables
card-issued-by = Délivré par (organisme enregistré)
card-awarding-body = Organisme certificateur indiqué dans l’attestation
card-issuer-unverified = Émetteur indiqué dans l’attestation (non vérifié)
card-level = Niveau
card-awarded = Délivré le
card-contains = Ce code contient l’attestation complète.
card-contains-personal = Ce code contient l’attestation complète, y compris { $fields }.
card-birth-date = date de naissance
card-nationality = nationalité
card-grade = note
card-scan-to-verify = Scannez avec l'appareil photo du téléphone pour vérifier, ou hors ligne
card-verify-offline = Vérifier hors ligne
# A list on the card: items joined by a comma, the last two by "and".
card-list-comma = { $first }, { $second }
card-list-and = { $first } et { $second }

# IETF SD-JWT VC (dc+sd-jwt): its Type Metadata and its layout
sd-vc-type-metadata = Métadonnées de type du SD-JWT VC : { $reason }
sd-vc-layout = SD-JWT VC illisible : { $reason }

## Ce que dit une attestation, dans la langue du lecteur (organisme certificateur, compétences, acquis d'apprentissage)

shown-other-language = (non fourni en français ; affiché en { $shown })
report-awarding-body = Organisme certificateur indiqué dans l'attestation : { $name }
report-skills = { $count ->
    [one] Compétence
   *[other] Compétences
} : { $names }
report-outcomes = { $count ->
    [one] Acquis d'apprentissage
   *[other] Acquis d'apprentissage
} :
skills-headline-more = { $first } et { $more ->
    [one] { $more } autre compétence
   *[other] { $more } autres compétences
}

## Le portefeuille (`skillpass wallet list`)

wallet-heading = portefeuille de { $holder } ({ $count ->
    [one] { $count } attestation
   *[other] { $count } attestations
})
wallet-col-title = intitulé
wallet-col-awarding-body = organisme certificateur
wallet-col-issuer = émetteur
wallet-col-country = pays
wallet-col-level = niveau
wallet-col-status = statut
wallet-untitled = (sans intitulé)
wallet-empty = le portefeuille ne contient encore aucune attestation ; ajoutez-en une avec `skillpass wallet add --wallet { $path } FICHIER-ATTESTATION`

report-list-item = - { $item }

## Pourquoi une commande n'a pas pu s'exécuter

err-cannot-open = impossible d'ouvrir { $path }
err-cannot-read = impossible de lire { $path }
err-not-utf8-text = impossible de lire { $path } comme texte UTF-8
err-too-large = { $path } dépasse la limite de { $max } octets
err-not-json = { $path } n'est pas un JSON valide
err-stdin = impossible de lire l'entrée standard
err-cannot-create = impossible de créer { $path }
err-cannot-write = impossible d'écrire { $path }
err-not-key-file = { $path } n'est pas un fichier de clé privée Ed25519
err-registry-unreachable = impossible de joindre le registre : { $reason }
err-registry-no-answer = le registre n'a pas répondu
err-registry-not-json = le registre a répondu { $status } avec un contenu qui n'est pas du JSON
err-scan-not-credential = le code scanné n'est pas une attestation Skillpass
err-card-not-credential = l'attestation n'est pas un document JSON signé
err-empty-credential = { $path } est vide : il ne contient aucune attestation ; demandez à l'expéditeur de renvoyer le fichier
io-not-found = fichier ou dossier introuvable
io-permission-denied = permission refusée
io-is-a-directory = c'est un dossier, pas un fichier
io-not-utf8 = le contenu n'est pas du texte UTF-8
io-already-exists = existe déjà
io-storage-full = le disque est plein
wallet-wrong-passphrase = phrase secrète erronée : cette phrase n'ouvre pas le portefeuille
wallet-corrupted = le fichier du portefeuille est endommagé : { $reason }
wallet-bad-credential = attestation illisible : { $reason }
wallet-not-holders = cette attestation est délivrée à { $subject }, et non à { $holder }, titulaire de ce portefeuille
wallet-duplicate = l'attestation { $id } est déjà dans le portefeuille
wallet-full = le portefeuille est plein ({ $max } attestations)

## Ajouter au portefeuille (`skillpass wallet add`)

wallet-added = { $source } : { $id } ajoutée ({ $title })
wallet-untitled-plain = sans intitulé
wallet-already = { $source } : déjà dans le portefeuille ({ $id })
wallet-refused = { $source } : refusée : { $reason }
wallet-refused-invalid = { $source } : refusée : l'attestation est { $status }
wallet-add-summary = { $added } ajoutées, { $skipped } déjà présentes, { $refused } refusées ; le portefeuille contient { $count ->
    [one] { $count } attestation
   *[other] { $count } attestations
}

## Délivrer un lot CSV (`skillpass issue --csv`)

batch-row-error = ligne { $line } : { $reason }
batch-row-changed = ligne { $line } : modifiée depuis sa délivrance sous { $file } ({ $id }) ; pas délivrée à nouveau. Si cette attestation est erronée, révoquez-la et délivrez la ligne corrigée dans un nouveau --out-dir
batch-file-taken = non délivrée : { $file } contient déjà une attestation délivrée depuis une autre ligne (des lignes ont-elles été ajoutées au-dessus, ou celle-ci a-t-elle changé ?). Ajoutez les nouvelles lignes à la fin du lot, ou délivrez cette ligne dans un autre --out-dir
batch-required-empty = { $column } : vide, mais obligatoire
batch-outcomes-count = { $column } : { $given ->
    [one] { $given } acquis d'apprentissage
   *[other] { $given } acquis d'apprentissage
}, mais learning_outcomes en compte { $english } ; donnez chaque acquis dans chaque langue, dans le même ordre, séparés par |
batch-lines = { $count ->
    [one] ligne
   *[other] lignes
} { $ranges }
batch-skipped = déjà délivrées, ignorées : { $lines }
batch-issued-now = délivrées maintenant : { $lines }
batch-orphans = délivrées auparavant à partir de lignes que ce fichier n'a plus (modifiées ou supprimées) : { $rows }
batch-summary = { $issued } délivrées, { $failed } en échec ; résumé dans { $path }
batch-summary-rerun = { $issued } délivrées, { $failed } en échec, { $already } déjà délivrées, { $changed } modifiées depuis leur délivrance ; résumé dans { $path }

## Les refus du registre, chacun là où il est prononcé (`message` reste en anglais ; `text` porte ceci)

reg-timeout = la requête a mis trop de temps à arriver ; envoyez-la de nouveau
reg-no-issuer = aucun émetteur n'est enregistré sous ce DID
reg-no-credential = aucune attestation n'est conservée sous cet identifiant
reg-nonce-used = cette requête signée a déjà servi ; signez chaque requête avec un nouveau nonce
reg-nonce-unknown-after-restart = le registre a redémarré après une panne et ne peut pas savoir si cette requête de lecture signée a déjà servi ; signez une nouvelle requête dans quelques secondes
reg-unknown-signer = la requête est signée avec une clé qui n'appartient à aucun émetteur enregistré
reg-grant-expired = l'autorisation que vous a accordée le titulaire a expiré
reg-grant-revoked = le titulaire a retiré l'autorisation qu'il vous avait accordée
reg-body-too-large = le contenu de la requête dépasse la limite de { $max } octets
reg-not-json-type = le contenu doit être envoyé en Content-Type: application/json, et non { $type }
reg-country = country doit être un code pays ISO 3166-1 alpha-2, par exemple { $example }
reg-key-registered = cette clé est déjà enregistrée pour un émetteur
reg-valid-until = validUntil doit être postérieur à validFrom
reg-withdrawn-final = l'accréditation de cet émetteur a été retirée ; le retrait est définitif
reg-no-web-file = la page de vérification ne contient pas ce fichier
reg-batch-max = au plus { $max } attestations par requête
reg-nothing-given = aucune attestation ni liste de statut fournie
reg-grantee = le bénéficiaire doit être un did:key
reg-no-grant = aucune autorisation de ce type pour cette attestation
reg-no-decision = aucune décision n'est conservée sous cet identifiant
reg-revocation-final = une révocation ne peut pas être annulée ; suspendez plutôt l'attestation si la mesure peut être levée plus tard

## La page de vérification dans le navigateur (verifier-web) : les mots que la page écrit elle-même. Les résultats
## des contrôles, le verdict et les réponses d'équivalence viennent des messages ci-dessus, comme dans `skillpass verify`.

page-title = Vérificateur Skillpass
page-tagline = Vérifie une attestation de qualification ou de compétences sur cet appareil. L'attestation n'est envoyée nulle part.
page-loading = Chargement du vérificateur…
page-load-failed = Le vérificateur n'a pas pu être chargé : { $why }
page-input-heading = Vérifier une attestation
page-input-file = Choisissez un fichier : une attestation (.jwt), un SD-JWT, une image de la carte (PNG ou JPEG) ou la carte en PDF
page-input-drop = …ou déposez le fichier ici
page-input-paste = Ou collez une attestation, le code d'une carte (SP1:…) ou un lien
page-input-verify = Vérifier
page-input-camera = Scanner le code QR de la carte avec la caméra
page-input-camera-stop = Arrêter la caméra
page-input-camera-help = Placez le code de la carte dans le cadre.
page-input-camera-failed = La caméra n'a pas pu être ouverte : { $why }
page-input-presentation = Présentations depuis le portefeuille du titulaire
page-input-audience = Identifiant de ce vérificateur (destinataire)
page-input-nonce = Le nonce que vous avez donné au titulaire
page-input-country = Ce que cela signifie pour
page-input-country-none = (aucun pays choisi)
page-verdict-valid = Valide
page-verdict-invalid = Non valide
page-verdict-indeterminate = Vérification impossible
page-verdict-valid-help = Tous les contrôles sont réussis.
page-verdict-invalid-help = Échec : { $checks }.
page-verdict-indeterminate-help = Rien n'a échoué, mais tout n'a pas pu être tranché : { $checks }.
page-result-heading = Résultat
page-result-none = Rien n'a encore été vérifié.
page-result-unreadable = Illisible
page-result-reading = Lecture de { $what }…
page-result-from-paper = Lue à partir du code d'une carte imprimée.
page-result-credential = Attestation { $n }
page-field-holder = Titulaire
page-field-holder-verified = (vérifié)
page-field-holder-stated = (tel que l'attestation l'indique, non vérifié)
page-field-title = Intitulé
page-field-level = Niveau
page-field-type = Type d'attestation
page-field-issuer = Délivrée par
page-field-issuer-registered = { $name } (inscrit dans la liste de confiance, { $country })
page-field-issuer-unknown = absent de la liste de confiance : { $did }
page-field-valid-from = Valable à partir du
page-field-valid-until = Valable jusqu'au
page-field-holder-did = Identifiant du titulaire
page-checks-heading = Les dix contrôles
page-checks-holder-heading = Contrôles de ce que le titulaire a présenté
page-disclosed-heading = Divulgation sélective
page-disclosed-yes = Divulgué
page-disclosed-no = Non divulgué
page-disclosed-none = (aucun)
page-meaning-heading = Ce que cela signifie pour { $country }
page-meaning-untrusted = Décision non fiable écartée : { $why }
page-words-heading = Le rapport complet, tel que skillpass verify l'affiche
page-trust-heading = Confiance
page-trust-anchor = Clé de l'opérateur (ancre de confiance)
page-trust-bundle = Liste de confiance { $sequence }
page-trust-issued = émise le { $when } (il y a { $age })
page-trust-next = prochaine mise à jour le { $when }
page-trust-stale = Cette liste a dépassé sa date de mise à jour : les résultats sont « vérification impossible » jusqu'au chargement d'une liste plus récente.
page-trust-contents = organismes émetteurs : { $issuers }, listes de statut : { $lists }, décisions de reconnaissance : { $decisions }
page-trust-none = Pas encore de liste de confiance.
page-trust-no-anchor = Aucune clé d'opérateur n'est encore configurée : chargez une liste depuis un fichier avec la clé de l'opérateur.
page-trust-refresh = Rechercher une liste plus récente
page-trust-refreshing = Recherche d'une liste plus récente…
page-trust-up-to-date = La liste de confiance est à jour.
page-trust-updated = Liste de confiance { $sequence } chargée.
page-trust-offline = Le registre est injoignable ({ $why }) ; la vérification utilise la liste enregistrée.
page-trust-refused = Une liste de confiance a été refusée : { $why }
page-trust-kept = La page continue d'utiliser la liste { $sequence }.
page-trust-file = Charger une liste de confiance depuis un fichier
page-trust-file-bundle = Fichier de la liste (.jws)
page-trust-file-anchor = Clé de l'opérateur (did:key) qui la signe
page-trust-file-load = Charger la liste
page-trust-file-missing = Choisissez un fichier de liste et saisissez le did:key de l'opérateur.
page-trust-memory-damaged = Effacer la mémoire des listes de ce navigateur
page-trust-memory-forgotten = La mémoire des listes a été effacée ; elle ne connaît plus que les listes vues à partir de maintenant.
page-anchor-changed = Attention : la clé de l'opérateur a changé
page-anchor-changed-body = Cette page a été configurée pour faire confiance à { $old }. Le registre indique maintenant { $new }. Tant que vous n'acceptez pas la nouvelle clé, les listes qu'elle signe sont refusées. Ne l'acceptez que si l'opérateur vous a annoncé ce changement de clé.
page-anchor-accept = Faire confiance à la nouvelle clé désormais
page-anchor-typed = Cette page fait maintenant confiance à { $new } au lieu de { $old }.
page-anchor-accepted = Cette page fait maintenant confiance à { $new }.
page-no-bundle = Aucune liste de confiance : chargez-en une avant de vérifier.
page-image-no-code = Aucun code QR lisible n'a été trouvé dans l'image. Prenez la photo de plus près et bien de face, ou choisissez le PNG de la carte.
page-image-unreadable = L'image n'a pas pu être lue : { $why }
page-pdf-nothing = Ni attestation ni code QR lisible dans ce PDF. Choisissez le PNG de la carte ou scannez le code avec la caméra.
page-file-too-large = Le fichier dépasse { $max } Mo.
page-footer-privacy = La vérification s'exécute dans ce navigateur avec WebAssembly. La page ne télécharge qu'elle-même et la liste de confiance ; une attestation contenue dans un lien se trouve après le #, que les navigateurs n'envoient jamais.
page-language = Langue
page-language-name = Français
page-age-minutes = { $n } min
page-age-hours = { $n } h
page-age-days = { $n ->
    [one] { $n } jour
   *[other] { $n } jours
}
page-problem-nothing-given = Il n'y a rien à vérifier : collez une attestation, choisissez un fichier ou scannez un code.
page-problem-empty-file = Le fichier est vide : il ne contient aucune attestation. Demandez à l'expéditeur de vous renvoyer le fichier.
page-problem-empty-link = Le lien ne contient aucune attestation après le #.
page-problem-damaged-link = Le lien est illisible : { $detail }
page-problem-not-a-paper-code = Le code scanné n'est pas une attestation Skillpass : { $detail }
page-problem-needs-audience-and-nonce = Une présentation est contrôlée avec l'identifiant de ce vérificateur (destinataire) et le nonce qu'il a donné au titulaire : saisissez les deux sous « Présentations depuis le portefeuille du titulaire ».
page-problem-unknown-destination = La destination est inconnue : { $detail }
page-problem-anchor-not-did-key = L'ancre de confiance doit être le did:key de l'opérateur ({ $detail }).
page-problem-memory-damaged = La mémoire des listes de confiance de ce navigateur est endommagée ({ $detail }). Rien n'a été vérifié, car c'est cette mémoire qui refuse les listes anciennes ou falsifiées. Ne l'effacez que si vous savez pourquoi elle a été endommagée : une nouvelle mémoire ne connaît que les listes vues à partir de ce moment.
page-problem-bundle-too-large = La liste de confiance dépasse la limite de { $max } octets.
page-problem-bad-options = La page a envoyé des options que ce vérificateur ne peut pas lire : { $detail }
page-problem-framework-data = Les données des cadres de certification fournies sont illisibles : { $detail }

## Refus du registre, chacun là où il est prononcé (suite). `$detail` reprend tel quel ce qu'a dit une couche
## inférieure (un analyseur, un contrôle).

reg-no-route = ce chemin n'existe pas
reg-method = ce chemin n'accepte pas cette méthode
reg-store-unreachable = le registre ne joint pas sa base de données ; réessayez dans un instant
reg-store-unreadable = le registre ne peut pas lire sa base de données ; l'opérateur trouvera les détails dans son journal
reg-store-damaged = la base de données est endommagée, aucune sauvegarde n'a été faite : { $why } ; lancez skillpass-registry check
reg-operator-only = seul l'opérateur du registre peut faire cela
reg-retired-key = la requête est signée avec une clé retirée de cet organisme émetteur ; signez avec la clé actuelle
reg-own-credentials-only = un organisme émetteur ne peut changer le statut que de ses propres attestations
reg-who-reads = seuls l'organisme émetteur de l'attestation, son titulaire ou un destinataire autorisé peuvent la lire
reg-unsigned = cette requête doit être signée : Authorization: Skillpass <JWS>
reg-unreadable-authorization = l'en-tête Authorization est illisible
reg-unreadable-body = le corps de la requête est illisible : { $detail }
reg-body-not-json = le corps n'est pas du JSON : { $detail }
reg-body-misfit = le corps ne correspond pas à cette requête : { $detail }
reg-request-refused = la requête signée a été refusée : { $detail }
reg-invalid-query = les paramètres de la requête sont illisibles : { $detail }
reg-field-max-chars = { $field } doit compter au plus { $max } caractères
reg-field-chars = { $field } doit compter de { $min } à { $max } caractères
reg-field-bidi = { $field } ne doit contenir aucun caractère de contrôle ni de mise en forme bidirectionnelle (il contient { $char })
reg-field-max-bytes = { $field } doit faire au plus { $max } octets
reg-field-control = { $field } ne doit contenir aucun caractère de contrôle
reg-field-items = nombre d'éléments dans { $field } : { $count } ; au plus { $max } sont acceptés
reg-scope-needed = une accréditation demande au moins un élément de périmètre TYPE[:NIVEAU-MAX]
reg-scope-refused = le périmètre d'accréditation n'est pas valide : { $detail }
reg-never-accredited = cet organisme émetteur n'a jamais été accrédité
reg-not-suspended = cet organisme émetteur n'est pas suspendu à cette date ; seule une suspension peut être levée
reg-rotate-own = un organisme émetteur ne peut renouveler que ses propres clés
reg-new-key-registered = la nouvelle clé est déjà enregistrée
reg-key-refused = la nouvelle clé a été refusée : { $detail }
reg-param-invalid = { $name } { $value } n'est pas valable ici
reg-unknown-level = level n'est un niveau d'aucun des cadres fournis ; GET /equivalence/frameworks les énumère
reg-at = at doit être une heure RFC 3339 (2026-11-26T10:00:00Z) ou une date (2026-11-26)
reg-equivalence-refused = la donnée d'équivalence a été refusée : { $detail }
reg-no-type-metadata = ce registre ne fournit pas de Type Metadata : lancez-le avec --public-url et l'adresse à laquelle on le joint
reg-no-type = ce type d'attestation n'existe pas ; les types sont QualificationCredential et SkillCredential
reg-no-context = ce contexte n'existe pas ; les contextes sont { $known }
reg-authority-id = id doit être le did:key de l'autorité (sans fragment)
reg-authority-exists = cette autorité est déjà enregistrée
reg-decision-born-withdrawn = une nouvelle décision ne peut pas être déjà retirée ; retirez une décision publiée avec POST /decisions/{"{"}id{"}"}/withdraw
reg-revise-own = une autorité ne peut réviser que ses propres décisions
reg-superseded = { $old } est déjà remplacée par { $new } ; révisez plutôt cette décision
reg-decision-other-id = la décision signée porte un autre identifiant que le chemin
reg-withdraw-own = une autorité ne peut retirer que ses propres décisions
reg-decision-withdrawn = cette décision est déjà retirée
reg-withdrawn-missing = la décision signée à nouveau doit fixer withdrawn à l'heure du retrait
reg-withdrawn-future = withdrawn ne peut pas être dans le futur ; pour mettre fin à une décision plus tard, publiez une révision avec validUntil
reg-withdrawal-changed = un retrait doit être la décision publiée, signée à nouveau avec withdrawn pour seul ajout ; publiez une révision pour changer quoi que ce soit d'autre
reg-decision-refused = la décision a été refusée : { $detail }
reg-no-status-entry = l'attestation n'a pas d'entrée de statut { $purpose }
reg-status-entry-unreadable = l'entrée de statut de l'attestation est illisible : { $detail }
reg-status-list-unheld = le registre ne détient pas la liste de statut que nomme cette attestation
reg-no-status-list = cette liste de statut n'existe pas
reg-no-token-status-list = l'organisme émetteur n'a publié aucune Token Status List pour cette liste (demandez sans Accept: application/statuslist+jwt pour la liste Bitstring)
reg-status-list-refused = la liste de statut a été refusée : { $detail }
reg-not-signers-credential = { $which } a été délivrée par { $issuer }, et non par le signataire de cette requête
reg-credential-refused = l'attestation a été refusée : { $detail }
reg-out-of-scope = l'attestation sort du périmètre d'accréditation : { $detail }
reg-duplicate-in-batch = { $which } reprend un identifiant déjà présent dans cette requête
reg-credential-exists = { $which } : une autre attestation est déjà enregistrée sous cet identifiant
reg-issuer-not-active = cet émetteur n'est pas accrédité actuellement ({ $standing }) : il ne peut pas publier
reg-status-list-exists = une liste de statut ({ $purpose }) est déjà enregistrée pour cet émetteur ; modifiez un statut avec POST /credentials/{"{"}id{"}"}/status
reg-token-list-unheld = une Token Status List désigne une liste que le registre ne détient pas ; envoyez aussi sa liste de révocation dans statusLists
reg-grant-expiry = expiresAt doit être dans le futur, au plus tard dans { $days } jours

## Ce que dit une commande quand elle ne peut pas continuer (suite), et les parties de l'erreur d'une ligne CSV

cli-passphrases-differ = les deux phrases secrètes ne sont pas identiques
cli-passphrase-short = choisissez une phrase secrète d'au moins { $min } caractères
cli-no-wallet = aucun portefeuille à { $path } (créez-en un avec `skillpass wallet init`)
cli-wallet-exists = { $path } existe déjà ; un portefeuille n'est pas remplacé (utilisez --force pour le remplacer et perdre sa clé)
cli-no-credential-empty = aucune attestation { $selector } : le portefeuille ne contient encore aucune attestation
cli-no-credential = aucune attestation { $selector } dans le portefeuille (indiquez sa position dans `wallet list`, son identifiant ou la fin de son identifiant)
cli-present-key-or-wallet = indiquez --key TITULAIRE.key ou --wallet FICHIER
cli-disclose-sd-only = --disclose ne s'applique qu'aux attestations SD-JWT (délivrées avec `skillpass issue --sd-jwt`) ; celles-ci montrent toutes les données
cli-credential-too-large = l'attestation { $n } dépasse la limite de { $max } octets
cli-sd-jwt-alone = une attestation SD-JWT se présente seule, une par présentation
cli-issue-usage = indiquez --claims FICHIER --out FICHIER, ou --csv FICHIER --out-dir DOSSIER
cli-revoke-registry-credential = avec --registry, désignez l'attestation (un fichier ou son identifiant), pas --index
cli-revoke-where = indiquez --status FICHIER (hors ligne), ou --registry URL (ou définissez SKILLPASS_REGISTRY) pour changer le statut dans le registre
cli-revoke-what = indiquez un fichier d'attestation ou --index
cli-nothing-to-publish = rien à publier
batch-cell = { $column } : { $problem }
batch-cell-value = { $column } : { $value } n'est pas valable : { $problem }
batch-not-form = il faut { $form }
batch-not-after-start = n'est pas postérieure au début de validité
batch-already-past = déjà passée
batch-in-future = dans le futur
form-date = une date (AAAA-MM-JJ)
form-date-time = une date et une heure (AAAA-MM-JJThh:mm:ssZ)
form-level = l'identifiant d'un niveau de cadre (comme PQF-6)
form-country = un code pays à deux lettres (comme PH)
form-isced = un code de domaine CITE-F (ISCED-F) de 2 à 4 chiffres (comme 0913)
form-isco = un code de profession CITP-08 (ISCO-08) de 1 à 4 chiffres (comme 2221)
form-lang = une étiquette de langue (comme fil)
form-did-key = un did:key

## Le statut qu'un portefeuille garde d'une attestation (`wallet list`)

wallet-status-valid = valide
wallet-status-invalid = non valide
wallet-status-indeterminate = indéterminé
wallet-status-unchecked = non vérifiée
wallet-status-failed = { $verdict } ({ $checks })

## Vérification avec des clés données directement (profil de conformité, ticket 17)
direct-not-checked = non vérifié auprès d'une liste de confiance : la clé de l'émetteur a été donnée directement, on ne sait donc pas s'il est accrédité
direct-accreditation-line = Accréditation : non vérifiée auprès d'une liste de confiance (la clé de l'émetteur a été donnée directement par son DID)
direct-key-ok = { $kid }, la clé propre de l'émetteur, lue dans son DID
direct-key-given-ok = { $kid }, une clé de l'émetteur donnée directement à ce vérificateur
direct-key-not-issuer = la clé { $kid } n'est pas une clé de l'émetteur de l'attestation
direct-key-bad = impossible de lire la clé dans son DID : { $reason }
direct-kid-not-url = la clé doit être désignée par une URL DID de l'émetteur (did:key:z…#z… ou did:jwk:…#0)
direct-no-issuer = l'attestation ne nomme aucun émetteur
direct-well-formed-jose = { $bytes } octets, JWS compacte au contenu JSON strict
direct-well-formed-di = { $bytes } octets, avec une preuve Data Integrity, chaque terme défini par ses contextes
direct-well-formed-proof = une preuve Data Integrity lisible
direct-holder-signature-ok = signée par la clé propre du titulaire, lue dans son DID
direct-holder-key-given-ok = signée avec { $kid }, une clé du titulaire donnée directement à ce vérificateur
direct-binding-not-asked = aucun { $what } n'a été demandé
direct-binding-ok = le { $what } est celui demandé ({ $value })
direct-binding-bad = le { $what } n'est pas celui demandé : une présentation rejouée ou mal adressée
data-model-ok = conforme au modèle de données W3C des attestations vérifiables 2.0
data-model-bad = enfreint le modèle de données W3C des attestations vérifiables 2.0 : { $reasons }
validity-not-date = { $name } n'est pas une date et heure avec fuseau horaire
validity-ends = valide jusqu'au { $until }
validity-none = aucune période de validité n'est indiquée
status-list-unavailable = la liste de statut { $list } n'est pas disponible pour ce vérificateur : fournissez-la pour contrôler la révocation
status-list-unverified = la liste de statut { $list } n'a pas pu être vérifiée ({ $reason })
status-list-outdated = la liste de statut { $list } a expiré le { $until } : obtenez la liste actuelle de l'émetteur
status-ok-direct = ni révoquée ni suspendue selon les propres listes de statut de l'émetteur
status-unsupported = une entrée de statut de type { $type } ne peut pas être contrôlée ici
check-challenge = défi
check-domain = domaine
check-data-model = modèle de données
direct-issuer-not-given = l'émetteur { $issuer } ne fait pas partie des clés d'émetteur données à ce vérificateur
direct-iss-not-issuer = le `iss` du JWT n'est pas l'émetteur de l'attestation
direct-not-expired = n'indique ni moment de création ni expiration
