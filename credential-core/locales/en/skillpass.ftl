# Skillpass — English (the source catalog; every other catalog has exactly these ids).
#
# Glossary (use these words and no others for these ideas):
#   credential            a signed statement by an issuer about a person (never "certificate")
#   trust bundle          the signed list of accredited issuers, keys and status lists
#   pinned anchor         the operator key the verifier was set up to trust
#   issuance date         the credential's validFrom
#   recognition decision  a competent authority's decision on a foreign qualification
#   comparable level      an informational framework level; never a recognition decision
#   compensation measure  adaptation period, knowledge test, aptitude test, language proof
#
# Arguments are identifiers, dates (RFC 3339 or YYYY-MM-DD), numbers and names from trust
# data; never a holder's personal data. `$kind` is QualificationCredential or SkillCredential;
# `$purpose`/`$entry` are revocation or suspension; `$confidence` is high, medium or low.

## Words shown around every report

raw = { $text }
mark-pass = pass
mark-fail = FAIL
mark-indeterminate = undecided
mark-skipped = skipped
verdict-valid = VALID
verdict-invalid = INVALID
verdict-indeterminate = INDETERMINATE
kind = { $kind }
report-from = from { $issuer }
untrusted-decision = untrusted decision ignored: { $reason }
not-run = not run: an earlier check failed
not-run-bundle-refused = not run: the trust bundle was refused

## The names of the ten credential checks as people read them

check-trust-bundle = trust-bundle
check-well-formed = well-formed
check-algorithm = algorithm
check-issuer-accredited = issuer-accredited
check-key-valid = key-valid
check-signature = signature
check-schema = schema
check-validity-period = validity-period
check-status = status
check-bundle-fresh = bundle-fresh

## The ten credential checks: what each found

trust-bundle-signed = bundle { $sequence } signed by the pinned anchor { $anchor }
trust-bundle-unsigned = bundle { $sequence } built in memory from trusted entries (not signed)
well-formed-readable = compact JWS with a readable header
well-formed-ok = { $bytes ->
    [one] { $bytes } byte
   *[other] { $bytes } bytes
}, VC 2.0 { $kind }
well-formed-not-json = payload is not strict JSON: { $reason }
well-formed-typ = header typ must be { $typ }
well-formed-broken-lines = { $reason }: the credential is broken over several lines, as an email program may do; ask the sender for the credential file itself, sent as an attachment
well-formed-cut-short = { $reason }: the file looks damaged or cut short; ask the sender for the credential file itself, sent as an attachment
algorithm-ok = EdDSA (Ed25519)
issuer-unknown = issuer { $issuer } is not in the trust bundle
issuer-suspended = { $name } was suspended at the issuance date { $date }
issuer-withdrawn = { $name } was withdrawn at the issuance date { $date }
issuer-not-accredited = { $name } was not accredited at the issuance date { $date }
issuer-out-of-scope = { $name } is accredited for { $scope } only; this is a { $kind } at { $levels }
issuer-out-of-scope-no-level = { $name } is accredited for { $scope } only; this is a { $kind } at no level
issuer-accredited = { $name } ({ $country }), accredited for { $kind } at { $date }
issuer-accredited-now-suspended = { $name } ({ $country }), accredited for { $kind } at { $date }; note: now Suspended, after this credential was issued
issuer-accredited-now-withdrawn = { $name } ({ $country }), accredited for { $kind } at { $date }; note: now Withdrawn, after this credential was issued
key-no-kid = the header has no kid
key-unknown = key { $kid } is not in the trust bundle
key-other-issuer = key { $kid } belongs to { $name }, not to the credential's issuer
key-not-valid = key { $kid } was not valid at the issuance date { $date }
key-valid = { $kid }, valid at issuance
signature-ok = the signature verifies under the issuer's key
signature-bad = the signature does not verify: the credential was altered or not signed by this key
signature-no-key = no trusted key to check it with
signature-ok-di = Data Integrity proof verifies: Ed25519 over the RDFC-1.0 canonical credential and proof options
signature-bad-di = the Data Integrity proof does not verify: the credential or its proof options were altered, or not signed by this key
di-too-large = { $bytes } bytes, over the { $limit }-byte credential limit
di-not-json = not strict JSON: { $reason }
di-well-formed-proof = { $bytes } bytes, VC 2.0 { $kind } with a proof
di-well-formed-ok = { $bytes } bytes, VC 2.0 { $kind } with a Data Integrity proof, every term defined by its contexts
schema-ok = conforms to the { $kind } schema
validity-not-yet = not yet valid: valid from { $from }
validity-expired = expired on { $until }
validity-until = valid from { $from } until { $until }
validity-open = valid from { $from }, no end date
status-no-entry = the credential carries no status entry
status-list-missing = status list { $list } is not in the trust bundle
status-list-other-issuer = status list { $list } belongs to another issuer
status-list-expired = status list { $list } expired on { $until }: fetch a newer bundle
status-list-early = status list { $list } is not valid before { $from }: check the clock
status-purpose-mismatch = status list { $list } is a { $purpose } list, the entry says { $entry }
status-entry-bad = status entry: { $reason }
status-revoked = the credential is revoked (status list { $list })
status-suspended = the credential is suspended (status list { $list })
status-ok-both = not revoked, not suspended (as of the bundle of { $date })
status-ok-revocation = not revoked (as of the bundle of { $date })
status-ok-suspension = not suspended (as of the bundle of { $date })
fresh-stale = bundle { $sequence } passed its next-update time { $time }: fetch a newer one
fresh-future = bundle { $sequence } is dated { $time } in the future: check the clock
fresh-ok = bundle { $sequence } current until { $time }

