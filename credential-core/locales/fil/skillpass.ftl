# Skillpass — Filipino. Para sa mga nurse, employer at recognition officer (PRC, TESDA, POEA/DMW).
# Pinananatili ang mga English na terminong ginagamit mismo ng mga propesyonal na Pilipino.
#
# Talahuluganan (gamitin lamang ang mga salitang ito para sa mga ideyang ito):
#   credential            credential (qualification credential, skill credential)
#   trust bundle          trust bundle (listahan ng mga accredited na issuer at susi)
#   pinned anchor         naka-pin na anchor
#   issuer                issuer (institusyong nag-isyu)
#   issuance date         petsa ng pag-isyu
#   recognition decision  desisyon sa pagkilala (recognition decision)
#   full / partial / none buong pagkilala / bahagyang pagkilala / walang katumbas
#   comparable level      katumbas na antas (para sa impormasyon lamang, hindi desisyon)
#   compensation measure  compensation measure
#   adaptation period     adaptation period
#   knowledge test        knowledge test
#   aptitude test         aptitude test
#   status list           status list; revoked = binawi; suspended = suspendido

## Mga salita sa bawat ulat

raw = { $text }
mark-pass = pasado
mark-fail = BAGSAK
mark-indeterminate = hindi tiyak
mark-skipped = nilaktawan
verdict-valid = WASTO
verdict-invalid = HINDI WASTO
verdict-indeterminate = HINDI MATIYAK
kind = { $kind ->
    [SkillCredential] skill credential
   *[other] qualification credential
}
report-from = mula sa { $issuer }
untrusted-decision = hindi pinagkakatiwalaang desisyon, hindi isinama: { $reason }
not-run = hindi isinagawa: may naunang pagsusuring bumagsak
not-run-bundle-refused = hindi isinagawa: tinanggihan ang trust bundle

## Ang sampung pagsusuri sa isang credential

check-trust-bundle = trust bundle
check-well-formed = anyo
check-algorithm = algorithm
check-issuer-accredited = akreditasyon
check-key-valid = susi
check-signature = lagda
check-schema = schema
check-validity-period = bisa
check-status = status
check-bundle-fresh = pagkabago

## Ang natuklasan ng bawat pagsusuri

trust-bundle-signed = trust bundle { $sequence }, nilagdaan ng naka-pin na anchor { $anchor }
trust-bundle-unsigned = trust bundle { $sequence }, binuo sa memorya mula sa mga pinagkakatiwalaang entry (walang lagda)
well-formed-readable = compact JWS na may nababasang header
well-formed-ok = { $bytes } byte, VC 2.0 { $kind ->
    [SkillCredential] skill credential
   *[other] qualification credential
}
well-formed-not-json = hindi mahigpit na JSON ang nilalaman: { $reason }
well-formed-typ = ang typ ng header ay dapat { $typ }
well-formed-broken-lines = { $reason }: nahati sa maraming linya ang credential, gaya ng ginagawa ng ilang email program; hingin sa nagpadala ang mismong file ng credential bilang attachment
well-formed-cut-short = { $reason }: mukhang sira o putol ang file; hingin sa nagpadala ang mismong file ng credential bilang attachment
algorithm-ok = EdDSA (Ed25519)
issuer-unknown = wala sa trust bundle ang issuer na { $issuer }
issuer-suspended = suspendido ang { $name } noong petsa ng pag-isyu { $date }
issuer-withdrawn = binawi na ang akreditasyon ng { $name } noong petsa ng pag-isyu { $date }
issuer-not-accredited = hindi accredited ang { $name } noong petsa ng pag-isyu { $date }
issuer-out-of-scope = accredited lamang ang { $name } para sa { $scope }; ito ay { $kind ->
    [SkillCredential] skill credential
   *[other] qualification credential
} sa antas na { $levels }
issuer-out-of-scope-no-level = accredited lamang ang { $name } para sa { $scope }; ito ay { $kind ->
    [SkillCredential] skill credential
   *[other] qualification credential
} na walang antas
issuer-accredited = { $name } ({ $country }), accredited para sa { $kind ->
    [SkillCredential] skill credential
   *[other] qualification credential
} noong { $date }
issuer-accredited-now-suspended = { $name } ({ $country }), accredited para sa { $kind ->
    [SkillCredential] skill credential
   *[other] qualification credential
} noong { $date }; paalala: suspendido na ngayon, matapos i-isyu ang credential na ito
issuer-accredited-now-withdrawn = { $name } ({ $country }), accredited para sa { $kind ->
    [SkillCredential] skill credential
   *[other] qualification credential
} noong { $date }; paalala: binawi na ngayon ang akreditasyon, matapos i-isyu ang credential na ito
key-no-kid = walang nakasaad na susi (kid) sa header
key-unknown = wala sa trust bundle ang susing { $kid }
key-other-issuer = ang susing { $kid } ay pag-aari ng { $name }, hindi ng issuer ng credential
key-not-valid = hindi balido ang susing { $kid } noong petsa ng pag-isyu { $date }
key-valid = { $kid }, balido noong pag-isyu
signature-ok = tama ang lagda ayon sa susi ng nag-isyu
signature-bad = hindi tugma ang lagda: binago ang credential o hindi ito nilagdaan ng susing ito
signature-no-key = walang pinagkakatiwalaang susi para suriin ito
signature-ok-di = tama ang Data Integrity proof: Ed25519 sa RDFC-1.0 na kanonikong credential at mga opsyon ng proof
signature-bad-di = hindi tugma ang Data Integrity proof: binago ang credential o ang mga opsyon ng proof nito, o hindi ito nilagdaan ng susing ito
di-too-large = { $bytes } byte, lampas sa hangganang { $limit } byte ng isang credential
di-not-json = hindi mahigpit na JSON: { $reason }
di-well-formed-proof = { $bytes } byte, VC 2.0 { $kind } na may proof
di-well-formed-ok = { $bytes } byte, VC 2.0 { $kind } na may Data Integrity proof, bawat termino ay tinukoy ng mga context nito
schema-ok = sumusunod sa schema ng { $kind ->
    [SkillCredential] skill credential
   *[other] qualification credential
}
validity-not-yet = hindi pa balido: balido mula { $from }
validity-expired = nag-expire noong { $until }
validity-until = balido mula { $from } hanggang { $until }
validity-open = balido mula { $from }, walang petsa ng pagtatapos
status-no-entry = walang status entry ang credential
status-list-missing = wala sa trust bundle ang status list na { $list }
status-list-other-issuer = ang status list na { $list } ay pag-aari ng ibang issuer
status-list-expired = nag-expire noong { $until } ang status list na { $list }: kumuha ng mas bagong trust bundle
status-list-early = hindi pa balido bago { $from } ang status list na { $list }: tingnan ang orasan
status-purpose-mismatch = ang status list na { $list } ay para sa { $purpose ->
    [suspension] suspensyon
   *[other] pagbawi
}, pero { $entry ->
    [suspension] suspensyon
   *[other] pagbawi
} ang nakasaad sa entry
status-entry-bad = may problema sa status entry: { $reason }
status-revoked = binawi ang credential (status list { $list })
status-suspended = suspendido ang credential (status list { $list })
status-ok-both = hindi binawi, hindi suspendido (ayon sa trust bundle noong { $date })
status-ok-revocation = hindi binawi (ayon sa trust bundle noong { $date })
status-ok-suspension = hindi suspendido (ayon sa trust bundle noong { $date })
fresh-stale = lumampas na ang trust bundle { $sequence } sa oras ng susunod na update nito, { $time }: kumuha ng mas bago
fresh-future = ang trust bundle { $sequence } ay may petsang { $time }, nasa hinaharap: tingnan ang orasan
fresh-ok = napapanahon ang trust bundle { $sequence } hanggang { $time }

