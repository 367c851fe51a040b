# Skillpass — español. Para oficinas de reconocimiento de títulos, empleadores y personal de enfermería.
#
# Glosario (usar siempre estas palabras para estas nociones):
#   credential            credencial (credencial de cualificación, credencial de competencias)
#   trust bundle          paquete de confianza
#   pinned anchor         ancla de confianza configurada
#   issuer                entidad emisora
#   issuance date         fecha de emisión
#   recognition decision  resolución de homologación o reconocimiento
#   full / partial / none reconocimiento pleno / reconocimiento parcial / sin equivalencia
#   comparable level      nivel comparable (informativo, no es una resolución)
#   compensation measure  medida compensatoria
#   adaptation period     período de prácticas
#   knowledge test        prueba de conocimientos
#   aptitude test         prueba de aptitud
#   status list           lista de estado; revoked = revocada; suspended = suspendida

## Palabras de todo informe

raw = { $text }
mark-pass = correcto
mark-fail = FALLO
mark-indeterminate = sin decidir
mark-skipped = omitido
verdict-valid = VÁLIDA
verdict-invalid = NO VÁLIDA
verdict-indeterminate = INDETERMINADA
kind = { $kind ->
    [SkillCredential] credencial de competencias
   *[other] credencial de cualificación
}
report-from = emitida por { $issuer }
untrusted-decision = resolución no fiable descartada: { $reason }
not-run = no realizada: una comprobación anterior falló
not-run-bundle-refused = no realizada: el paquete de confianza fue rechazado

## Las diez comprobaciones de una credencial

check-trust-bundle = paquete de confianza
check-well-formed = formato
check-algorithm = algoritmo
check-issuer-accredited = acreditación
check-key-valid = clave
check-signature = firma
check-schema = esquema
check-validity-period = vigencia
check-status = estado
check-bundle-fresh = actualidad

## Lo que encontró cada comprobación

trust-bundle-signed = paquete de confianza { $sequence } firmado por el ancla de confianza configurada { $anchor }
trust-bundle-unsigned = paquete de confianza { $sequence } creado en memoria a partir de entradas de confianza (sin firmar)
well-formed-readable = JWS compacto con una cabecera legible
well-formed-ok = { $bytes ->
    [one] { $bytes } byte
   *[other] { $bytes } bytes
}, VC 2.0, { $kind ->
    [SkillCredential] credencial de competencias
   *[other] credencial de cualificación
}
well-formed-not-json = el contenido no es JSON estricto: { $reason }
well-formed-typ = el tipo de la cabecera debe ser { $typ }
well-formed-broken-lines = { $reason }: la credencial está partida en varias líneas, como hacen algunos programas de correo; pida al remitente el archivo de la credencial como adjunto
well-formed-cut-short = { $reason }: el archivo parece dañado o incompleto; pida al remitente el archivo de la credencial como adjunto
algorithm-ok = EdDSA (Ed25519)
issuer-unknown = la entidad emisora { $issuer } no figura en el paquete de confianza
issuer-suspended = { $name } estaba suspendida en la fecha de emisión { $date }
issuer-withdrawn = a { $name } se le había retirado la acreditación en la fecha de emisión { $date }
issuer-not-accredited = { $name } no estaba acreditada en la fecha de emisión { $date }
issuer-out-of-scope = { $name } solo está acreditada para { $scope }; esta es una { $kind ->
    [SkillCredential] credencial de competencias
   *[other] credencial de cualificación
} de nivel { $levels }
issuer-out-of-scope-no-level = { $name } solo está acreditada para { $scope }; esta es una { $kind ->
    [SkillCredential] credencial de competencias
   *[other] credencial de cualificación
} sin nivel
issuer-accredited = { $name } ({ $country }), acreditada para { $kind ->
    [SkillCredential] credenciales de competencias
   *[other] credenciales de cualificación
} el { $date }
issuer-accredited-now-suspended = { $name } ({ $country }), acreditada para { $kind ->
    [SkillCredential] credenciales de competencias
   *[other] credenciales de cualificación
} el { $date }; nota: suspendida después de emitirse esta credencial
issuer-accredited-now-withdrawn = { $name } ({ $country }), acreditada para { $kind ->
    [SkillCredential] credenciales de competencias
   *[other] credenciales de cualificación
} el { $date }; nota: acreditación retirada después de emitirse esta credencial
key-no-kid = la cabecera no indica ninguna clave (kid)
key-unknown = la clave { $kid } no figura en el paquete de confianza
key-other-issuer = la clave { $kid } pertenece a { $name }, no a la entidad emisora de la credencial
key-not-valid = la clave { $kid } no era válida en la fecha de emisión { $date }
key-valid = { $kid }, válida en la emisión
signature-ok = la firma es válida con la clave del emisor
signature-bad = la firma no es válida: la credencial fue alterada o no se firmó con esta clave
signature-no-key = no hay una clave de confianza con la que comprobarla
signature-ok-di = la prueba Data Integrity es válida: Ed25519 sobre la credencial y las opciones de prueba canonicalizadas con RDFC-1.0
signature-bad-di = la prueba Data Integrity no es válida: la credencial o sus opciones de prueba fueron alteradas, o no se firmó con esta clave
di-too-large = { $bytes } bytes, por encima del límite de { $limit } bytes por credencial
di-not-json = no es JSON estricto: { $reason }
di-well-formed-proof = { $bytes } bytes, { $kind } VC 2.0 con una prueba
di-well-formed-ok = { $bytes } bytes, { $kind } VC 2.0 con una prueba Data Integrity, cada término definido por sus contextos
schema-ok = se ajusta al esquema de { $kind ->
    [SkillCredential] credenciales de competencias
   *[other] credenciales de cualificación
}
validity-not-yet = aún no es válida: válida desde el { $from }
validity-expired = caducó el { $until }
validity-until = válida del { $from } al { $until }
validity-open = válida desde el { $from }, sin fecha de fin
status-no-entry = la credencial no incluye ninguna entrada de estado
status-list-missing = la lista de estado { $list } no figura en el paquete de confianza
status-list-other-issuer = la lista de estado { $list } pertenece a otra entidad emisora
status-list-expired = la lista de estado { $list } caducó el { $until }: descargue un paquete de confianza más reciente
status-list-early = la lista de estado { $list } no es válida antes del { $from }: compruebe el reloj
status-purpose-mismatch = la lista de estado { $list } es de { $purpose ->
    [suspension] suspensión
   *[other] revocación
}, la entrada indica { $entry ->
    [suspension] suspensión
   *[other] revocación
}
status-entry-bad = entrada de estado: { $reason }
status-revoked = la credencial está revocada (lista de estado { $list })
status-suspended = la credencial está suspendida (lista de estado { $list })
status-ok-both = no revocada, no suspendida (según el paquete de confianza del { $date })
status-ok-revocation = no revocada (según el paquete de confianza del { $date })
status-ok-suspension = no suspendida (según el paquete de confianza del { $date })
fresh-stale = el paquete de confianza { $sequence } superó su fecha de actualización { $time }: descargue uno más reciente
fresh-future = el paquete de confianza { $sequence } tiene fecha { $time }, en el futuro: compruebe el reloj
fresh-ok = paquete de confianza { $sequence } vigente hasta { $time }