## Equivalence: what a qualification means in a destination

eq-heading-country = What this qualification means in { $place } (as of { $date }):
eq-heading-framework = What this qualification means in terms of { $place } (as of { $date }):
eq-decisions = Recognition decisions (authoritative):
eq-no-decision-country = No recognition decision in { $place } matches this qualification.
eq-no-decision-framework = No recognition decision in terms of { $place } matches this qualification.
eq-legal-basis = Legal basis: { $basis }
eq-comparable = Comparable levels (informational, not a recognition decision):
eq-no-comparable = No comparable level is known.
eq-comparable-own = Comparable level: { $level } (the qualification's own level)
eq-comparable-via = Comparable level: { $level } via { $path } ({ $status }, { $confidence } confidence)
eq-comparable-via-historical = Comparable level: { $level } via { $path } (historical referencing, no longer maintained, { $confidence } confidence)
eq-practice = Recognition practice (background from the shipped data, not a decision):
eq-source = Source: { $source }
eq-not-known = Not known:
eq-nothing-known-country = Nothing is known about this qualification in { $place }: ask the competent authority.
eq-nothing-known-framework = Nothing is known about this qualification in terms of { $place }: ask the competent authority.
eq-recognised = Recognised in { $country } as { $qualification } — { $outcome } (decision by { $authority }, { $validity })
eq-not-recognised = Not recognised in { $country } as { $qualification } — { $outcome } (decision by { $authority }, { $validity })
eq-state-expired = EXPIRED on { $date }: { $decision }
eq-state-not-yet = NOT YET IN FORCE (from { $date }): { $decision }
eq-state-superseded = SUPERSEDED by { $by }: { $decision }
eq-state-superseded-later = SUPERSEDED by a later decision: { $decision }
eq-state-withdrawn = WITHDRAWN on { $date }: { $decision }
eq-valid-until = valid until { $date }
eq-valid-open = valid from { $date }, no end date
eq-outcome-full = full
eq-outcome-partial = partial
eq-outcome-none = none
eq-outcome-with-measures = { $outcome }: { $measures }
eq-measures-and = { $first }; { $second }
eq-measures-or = { $first } or { $second }
eq-measure-adaptation = adaptation period of { $months ->
    [one] { $months } month
   *[other] { $months } months
}
eq-measure-knowledge-test = knowledge test
eq-measure-aptitude-test = aptitude test
eq-measure-language = { $language ->
    [de] German
    [en] English
    [fr] French
    [nl] Dutch
    [it] Italian
    [es] Spanish
    [pt] Portuguese
    [pl] Polish
    [sv] Swedish
    [da] Danish
    [fi] Finnish
    [no] Norwegian
    [ja] Japanese
    [ar] Arabic
   *[other] { $language }
} { $level } required

## Presentations (vp+jwt) and SD-JWT: their checks and what each found

check-holder-signature = holder-signature
check-audience = audience
check-nonce = nonce
check-freshness = freshness
check-holder-binding = holder-binding
check-disclosures = disclosures
check-key-binding = key-binding
presentation-of = presentation of { $count ->
    [one] { $count } credential
   *[other] { $count } credentials
}
presentation-by = by { $holder }
credential-number = credential { $n }
presentation-well-formed-ok = { $bytes } bytes, VC 2.0 VerifiablePresentation of { $count } credential(s)
kid-bad = kid: { $reason }
kid-not-url = kid must be a DID URL (did:key:z…#z…)
kid-not-holder = the kid is not a key of the presentation's holder
holder-signature-ok = signed by the key of the holder's did:key
holder-signature-bad = the holder's signature does not verify: the presentation was altered or signed by another key
audience-ok = made for { $audience }
audience-other = made for { $got }, not for { $audience }
audience-not = not made for { $audience }
binding-someone-else = credential { $n } is issued to someone else
binding-no-subject = credential { $n } names no subject id
binding-unreadable = credential { $n } cannot be read
binding-ok = the holder is the subject of every credential
joined = { $first }; { $second }
nonce-ok = the nonce is the one supplied
nonce-bad = the nonce is not the one supplied: a replayed or misdirected presentation
iat-bad = `iat` is not a representable time
made-at = made at { $when }
made-in-future = made at { $when }, in the future of this verifier's clock
made-too-long-ago = made at { $when }, more than { $seconds ->
    [one] { $seconds } second
   *[other] { $seconds } seconds
} ago
presentation-expired = the presentation has expired (`exp`)
sd-headline = selectively disclosed credential (SD-JWT)
sd-disclosed = disclosed
sd-not-disclosed = not disclosed
sd-none = (none)
sd-credential = credential
sd-well-formed-bound = { $bytes } bytes: issuer JWS, { $count } disclosure(s), key-binding JWT
sd-well-formed-unbound = { $bytes } bytes: issuer JWS, { $count } disclosure(s), no key-binding JWT
sd-issuer-unreadable = the issuer-signed JWT could not be read
sd-disclosures-ok = { $count } disclosure(s), each issued in this credential and unaltered
sd-disclosure-bad = disclosure { $n }: { $reason }
sd-not-run-own-copy = not run: the holder's own copy, not a presentation
sd-not-run-no-binding = not run: no valid key binding
sd-key-binding-ok = signed by the holder key (cnf) over exactly what was presented
sd-kb-missing = no key-binding JWT: anyone holding a copy could have sent this
sd-kb-no-cnf = the credential has no cnf.jwk to check the key binding with
sd-kb-typ = key-binding JWT: typ must be { $typ }
sd-kb-not-signed = the key-binding JWT is not signed by the holder key (cnf)
sd-kb-not-json = the key-binding JWT payload is not strict JSON
sd-kb-bad = key-binding JWT: { $reason }
sd-kb-no-iat = the key-binding JWT has no iat
sd-hash-mismatch = sd_hash does not match: the disclosures or the credential were changed after the holder signed
sd-holder-binding-ok = the key-binding key (cnf) is the subject's did:key
sd-no-cnf = the credential has no usable cnf.jwk holder key
sd-no-subject = the credential names no subject id
sd-cnf-not-subject = the cnf key is not the key of credentialSubject.id

## Equivalence: what is not known

eq-note-no-level = The qualification names no framework level, so no comparable level can be given.
eq-note-related = No decision matches this qualification, but { $country } has recognition decisions for the same occupation or field: { $related }.
eq-related-item = { $id } ({ $qualification } from { $country }, { $level })
eq-related-item-any-level = { $id } ({ $qualification } from { $country }, any level)
eq-note-no-framework-country = No qualifications framework of { $country } is in the data, so no comparable level can be given there.
eq-note-no-framework = Framework { $framework } is not in the data.
eq-note-unknown-level = { $level } is not a level of any framework in the data, so no comparable level can be given for it.
eq-note-deprecated = { $old } is a deprecated id of { $new } (level ids now carry their country); it is answered as { $new }.
eq-note-for = For { $level }: { $note }.
eq-with-data-note = { $text } ({ $note })
eq-gap-none = no official referencing: { $from } is not referenced to { $to }
eq-gap-comparison-only = { $from } and { $to } are only compared in a table, which is not a referencing, and that table is not in the data
eq-gap-unconfirmed-said = not confirmed: { $detail }
eq-gap-unconfirmed = not confirmed: whether { $from } is referenced to { $to } is not confirmed
eq-gap-no-level-table = { $from } is referenced to { $to } ({ $status }), but the per-level table of that referencing is not in the data, so no comparable level can be given through it
eq-gap-no-link = { $level } has no level link to { $to } in the data (level mapping: { $mapping })
eq-gap-no-link-unmapped = { $level } has no level link to { $to } in the data (level mapping: not given)
eq-gap-no-referencing = no referencing of { $framework } to a reference framework is in the data
eq-gap-no-chain = no chain of referencing links to { $targets } is in the data
eq-bridge-none-exists = no referencing between { $a } and { $b } exists
eq-bridge-none-in-data = no referencing between { $a } and { $b } is in the data
eq-bridge = { $pairs }, so no level of { $framework } can be compared with { $targets } through reference frameworks, whatever the per-level tables say

## The command line: summaries

cli-issued = issued { $id } -> { $path }
cli-unreadable = { $source }: could not be read: { $reason }
cli-verdict = { $source }: { $verdict }
cli-verdict-failed = { $source }: { $verdict } (failed: { $checks })
cli-verdict-undecided = { $source }: { $verdict } (undecided: { $checks })
cli-summary = { $valid } valid, { $invalid } invalid, { $indeterminate } indeterminate
cli-summary-unreadable = { $valid } valid, { $invalid } invalid, { $indeterminate } indeterminate, { $unreadable } could not be read
eq-practice-item = { $title }: { $summary }

## Multilingual credentials

title-other-language = (no title in this language; shown in { $shown })

## The registry's errors: what each kind of refusal means (the precise English detail stays in `message`)

registry-400 = The request cannot be read: check its form against the API documentation.
registry-401 = Who sent the request could not be established: sign it with a registered key.
registry-403 = The signer may not do this.
registry-404 = Not found.
registry-405 = This route does not accept that method.
registry-408 = The request took too long to arrive; send it again.
registry-409 = The request conflicts with what the registry already holds.
registry-413 = The request is too large.
registry-414 = The address is too long.
registry-415 = The request body must be JSON.
registry-422 = The request was read, but what it asks for is refused.
registry-431 = The request's headers are too large.
registry-500 = The registry failed to handle the request; the operator can find details in its log.
registry-503 = The registry cannot serve requests right now; try again later.
registry-error = The request was refused.

## Errors of the command line (the reason itself is English for now)

cli-error = skillpass: error: { $reason }

## The typeset card (`skillpass card`): its labels, in at most two languages.
card-heading-qualification = Verifiable qualification
card-heading-skills = Verifiable skills
card-issued-by = Issued by (registered issuer)
card-awarding-body = Awarding body named in the credential
card-issuer-unverified = Issuer as the credential names it (not verified)
card-level = Level
card-awarded = Awarded
card-contains = This code holds the whole credential.
card-contains-personal = This code holds the whole credential, including { $fields }.
card-birth-date = date of birth
card-nationality = nationality
card-grade = grade
card-scan-to-verify = Scan with a phone camera to verify, or offline
card-verify-offline = Verify offline
# A list on the card: items joined by a comma, the last two by "and".
card-list-comma = { $first }, { $second }
card-list-and = { $first } and { $second }

# IETF SD-JWT VC (dc+sd-jwt): its Type Metadata and its layout
sd-vc-type-metadata = { $reason }
sd-vc-layout = SD-JWT VC: { $reason }

## What a credential says, in the reader's language (awarding body, skills, learning outcomes)

shown-other-language = (not given in this language; shown in { $shown })
report-awarding-body = Awarding body named in the credential: { $name }
report-skills = { $count ->
    [one] Skill
   *[other] Skills
}: { $names }
report-outcomes = { $count ->
    [one] Learning outcome
   *[other] Learning outcomes
}:
skills-headline-more = { $first } and { $more ->
    [one] { $more } more skill
   *[other] { $more } more skills
}

## The wallet (`skillpass wallet list`)

wallet-heading = wallet of { $holder } ({ $count ->
    [one] { $count } credential
   *[other] { $count } credentials
})
wallet-col-title = title
wallet-col-awarding-body = awarding body
wallet-col-issuer = issuer
wallet-col-country = country
wallet-col-level = level
wallet-col-status = status
wallet-untitled = (untitled)
wallet-empty = the wallet holds no credentials yet; add one with `skillpass wallet add --wallet { $path } CREDENTIAL-FILE`

report-list-item = - { $item }

## Why a command could not run (the English text is what `--lang en` has always printed)

err-cannot-open = cannot open { $path }
err-cannot-read = cannot read { $path }
err-not-utf8-text = cannot read { $path } as UTF-8 text
err-too-large = { $path } is larger than the { $max }-byte limit
err-not-json = { $path } is not valid JSON
err-stdin = cannot read standard input
err-cannot-create = cannot create { $path }
err-cannot-write = cannot write { $path }
err-not-key-file = { $path } is not an Ed25519 private key file
err-registry-unreachable = cannot reach the registry: { $reason }
err-registry-no-answer = the registry did not answer
err-registry-not-json = the registry answered { $status } with a body that is not JSON
err-scan-not-credential = the scanned code is not a Skillpass credential
err-card-not-credential = the credential is not a signed JSON document
err-empty-credential = { $path } is empty: there is no credential in it; ask the sender for the file again
# What the operating system says of a file (in English, its own words are printed).
io-not-found = no such file or directory
io-permission-denied = permission denied
io-is-a-directory = this is a folder, not a file
io-not-utf8 = the content is not UTF-8 text
io-already-exists = it already exists
io-storage-full = the disk is full
wallet-wrong-passphrase = wrong passphrase: this passphrase does not open the wallet
wallet-corrupted = the wallet file is corrupted: { $reason }
wallet-bad-credential = not a readable credential: { $reason }
wallet-not-holders = this credential is issued to { $subject }, not to this wallet's holder { $holder }
wallet-duplicate = credential { $id } is already in the wallet
wallet-full = the wallet is full ({ $max } credentials)

## Adding to the wallet (`skillpass wallet add`)

wallet-added = { $source }: added { $id } ({ $title })
wallet-untitled-plain = untitled
wallet-already = { $source }: already in the wallet ({ $id })
wallet-refused = { $source }: refused: { $reason }
wallet-refused-invalid = { $source }: refused: the credential is { $status }
wallet-add-summary = { $added } added, { $skipped } already in the wallet, { $refused } refused; the wallet holds { $count ->
    [one] { $count } credential
   *[other] { $count } credentials
}

## Issuing a CSV batch (`skillpass issue --csv`)

batch-row-error = line { $line }: { $reason }
batch-row-changed = line { $line }: changed since it was issued as { $file } ({ $id }); not issued again. If that credential is wrong, revoke it and issue the corrected row into a new --out-dir
batch-file-taken = not issued: { $file } already holds a credential issued from another row (were rows added above this one, or this one changed?). Add new rows at the end of the batch, or issue this row into another --out-dir
batch-required-empty = { $column }: empty, but required
batch-outcomes-count = { $column }: { $given ->
    [one] { $given } outcome
   *[other] { $given } outcomes
}, but learning_outcomes has { $english }; give every outcome in each language, in the same order, separated by |
batch-lines = { $count ->
    [one] line
   *[other] lines
} { $ranges }
batch-skipped = already issued, skipped: { $lines }
batch-issued-now = issued now: { $lines }
batch-orphans = issued before from rows this file no longer has (changed or removed): { $rows }
batch-summary = { $issued } issued, { $failed } failed; summary in { $path }
batch-summary-rerun = { $issued } issued, { $failed } failed, { $already } already issued, { $changed } changed since issued; summary in { $path }

## The registry's refusals, each where it is made (`message` keeps the English; `text` has this)

reg-timeout = the request took too long to arrive; send it again
reg-no-issuer = no issuer with this DID is registered
reg-no-credential = no credential with this id is stored
reg-nonce-used = this signed request was already used; sign each request with a fresh nonce
reg-nonce-unknown-after-restart = the registry restarted after a failure and cannot tell whether this signed read was already used; sign a new request in a few seconds
reg-unknown-signer = the request is signed by a key that belongs to no registered issuer
reg-grant-expired = the holder's grant to you has expired
reg-grant-revoked = the holder revoked the grant to you
reg-body-too-large = the request body is over the { $max }-byte limit
reg-not-json-type = the body must be sent as Content-Type: application/json, not { $type }
reg-country = country must be an ISO 3166-1 alpha-2 code such as { $example }
reg-key-registered = this key is already registered to an issuer
reg-valid-until = validUntil must be after validFrom
reg-withdrawn-final = this issuer was withdrawn; withdrawal is final
reg-no-web-file = the verifier page has no such file
reg-batch-max = at most { $max } credentials per request
reg-nothing-given = no credentials or status lists given
reg-grantee = the grantee must be a did:key
reg-no-grant = no such grant for this credential
reg-no-decision = no decision with this id is stored
reg-revocation-final = a revocation cannot be undone; suspend instead when it may be lifted

## The verifier page (verifier-web): the words the page writes itself. Check details, verdicts
## and equivalence answers come from the messages above, as `skillpass verify` prints them.

page-title = Skillpass verifier
page-tagline = Checks a qualification or skill credential on this device. The credential is never sent anywhere.
page-loading = Loading the verifier…
page-load-failed = The verifier could not be loaded: { $why }
page-input-heading = Verify a credential
page-input-file = Choose a file: a credential (.jwt), an SD-JWT, a card image (PNG or JPEG) or a card PDF
page-input-drop = …or drop the file here
page-input-paste = Or paste a credential, a card's code (SP1:…) or a link
page-input-verify = Verify
page-input-camera = Scan the card's QR code with the camera
page-input-camera-stop = Stop the camera
page-input-camera-help = Hold the card's code inside the frame.
page-input-camera-failed = The camera could not be opened: { $why }
page-input-presentation = Presentations from a holder's wallet
page-input-audience = This verifier's identifier (audience)
page-input-nonce = The nonce you gave the holder
page-input-country = What it means in
page-input-country-none = (no country chosen)
page-verdict-valid = Valid
page-verdict-invalid = Invalid
page-verdict-indeterminate = Could not be checked
page-verdict-valid-help = Every check passed.
page-verdict-invalid-help = Failed: { $checks }.
page-verdict-indeterminate-help = Nothing failed, but not everything could be decided: { $checks }.
page-result-heading = Result
page-result-none = Nothing verified yet.
page-result-unreadable = Could not be read
page-result-reading = Reading { $what }…
page-result-from-paper = Read from a printed card's code.
page-result-credential = Credential { $n }
page-field-holder = Holder
page-field-holder-verified = (verified)
page-field-holder-stated = (as the credential states it, not verified)
page-field-title = Title
page-field-level = Level
page-field-type = Type
page-field-issuer = Issued by
page-field-issuer-registered = { $name } (registered in the trust bundle, { $country })
page-field-issuer-unknown = not in the trust bundle: { $did }
page-field-valid-from = Valid from
page-field-valid-until = Valid until
page-field-holder-did = Holder's identifier
page-checks-heading = The ten checks
page-checks-holder-heading = Checks of what the holder presented
page-disclosed-heading = Selective disclosure
page-disclosed-yes = Disclosed
page-disclosed-no = Not disclosed
page-disclosed-none = (none)
page-meaning-heading = What it means in { $country }
page-meaning-untrusted = Untrusted decision ignored: { $why }
page-words-heading = The full report, as skillpass verify prints it
page-trust-heading = Trust
page-trust-anchor = Operator key (trust anchor)
page-trust-bundle = Trust bundle { $sequence }
page-trust-issued = issued { $when } ({ $age } ago)
page-trust-next = next update { $when }
page-trust-stale = This bundle is past its next update: results are “could not be checked” until a newer one is loaded.
page-trust-contents = issuers: { $issuers }, status lists: { $lists }, recognition decisions: { $decisions }
page-trust-none = No trust bundle yet.
page-trust-no-anchor = No operator key is pinned yet: load a bundle from a file with the operator's key.
page-trust-refresh = Check for a newer bundle
page-trust-refreshing = Checking for a newer bundle…
page-trust-up-to-date = The bundle is up to date.
page-trust-updated = Loaded trust bundle { $sequence }.
page-trust-offline = The registry could not be reached ({ $why }); verifying with the stored bundle.
page-trust-refused = A trust bundle was refused: { $why }
page-trust-kept = The page keeps using bundle { $sequence }.
page-trust-file = Load a trust bundle from a file
page-trust-file-bundle = Bundle file (.jws)
page-trust-file-anchor = Operator key (did:key) that signs it
page-trust-file-load = Load the bundle
page-trust-file-missing = Choose a bundle file and enter the operator's did:key.
page-trust-memory-damaged = Forget this browser's memory of bundles
page-trust-memory-forgotten = The memory of bundles was forgotten; it knows only the bundles seen from now on.
page-anchor-changed = Warning: the operator key has changed
page-anchor-changed-body = This page was set up to trust { $old }. The registry now names { $new }. Until you accept the new key, bundles signed by it are refused. Accept it only if the operator told you the key changed.
page-anchor-accept = Trust the new key from now on
page-anchor-typed = This page now trusts { $new } instead of { $old }.
page-anchor-accepted = This page now trusts { $new }.
page-no-bundle = No trust bundle: load one before verifying.
page-image-no-code = No readable QR code was found in the image. Take the photo closer and straight on, or choose the card's PNG.
page-image-unreadable = The image could not be read: { $why }
page-pdf-nothing = No credential and no readable QR code were found in this PDF. Choose the card's PNG, or scan the code with the camera.
page-file-too-large = The file is larger than { $max } MB.
page-footer-privacy = Verification runs in this browser with WebAssembly. The page downloads only itself and the trust bundle; a credential in a link stays in the part after # that browsers never send.
page-language = Language
page-language-name = English
page-age-minutes = { $n } min
page-age-hours = { $n } h
page-age-days = { $n ->
    [one] { $n } day
   *[other] { $n } days
}
page-problem-nothing-given = There is nothing to verify: paste a credential, choose a file or scan a code.
page-problem-empty-file = The file is empty: there is no credential in it. Ask the sender for the file again.
page-problem-empty-link = The link has no credential after its #.
page-problem-damaged-link = The link cannot be read: { $detail }
page-problem-not-a-paper-code = The scanned code is not a Skillpass credential: { $detail }
page-problem-needs-audience-and-nonce = A presentation is checked against this verifier's identifier (audience) and the nonce it gave the holder: enter both under “Presentations from a holder's wallet”.
page-problem-unknown-destination = The destination is not known: { $detail }
page-problem-anchor-not-did-key = The anchor must be the operator's did:key ({ $detail }).
page-problem-memory-damaged = This browser's memory of trust bundles is damaged ({ $detail }). Nothing was verified, because that memory is what refuses old or forged bundles. Forget it only if you know why it was damaged: a fresh memory knows only the bundles seen from then on.
page-problem-bundle-too-large = The trust bundle is larger than the { $max }-byte limit.
page-problem-bad-options = The page sent options this verifier cannot read: { $detail }
page-problem-framework-data = The shipped framework data cannot be read: { $detail }

## The registry's refusals, each where it is made (continued). A `$detail` is what a lower layer
## said (a parser's or a check's words), shown as it is; English shows nothing else.

reg-no-route = no such route
reg-method = this route does not accept that method
reg-store-unreachable = the registry cannot reach its store; try again shortly
reg-store-unreadable = the registry cannot read its store; the operator can find details in its log
reg-store-damaged = the store is damaged, no backup was taken: { $why }; run skillpass-registry check
reg-operator-only = only the registry operator may do this
reg-retired-key = the request is signed by a retired key of this issuer; sign with the current key
reg-own-credentials-only = an issuer may change the status of its own credentials only
reg-who-reads = only the credential's issuer, its holder or a grantee may read it
reg-unsigned = this request must be signed: Authorization: Skillpass <JWS>
reg-unreadable-authorization = unreadable Authorization header
reg-unreadable-body = { $detail }
reg-body-not-json = the body is not JSON: { $detail }
reg-body-misfit = the body does not fit this request: { $detail }
reg-request-refused = { $detail }
reg-invalid-query = { $detail }
reg-field-max-chars = { $field } must be at most { $max } characters
reg-field-chars = { $field } must be { $min } to { $max } characters
reg-field-bidi = { $field } must not contain control or bidirectional formatting characters (it holds { $char })
reg-field-max-bytes = { $field } must be at most { $max } bytes
reg-field-control = { $field } must not contain control characters
reg-field-items = { $field } has { $count } items; at most { $max } are accepted
reg-scope-needed = an accreditation needs at least one TYPE[:MAX-LEVEL] scope item
reg-scope-refused = { $detail }
reg-never-accredited = this issuer was never accredited
reg-not-suspended = this issuer is not suspended at that date; only a suspension can be lifted
reg-rotate-own = an issuer may rotate only its own keys
reg-new-key-registered = the new key is already registered
reg-key-refused = { $detail }
reg-param-invalid = { $name } { $value } is not valid here
reg-unknown-level = level is not a level of any shipped framework; GET /equivalence/frameworks lists them
reg-at = at must be an RFC 3339 time (2026-11-26T10:00:00Z) or a date (2026-11-26)
reg-equivalence-refused = { $detail }
reg-no-type-metadata = this registry serves no Type Metadata: start it with --public-url set to the URL it is reached at
reg-no-type = no such credential type; the types are QualificationCredential and SkillCredential
reg-no-context = no such context; the contexts are { $known }
reg-authority-id = id must be the authority's did:key (without a fragment)
reg-authority-exists = this authority is already registered
reg-decision-born-withdrawn = a new decision cannot be withdrawn already; withdraw a published one with POST /decisions/{"{"}id{"}"}/withdraw
reg-revise-own = an authority may revise only its own decisions
reg-superseded = { $old } is already superseded by { $new }; revise that decision instead
reg-decision-other-id = the signed decision has another id than the path
reg-withdraw-own = an authority may withdraw only its own decisions
reg-decision-withdrawn = this decision is already withdrawn
reg-withdrawn-missing = the re-signed decision must set withdrawn to the time of withdrawal
reg-withdrawn-future = withdrawn must not be in the future; to end a decision later, publish a revision with validUntil
reg-withdrawal-changed = a withdrawal must be the published decision re-signed with only withdrawn added; publish a revision to change anything else
reg-decision-refused = { $detail }
reg-no-status-entry = the credential has no { $purpose } status entry
reg-status-entry-unreadable = { $detail }
reg-status-list-unheld = the registry does not hold the status list this credential names
reg-no-status-list = no such status list
reg-no-token-status-list = the issuer has published no Token Status List for this list (ask without Accept: application/statuslist+jwt for the Bitstring list)
reg-status-list-refused = { $detail }
reg-not-signers-credential = { $which } is issued by { $issuer }, not by the signer of this request
reg-credential-refused = { $detail }
reg-out-of-scope = { $detail }
reg-duplicate-in-batch = { $which } repeats an id in this batch
reg-credential-exists = { $which }: another credential with this id is already stored
reg-issuer-not-active = this issuer is { $standing }, not accredited now: it cannot publish
reg-status-list-exists = a { $purpose } list is already stored for this issuer; change a status with POST /credentials/{"{"}id{"}"}/status
reg-token-list-unheld = a token status list names a list the registry does not hold; send its revocation list in statusLists
reg-grant-expiry = expiresAt must be in the future and within { $days } days

## What a command says when it cannot go on (continued), and the parts of a CSV row's error

cli-passphrases-differ = the two passphrases differ
cli-passphrase-short = choose a passphrase of at least { $min } characters
cli-no-wallet = no wallet at { $path } (create one with `skillpass wallet init`)
cli-wallet-exists = { $path } exists; refusing to replace a wallet (use --force to replace it and lose its key)
cli-no-credential-empty = no credential { $selector }: the wallet holds no credentials yet
cli-no-credential = no credential { $selector } in the wallet (use its position from `wallet list`, its id, or the end of its id)
cli-present-key-or-wallet = give --key HOLDER.key or --wallet FILE
cli-disclose-sd-only = --disclose applies to SD-JWT credentials (issued with `skillpass issue --sd-jwt`); these show every claim
cli-credential-too-large = credential { $n } is over the { $max }-byte limit
cli-sd-jwt-alone = an SD-JWT credential is presented on its own, one per presentation
cli-issue-usage = give --claims FILE --out FILE, or --csv FILE --out-dir DIR
cli-revoke-registry-credential = with --registry, name the credential (a file or its id), not --index
cli-revoke-where = give --status FILE (offline), or --registry URL (or set SKILLPASS_REGISTRY) to change the status in the registry
cli-revoke-what = give a credential file or --index
cli-nothing-to-publish = nothing to publish
batch-cell = { $column }: { $problem }
batch-cell-value = { $column }: { $value } is { $problem }
batch-not-form = not { $form }
batch-not-after-start = not after the start of validity
batch-already-past = already past
batch-in-future = in the future
form-date = a date (YYYY-MM-DD)
form-date-time = a date and time (YYYY-MM-DDThh:mm:ssZ)
form-level = a framework level id (such as PQF-6)
form-country = a two-letter country code (such as PH)
form-isced = an ISCED-F field code of 2 to 4 digits (such as 0913)
form-isco = an ISCO-08 occupation code of 1 to 4 digits (such as 2221)
form-lang = a language tag (such as fil)
form-did-key = a did:key

## The status a wallet remembers of a credential (`wallet list`)

wallet-status-valid = valid
wallet-status-invalid = invalid
wallet-status-indeterminate = indeterminate
wallet-status-unchecked = unchecked
wallet-status-failed = { $verdict } ({ $checks })

## Verifying with keys given directly (the conformance profile, issue 17)
direct-not-checked = not checked against a trust bundle: the issuer's key was given directly, so whether the issuer is accredited is not known
direct-accreditation-line = Accreditation: not checked against a trust bundle (the issuer's key was given directly by its DID)
direct-key-ok = { $kid }, the issuer's own key, read from its DID
direct-key-given-ok = { $kid }, a key of the issuer given directly to this verifier
direct-key-not-issuer = key { $kid } is not a key of the credential's issuer
direct-key-bad = the key cannot be read from its DID: { $reason }
direct-kid-not-url = the key must be named by a DID URL of the issuer (did:key:z…#z… or did:jwk:…#0)
direct-no-issuer = the credential names no issuer
direct-well-formed-jose = { $bytes } bytes, compact JWS with a strict JSON payload
direct-well-formed-di = { $bytes } bytes, with a Data Integrity proof, every term defined by its contexts
direct-well-formed-proof = a readable Data Integrity proof
direct-holder-signature-ok = signed by the holder's own key, read from its DID
direct-holder-key-given-ok = signed by { $kid }, a key of the holder given directly to this verifier
direct-binding-not-asked = no { $what } was asked for
direct-binding-ok = the { $what } is the one asked for ({ $value })
direct-binding-bad = the { $what } is not the one asked for: a replayed or misdirected presentation
data-model-ok = conforms to the W3C Verifiable Credentials Data Model 2.0
data-model-bad = breaks the W3C Verifiable Credentials Data Model 2.0: { $reasons }
validity-not-date = { $name } is not a date and time with a time zone
validity-ends = valid until { $until }
validity-none = no validity period is stated
status-list-unavailable = status list { $list } is not available to this verifier: give it the list to check revocation
status-list-unverified = status list { $list } could not be verified ({ $reason })
status-list-outdated = status list { $list } expired on { $until }: get the issuer's current list
status-ok-direct = not revoked, not suspended per the issuer's own status lists
status-unsupported = a status entry of type { $type } cannot be checked here
check-challenge = challenge
check-domain = domain
check-data-model = data-model
direct-issuer-not-given = the issuer { $issuer } is not one of the issuer keys given to this verifier
direct-iss-not-issuer = the JWT `iss` is not the credential's issuer
direct-not-expired = states no time it was made and no expiry