## Equivalence: ano ang kahulugan ng isang kwalipikasyon sa bansang pupuntahan

eq-heading-country = Ang kahulugan ng kwalipikasyong ito sa { $place } (hanggang { $date }):
eq-heading-framework = Ang kahulugan ng kwalipikasyong ito ayon sa { $place } (hanggang { $date }):
eq-decisions = Mga desisyon sa pagkilala (opisyal):
eq-no-decision-country = Walang desisyon sa pagkilala sa { $place } na tumutugma sa kwalipikasyong ito.
eq-no-decision-framework = Walang desisyon sa pagkilala ayon sa { $place } na tumutugma sa kwalipikasyong ito.
eq-legal-basis = Legal na batayan: { $basis }
eq-comparable = Mga katumbas na antas (para sa impormasyon lamang, hindi desisyon sa pagkilala):
eq-no-comparable = Walang alam na katumbas na antas.
eq-comparable-own = Katumbas na antas: { $level } (ang sariling antas ng kwalipikasyon)
eq-comparable-via = Katumbas na antas: { $level } sa pamamagitan ng { $path } ({ $status }, { $confidence ->
    [high] mataas
    [medium] katamtaman
    [low] mababa
   *[other] { $confidence }
} na katiyakan)
eq-comparable-via-historical = Katumbas na antas: { $level } sa pamamagitan ng { $path } (lumang referencing, hindi na ina-update, { $confidence ->
    [high] mataas
    [medium] katamtaman
    [low] mababa
   *[other] { $confidence }
} na katiyakan)
eq-practice = Kasanayan sa pagkilala (background mula sa kasamang datos, hindi desisyon):
eq-source = Pinagmulan: { $source }
eq-not-known = Hindi alam:
eq-nothing-known-country = Walang alam tungkol sa kwalipikasyong ito sa { $place }: magtanong sa kinauukulang awtoridad.
eq-nothing-known-framework = Walang alam tungkol sa kwalipikasyong ito ayon sa { $place }: magtanong sa kinauukulang awtoridad.
eq-recognised = Kinikilala sa { $country } bilang { $qualification } — { $outcome } (desisyon ng { $authority }, { $validity })
eq-not-recognised = Hindi kinikilala sa { $country } bilang { $qualification } — { $outcome } (desisyon ng { $authority }, { $validity })
eq-state-expired = NAG-EXPIRE noong { $date }: { $decision }
eq-state-not-yet = HINDI PA IPINATUTUPAD (mula { $date }): { $decision }
eq-state-superseded = PINALITAN ng { $by }: { $decision }
eq-state-superseded-later = PINALITAN ng mas bagong desisyon: { $decision }
eq-state-withdrawn = BINAWI noong { $date }: { $decision }
eq-valid-until = balido hanggang { $date }
eq-valid-open = balido mula { $date }, walang petsa ng pagtatapos
eq-outcome-full = buong pagkilala
eq-outcome-partial = bahagyang pagkilala
eq-outcome-none = walang katumbas
eq-outcome-with-measures = { $outcome }, compensation measure: { $measures }
eq-measures-and = { $first }; { $second }
eq-measures-or = { $first } o { $second }
eq-measure-adaptation = adaptation period na { $months ->
    [one] { $months } buwan
   *[other] { $months } buwan
}
eq-measure-knowledge-test = knowledge test
eq-measure-aptitude-test = aptitude test
eq-measure-language = kailangan ang { $language ->
    [de] wikang Aleman
    [en] wikang Ingles
    [fr] wikang Pranses
    [nl] wikang Olandes
    [it] wikang Italyano
    [es] wikang Espanyol
    [pt] wikang Portuges
    [pl] wikang Polako
    [sv] wikang Suweko
    [da] wikang Danes
    [fi] wikang Pinlandes
    [no] wikang Norwego
    [ja] wikang Hapon
    [ar] wikang Arabe
   *[other] wikang { $language }
} na antas { $level }

## Mga presentation (vp+jwt) at SD-JWT: ang mga pagsusuri at ang natuklasan ng bawat isa