## Equivalencia: lo que significa una cualificación en el país de destino

eq-heading-country = Lo que significa esta cualificación en { $place } (a fecha { $date }):
eq-heading-framework = Lo que significa esta cualificación respecto a { $place } (a fecha { $date }):
eq-decisions = Resoluciones de homologación o reconocimiento (vinculantes):
eq-no-decision-country = Ninguna resolución de reconocimiento en { $place } corresponde a esta cualificación.
eq-no-decision-framework = Ninguna resolución de reconocimiento respecto a { $place } corresponde a esta cualificación.
eq-legal-basis = Base jurídica: { $basis }
eq-comparable = Niveles comparables (informativos, no son una resolución de reconocimiento):
eq-no-comparable = No se conoce ningún nivel comparable.
eq-comparable-own = Nivel comparable: { $level } (el nivel propio de la cualificación)
eq-comparable-via = Nivel comparable: { $level } a través de { $path } ({ $status }, fiabilidad { $confidence ->
    [high] alta
    [medium] media
    [low] baja
   *[other] { $confidence }
})
eq-comparable-via-historical = Nivel comparable: { $level } a través de { $path } (referenciación histórica, ya sin mantenimiento, fiabilidad { $confidence ->
    [high] alta
    [medium] media
    [low] baja
   *[other] { $confidence }
})
eq-practice = Práctica de reconocimiento (contexto de los datos incluidos, no es una resolución):
eq-source = Fuente: { $source }
eq-not-known = Se desconoce:
eq-nothing-known-country = No se sabe nada de esta cualificación en { $place }: consulte a la autoridad competente.
eq-nothing-known-framework = No se sabe nada de esta cualificación respecto a { $place }: consulte a la autoridad competente.
eq-recognised = Reconocida en { $country } como { $qualification } — { $outcome } (resolución de { $authority }, { $validity })
eq-not-recognised = No reconocida en { $country } como { $qualification } — { $outcome } (resolución de { $authority }, { $validity })
eq-state-expired = CADUCADA el { $date }: { $decision }
eq-state-not-yet = AÚN NO EN VIGOR (desde el { $date }): { $decision }
eq-state-superseded = SUSTITUIDA por { $by }: { $decision }
eq-state-superseded-later = SUSTITUIDA por una resolución posterior: { $decision }
eq-state-withdrawn = REVOCADA el { $date }: { $decision }
eq-valid-until = vigente hasta el { $date }
eq-valid-open = vigente desde el { $date }, sin fecha de fin
eq-outcome-full = reconocimiento pleno
eq-outcome-partial = reconocimiento parcial
eq-outcome-none = sin equivalencia
eq-outcome-with-measures = { $outcome }, medida compensatoria: { $measures }
eq-measures-and = { $first }; { $second }
eq-measures-or = { $first } o { $second }
eq-measure-adaptation = período de prácticas de { $months ->
    [one] { $months } mes
   *[other] { $months } meses
}
eq-measure-knowledge-test = prueba de conocimientos
eq-measure-aptitude-test = prueba de aptitud
eq-measure-language = se exige { $language ->
    [de] alemán
    [en] inglés
    [fr] francés
    [nl] neerlandés
    [it] italiano
    [es] español
    [pt] portugués
    [pl] polaco
    [sv] sueco
    [da] danés
    [fi] finés
    [no] noruego
    [ja] japonés
    [ar] árabe
   *[other] el idioma { $language }
} de nivel { $level }

## Presentaciones (vp+jwt) y SD-JWT: sus comprobaciones y lo que encontró cada una

check-holder-signature = firma del titular
check-audience = destinatario
check-nonce = nonce
check-freshness = actualidad
check-holder-binding = vínculo con el titular
check-disclosures = revelaciones
check-key-binding = vinculación de clave
presentation-of = presentación de { $count ->
    [one] { $count } credencial
   *[other] { $count } credenciales
}
presentation-by = por { $holder }
credential-number = credencial { $n }
presentation-well-formed-ok = { $bytes } bytes, VerifiablePresentation VC 2.0 con { $count ->
    [one] { $count } credencial
   *[other] { $count } credenciales
}
kid-bad = identificador de clave (kid): { $reason }
kid-not-url = el identificador de clave (kid) debe ser una URL DID (did:key:z…#z…)
kid-not-holder = el identificador de clave (kid) no es una clave del titular de la presentación
holder-signature-ok = firmada con la clave del did:key del titular
holder-signature-bad = la firma del titular no es válida: la presentación fue alterada o firmada con otra clave
audience-ok = destinada a { $audience }
audience-other = destinada a { $got }, no a { $audience }
audience-not = no destinada a { $audience }
binding-someone-else = la credencial { $n } se emitió a otra persona
binding-no-subject = la credencial { $n } no indica ningún identificador de titular
binding-unreadable = la credencial { $n } no se puede leer
binding-ok = el titular es el sujeto de todas las credenciales
joined = { $first }; { $second }
nonce-ok = el nonce es el que se entregó
nonce-bad = el nonce no es el que se entregó: una presentación repetida o mal dirigida
iat-bad = la fecha `iat` no es representable
made-at = creada el { $when }
made-in-future = creada el { $when }, en el futuro según el reloj de este verificador
made-too-long-ago = creada el { $when }, hace más de { $seconds ->
    [one] { $seconds } segundo
   *[other] { $seconds } segundos
}
presentation-expired = la presentación ha caducado (`exp`)
sd-headline = credencial con revelación selectiva (SD-JWT)
sd-disclosed = revelado
sd-not-disclosed = no revelado
sd-none = (ninguno)
sd-credential = credencial
sd-well-formed-bound = { $bytes } bytes: JWS del emisor, { $count } revelación(es), JWT de vinculación de clave
sd-well-formed-unbound = { $bytes } bytes: JWS del emisor, { $count } revelación(es), sin JWT de vinculación de clave
sd-issuer-unreadable = el JWT firmado por el emisor no se puede leer
sd-disclosures-ok = { $count } revelación(es), todas emitidas en esta credencial y sin alterar
sd-disclosure-bad = revelación { $n }: { $reason }
sd-not-run-own-copy = no realizada: la copia propia del titular, no una presentación
sd-not-run-no-binding = no realizada: no hay una vinculación de clave válida
sd-key-binding-ok = firmada con la clave del titular (cnf) sobre exactamente lo presentado
sd-kb-missing = sin JWT de vinculación de clave: cualquiera con una copia podría haberla enviado
sd-kb-no-cnf = la credencial no tiene cnf.jwk con el que comprobar la vinculación de clave
sd-kb-typ = JWT de vinculación de clave: el tipo debe ser { $typ }
sd-kb-not-signed = el JWT de vinculación de clave no está firmado con la clave del titular (cnf)
sd-kb-not-json = el contenido del JWT de vinculación de clave no es JSON estricto
sd-kb-bad = JWT de vinculación de clave: { $reason }
sd-kb-no-iat = el JWT de vinculación de clave no tiene fecha (iat)
sd-hash-mismatch = sd_hash no coincide: las revelaciones o la credencial cambiaron después de la firma del titular
sd-holder-binding-ok = la clave de vinculación (cnf) es el did:key del sujeto
sd-no-cnf = la credencial no tiene una clave de titular cnf.jwk utilizable
sd-no-subject = la credencial no indica ningún identificador de sujeto
sd-cnf-not-subject = la clave cnf no es la clave de credentialSubject.id

## Equivalencia: lo que no se sabe

eq-note-no-level = La cualificación no indica ningún nivel de un marco de cualificaciones, por lo que no se puede dar un nivel comparable.
eq-note-related = Ninguna resolución corresponde a esta cualificación, pero { $country } tiene resoluciones de reconocimiento para la misma profesión o el mismo ámbito: { $related }.
eq-related-item = { $id } ({ $qualification } de { $country }, { $level })
eq-related-item-any-level = { $id } ({ $qualification } de { $country }, cualquier nivel)
eq-note-no-framework-country = Ningún marco de cualificaciones de { $country } figura en los datos, por lo que no se puede dar allí un nivel comparable.
eq-note-no-framework = El marco { $framework } no figura en los datos.
eq-note-unknown-level = { $level } no es un nivel de ningún marco de los datos, por lo que no se puede dar un nivel comparable.
eq-note-deprecated = { $old } es un identificador obsoleto de { $new } (los identificadores de nivel llevan ahora su país); se responde como { $new }.
eq-note-for = Para { $level }: { $note }.
eq-with-data-note = { $text } ({ $note })
eq-gap-none = sin referenciación oficial: { $from } no está referenciado a { $to }
eq-gap-comparison-only = { $from } y { $to } solo se comparan en una tabla, que no es una referenciación, y esa tabla no figura en los datos
eq-gap-unconfirmed-said = sin confirmar: { $detail }
eq-gap-unconfirmed = sin confirmar: no se sabe si { $from } está referenciado a { $to }
eq-gap-no-level-table = { $from } está referenciado a { $to } ({ $status }), pero la tabla por niveles de esa referenciación no figura en los datos, por lo que no se puede dar un nivel comparable a través de ella
eq-gap-no-link = { $level } no tiene ningún vínculo de nivel con { $to } en los datos (correspondencia de niveles: { $mapping })
eq-gap-no-link-unmapped = { $level } no tiene ningún vínculo de nivel con { $to } en los datos (correspondencia de niveles: no indicada)
eq-gap-no-referencing = ninguna referenciación de { $framework } a un marco de referencia figura en los datos
eq-gap-no-chain = ninguna cadena de referenciaciones hacia { $targets } figura en los datos
eq-bridge-none-exists = no existe ninguna referenciación entre { $a } y { $b }
eq-bridge-none-in-data = ninguna referenciación entre { $a } y { $b } figura en los datos
eq-bridge = { $pairs }, por lo que ningún nivel de { $framework } puede compararse con { $targets } a través de marcos de referencia, digan lo que digan las tablas por niveles

## La línea de comandos: resúmenes

cli-issued = { $id } emitida -> { $path }
cli-unreadable = { $source }: no se puede leer: { $reason }
cli-verdict = { $source }: { $verdict ->
    [valid] válida
    [invalid] no válida
   *[other] indeterminada
}
cli-verdict-failed = { $source }: { $verdict ->
    [valid] válida
    [invalid] no válida
   *[other] indeterminada
} (fallaron: { $checks })
cli-verdict-undecided = { $source }: { $verdict ->
    [valid] válida
    [invalid] no válida
   *[other] indeterminada
} (sin decidir: { $checks })
cli-summary = { $valid } válidas, { $invalid } no válidas, { $indeterminate } indeterminadas
cli-summary-unreadable = { $valid } válidas, { $invalid } no válidas, { $indeterminate } indeterminadas, { $unreadable } ilegibles
eq-practice-item = { $title }: { $summary }

## Credenciales multilingües

title-other-language = (sin título en español; se muestra en { $shown })

## Errores del registro: qué significa cada tipo de rechazo (el detalle preciso en inglés sigue en `message`)

registry-400 = La solicitud no se puede leer: compruebe su forma con la documentación de la API.
registry-401 = No se pudo establecer quién envió la solicitud: fírmela con una clave registrada.
registry-403 = El firmante no está autorizado a hacer esto.
registry-404 = No encontrado.
registry-405 = Esta ruta no acepta ese método.
registry-408 = La solicitud tardó demasiado en llegar; envíela de nuevo.
registry-409 = La solicitud entra en conflicto con lo que el registro ya contiene.
registry-413 = La solicitud es demasiado grande.
registry-414 = La dirección es demasiado larga.
registry-415 = El cuerpo de la solicitud debe ser JSON.
registry-422 = La solicitud se leyó, pero lo que pide se rechaza.
registry-431 = Las cabeceras de la solicitud son demasiado grandes.
registry-500 = El registro no pudo procesar la solicitud; el operador encontrará los detalles en su registro de actividad.
registry-503 = El registro no puede atender solicitudes en este momento; inténtelo más tarde.
registry-error = La solicitud fue rechazada.

## Errores de la línea de comandos (el motivo sigue en inglés por ahora)

cli-error = skillpass: error: { $reason }

## The typeset card (`skillpass card`): its labels, in at most two languages.
card-heading-qualification = Cualificación verificable
card-heading-skills = Competencias verificables
card-issued-by = Expedido por (entidad registrada)
card-awarding-body = Entidad otorgante según la credencial
card-issuer-unverified = Emisor según la credencial (no verificado)
card-level = Nivel
card-awarded = Otorgado el
card-contains = Este código contiene la credencial completa.
card-contains-personal = Este código contiene la credencial completa, incluidos { $fields }.
card-birth-date = fecha de nacimiento
card-nationality = nacionalidad
card-grade = calificación
card-scan-to-verify = Escanee con la cámara del teléfono para verificar, o sin conexión
card-verify-offline = Verificar sin conexión
# A list on the card: items joined by a comma, the last two by "and".
card-list-comma = { $first }, { $second }
card-list-and = { $first } y { $second }

# IETF SD-JWT VC (dc+sd-jwt): its Type Metadata and its layout
sd-vc-type-metadata = Metadatos de tipo del SD-JWT VC: { $reason }
sd-vc-layout = SD-JWT VC ilegible: { $reason }

## Lo que dice una credencial, en el idioma de quien la lee (entidad otorgante, competencias, resultados de aprendizaje)

shown-other-language = (no consta en español; se muestra en { $shown })
report-awarding-body = Entidad otorgante indicada en la credencial: { $name }
report-skills = { $count ->
    [one] Competencia
   *[other] Competencias
}: { $names }
report-outcomes = { $count ->
    [one] Resultado de aprendizaje
   *[other] Resultados de aprendizaje
}:
skills-headline-more = { $first } y { $more ->
    [one] { $more } competencia más
   *[other] { $more } competencias más
}

## La cartera (`skillpass wallet list`)

wallet-heading = cartera de { $holder } ({ $count ->
    [one] { $count } credencial
   *[other] { $count } credenciales
})
wallet-col-title = título
wallet-col-awarding-body = entidad otorgante
wallet-col-issuer = emisor
wallet-col-country = país
wallet-col-level = nivel
wallet-col-status = estado
wallet-untitled = (sin título)
wallet-empty = la cartera aún no contiene credenciales; añada una con `skillpass wallet add --wallet { $path } ARCHIVO-DE-CREDENCIAL`

report-list-item = - { $item }

## Por qué no se pudo ejecutar una orden

err-cannot-open = no se puede abrir { $path }
err-cannot-read = no se puede leer { $path }
err-not-utf8-text = no se puede leer { $path } como texto UTF-8
err-too-large = { $path } supera el límite de { $max } bytes
err-not-json = { $path } no es un JSON válido
err-stdin = no se puede leer la entrada estándar
err-cannot-create = no se puede crear { $path }
err-cannot-write = no se puede escribir { $path }
err-not-key-file = { $path } no es un archivo de clave privada Ed25519
err-registry-unreachable = no se puede conectar con el registro: { $reason }
err-registry-no-answer = el registro no respondió
err-registry-not-json = el registro respondió { $status } con un contenido que no es JSON
err-scan-not-credential = el código escaneado no es una credencial de Skillpass
err-card-not-credential = la credencial no es un documento JSON firmado
err-empty-credential = { $path } está vacío: no contiene ninguna credencial; pida al remitente que vuelva a enviar el archivo
io-not-found = no existe el archivo o la carpeta
io-permission-denied = permiso denegado
io-is-a-directory = es una carpeta, no un archivo
io-not-utf8 = el contenido no es texto UTF-8
io-already-exists = ya existe
io-storage-full = el disco está lleno
wallet-wrong-passphrase = frase de contraseña incorrecta: esta frase no abre la cartera
wallet-corrupted = el archivo de la cartera está dañado: { $reason }
wallet-bad-credential = no es una credencial legible: { $reason }
wallet-not-holders = esta credencial se emitió a { $subject }, no a { $holder }, titular de esta cartera
wallet-duplicate = la credencial { $id } ya está en la cartera
wallet-full = la cartera está llena ({ $max } credenciales)

## Añadir a la cartera (`skillpass wallet add`)

wallet-added = { $source }: se añadió { $id } ({ $title })
wallet-untitled-plain = sin título
wallet-already = { $source }: ya está en la cartera ({ $id })
wallet-refused = { $source }: rechazada: { $reason }
wallet-refused-invalid = { $source }: rechazada: la credencial es { $status }
wallet-add-summary = { $added } añadidas, { $skipped } ya estaban en la cartera, { $refused } rechazadas; la cartera contiene { $count ->
    [one] { $count } credencial
   *[other] { $count } credenciales
}

## Emitir un lote CSV (`skillpass issue --csv`)

batch-row-error = fila { $line }: { $reason }
batch-row-changed = fila { $line }: modificada desde que se emitió como { $file } ({ $id }); no se vuelve a emitir. Si esa credencial es errónea, revóquela y emita la fila corregida en un nuevo --out-dir
batch-file-taken = no emitida: { $file } ya contiene una credencial emitida desde otra fila (¿se añadieron filas por encima de esta o se modificó esta?). Añada las filas nuevas al final del lote o emita esta fila en otro --out-dir
batch-required-empty = { $column }: vacía, pero es obligatoria
batch-outcomes-count = { $column }: { $given ->
    [one] { $given } resultado de aprendizaje
   *[other] { $given } resultados de aprendizaje
}, pero learning_outcomes tiene { $english }; indique cada resultado en cada idioma, en el mismo orden, separados por |
batch-lines = { $count ->
    [one] fila
   *[other] filas
} { $ranges }
batch-skipped = ya emitidas, omitidas: { $lines }
batch-issued-now = emitidas ahora: { $lines }
batch-orphans = emitidas antes a partir de filas que este archivo ya no tiene (modificadas o eliminadas): { $rows }
batch-summary = { $issued } emitidas, { $failed } con error; resumen en { $path }
batch-summary-rerun = { $issued } emitidas, { $failed } con error, { $already } ya emitidas, { $changed } modificadas desde su emisión; resumen en { $path }

## Los rechazos del registro, cada uno donde se produce (`message` sigue en inglés; `text` lleva esto)

reg-timeout = la solicitud tardó demasiado en llegar; envíela de nuevo
reg-no-issuer = no hay ningún emisor registrado con este DID
reg-no-credential = no hay ninguna credencial almacenada con este id
reg-nonce-used = esta solicitud firmada ya se utilizó; firme cada solicitud con un nonce nuevo
reg-nonce-unknown-after-restart = el registro se reinició tras un fallo y no puede saber si esta solicitud de lectura firmada ya se utilizó; firme una nueva solicitud dentro de unos segundos
reg-unknown-signer = la solicitud está firmada con una clave que no pertenece a ningún emisor registrado
reg-grant-expired = la autorización que le concedió el titular ha caducado
reg-grant-revoked = el titular revocó la autorización que le había concedido
reg-body-too-large = el contenido de la solicitud supera el límite de { $max } bytes
reg-not-json-type = el contenido debe enviarse como Content-Type: application/json, no como { $type }
reg-country = country debe ser un código ISO 3166-1 alfa-2, como { $example }
reg-key-registered = esta clave ya está registrada a nombre de un emisor
reg-valid-until = validUntil debe ser posterior a validFrom
reg-withdrawn-final = se retiró la acreditación de este emisor; la retirada es definitiva
reg-no-web-file = la página de verificación no tiene ese archivo
reg-batch-max = como máximo { $max } credenciales por solicitud
reg-nothing-given = no se indicó ninguna credencial ni lista de estado
reg-grantee = el autorizado debe ser un did:key
reg-no-grant = no existe esa autorización para esta credencial
reg-no-decision = no hay ninguna resolución almacenada con este id
reg-revocation-final = una revocación no se puede deshacer; suspenda la credencial si la medida puede levantarse más adelante

## La página de verificación en el navegador (verifier-web): las palabras que escribe la propia página. Los resultados
## de cada comprobación, el veredicto y las respuestas de equivalencia vienen de los mensajes de arriba, como en `skillpass verify`.

page-title = Verificador Skillpass
page-tagline = Comprueba una credencial de cualificación o de competencias en este dispositivo. La credencial no se envía a ningún sitio.
page-loading = Cargando el verificador…
page-load-failed = No se pudo cargar el verificador: { $why }
page-input-heading = Verificar una credencial
page-input-file = Elija un archivo: una credencial (.jwt), un SD-JWT, una imagen de la tarjeta (PNG o JPEG) o la tarjeta en PDF
page-input-drop = …o suelte el archivo aquí
page-input-paste = O pegue una credencial, el código de una tarjeta (SP1:…) o un enlace
page-input-verify = Verificar
page-input-camera = Escanear el código QR de la tarjeta con la cámara
page-input-camera-stop = Detener la cámara
page-input-camera-help = Mantenga el código de la tarjeta dentro del recuadro.
page-input-camera-failed = No se pudo abrir la cámara: { $why }
page-input-presentation = Presentaciones desde la cartera digital del titular
page-input-audience = Identificador de este verificador (audiencia)
page-input-nonce = El nonce que usted dio al titular
page-input-country = Qué significa en
page-input-country-none = (ningún país elegido)
page-verdict-valid = Válida
page-verdict-invalid = No válida
page-verdict-indeterminate = No se pudo comprobar
page-verdict-valid-help = Se superaron todas las comprobaciones.
page-verdict-invalid-help = Fallaron: { $checks }.
page-verdict-indeterminate-help = Nada falló, pero no todo pudo decidirse: { $checks }.
page-result-heading = Resultado
page-result-none = Todavía no se ha verificado nada.
page-result-unreadable = No se pudo leer
page-result-reading = Leyendo { $what }…
page-result-from-paper = Leída del código de una tarjeta impresa.
page-result-credential = Credencial { $n }
page-field-holder = Titular
page-field-holder-verified = (verificado)
page-field-holder-stated = (según la credencial, sin verificar)
page-field-title = Título
page-field-level = Nivel
page-field-type = Tipo
page-field-issuer = Emitida por
page-field-issuer-registered = { $name } (inscrita en el paquete de confianza, { $country })
page-field-issuer-unknown = no figura en el paquete de confianza: { $did }
page-field-valid-from = Válida desde
page-field-valid-until = Válida hasta
page-field-holder-did = Identificador del titular
page-checks-heading = Las diez comprobaciones
page-checks-holder-heading = Comprobaciones de lo que presentó el titular
page-disclosed-heading = Divulgación selectiva
page-disclosed-yes = Divulgado
page-disclosed-no = No divulgado
page-disclosed-none = (nada)
page-meaning-heading = Qué significa en { $country }
page-meaning-untrusted = Resolución no fiable descartada: { $why }
page-words-heading = El informe completo, tal como lo muestra skillpass verify
page-trust-heading = Confianza
page-trust-anchor = Clave del operador (ancla de confianza)
page-trust-bundle = Paquete de confianza { $sequence }
page-trust-issued = emitido el { $when } (hace { $age })
page-trust-next = próxima actualización el { $when }
page-trust-stale = Este paquete ha superado su fecha de actualización: los resultados serán «no se pudo comprobar» hasta que se cargue uno más reciente.
page-trust-contents = entidades emisoras: { $issuers }, listas de estado: { $lists }, resoluciones de reconocimiento: { $decisions }
page-trust-none = Todavía no hay paquete de confianza.
page-trust-no-anchor = Aún no hay ninguna clave de operador configurada: cargue un paquete desde un archivo con la clave del operador.
page-trust-refresh = Buscar un paquete más reciente
page-trust-refreshing = Buscando un paquete más reciente…
page-trust-up-to-date = El paquete está al día.
page-trust-updated = Paquete de confianza { $sequence } cargado.
page-trust-offline = No se pudo contactar con el registro ({ $why }); se verifica con el paquete guardado.
page-trust-refused = Se rechazó un paquete de confianza: { $why }
page-trust-kept = La página sigue usando el paquete { $sequence }.
page-trust-file = Cargar un paquete de confianza desde un archivo
page-trust-file-bundle = Archivo del paquete (.jws)
page-trust-file-anchor = Clave del operador (did:key) que lo firma
page-trust-file-load = Cargar el paquete
page-trust-file-missing = Elija un archivo de paquete e introduzca el did:key del operador.
page-trust-memory-damaged = Olvidar los paquetes que recuerda este navegador
page-trust-memory-forgotten = Se olvidaron los paquetes recordados; solo conoce los paquetes vistos a partir de ahora.
page-anchor-changed = Atención: la clave del operador ha cambiado
page-anchor-changed-body = Esta página se configuró para confiar en { $old }. El registro indica ahora { $new }. Mientras no acepte la nueva clave, se rechazarán los paquetes firmados con ella. Acéptela solo si el operador le comunicó el cambio de clave.
page-anchor-accept = Confiar en la nueva clave a partir de ahora
page-anchor-typed = Esta página confía ahora en { $new } en lugar de { $old }.
page-anchor-accepted = Esta página confía ahora en { $new }.
page-no-bundle = No hay paquete de confianza: cargue uno antes de verificar.
page-image-no-code = No se encontró ningún código QR legible en la imagen. Haga la foto más cerca y de frente, o elija el PNG de la tarjeta.
page-image-unreadable = No se pudo leer la imagen: { $why }
page-pdf-nothing = No se encontró ninguna credencial ni ningún código QR legible en este PDF. Elija el PNG de la tarjeta o escanee el código con la cámara.
page-file-too-large = El archivo supera los { $max } MB.
page-footer-privacy = La verificación se hace en este navegador con WebAssembly. La página solo descarga sus propios archivos y el paquete de confianza; una credencial dentro de un enlace va en la parte posterior a #, que los navegadores nunca envían.
page-language = Idioma
page-language-name = Español
page-age-minutes = { $n } min
page-age-hours = { $n } h
page-age-days = { $n ->
    [one] { $n } día
   *[other] { $n } días
}
page-problem-nothing-given = No hay nada que verificar: pegue una credencial, elija un archivo o escanee un código.
page-problem-empty-file = El archivo está vacío: no contiene ninguna credencial. Pida de nuevo el archivo a quien se lo envió.
page-problem-empty-link = El enlace no contiene ninguna credencial después del #.
page-problem-damaged-link = No se puede leer el enlace: { $detail }
page-problem-not-a-paper-code = El código escaneado no es una credencial Skillpass: { $detail }
page-problem-needs-audience-and-nonce = Una presentación se comprueba con el identificador de este verificador (audiencia) y el nonce que dio al titular: introduzca ambos en «Presentaciones desde la cartera digital del titular».
page-problem-unknown-destination = El destino no es conocido: { $detail }
page-problem-anchor-not-did-key = El ancla de confianza debe ser el did:key del operador ({ $detail }).
page-problem-memory-damaged = La memoria de paquetes de confianza de este navegador está dañada ({ $detail }). No se ha verificado nada, porque esa memoria es la que rechaza paquetes antiguos o falsificados. Bórrela solo si sabe por qué se dañó: una memoria nueva solo conoce los paquetes vistos desde entonces.
page-problem-bundle-too-large = El paquete de confianza supera el límite de { $max } bytes.
page-problem-bad-options = La página envió opciones que este verificador no puede leer: { $detail }
page-problem-framework-data = No se pueden leer los datos de marcos de cualificaciones incluidos: { $detail }

## Rechazos del registro, cada uno donde se produce (continuación). `$detail` es lo que dijo una capa inferior
## (un analizador, una comprobación) y se muestra tal cual.

reg-no-route = no existe esa ruta
reg-method = esta ruta no acepta ese método
reg-store-unreachable = el registro no puede acceder a su almacén; vuelva a intentarlo en unos momentos
reg-store-unreadable = el registro no puede leer su almacén; el operador encontrará los detalles en su registro de actividad
reg-store-damaged = el almacén está dañado y no se hizo ninguna copia de seguridad: { $why }; ejecute skillpass-registry check
reg-operator-only = solo el operador del registro puede hacer esto
reg-retired-key = la solicitud está firmada con una clave retirada de esta entidad emisora; firme con la clave actual
reg-own-credentials-only = una entidad emisora solo puede cambiar el estado de sus propias credenciales
reg-who-reads = solo la entidad emisora de la credencial, su titular o un destinatario autorizado pueden leerla
reg-unsigned = esta solicitud debe ir firmada: Authorization: Skillpass <JWS>
reg-unreadable-authorization = la cabecera Authorization no se puede leer
reg-unreadable-body = no se puede leer el cuerpo de la solicitud: { $detail }
reg-body-not-json = el cuerpo no es JSON: { $detail }
reg-body-misfit = el cuerpo no corresponde a esta solicitud: { $detail }
reg-request-refused = se rechazó la solicitud firmada: { $detail }
reg-invalid-query = no se pueden leer los parámetros de la consulta: { $detail }
reg-field-max-chars = { $field } debe tener como máximo { $max } caracteres
reg-field-chars = { $field } debe tener entre { $min } y { $max } caracteres
reg-field-bidi = { $field } no debe contener caracteres de control ni de formato bidireccional (contiene { $char })
reg-field-max-bytes = { $field } debe ocupar como máximo { $max } bytes
reg-field-control = { $field } no debe contener caracteres de control
reg-field-items = número de elementos en { $field }: { $count }; se aceptan como máximo { $max }
reg-scope-needed = una acreditación necesita al menos un elemento de alcance TIPO[:NIVEL-MÁXIMO]
reg-scope-refused = el alcance de la acreditación no es válido: { $detail }
reg-never-accredited = esta entidad emisora nunca estuvo acreditada
reg-not-suspended = esta entidad emisora no está suspendida en esa fecha; solo se puede levantar una suspensión
reg-rotate-own = una entidad emisora solo puede renovar sus propias claves
reg-new-key-registered = la nueva clave ya está registrada
reg-key-refused = se rechazó la nueva clave: { $detail }
reg-param-invalid = { $name } { $value } no es válido aquí
reg-unknown-level = level no es un nivel de ninguno de los marcos incluidos; GET /equivalence/frameworks los enumera
reg-at = at debe ser una hora RFC 3339 (2026-11-26T10:00:00Z) o una fecha (2026-11-26)
reg-equivalence-refused = se rechazó el dato de equivalencia: { $detail }
reg-no-type-metadata = este registro no ofrece Type Metadata: inícielo con --public-url y la URL por la que se le accede
reg-no-type = no existe ese tipo de credencial; los tipos son QualificationCredential y SkillCredential
reg-no-context = no existe ese contexto; los contextos son { $known }
reg-authority-id = id debe ser el did:key de la autoridad (sin fragmento)
reg-authority-exists = esta autoridad ya está registrada
reg-decision-born-withdrawn = una resolución nueva no puede estar ya retirada; retire una publicada con POST /decisions/{"{"}id{"}"}/withdraw
reg-revise-own = una autoridad solo puede modificar sus propias resoluciones
reg-superseded = { $old } ya ha sido sustituida por { $new }; modifique esa resolución
reg-decision-other-id = la resolución firmada tiene un id distinto del de la ruta
reg-withdraw-own = una autoridad solo puede retirar sus propias resoluciones
reg-decision-withdrawn = esta resolución ya está retirada
reg-withdrawn-missing = la resolución firmada de nuevo debe fijar withdrawn en el momento de la retirada
reg-withdrawn-future = withdrawn no puede estar en el futuro; para que una resolución termine más adelante, publique una modificación con validUntil
reg-withdrawal-changed = una retirada debe ser la resolución publicada, firmada de nuevo y con withdrawn como único añadido; publique una modificación para cambiar cualquier otra cosa
reg-decision-refused = se rechazó la resolución: { $detail }
reg-no-status-entry = la credencial no tiene entrada de estado de { $purpose }
reg-status-entry-unreadable = no se puede leer la entrada de estado de la credencial: { $detail }
reg-status-list-unheld = el registro no tiene la lista de estado que indica esta credencial
reg-no-status-list = no existe esa lista de estado
reg-no-token-status-list = la entidad emisora no ha publicado ninguna Token Status List para esta lista (pida sin Accept: application/statuslist+jwt para obtener la lista Bitstring)
reg-status-list-refused = se rechazó la lista de estado: { $detail }
reg-not-signers-credential = { $which } la emitió { $issuer }, no quien firma esta solicitud
reg-credential-refused = se rechazó la credencial: { $detail }
reg-out-of-scope = la credencial está fuera del alcance de la acreditación: { $detail }
reg-duplicate-in-batch = { $which } repite un id que ya aparece en esta solicitud
reg-credential-exists = { $which }: ya hay otra credencial almacenada con este id
reg-issuer-not-active = este emisor no está acreditado en este momento ({ $standing }): no puede publicar
reg-status-list-exists = ya hay una lista de estado ({ $purpose }) almacenada para este emisor; cambie un estado con POST /credentials/{"{"}id{"}"}/status
reg-token-list-unheld = una Token Status List remite a una lista que el registro no tiene; envíe también su lista de revocación en statusLists
reg-grant-expiry = expiresAt debe estar en el futuro y a no más de { $days } días de hoy

## Lo que dice una orden cuando no puede seguir (continuación), y las partes del error de una fila del CSV

cli-passphrases-differ = las dos frases de contraseña no coinciden
cli-passphrase-short = elija una frase de contraseña de al menos { $min } caracteres
cli-no-wallet = no hay ninguna cartera en { $path } (cree una con `skillpass wallet init`)
cli-wallet-exists = { $path } ya existe; no se sustituye una cartera (use --force para sustituirla y perder su clave)
cli-no-credential-empty = no hay ninguna credencial { $selector }: la cartera aún no contiene credenciales
cli-no-credential = no hay ninguna credencial { $selector } en la cartera (indique su posición en `wallet list`, su id o el final de su id)
cli-present-key-or-wallet = indique --key TITULAR.key o --wallet ARCHIVO
cli-disclose-sd-only = --disclose solo se aplica a credenciales SD-JWT (emitidas con `skillpass issue --sd-jwt`); estas muestran todos los datos
cli-credential-too-large = la credencial { $n } supera el límite de { $max } bytes
cli-sd-jwt-alone = una credencial SD-JWT se presenta sola, una por presentación
cli-issue-usage = indique --claims ARCHIVO --out ARCHIVO, o --csv ARCHIVO --out-dir CARPETA
cli-revoke-registry-credential = con --registry, indique la credencial (un archivo o su id), no --index
cli-revoke-where = indique --status ARCHIVO (sin conexión) o --registry URL (o defina SKILLPASS_REGISTRY) para cambiar el estado en el registro
cli-revoke-what = indique un archivo de credencial o --index
cli-nothing-to-publish = no hay nada que publicar
batch-cell = { $column }: { $problem }
batch-cell-value = { $column }: { $value } no es válido: { $problem }
batch-not-form = se esperaba { $form }
batch-not-after-start = no es posterior al inicio de la validez
batch-already-past = ya ha pasado
batch-in-future = está en el futuro
form-date = una fecha (AAAA-MM-DD)
form-date-time = una fecha y hora (AAAA-MM-DDThh:mm:ssZ)
form-level = el id de un nivel de un marco (como PQF-6)
form-country = un código de país de dos letras (como PH)
form-isced = un código de campo ISCED-F de 2 a 4 cifras (como 0913)
form-isco = un código de ocupación ISCO-08 de 1 a 4 cifras (como 2221)
form-lang = una etiqueta de idioma (como fil)
form-did-key = un did:key

## El estado que una cartera recuerda de una credencial (`wallet list`)

wallet-status-valid = válida
wallet-status-invalid = no válida
wallet-status-indeterminate = indeterminada
wallet-status-unchecked = sin comprobar
wallet-status-failed = { $verdict } ({ $checks })

## Verificación con claves dadas directamente (perfil de conformidad, incidencia 17)
direct-not-checked = no comprobado con una lista de confianza: la clave del emisor se dio directamente, así que no se sabe si está acreditado
direct-accreditation-line = Acreditación: no comprobada con una lista de confianza (la clave del emisor se dio directamente por su DID)
direct-key-ok = { $kid }, la clave propia del emisor, leída de su DID
direct-key-given-ok = { $kid }, una clave del emisor dada directamente a este verificador
direct-key-not-issuer = la clave { $kid } no es una clave del emisor de la credencial
direct-key-bad = no se puede leer la clave de su DID: { $reason }
direct-kid-not-url = la clave debe nombrarse con una URL DID del emisor (did:key:z…#z… o did:jwk:…#0)
direct-no-issuer = la credencial no nombra ningún emisor
direct-well-formed-jose = { $bytes } bytes, JWS compacta con contenido JSON estricto
direct-well-formed-di = { $bytes } bytes, con una prueba Data Integrity, cada término definido por sus contextos
direct-well-formed-proof = una prueba Data Integrity legible
direct-holder-signature-ok = firmada con la clave propia del titular, leída de su DID
direct-holder-key-given-ok = firmada con { $kid }, una clave del titular dada directamente a este verificador
direct-binding-not-asked = no se pidió ningún { $what }
direct-binding-ok = el { $what } es el pedido ({ $value })
direct-binding-bad = el { $what } no es el pedido: una presentación repetida o mal dirigida
data-model-ok = cumple el modelo de datos W3C de credenciales verificables 2.0
data-model-bad = incumple el modelo de datos W3C de credenciales verificables 2.0: { $reasons }
validity-not-date = { $name } no es una fecha y hora con zona horaria
validity-ends = válida hasta { $until }
validity-none = no se indica un periodo de validez
status-list-unavailable = la lista de estado { $list } no está disponible para este verificador: entréguele la lista para comprobar la revocación
status-list-unverified = no se pudo verificar la lista de estado { $list } ({ $reason })
status-list-outdated = la lista de estado { $list } caducó el { $until }: obtenga la lista actual del emisor
status-ok-direct = ni revocada ni suspendida según las propias listas de estado del emisor
status-unsupported = una entrada de estado de tipo { $type } no se puede comprobar aquí
check-challenge = desafío
check-domain = dominio
check-data-model = modelo de datos
direct-issuer-not-given = el emisor { $issuer } no está entre las claves de emisor dadas a este verificador
direct-iss-not-issuer = el `iss` del JWT no es el emisor de la credencial
direct-not-expired = no indica cuándo se hizo ni cuándo caduca