check-holder-signature = lagda ng may-hawak
check-audience = para kanino
check-nonce = nonce
check-freshness = pagkabago
check-holder-binding = ugnay sa may-hawak
check-disclosures = mga disclosure
check-key-binding = key binding
presentation-of = presentation ng { $count } credential
presentation-by = ni { $holder }
credential-number = credential { $n }
presentation-well-formed-ok = { $bytes } byte, VC 2.0 VerifiablePresentation na may { $count } credential
kid-bad = kid ng susi: { $reason }
kid-not-url = ang kid ay dapat DID URL (did:key:z…#z…)
kid-not-holder = ang kid ay hindi susi ng may-hawak ng presentation
holder-signature-ok = nilagdaan gamit ang susi ng did:key ng may-hawak
holder-signature-bad = hindi tugma ang lagda ng may-hawak: binago ang presentation o ibang susi ang lumagda
audience-ok = ginawa para sa { $audience }
audience-other = ginawa para sa { $got }, hindi para sa { $audience }
audience-not = hindi ginawa para sa { $audience }
binding-someone-else = ang credential { $n } ay inisyu sa ibang tao
binding-no-subject = walang subject id ang credential { $n }
binding-unreadable = hindi mabasa ang credential { $n }
binding-ok = ang may-hawak ang subject ng bawat credential
joined = { $first }; { $second }
nonce-ok = ang nonce ay ang mismong ibinigay
nonce-bad = hindi ang ibinigay na nonce: inulit o naligaw na presentation
iat-bad = hindi wastong oras ang `iat`
made-at = ginawa noong { $when }
made-in-future = ginawa noong { $when }, nasa hinaharap ayon sa orasan ng verifier na ito
made-too-long-ago = ginawa noong { $when }, mahigit { $seconds ->
    [one] { $seconds } segundo
   *[other] { $seconds } segundo
} na ang nakalipas
presentation-expired = nag-expire na ang presentation (`exp`)
sd-headline = credential na may selective disclosure (SD-JWT)
sd-disclosed = ipinakita
sd-not-disclosed = hindi ipinakita
sd-none = (wala)
sd-credential = credential
sd-well-formed-bound = { $bytes } byte: JWS ng issuer, { $count } disclosure, may key-binding JWT
sd-well-formed-unbound = { $bytes } byte: JWS ng issuer, { $count } disclosure, walang key-binding JWT
sd-issuer-unreadable = hindi mabasa ang JWT na nilagdaan ng issuer
sd-disclosures-ok = { $count } disclosure, bawat isa ay inisyu sa credential na ito at hindi binago
sd-disclosure-bad = may problema sa disclosure { $n }: { $reason }
sd-not-run-own-copy = hindi isinagawa: sariling kopya ito ng may-hawak, hindi presentation
sd-not-run-no-binding = hindi isinagawa: walang balidong key binding
sd-key-binding-ok = nilagdaan ng susi ng may-hawak (cnf) ang mismong ipinakita
sd-kb-missing = walang key-binding JWT: kahit sinong may kopya ay maaaring nagpadala nito
sd-kb-no-cnf = walang cnf.jwk ang credential para suriin ang key binding
sd-kb-typ = key-binding JWT: ang typ ay dapat { $typ }
sd-kb-not-signed = ang key-binding JWT ay hindi nilagdaan ng susi ng may-hawak (cnf)
sd-kb-not-json = hindi mahigpit na JSON ang nilalaman ng key-binding JWT
sd-kb-bad = may problema sa key-binding JWT: { $reason }
sd-kb-no-iat = walang iat ang key-binding JWT
sd-hash-mismatch = hindi tugma ang sd_hash: binago ang mga disclosure o ang credential matapos lumagda ang may-hawak
sd-holder-binding-ok = ang susi ng key binding (cnf) ay ang did:key ng subject
sd-no-cnf = walang magagamit na susi ng may-hawak (cnf.jwk) ang credential
sd-no-subject = walang subject id ang credential
sd-cnf-not-subject = ang susing cnf ay hindi susi ng credentialSubject.id

## Equivalence: ang hindi alam

eq-note-no-level = Walang nakasaad na antas ng qualifications framework ang kwalipikasyon, kaya walang maibibigay na katumbas na antas.
eq-note-related = Walang desisyong tumutugma sa kwalipikasyong ito, pero may mga desisyon sa pagkilala ang { $country } para sa parehong propesyon o larangan: { $related }.
eq-related-item = { $id } ({ $qualification } mula { $country }, { $level })
eq-related-item-any-level = { $id } ({ $qualification } mula { $country }, anumang antas)
eq-note-no-framework-country = Walang qualifications framework ng { $country } sa datos, kaya walang maibibigay na katumbas na antas doon.
eq-note-no-framework = Wala sa datos ang framework na { $framework }.
eq-note-unknown-level = Ang { $level } ay hindi antas ng anumang framework sa datos, kaya walang maibibigay na katumbas na antas para rito.
eq-note-deprecated = Ang { $old } ay lumang id ng { $new } (may kasama nang bansa ang mga id ng antas ngayon); sinagot ito bilang { $new }.
eq-note-for = Para sa { $level }: { $note }.
eq-with-data-note = { $text } ({ $note })
eq-gap-none = walang opisyal na referencing: hindi naka-reference ang { $from } sa { $to }
eq-gap-comparison-only = pinaghahambing lamang ang { $from } at { $to } sa isang talahanayan, na hindi referencing, at wala sa datos ang talahanayang iyon
eq-gap-unconfirmed-said = hindi kumpirmado: { $detail }
eq-gap-unconfirmed = hindi kumpirmado kung naka-reference ang { $from } sa { $to }
eq-gap-no-level-table = naka-reference ang { $from } sa { $to } ({ $status }), pero wala sa datos ang talahanayan ng bawat antas ng referencing na iyon, kaya walang maibibigay na katumbas na antas sa pamamagitan nito
eq-gap-no-link = walang ugnay ng antas ang { $level } sa { $to } sa datos (level mapping: { $mapping })
eq-gap-no-link-unmapped = walang ugnay ng antas ang { $level } sa { $to } sa datos (level mapping: hindi ibinigay)
eq-gap-no-referencing = walang referencing ng { $framework } sa isang reference framework sa datos
eq-gap-no-chain = walang kadena ng mga referencing patungo sa { $targets } sa datos
eq-bridge-none-exists = walang referencing sa pagitan ng { $a } at { $b }
eq-bridge-none-in-data = walang referencing sa pagitan ng { $a } at { $b } sa datos
eq-bridge = { $pairs }, kaya walang antas ng { $framework } na maihahambing sa { $targets } sa pamamagitan ng mga reference framework, anuman ang sabihin ng mga talahanayan ng antas

## Ang command line: mga buod

cli-issued = na-isyu ang { $id } -> { $path }
cli-unreadable = { $source }: hindi mabasa: { $reason }
cli-verdict = { $source }: { $verdict ->
    [valid] wasto
    [invalid] hindi wasto
   *[other] hindi matiyak
}
cli-verdict-failed = { $source }: { $verdict ->
    [valid] wasto
    [invalid] hindi wasto
   *[other] hindi matiyak
} (bumagsak: { $checks })
cli-verdict-undecided = { $source }: { $verdict ->
    [valid] wasto
    [invalid] hindi wasto
   *[other] hindi matiyak
} (hindi tiyak: { $checks })
cli-summary = { $valid } wasto, { $invalid } hindi wasto, { $indeterminate } hindi matiyak
cli-summary-unreadable = { $valid } wasto, { $invalid } hindi wasto, { $indeterminate } hindi matiyak, { $unreadable } hindi mabasa
eq-practice-item = { $title }: { $summary }

## Mga credential sa maraming wika

title-other-language = (walang pamagat sa Filipino; ipinapakita sa { $shown })

## Mga error ng registry: ang kahulugan ng bawat uri ng pagtanggi (nasa `message` pa rin ang eksaktong detalye sa English)

registry-400 = Hindi mabasa ang request: suriin ang anyo nito ayon sa dokumentasyon ng API.
registry-401 = Hindi matukoy kung sino ang nagpadala ng request: lagdaan ito gamit ang rehistradong susi.
registry-403 = Hindi pinapayagang gawin ito ng lumagda.
registry-404 = Hindi nahanap.
registry-405 = Hindi tumatanggap ang route na ito ng ganitong method.
registry-408 = Masyadong natagalan bago dumating ang request; ipadala itong muli.
registry-409 = Salungat ang request sa laman na ng registry.
registry-413 = Masyadong malaki ang request.
registry-414 = Masyadong mahaba ang address.
registry-415 = Dapat JSON ang laman ng request.
registry-422 = Nabasa ang request, pero tinanggihan ang hinihiling nito.
registry-431 = Masyadong malaki ang mga header ng request.
registry-500 = Hindi naproseso ng registry ang request; makikita ng operator ang detalye sa log nito.
registry-503 = Hindi makatanggap ng request ang registry ngayon; subukang muli mamaya.
registry-error = Tinanggihan ang request.

## Mga error ng command line (nasa English pa ang mismong dahilan sa ngayon)

cli-error = skillpass: may error: { $reason }

## The typeset card (`skillpass card`): its labels, in at most two languages.
card-heading-qualification = Napapatunayang kwalipikasyon
card-heading-skills = Napapatunayang kasanayan
card-issued-by = Inisyu ng (rehistradong institusyon)
card-awarding-body = Nagkaloob ayon sa kredensyal
card-issuer-unverified = Nag-isyu ayon sa kredensyal (hindi napatunayan)
card-level = Antas
card-awarded = Iginawad noong
card-contains = Nasa code na ito ang buong kredensyal.
card-contains-personal = Nasa code na ito ang buong kredensyal, kasama ang { $fields }.
card-birth-date = petsa ng kapanganakan
card-nationality = nasyonalidad
card-grade = marka
card-scan-to-verify = I-scan gamit ang camera ng telepono para i-verify, o offline
card-verify-offline = I-verify offline
# A list on the card: items joined by a comma, the last two by "and".
card-list-comma = { $first }, { $second }
card-list-and = { $first } at { $second }

# IETF SD-JWT VC (dc+sd-jwt): its Type Metadata and its layout
sd-vc-type-metadata = Type Metadata ng SD-JWT VC: { $reason }
sd-vc-layout = Hindi mabasa ang SD-JWT VC: { $reason }

## Ang sinasabi ng credential, sa wika ng bumabasa (institusyong naggawad, mga kasanayan, mga bunga ng pagkatuto)

shown-other-language = (walang bersiyon sa Filipino; ipinapakita sa { $shown })
report-awarding-body = Institusyong naggawad ayon sa credential: { $name }
report-skills = { $count ->
    [1] Kasanayan
    [one] Mga kasanayan
   *[other] Mga kasanayan
}: { $names }
report-outcomes = { $count ->
    [1] Bunga ng pagkatuto
    [one] Mga bunga ng pagkatuto
   *[other] Mga bunga ng pagkatuto
}:
skills-headline-more = { $first } at { $more ->
    [one] { $more } pang kasanayan
   *[other] { $more } pang kasanayan
}

## Ang wallet (`skillpass wallet list`)

wallet-heading = wallet ni { $holder } ({ $count ->
    [one] { $count } credential
   *[other] { $count } na credential
})
wallet-col-title = pamagat
wallet-col-awarding-body = naggawad
wallet-col-issuer = nag-isyu
wallet-col-country = bansa
wallet-col-level = antas
wallet-col-status = katayuan
wallet-untitled = (walang pamagat)
wallet-empty = wala pang credential sa wallet; magdagdag gamit ang `skillpass wallet add --wallet { $path } FILE-NG-CREDENTIAL`

report-list-item = - { $item }

## Kung bakit hindi natuloy ang isang command

err-cannot-open = hindi mabuksan ang { $path }
err-cannot-read = hindi mabasa ang { $path }
err-not-utf8-text = hindi mabasa ang { $path } bilang UTF-8 na teksto
err-too-large = lampas ang { $path } sa hangganang { $max } byte
err-not-json = hindi wastong JSON ang { $path }
err-stdin = hindi mabasa ang standard input
err-cannot-create = hindi malikha ang { $path }
err-cannot-write = hindi maisulat ang { $path }
err-not-key-file = hindi file ng pribadong susi na Ed25519 ang { $path }
err-registry-unreachable = hindi maabot ang registry: { $reason }
err-registry-no-answer = hindi sumagot ang registry
err-registry-not-json = sumagot ang registry ng { $status } pero hindi JSON ang laman
err-scan-not-credential = hindi Skillpass credential ang na-scan na code
err-card-not-credential = hindi pinirmahang JSON na dokumento ang credential
err-empty-credential = walang laman ang { $path }: walang credential dito; hilingin sa nagpadala na ipadala muli ang file
io-not-found = walang ganitong file o folder
io-permission-denied = walang pahintulot
io-is-a-directory = folder ito, hindi file
io-not-utf8 = hindi UTF-8 na teksto ang laman
io-already-exists = mayroon na nito
io-storage-full = puno na ang disk
wallet-wrong-passphrase = maling passphrase: hindi nabubuksan ng passphrase na ito ang wallet
wallet-corrupted = sira ang file ng wallet: { $reason }
wallet-bad-credential = hindi mabasang credential: { $reason }
wallet-not-holders = ang credential na ito ay para kay { $subject }, hindi para sa may-ari ng wallet na ito, si { $holder }
wallet-duplicate = nasa wallet na ang credential na { $id }
wallet-full = puno na ang wallet ({ $max } na credential)

## Pagdagdag sa wallet (`skillpass wallet add`)

wallet-added = { $source }: naidagdag ang { $id } ({ $title })
wallet-untitled-plain = walang pamagat
wallet-already = { $source }: nasa wallet na ({ $id })
wallet-refused = { $source }: tinanggihan: { $reason }
wallet-refused-invalid = { $source }: tinanggihan: ang credential ay { $status }
wallet-add-summary = { $added } naidagdag, { $skipped } nasa wallet na, { $refused } tinanggihan; may { $count ->
    [one] { $count } credential
   *[other] { $count } na credential
} ang wallet

## Pag-isyu mula sa CSV (`skillpass issue --csv`)

batch-row-error = linya { $line }: { $reason }
batch-row-changed = linya { $line }: nabago mula nang ma-isyu bilang { $file } ({ $id }); hindi na muling in-isyu. Kung mali ang credential na iyon, bawiin ito at i-isyu ang itinamang linya sa bagong --out-dir
batch-file-taken = hindi na-isyu: may laman nang credential ang { $file } mula sa ibang linya (may idinagdag bang linya sa itaas nito, o binago ito?). Idagdag ang mga bagong linya sa dulo ng listahan, o i-isyu ang linyang ito sa ibang --out-dir
batch-required-empty = { $column }: walang laman, pero kailangan
batch-outcomes-count = { $column }: { $given ->
    [one] { $given } bunga ng pagkatuto
   *[other] { $given } na bunga ng pagkatuto
}, pero { $english } ang nasa learning_outcomes; ibigay ang bawat bunga sa bawat wika, sa parehong pagkakasunod, na pinaghihiwalay ng |
batch-lines = { $count ->
    [1] linya
    [one] mga linya
   *[other] mga linya
} { $ranges }
batch-skipped = na-isyu na, nilaktawan: { $lines }
batch-issued-now = na-isyu ngayon: { $lines }
batch-orphans = na-isyu noon mula sa mga linyang wala na sa file na ito (binago o inalis): { $rows }
batch-summary = { $issued } na-isyu, { $failed } pumalya; nasa { $path } ang buod
batch-summary-rerun = { $issued } na-isyu, { $failed } pumalya, { $already } na-isyu na dati, { $changed } nabago mula nang ma-isyu; nasa { $path } ang buod

## Mga pagtanggi ng registry, bawat isa kung saan ito ginawa (nasa `message` pa rin ang English; nasa `text` ito)

reg-timeout = masyadong natagalan bago dumating ang request; ipadala itong muli
reg-no-issuer = walang nakarehistrong issuer na may ganitong DID
reg-no-credential = walang nakaimbak na credential na may ganitong id
reg-nonce-used = nagamit na ang pinirmahang request na ito; pirmahan ang bawat request gamit ang bagong nonce
reg-nonce-unknown-after-restart = nag-restart ang registry matapos ang isang pagkasira at hindi nito matiyak kung nagamit na ang pinirmahang request na ito sa pagbasa; pumirma ng bagong request pagkalipas ng ilang segundo
reg-unknown-signer = pinirmahan ang request ng susing hindi pag-aari ng anumang nakarehistrong issuer
reg-grant-expired = nag-expire na ang pahintulot sa iyo ng may-hawak
reg-grant-revoked = binawi ng may-hawak ang pahintulot sa iyo
reg-body-too-large = lampas ang laman ng request sa hangganang { $max } byte
reg-not-json-type = dapat ipadala ang laman bilang Content-Type: application/json, hindi { $type }
reg-country = dapat na ISO 3166-1 alpha-2 na code ang country, gaya ng { $example }
reg-key-registered = nakarehistro na sa isang issuer ang susing ito
reg-valid-until = dapat na mas huli ang validUntil kaysa sa validFrom
reg-withdrawn-final = binawi na ang akreditasyon ng issuer na ito; pinal na ang pagbawi
reg-no-web-file = walang ganitong file sa pahina ng pag-verify
reg-batch-max = hindi hihigit sa { $max } credential bawat request
reg-nothing-given = walang ibinigay na credential o status list
reg-grantee = dapat na did:key ang binibigyan ng pahintulot
reg-no-grant = walang ganitong pahintulot para sa credential na ito
reg-no-decision = walang nakaimbak na desisyon na may ganitong id
reg-revocation-final = hindi na maibabalik ang pagbawi; i-suspend na lang kung maaaring alisin ito sa ibang araw

## Ang pahina ng beripikasyon sa browser (verifier-web): ang mga salitang isinusulat mismo ng pahina. Ang resulta
## ng bawat check, ang hatol at ang sagot sa pagkilala ay galing sa mga mensahe sa itaas, gaya ng `skillpass verify`.

page-title = Skillpass na pang-beripika
page-tagline = Sinusuri ang isang qualification o skill credential sa device na ito. Hindi ipinapadala kahit saan ang credential.
page-loading = Nilo-load ang pang-beripika…
page-load-failed = Hindi ma-load ang pang-beripika: { $why }
page-input-heading = Beripikahin ang isang credential
page-input-file = Pumili ng file: isang credential (.jwt), isang SD-JWT, larawan ng card (PNG o JPEG) o PDF ng card
page-input-drop = …o i-drop dito ang file
page-input-paste = O i-paste ang isang credential, ang code ng card (SP1:…) o isang link
page-input-verify = Beripikahin
page-input-camera = I-scan ang QR code ng card gamit ang camera
page-input-camera-stop = Patayin ang camera
page-input-camera-help = Itapat ang code ng card sa loob ng frame.
page-input-camera-failed = Hindi mabuksan ang camera: { $why }
page-input-presentation = Mga presentation mula sa wallet ng may-hawak
page-input-audience = Identifier ng verifier na ito (audience)
page-input-nonce = Ang nonce na ibinigay mo sa may-hawak
page-input-country = Ano ang katumbas nito sa
page-input-country-none = (walang napiling bansa)
page-verdict-valid = Balido
page-verdict-invalid = Hindi balido
page-verdict-indeterminate = Hindi masuri
page-verdict-valid-help = Pumasa ang lahat ng check.
page-verdict-invalid-help = Bumagsak: { $checks }.
page-verdict-indeterminate-help = Walang bumagsak, pero hindi lahat ay napagpasyahan: { $checks }.
page-result-heading = Resulta
page-result-none = Wala pang nabe-beripika.
page-result-unreadable = Hindi mabasa
page-result-reading = Binabasa ang { $what }…
page-result-from-paper = Binasa mula sa code ng isang naka-print na card.
page-result-credential = Credential { $n }
page-field-holder = May-hawak
page-field-holder-verified = (beripikado)
page-field-holder-stated = (ayon sa credential, hindi beripikado)
page-field-title = Titulo
page-field-level = Antas
page-field-type = Uri
page-field-issuer = Inisyu ng
page-field-issuer-registered = { $name } (nakarehistro sa trust bundle, { $country })
page-field-issuer-unknown = wala sa trust bundle: { $did }
page-field-valid-from = Balido mula
page-field-valid-until = Balido hanggang
page-field-holder-did = Identifier ng may-hawak
page-checks-heading = Ang sampung check
page-checks-holder-heading = Mga check sa ipinakita ng may-hawak
page-disclosed-heading = Piling paglalahad (selective disclosure)
page-disclosed-yes = Inilahad
page-disclosed-no = Hindi inilahad
page-disclosed-none = (wala)
page-meaning-heading = Ang katumbas nito sa { $country }
page-meaning-untrusted = Hindi pinansin ang desisyong hindi mapagkakatiwalaan: { $why }
page-words-heading = Ang buong ulat, gaya ng ipinapakita ng skillpass verify
page-trust-heading = Tiwala
page-trust-anchor = Susi ng operator (trust anchor)
page-trust-bundle = Trust bundle blg. { $sequence }
page-trust-issued = inisyu noong { $when } ({ $age } na ang nakalipas)
page-trust-next = susunod na update sa { $when }
page-trust-stale = Lampas na ang bundle na ito sa petsa ng susunod na update: “hindi masuri” ang mga resulta hanggang may mai-load na mas bago.
page-trust-contents = mga issuer: { $issuers }, mga status list: { $lists }, mga desisyon sa pagkilala: { $decisions }
page-trust-none = Wala pang trust bundle.
page-trust-no-anchor = Wala pang naka-pin na susi ng operator: mag-load ng bundle mula sa file kasama ang susi ng operator.
page-trust-refresh = Tingnan kung may mas bagong bundle
page-trust-refreshing = Tinitingnan kung may mas bagong bundle…
page-trust-up-to-date = Napapanahon ang bundle.
page-trust-updated = Na-load ang trust bundle { $sequence }.
page-trust-offline = Hindi maabot ang registry ({ $why }); nagbe-beripika gamit ang nakaimbak na bundle.
page-trust-refused = Tinanggihan ang isang trust bundle: { $why }
page-trust-kept = Patuloy na ginagamit ng pahina ang bundle { $sequence }.
page-trust-file = Mag-load ng trust bundle mula sa file
page-trust-file-bundle = File ng bundle (.jws)
page-trust-file-anchor = Susi ng operator (did:key) na pumipirma rito
page-trust-file-load = I-load ang bundle
page-trust-file-missing = Pumili ng file ng bundle at ilagay ang did:key ng operator.
page-trust-memory-damaged = Kalimutan ang mga bundle na naaalala ng browser na ito
page-trust-memory-forgotten = Nakalimutan na ang mga naaalalang bundle; ang mga bundle lamang na makikita mula ngayon ang alam nito.
page-anchor-changed = Babala: nagbago ang susi ng operator
page-anchor-changed-body = Itinakda ang pahinang ito na magtiwala sa { $old }. Ngayon ay { $new } ang pinangangalanan ng registry. Hangga't hindi mo tinatanggap ang bagong susi, tatanggihan ang mga bundle na pinirmahan nito. Tanggapin lamang ito kung sinabi sa iyo ng operator na nagbago ang susi.
page-anchor-accept = Pagkatiwalaan ang bagong susi mula ngayon
page-anchor-typed = Pinagkakatiwalaan na ngayon ng pahinang ito ang { $new } sa halip na { $old }.
page-anchor-accepted = Pinagkakatiwalaan na ngayon ng pahinang ito ang { $new }.
page-no-bundle = Walang trust bundle: mag-load muna ng isa bago magberipika.
page-image-no-code = Walang nabasang QR code sa larawan. Kumuha ng litrato nang mas malapit at diretso, o piliin ang PNG ng card.
page-image-unreadable = Hindi mabasa ang larawan: { $why }
page-pdf-nothing = Walang credential at walang nababasang QR code sa PDF na ito. Piliin ang PNG ng card, o i-scan ang code gamit ang camera.
page-file-too-large = Mas malaki sa { $max } MB ang file.
page-footer-privacy = Tumatakbo ang beripikasyon sa browser na ito gamit ang WebAssembly. Ang pahina mismo at ang trust bundle lamang ang dina-download nito; ang credential na nasa link ay nasa bahaging pagkatapos ng #, na hindi kailanman ipinapadala ng mga browser.
page-language = Wika
page-language-name = Filipino
page-age-minutes = { $n } min
page-age-hours = { $n } oras
page-age-days = { $n ->
    [one] { $n } araw
   *[other] { $n } araw
}
page-problem-nothing-given = Walang maberipika: mag-paste ng credential, pumili ng file o mag-scan ng code.
page-problem-empty-file = Walang laman ang file: walang credential dito. Hilingin muli ang file sa nagpadala.
page-problem-empty-link = Walang credential ang link pagkatapos ng #.
page-problem-damaged-link = Hindi mabasa ang link: { $detail }
page-problem-not-a-paper-code = Hindi Skillpass credential ang na-scan na code: { $detail }
page-problem-needs-audience-and-nonce = Sinusuri ang isang presentation laban sa identifier ng verifier na ito (audience) at sa nonce na ibinigay nito sa may-hawak: ilagay ang dalawa sa ilalim ng “Mga presentation mula sa wallet ng may-hawak”.
page-problem-unknown-destination = Hindi kilala ang destinasyon: { $detail }
page-problem-anchor-not-did-key = Ang anchor ay dapat ang did:key ng operator ({ $detail }).
page-problem-memory-damaged = Sira ang mga naaalalang trust bundle ng browser na ito ({ $detail }). Walang naberipika, dahil ang alaalang iyon ang tumatanggi sa mga luma o pekeng bundle. Kalimutan lamang ito kung alam mo kung bakit ito nasira: ang bagong alaala ay ang mga bundle lamang na makikita mula noon ang alam.
page-problem-bundle-too-large = Lampas ang trust bundle sa limitasyong { $max } byte.
page-problem-bad-options = Nagpadala ang pahina ng mga opsyong hindi mabasa ng verifier na ito: { $detail }
page-problem-framework-data = Hindi mabasa ang kasamang datos ng mga framework: { $detail }

## Mga pagtanggi ng registry, bawat isa kung saan ito nangyari (karugtong). Ang `$detail` ay ang mismong sinabi
## ng mas mababang bahagi (parser o check), ipinapakita nang walang pagbabago.

reg-no-route = walang ganitong ruta
reg-method = hindi tumatanggap ang rutang ito ng ganitong method
reg-store-unreachable = hindi maabot ng registry ang imbakan nito; subukan muli maya-maya
reg-store-unreadable = hindi mabasa ng registry ang imbakan nito; nasa log ng operator ang mga detalye
reg-store-damaged = sira ang imbakan, walang nagawang backup: { $why }; patakbuhin ang skillpass-registry check
reg-operator-only = ang operator lamang ng registry ang maaaring gumawa nito
reg-retired-key = pinirmahan ang request ng retiradong susi ng issuer na ito; pumirma gamit ang kasalukuyang susi
reg-own-credentials-only = ang status lamang ng sarili nitong mga credential ang maaaring baguhin ng isang issuer
reg-who-reads = ang issuer ng credential, ang may-hawak nito o isang grantee lamang ang maaaring bumasa nito
reg-unsigned = dapat pirmado ang request na ito: Authorization: Skillpass <JWS>
reg-unreadable-authorization = hindi mabasa ang Authorization header
reg-unreadable-body = hindi mabasa ang laman ng request: { $detail }
reg-body-not-json = hindi JSON ang laman: { $detail }
reg-body-misfit = hindi tugma ang laman sa request na ito: { $detail }
reg-request-refused = tinanggihan ang pirmadong request: { $detail }
reg-invalid-query = hindi mabasa ang mga query parameter: { $detail }
reg-field-max-chars = ang { $field } ay dapat hindi hihigit sa { $max } na character
reg-field-chars = ang { $field } ay dapat { $min } hanggang { $max } na character
reg-field-bidi = hindi dapat maglaman ang { $field } ng control o bidirectional formatting na character (mayroon itong { $char })
reg-field-max-bytes = ang { $field } ay dapat hindi hihigit sa { $max } na byte
reg-field-control = hindi dapat maglaman ang { $field } ng mga control character
reg-field-items = bilang ng mga item sa { $field }: { $count }; hanggang { $max } lamang ang tinatanggap
reg-scope-needed = kailangan ng akreditasyon ng kahit isang scope item na TYPE[:MAX-LEVEL]
reg-scope-refused = hindi balido ang saklaw ng akreditasyon: { $detail }
reg-never-accredited = hindi kailanman na-accredit ang issuer na ito
reg-not-suspended = hindi suspendido ang issuer na ito sa petsang iyon; suspensyon lamang ang maaaring alisin
reg-rotate-own = sariling mga susi lamang ang maaaring palitan ng isang issuer
reg-new-key-registered = nakarehistro na ang bagong susi
reg-key-refused = tinanggihan ang bagong susi: { $detail }
reg-param-invalid = hindi balido rito ang { $name } { $value }
reg-unknown-level = ang level ay hindi antas ng alinmang kasamang framework; nakalista ang mga ito sa GET /equivalence/frameworks
reg-at = ang at ay dapat oras na RFC 3339 (2026-11-26T10:00:00Z) o petsa (2026-11-26)
reg-equivalence-refused = tinanggihan ang datos sa pagkilala: { $detail }
reg-no-type-metadata = walang ibinibigay na Type Metadata ang registry na ito: patakbuhin ito nang may --public-url na nakatakda sa URL kung saan ito naaabot
reg-no-type = walang ganitong uri ng credential; ang mga uri ay QualificationCredential at SkillCredential
reg-no-context = walang ganitong context; ang mga context ay { $known }
reg-authority-id = ang id ay dapat ang did:key ng awtoridad (walang fragment)
reg-authority-exists = nakarehistro na ang awtoridad na ito
reg-decision-born-withdrawn = hindi maaaring bawiin na agad ang isang bagong desisyon; bawiin ang nailathalang desisyon gamit ang POST /decisions/{"{"}id{"}"}/withdraw
reg-revise-own = sariling mga desisyon lamang ang maaaring rebisahin ng isang awtoridad
reg-superseded = napalitan na ang { $old } ng { $new }; ang desisyong iyon ang rebisahin
reg-decision-other-id = iba ang id ng pirmadong desisyon kaysa sa nasa path
reg-withdraw-own = sariling mga desisyon lamang ang maaaring bawiin ng isang awtoridad
reg-decision-withdrawn = nabawi na ang desisyong ito
reg-withdrawn-missing = dapat itakda ng muling pinirmahang desisyon ang withdrawn sa oras ng pagbawi
reg-withdrawn-future = hindi dapat nasa hinaharap ang withdrawn; para tapusin ang desisyon sa ibang araw, maglathala ng rebisyon na may validUntil
reg-withdrawal-changed = ang pagbawi ay dapat ang nailathalang desisyon na muling pinirmahan na withdrawn lamang ang idinagdag; maglathala ng rebisyon para baguhin ang iba pa
reg-decision-refused = tinanggihan ang desisyon: { $detail }
reg-no-status-entry = walang { $purpose } na status entry ang credential
reg-status-entry-unreadable = hindi mabasa ang status entry ng credential: { $detail }
reg-status-list-unheld = wala sa registry ang status list na binabanggit ng credential na ito
reg-no-status-list = walang ganitong status list
reg-no-token-status-list = walang nailathalang Token Status List ang issuer para sa listahang ito (humiling nang walang Accept: application/statuslist+jwt para sa Bitstring na listahan)
reg-status-list-refused = tinanggihan ang status list: { $detail }
reg-not-signers-credential = ang { $which } ay inisyu ng { $issuer }, hindi ng pumirma sa request na ito
reg-credential-refused = tinanggihan ang credential: { $detail }
reg-out-of-scope = labas sa saklaw ng akreditasyon ang credential: { $detail }
reg-duplicate-in-batch = inuulit ng { $which } ang isang id na nasa request na ito na
reg-credential-exists = { $which }: may ibang credential nang nakatago sa registry na may ganitong id
reg-issuer-not-active = ang issuer na ito ay { $standing } at hindi accredited sa ngayon: hindi ito maaaring maglathala
reg-status-list-exists = may nakatago nang status list ({ $purpose }) para sa issuer na ito; baguhin ang status gamit ang POST /credentials/{"{"}id{"}"}/status
reg-token-list-unheld = may Token Status List na tumutukoy sa listahang wala sa registry; ipadala rin ang revocation list nito sa statusLists
reg-grant-expiry = ang expiresAt ay dapat nasa hinaharap at hindi lalampas sa { $days } araw mula ngayon

## Ang sinasabi ng isang command kapag hindi ito makapagpatuloy (karugtong), at ang mga bahagi ng error sa isang row ng CSV

cli-passphrases-differ = magkaiba ang dalawang passphrase
cli-passphrase-short = pumili ng passphrase na may kahit { $min } na character
cli-no-wallet = walang wallet sa { $path } (gumawa nito gamit ang `skillpass wallet init`)
cli-wallet-exists = mayroon nang { $path }; hindi papalitan ang wallet (gamitin ang --force para palitan ito at mawala ang susi nito)
cli-no-credential-empty = walang credential na { $selector }: wala pang credential ang wallet
cli-no-credential = walang credential na { $selector } sa wallet (gamitin ang posisyon nito mula sa `wallet list`, ang id nito, o ang dulo ng id nito)
cli-present-key-or-wallet = ibigay ang --key HOLDER.key o --wallet FILE
cli-disclose-sd-only = para lamang sa mga SD-JWT credential ang --disclose (inisyu gamit ang `skillpass issue --sd-jwt`); ipinapakita ng mga ito ang bawat claim
cli-credential-too-large = lampas ang credential { $n } sa limitasyong { $max } byte
cli-sd-jwt-alone = mag-isang ipinapakita ang isang SD-JWT credential, isa bawat presentation
cli-issue-usage = ibigay ang --claims FILE --out FILE, o --csv FILE --out-dir DIR
cli-revoke-registry-credential = kapag may --registry, pangalanan ang credential (isang file o ang id nito), hindi ang --index
cli-revoke-where = ibigay ang --status FILE (offline), o ang --registry URL (o itakda ang SKILLPASS_REGISTRY) para baguhin ang status sa registry
cli-revoke-what = magbigay ng credential file o ng --index
cli-nothing-to-publish = walang ilalathala
batch-cell = { $column }: { $problem }
batch-cell-value = { $column }: ang { $value } ay { $problem }
batch-not-form = hindi { $form }
batch-not-after-start = hindi pagkatapos ng simula ng bisa
batch-already-past = lumipas na
batch-in-future = nasa hinaharap
form-date = isang petsa (YYYY-MM-DD)
form-date-time = isang petsa at oras (YYYY-MM-DDThh:mm:ssZ)
form-level = isang id ng antas sa framework (gaya ng PQF-6)
form-country = isang dalawang-titik na country code (gaya ng PH)
form-isced = isang ISCED-F na field code na may 2 hanggang 4 na digit (gaya ng 0913)
form-isco = isang ISCO-08 na occupation code na may 1 hanggang 4 na digit (gaya ng 2221)
form-lang = isang language tag (gaya ng fil)
form-did-key = isang did:key

## Ang status na naaalala ng wallet tungkol sa isang credential (`wallet list`)

wallet-status-valid = balido
wallet-status-invalid = hindi balido
wallet-status-indeterminate = hindi tiyak
wallet-status-unchecked = hindi pa nasusuri
wallet-status-failed = { $verdict } ({ $checks })

## Pagberipika gamit ang susing direktang ibinigay (conformance profile, isyu 17)
direct-not-checked = hindi sinuri laban sa trust bundle: direktang ibinigay ang susi ng nag-isyu, kaya hindi alam kung akreditado ito
direct-accreditation-line = Akreditasyon: hindi sinuri laban sa trust bundle (direktang ibinigay ang susi ng nag-isyu sa pamamagitan ng DID nito)
direct-key-ok = { $kid }, ang sariling susi ng nag-isyu, binasa mula sa DID nito
direct-key-given-ok = { $kid }, isang susi ng nag-isyu na direktang ibinigay sa verifier na ito
direct-key-not-issuer = ang susing { $kid } ay hindi susi ng nag-isyu ng credential
direct-key-bad = hindi mabasa ang susi mula sa DID nito: { $reason }
direct-kid-not-url = dapat pangalanan ang susi sa isang DID URL ng nag-isyu (did:key:z…#z… o did:jwk:…#0)
direct-no-issuer = walang nakapangalang nag-isyu ang credential
direct-well-formed-jose = { $bytes } byte, compact JWS na may mahigpit na JSON na laman
direct-well-formed-di = { $bytes } byte, may Data Integrity proof, bawat termino ay tinukoy ng mga konteksto nito
direct-well-formed-proof = isang nababasang Data Integrity proof
direct-holder-signature-ok = nilagdaan ng sariling susi ng may-hawak, binasa mula sa DID nito
direct-holder-key-given-ok = nilagdaan gamit ang { $kid }, isang susi ng may-hawak na direktang ibinigay sa verifier na ito
direct-binding-not-asked = walang hininging { $what }
direct-binding-ok = ang { $what } ay ang hiningi ({ $value })
direct-binding-bad = ang { $what } ay hindi ang hiningi: inulit o naligaw na presentasyon
data-model-ok = sumusunod sa W3C Verifiable Credentials Data Model 2.0
data-model-bad = lumalabag sa W3C Verifiable Credentials Data Model 2.0: { $reasons }
validity-not-date = ang { $name } ay hindi petsa at oras na may time zone
validity-ends = balido hanggang { $until }
validity-none = walang nakasaad na panahon ng bisa
status-list-unavailable = hindi makukuha ng verifier na ito ang status list { $list }: ibigay ang listahan para masuri ang pagbawi
status-list-unverified = hindi maberipika ang status list { $list } ({ $reason })
status-list-outdated = nag-expire ang status list { $list } noong { $until }: kunin ang kasalukuyang listahan ng nag-isyu
status-ok-direct = hindi binawi, hindi sinuspinde ayon sa sariling status list ng nag-isyu
status-unsupported = hindi masusuri dito ang status entry na uring { $type }
check-challenge = hamon
check-domain = domain
check-data-model = modelo ng datos
direct-issuer-not-given = ang nag-isyung { $issuer } ay wala sa mga susi ng nag-isyu na ibinigay sa verifier na ito
direct-iss-not-issuer = ang `iss` ng JWT ay hindi ang nag-isyu ng credential
direct-not-expired = walang nakasaad na oras ng paggawa o pag-expire
