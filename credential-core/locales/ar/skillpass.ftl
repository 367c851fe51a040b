# Skillpass — العربية الفصحى المعاصرة، كما تستعملها جهات معادلة المؤهلات والاعتراف بها في الخليج.
# النص يُكتب من اليمين إلى اليسار؛ المعرّفات والتواريخ تبقى كما هي.
#
# المسرد (تُستعمل هذه الكلمات وحدها لهذه المفاهيم):
#   credential            وثيقة رقمية (وثيقة مؤهل، وثيقة مهارات)
#   trust bundle          حزمة الثقة
#   pinned anchor         مرساة الثقة المثبّتة
#   issuer                الجهة المُصدِرة
#   issuance date         تاريخ الإصدار
#   recognition decision  قرار معادلة
#   full / partial / none معادلة كاملة / معادلة جزئية / لا معادلة
#   comparable level      مستوى مقارن (للاستئناس، وليس قرار معادلة)
#   compensation measure  تدبير تعويضي
#   adaptation period     فترة تكيّف
#   knowledge test        اختبار معارف
#   aptitude test         اختبار كفاءة
#   status list           قائمة الحالة؛ revoked = ملغاة؛ suspended = موقوفة

## كلمات كل تقرير

raw = { $text }
mark-pass = ناجح
mark-fail = فشل
mark-indeterminate = غير محسوم
mark-skipped = لم يُجرَ
verdict-valid = صالحة
verdict-invalid = غير صالحة
verdict-indeterminate = غير محسومة
kind = { $kind ->
    [SkillCredential] وثيقة مهارات
   *[other] وثيقة مؤهل
}
report-from = صادرة عن { $issuer }
untrusted-decision = قرار غير موثوق أُهمل: { $reason }
not-run = لم يُجرَ: فشل فحص سابق
not-run-bundle-refused = لم يُجرَ: رُفضت حزمة الثقة

## الفحوص العشرة للوثيقة

check-trust-bundle = حزمة الثقة
check-well-formed = البنية
check-algorithm = الخوارزمية
check-issuer-accredited = اعتماد الجهة
check-key-valid = المفتاح
check-signature = التوقيع
check-schema = المخطط
check-validity-period = مدة الصلاحية
check-status = الحالة
check-bundle-fresh = حداثة الحزمة

## ما وجده كل فحص

trust-bundle-signed = حزمة الثقة رقم { $sequence } موقّعة من مرساة الثقة المثبّتة { $anchor }
trust-bundle-unsigned = حزمة الثقة رقم { $sequence } مبنية في الذاكرة من مدخلات موثوقة (غير موقّعة)
well-formed-readable = توقيع JWS مضغوط برأس مقروء
well-formed-ok = { $bytes ->
    [zero] { $bytes } بايت
    [one] بايت واحد
    [two] بايتان
    [few] { $bytes } بايتات
    [many] { $bytes } بايتًا
   *[other] { $bytes } بايت
}، VC 2.0، { $kind ->
    [SkillCredential] وثيقة مهارات
   *[other] وثيقة مؤهل
}
well-formed-not-json = المحتوى ليس JSON صارمًا: { $reason }
well-formed-typ = يجب أن يكون نوع الرأس { $typ }
well-formed-broken-lines = { $reason }: الوثيقة مقسّمة على عدة أسطر كما تفعل بعض برامج البريد؛ اطلب من المرسل ملف الوثيقة نفسه مرفقًا
well-formed-cut-short = { $reason }: يبدو الملف تالفًا أو مبتورًا؛ اطلب من المرسل ملف الوثيقة نفسه مرفقًا
algorithm-ok = EdDSA (Ed25519)
issuer-unknown = الجهة المُصدِرة { $issuer } غير مدرجة في حزمة الثقة
issuer-suspended = كان اعتماد { $name } موقوفًا في تاريخ الإصدار { $date }
issuer-withdrawn = كان اعتماد { $name } مسحوبًا في تاريخ الإصدار { $date }
issuer-not-accredited = لم تكن { $name } معتمدة في تاريخ الإصدار { $date }
issuer-out-of-scope = { $name } معتمدة لـ { $scope } فقط؛ وهذه { $kind ->
    [SkillCredential] وثيقة مهارات
   *[other] وثيقة مؤهل
} في المستوى { $levels }
issuer-out-of-scope-no-level = { $name } معتمدة لـ { $scope } فقط؛ وهذه { $kind ->
    [SkillCredential] وثيقة مهارات
   *[other] وثيقة مؤهل
} بلا مستوى
issuer-accredited = { $name } ({ $country })، معتمدة لإصدار { $kind ->
    [SkillCredential] وثائق المهارات
   *[other] وثائق المؤهلات
} في { $date }
issuer-accredited-now-suspended = { $name } ({ $country })، معتمدة لإصدار { $kind ->
    [SkillCredential] وثائق المهارات
   *[other] وثائق المؤهلات
} في { $date }؛ ملاحظة: أُوقف اعتمادها لاحقًا، بعد إصدار هذه الوثيقة
issuer-accredited-now-withdrawn = { $name } ({ $country })، معتمدة لإصدار { $kind ->
    [SkillCredential] وثائق المهارات
   *[other] وثائق المؤهلات
} في { $date }؛ ملاحظة: سُحب اعتمادها لاحقًا، بعد إصدار هذه الوثيقة
key-no-kid = لا يذكر الرأس أي مفتاح (kid)
key-unknown = المفتاح { $kid } غير مدرج في حزمة الثقة
key-other-issuer = المفتاح { $kid } يخص { $name }، لا الجهة المُصدِرة للوثيقة
key-not-valid = لم يكن المفتاح { $kid } صالحًا في تاريخ الإصدار { $date }
key-valid = { $kid }، صالح عند الإصدار
signature-ok = التوقيع سليم بمفتاح الجهة المُصدِرة
signature-bad = التوقيع غير سليم: عُدّلت الوثيقة أو لم تُوقَّع بهذا المفتاح
signature-no-key = لا يوجد مفتاح موثوق للتحقق منه
signature-ok-di = إثبات Data Integrity سليم: توقيع Ed25519 على الوثيقة وخيارات الإثبات بصيغتها القانونية RDFC-1.0
signature-bad-di = إثبات Data Integrity غير سليم: عُدّلت الوثيقة أو خيارات إثباتها، أو لم تُوقَّع بهذا المفتاح
di-too-large = { $bytes } بايت، أكثر من الحد الأقصى للوثيقة وهو { $limit } بايت
di-not-json = ليس JSON صارمًا: { $reason }
di-well-formed-proof = { $bytes } بايت، { $kind } وفق VC 2.0 مع إثبات
di-well-formed-ok = { $bytes } بايت، { $kind } وفق VC 2.0 مع إثبات Data Integrity، وكل مصطلح فيها معرَّف في سياقاتها
schema-ok = مطابقة لمخطط { $kind ->
    [SkillCredential] وثائق المهارات
   *[other] وثائق المؤهلات
}
validity-not-yet = غير صالحة بعد: صالحة ابتداءً من { $from }
validity-expired = انتهت صلاحيتها في { $until }
validity-until = صالحة من { $from } حتى { $until }
validity-open = صالحة ابتداءً من { $from }، بلا تاريخ انتهاء
status-no-entry = لا تحمل الوثيقة أي قيد حالة
status-list-missing = قائمة الحالة { $list } غير مدرجة في حزمة الثقة
status-list-other-issuer = قائمة الحالة { $list } تخص جهة مُصدِرة أخرى
status-list-expired = انتهت صلاحية قائمة الحالة { $list } في { $until }: احصل على حزمة ثقة أحدث
status-list-early = قائمة الحالة { $list } لا تسري قبل { $from }: تحقق من الساعة
status-purpose-mismatch = قائمة الحالة { $list } قائمة { $purpose ->
    [suspension] إيقاف
   *[other] إلغاء
}، والقيد يذكر { $entry ->
    [suspension] الإيقاف
   *[other] الإلغاء
}
status-entry-bad = قيد الحالة: { $reason }
status-revoked = الوثيقة ملغاة (قائمة الحالة { $list })
status-suspended = الوثيقة موقوفة (قائمة الحالة { $list })
status-ok-both = غير ملغاة وغير موقوفة (بحسب حزمة الثقة المؤرخة { $date })
status-ok-revocation = غير ملغاة (بحسب حزمة الثقة المؤرخة { $date })
status-ok-suspension = غير موقوفة (بحسب حزمة الثقة المؤرخة { $date })
fresh-stale = تجاوزت حزمة الثقة رقم { $sequence } موعد تحديثها { $time }: احصل على حزمة أحدث
fresh-future = حزمة الثقة رقم { $sequence } مؤرخة { $time } في المستقبل: تحقق من الساعة
fresh-ok = حزمة الثقة رقم { $sequence } سارية حتى { $time }

## المعادلة: ما يعنيه المؤهل في بلد الوجهة

eq-heading-country = ما يعنيه هذا المؤهل في { $place } (حتى تاريخ { $date }):
eq-heading-framework = ما يعنيه هذا المؤهل بالنسبة إلى { $place } (حتى تاريخ { $date }):
eq-decisions = قرارات المعادلة (مُلزِمة):
eq-no-decision-country = لا يوجد قرار معادلة في { $place } ينطبق على هذا المؤهل.
eq-no-decision-framework = لا يوجد قرار معادلة بالنسبة إلى { $place } ينطبق على هذا المؤهل.
eq-legal-basis = السند القانوني: { $basis }
eq-comparable = المستويات المقارنة (للاستئناس، وليست قرار معادلة):
eq-no-comparable = لا يُعرف مستوى مقارن.
eq-comparable-own = المستوى المقارن: { $level } (المستوى الأصلي للمؤهل)
eq-comparable-via = المستوى المقارن: { $level } عبر { $path } ({ $status }، درجة الثقة: { $confidence ->
    [high] عالية
    [medium] متوسطة
    [low] منخفضة
   *[other] { $confidence }
})
eq-comparable-via-historical = المستوى المقارن: { $level } عبر { $path } (ربط تاريخي لم يعد محدَّثًا، درجة الثقة: { $confidence ->
    [high] عالية
    [medium] متوسطة
    [low] منخفضة
   *[other] { $confidence }
})
eq-practice = ممارسات الاعتراف (معلومات خلفية من البيانات المرفقة، وليست قرارًا):
eq-source = المصدر: { $source }
eq-not-known = غير معروف:
eq-nothing-known-country = لا يُعرف شيء عن هذا المؤهل في { $place }: راجع الجهة المختصة.
eq-nothing-known-framework = لا يُعرف شيء عن هذا المؤهل بالنسبة إلى { $place }: راجع الجهة المختصة.
eq-recognised = معترف به في { $country } بوصفه { $qualification } — { $outcome } (قرار صادر عن { $authority }، { $validity })
eq-not-recognised = غير معترف به في { $country } بوصفه { $qualification } — { $outcome } (قرار صادر عن { $authority }، { $validity })
eq-state-expired = منتهي الصلاحية في { $date }: { $decision }
eq-state-not-yet = لم يدخل حيز النفاذ بعد (اعتبارًا من { $date }): { $decision }
eq-state-superseded = حلّ محله { $by }: { $decision }
eq-state-superseded-later = حلّ محله قرار لاحق: { $decision }
eq-state-withdrawn = مسحوب في { $date }: { $decision }
eq-valid-until = ساري حتى { $date }
eq-valid-open = ساري اعتبارًا من { $date }، بلا تاريخ انتهاء
eq-outcome-full = معادلة كاملة
eq-outcome-partial = معادلة جزئية
eq-outcome-none = لا معادلة
eq-outcome-with-measures = { $outcome }، التدبير التعويضي: { $measures }
eq-measures-and = { $first }؛ { $second }
eq-measures-or = { $first } أو { $second }
eq-measure-adaptation = فترة تكيّف مدتها { $months ->
    [zero] { $months } شهر
    [one] شهر واحد
    [two] شهران
    [few] { $months } أشهر
    [many] { $months } شهرًا
   *[other] { $months } شهر
}
eq-measure-knowledge-test = اختبار معارف
eq-measure-aptitude-test = اختبار كفاءة
eq-measure-language = إتقان { $language ->
    [de] اللغة الألمانية
    [en] اللغة الإنجليزية
    [fr] اللغة الفرنسية
    [nl] اللغة الهولندية
    [it] اللغة الإيطالية
    [es] اللغة الإسبانية
    [pt] اللغة البرتغالية
    [pl] اللغة البولندية
    [sv] اللغة السويدية
    [da] اللغة الدنماركية
    [fi] اللغة الفنلندية
    [no] اللغة النرويجية
    [ja] اللغة اليابانية
    [ar] اللغة العربية
   *[other] اللغة { $language }
} بمستوى { $level } مطلوب

## العروض (vp+jwt) وSD-JWT: فحوصها وما وجده كل فحص

check-holder-signature = توقيع الحامل
check-audience = الجهة المقصودة
check-nonce = الرمز الفريد
check-freshness = الحداثة
check-holder-binding = الارتباط بالحامل
check-disclosures = الإفصاحات
check-key-binding = ربط المفتاح
presentation-of = عرض { $count ->
    [zero] لا يتضمن أي وثيقة
    [one] لوثيقة واحدة
    [two] لوثيقتين
    [few] لـ { $count } وثائق
    [many] لـ { $count } وثيقة
   *[other] لـ { $count } وثيقة
}
presentation-by = مقدَّم من { $holder }
credential-number = الوثيقة { $n }
presentation-well-formed-ok = { $bytes } بايت، عرض VerifiablePresentation وفق VC 2.0 يضم { $count ->
    [zero] صفر وثائق
    [one] وثيقة واحدة
    [two] وثيقتين
    [few] { $count } وثائق
    [many] { $count } وثيقة
   *[other] { $count } وثيقة
}
kid-bad = معرّف المفتاح (kid): { $reason }
kid-not-url = يجب أن يكون معرّف المفتاح (kid) عنوان DID (did:key:z…#z…)
kid-not-holder = معرّف المفتاح (kid) ليس مفتاحًا لحامل العرض
holder-signature-ok = موقّع بمفتاح did:key الخاص بالحامل
holder-signature-bad = توقيع الحامل غير سليم: عُدّل العرض أو وُقّع بمفتاح آخر
audience-ok = مُعدّ لـ { $audience }
audience-other = مُعدّ لـ { $got }، لا لـ { $audience }
audience-not = غير مُعدّ لـ { $audience }
binding-someone-else = الوثيقة { $n } صادرة لشخص آخر
binding-no-subject = الوثيقة { $n } لا تذكر معرّف صاحبها
binding-unreadable = تتعذر قراءة الوثيقة { $n }
binding-ok = الحامل هو صاحب كل وثيقة
joined = { $first }؛ { $second }
nonce-ok = الرمز الفريد هو الرمز المقدَّم
nonce-bad = الرمز الفريد ليس الرمز المقدَّم: عرض مُعاد أو موجّه إلى غير وجهته
iat-bad = لا يمكن تمثيل الوقت `iat`
made-at = أُنشئ في { $when }
made-in-future = أُنشئ في { $when }، أي في المستقبل بحسب ساعة هذا المتحقق
made-too-long-ago = أُنشئ في { $when }، منذ أكثر من { $seconds ->
    [zero] { $seconds } ثانية
    [one] ثانية واحدة
    [two] ثانيتين
    [few] { $seconds } ثوانٍ
    [many] { $seconds } ثانية
   *[other] { $seconds } ثانية
}
presentation-expired = انتهت صلاحية العرض (`exp`)
sd-headline = وثيقة بإفصاح انتقائي (SD-JWT)
sd-disclosed = مُفصَح عنه
sd-not-disclosed = غير مُفصَح عنه
sd-none = (لا شيء)
sd-credential = الوثيقة
sd-well-formed-bound = { $bytes } بايت: JWS الجهة المُصدِرة، { $count } إفصاح، وJWT لربط المفتاح
sd-well-formed-unbound = { $bytes } بايت: JWS الجهة المُصدِرة، { $count } إفصاح، بلا JWT لربط المفتاح
sd-issuer-unreadable = تتعذر قراءة JWT الموقّع من الجهة المُصدِرة
sd-disclosures-ok = { $count } إفصاح، كلٌّ منها صادر في هذه الوثيقة ولم يُعدَّل
sd-disclosure-bad = الإفصاح { $n }: { $reason }
sd-not-run-own-copy = لم يُجرَ: هذه نسخة الحامل نفسه، وليست عرضًا
sd-not-run-no-binding = لم يُجرَ: لا يوجد ربط مفتاح صالح
sd-key-binding-ok = موقّع بمفتاح الحامل (cnf) على ما عُرض بالضبط
sd-kb-missing = لا يوجد JWT لربط المفتاح: كان بإمكان أي شخص يملك نسخة أن يرسل هذا
sd-kb-no-cnf = لا تحمل الوثيقة cnf.jwk للتحقق من ربط المفتاح
sd-kb-typ = JWT ربط المفتاح: يجب أن يكون النوع { $typ }
sd-kb-not-signed = JWT ربط المفتاح غير موقّع بمفتاح الحامل (cnf)
sd-kb-not-json = محتوى JWT ربط المفتاح ليس JSON صارمًا
sd-kb-bad = JWT ربط المفتاح: { $reason }
sd-kb-no-iat = لا يحمل JWT ربط المفتاح وقت إنشاء (iat)
sd-hash-mismatch = قيمة sd_hash غير مطابقة: عُدّلت الإفصاحات أو الوثيقة بعد توقيع الحامل
sd-holder-binding-ok = مفتاح الربط (cnf) هو did:key الخاص بصاحب الوثيقة
sd-no-cnf = لا تحمل الوثيقة مفتاح حامل صالحًا للاستعمال (cnf.jwk)
sd-no-subject = لا تذكر الوثيقة معرّف صاحبها
sd-cnf-not-subject = مفتاح cnf ليس مفتاح credentialSubject.id

## المعادلة: ما هو غير معروف

eq-note-no-level = لا يذكر المؤهل أي مستوى في إطار مؤهلات، لذا لا يمكن تحديد مستوى مقارن.
eq-note-related = لا يوجد قرار ينطبق على هذا المؤهل، لكن لدى { $country } قرارات معادلة للمهنة نفسها أو المجال نفسه: { $related }.
eq-related-item = { $id } ({ $qualification } من { $country }، { $level })
eq-related-item-any-level = { $id } ({ $qualification } من { $country }، أي مستوى)
eq-note-no-framework-country = لا يوجد في البيانات إطار مؤهلات لـ { $country }، لذا لا يمكن تحديد مستوى مقارن هناك.
eq-note-no-framework = الإطار { $framework } غير موجود في البيانات.
eq-note-unknown-level = { $level } ليس مستوى في أي إطار موجود في البيانات، لذا لا يمكن تحديد مستوى مقارن له.
eq-note-deprecated = { $old } معرّف قديم لـ { $new } (أصبحت معرّفات المستويات تتضمن بلدها)؛ وقد أُجيب عنه بوصفه { $new }.
eq-note-for = بالنسبة إلى { $level }: { $note }.
eq-with-data-note = { $text } ({ $note })
eq-gap-none = لا يوجد ربط رسمي: { $from } غير مربوط بـ { $to }
eq-gap-comparison-only = لا تُقارن { $from } و{ $to } إلا في جدول ليس ربطًا رسميًا، وهذا الجدول غير موجود في البيانات
eq-gap-unconfirmed-said = غير مؤكد: { $detail }
eq-gap-unconfirmed = غير مؤكد ما إذا كان { $from } مربوطًا بـ { $to }
eq-gap-no-level-table = { $from } مربوط بـ { $to } ({ $status })، لكن جدول المستويات لهذا الربط غير موجود في البيانات، لذا لا يمكن تحديد مستوى مقارن من خلاله
eq-gap-no-link = لا يوجد في البيانات ربط مستوى من { $level } إلى { $to } (مطابقة المستويات: { $mapping })
eq-gap-no-link-unmapped = لا يوجد في البيانات ربط مستوى من { $level } إلى { $to } (مطابقة المستويات: غير محددة)
eq-gap-no-referencing = لا يوجد في البيانات ربط لـ { $framework } بإطار مرجعي
eq-gap-no-chain = لا توجد في البيانات سلسلة ربط تصل إلى { $targets }
eq-bridge-none-exists = لا يوجد ربط بين { $a } و{ $b }
eq-bridge-none-in-data = لا يوجد في البيانات ربط بين { $a } و{ $b }
eq-bridge = { $pairs }، لذا لا يمكن مقارنة أي مستوى من { $framework } بـ { $targets } عبر الأطر المرجعية، أيًّا كانت جداول المستويات

## سطر الأوامر: الملخصات

cli-issued = صدرت { $id } -> { $path }
cli-unreadable = { $source }: تتعذر القراءة: { $reason }
cli-verdict = { $source }: { $verdict ->
    [valid] صالحة
    [invalid] غير صالحة
   *[other] غير محسومة
}
cli-verdict-failed = { $source }: { $verdict ->
    [valid] صالحة
    [invalid] غير صالحة
   *[other] غير محسومة
} (فحوص فاشلة: { $checks })
cli-verdict-undecided = { $source }: { $verdict ->
    [valid] صالحة
    [invalid] غير صالحة
   *[other] غير محسومة
} (فحوص غير محسومة: { $checks })
cli-summary = صالحة: { $valid }، غير صالحة: { $invalid }، غير محسومة: { $indeterminate }
cli-summary-unreadable = صالحة: { $valid }، غير صالحة: { $invalid }، غير محسومة: { $indeterminate }، تتعذر قراءتها: { $unreadable }
eq-practice-item = { $title }: { $summary }

## الوثائق متعددة اللغات

title-other-language = (لا يوجد عنوان بالعربية؛ معروض بلغة { $shown })

## أخطاء السجل: معنى كل نوع من الرفض (التفصيل الدقيق بالإنجليزية يبقى في `message`)

registry-400 = تتعذر قراءة الطلب: راجع صيغته وفق توثيق واجهة البرمجة.
registry-401 = تعذر التحقق من مُرسِل الطلب: وقّعه بمفتاح مسجَّل.
registry-403 = لا يحق للموقِّع القيام بذلك.
registry-404 = غير موجود.
registry-405 = هذا المسار لا يقبل هذه الطريقة.
registry-408 = استغرق وصول الطلب وقتًا طويلًا؛ أعد إرساله.
registry-409 = يتعارض الطلب مع ما يحتويه السجل.
registry-413 = الطلب كبير جدًا.
registry-414 = العنوان طويل جدًا.
registry-415 = يجب أن يكون محتوى الطلب بصيغة JSON.
registry-422 = قُرئ الطلب، لكن ما يطلبه مرفوض.
registry-431 = ترويسات الطلب كبيرة جدًا.
registry-500 = تعذر على السجل معالجة الطلب؛ يجد المشغّل التفاصيل في سجل عملياته.
registry-503 = لا يستطيع السجل خدمة الطلبات الآن؛ حاول لاحقًا.
registry-error = رُفض الطلب.

## أخطاء سطر الأوامر (السبب نفسه بالإنجليزية حاليًا)

cli-error = skillpass: خطأ: { $reason }

## The typeset card (`skillpass card`): its labels, in at most two languages.
card-heading-qualification = مؤهل قابل للتحقق
card-heading-skills = مهارات قابلة للتحقق
card-issued-by = صادر عن (جهة مسجلة)
card-awarding-body = الجهة المانحة كما وردت في الوثيقة
card-issuer-unverified = الجهة المصدرة كما وردت في الوثيقة (لم يتم التحقق منها)
card-level = المستوى
card-awarded = تاريخ المنح
card-contains = يحتوي هذا الرمز على الوثيقة كاملة.
card-contains-personal = يحتوي هذا الرمز على الوثيقة كاملة، بما في ذلك { $fields }.
card-birth-date = تاريخ الميلاد
card-nationality = الجنسية
card-grade = التقدير
card-scan-to-verify = امسح الرمز بكاميرا الهاتف للتحقق، أو دون اتصال
card-verify-offline = تحقق دون اتصال
# A list on the card: items joined by a comma, the last two by "and".
card-list-comma = { $first }، { $second }
card-list-and = { $first } و{ $second }

# IETF SD-JWT VC (dc+sd-jwt): its Type Metadata and its layout
sd-vc-type-metadata = البيانات الوصفية لنوع SD-JWT VC: { $reason }
sd-vc-layout = تتعذر قراءة SD-JWT VC: { $reason }

## ما تقوله الوثيقة بلغة القارئ (الجهة المانحة، المهارات، مخرجات التعلّم)

shown-other-language = (غير متوفر بالعربية؛ معروض بلغة { $shown })
report-awarding-body = الجهة المانحة المذكورة في الوثيقة: { $name }
report-skills = { $count ->
    [zero] المهارات
    [one] المهارة
    [two] المهارتان
    [few] المهارات
    [many] المهارات
   *[other] المهارات
}: { $names }
report-outcomes = { $count ->
    [zero] مخرجات التعلّم
    [one] ناتج التعلّم
    [two] ناتجا التعلّم
    [few] مخرجات التعلّم
    [many] مخرجات التعلّم
   *[other] مخرجات التعلّم
}:
skills-headline-more = { $first } و{ $more ->
    [zero] لا مهارات أخرى
    [one] مهارة أخرى
    [two] مهارتان أخريان
    [few] { $more } مهارات أخرى
    [many] { $more } مهارةً أخرى
   *[other] { $more } مهارة أخرى
}

## المحفظة (`skillpass wallet list`)

wallet-heading = محفظة { $holder } ({ $count ->
    [zero] لا وثائق
    [one] وثيقة واحدة
    [two] وثيقتان
    [few] { $count } وثائق
    [many] { $count } وثيقةً
   *[other] { $count } وثيقة
})
wallet-col-title = العنوان
wallet-col-awarding-body = الجهة المانحة
wallet-col-issuer = جهة الإصدار
wallet-col-country = البلد
wallet-col-level = المستوى
wallet-col-status = الحالة
wallet-untitled = (بلا عنوان)
wallet-empty = لا تحتوي المحفظة على وثائق بعد؛ أضف وثيقة بالأمر `skillpass wallet add --wallet { $path } ملف-الوثيقة`

report-list-item = - { $item }

## لماذا تعذّر تنفيذ الأمر

err-cannot-open = تعذّر فتح { $path }
err-cannot-read = تعذّرت قراءة { $path }
err-not-utf8-text = تعذّرت قراءة { $path } بوصفه نصًا بترميز UTF-8
err-too-large = حجم { $path } يتجاوز الحد الأقصى البالغ { $max } بايت
err-not-json = { $path } ليس JSON صالحًا
err-stdin = تعذّرت قراءة الإدخال القياسي
err-cannot-create = تعذّر إنشاء { $path }
err-cannot-write = تعذّرت الكتابة في { $path }
err-not-key-file = { $path } ليس ملف مفتاح خاص من نوع Ed25519
err-registry-unreachable = تعذّر الوصول إلى السجل: { $reason }
err-registry-no-answer = لم يُجب السجل
err-registry-not-json = أجاب السجل بالرمز { $status } بمحتوى ليس JSON
err-scan-not-credential = الرمز الممسوح ليس وثيقة Skillpass
err-card-not-credential = الوثيقة ليست مستند JSON موقّعًا
err-empty-credential = { $path } فارغ: لا توجد فيه وثيقة؛ اطلب من المرسل إرسال الملف مرة أخرى
io-not-found = لا يوجد ملف أو مجلد بهذا الاسم
io-permission-denied = الإذن مرفوض
io-is-a-directory = هذا مجلد وليس ملفًا
io-not-utf8 = المحتوى ليس نصًا بترميز UTF-8
io-already-exists = موجود مسبقًا
io-storage-full = القرص ممتلئ
wallet-wrong-passphrase = عبارة مرور خاطئة: هذه العبارة لا تفتح المحفظة
wallet-corrupted = ملف المحفظة تالف: { $reason }
wallet-bad-credential = ليست وثيقة مقروءة: { $reason }
wallet-not-holders = هذه الوثيقة صادرة إلى { $subject } وليس إلى صاحب هذه المحفظة { $holder }
wallet-duplicate = الوثيقة { $id } موجودة في المحفظة مسبقًا
wallet-full = المحفظة ممتلئة ({ $max } وثيقة)

## الإضافة إلى المحفظة (`skillpass wallet add`)

wallet-added = { $source }: أُضيفت { $id } ({ $title })
wallet-untitled-plain = بلا عنوان
wallet-already = { $source }: موجودة في المحفظة مسبقًا ({ $id })
wallet-refused = { $source }: رُفضت: { $reason }
wallet-refused-invalid = { $source }: رُفضت: الوثيقة { $status }
wallet-add-summary = أُضيفت: { $added }، موجودة مسبقًا: { $skipped }، مرفوضة: { $refused }؛ في المحفظة { $count ->
    [zero] لا وثائق
    [one] وثيقة واحدة
    [two] وثيقتان
    [few] { $count } وثائق
    [many] { $count } وثيقةً
   *[other] { $count } وثيقة
}

## إصدار دفعة من ملف CSV (`skillpass issue --csv`)

batch-row-error = السطر { $line }: { $reason }
batch-row-changed = السطر { $line }: تغيّر منذ إصداره بوصفه { $file } ({ $id })؛ لم يُصدر مرة أخرى. إن كانت تلك الوثيقة خاطئة فألغِها وأصدر السطر المصحّح في مجلد --out-dir جديد
batch-file-taken = لم يُصدر: يحتوي { $file } على وثيقة صادرة من سطر آخر (هل أُضيفت أسطر فوق هذا السطر، أم تغيّر هذا السطر؟). أضف الأسطر الجديدة في آخر الدفعة، أو أصدر هذا السطر في مجلد --out-dir آخر
batch-required-empty = { $column }: فارغ، وهو إلزامي
batch-outcomes-count = { $column }: { $given ->
    [zero] لا نواتج تعلّم
    [one] ناتج تعلّم واحد
    [two] ناتجا تعلّم
    [few] { $given } نواتج تعلّم
    [many] { $given } ناتجًا للتعلّم
   *[other] { $given } ناتج تعلّم
}، لكن learning_outcomes فيه { $english }؛ اذكر كل ناتج تعلّم بكل لغة وبالترتيب نفسه، مفصولة بالرمز |
batch-lines = { $count ->
    [zero] الأسطر
    [one] السطر
    [two] السطران
    [few] الأسطر
    [many] الأسطر
   *[other] الأسطر
} { $ranges }
batch-skipped = صدرت سابقًا فتُجووزت: { $lines }
batch-issued-now = صدرت الآن: { $lines }
batch-orphans = صدرت سابقًا من أسطر لم تعد في هذا الملف (تغيّرت أو حُذفت): { $rows }
batch-summary = صدرت: { $issued }، أخفقت: { $failed }؛ الملخص في { $path }
batch-summary-rerun = صدرت: { $issued }، أخفقت: { $failed }، صدرت سابقًا: { $already }، تغيّرت منذ إصدارها: { $changed }؛ الملخص في { $path }

## أسباب رفض السجل، كلٌّ في موضعه (يبقى `message` بالإنجليزية؛ وهذا في `text`)

reg-timeout = استغرق وصول الطلب وقتًا طويلًا؛ أرسله مرة أخرى
reg-no-issuer = لا توجد جهة إصدار مسجّلة بهذا المعرّف اللامركزي (DID)
reg-no-credential = لا توجد وثيقة محفوظة بهذا المعرّف
reg-nonce-used = سبق استخدام هذا الطلب الموقّع؛ وقّع كل طلب بقيمة nonce جديدة
reg-nonce-unknown-after-restart = أُعيد تشغيل السجل بعد عطل ولا يمكنه التحقق مما إذا كان طلب القراءة الموقّع هذا قد استُخدم من قبل؛ وقّع طلبًا جديدًا بعد بضع ثوانٍ
reg-unknown-signer = الطلب موقّع بمفتاح لا يعود إلى أي جهة إصدار مسجّلة
reg-grant-expired = انتهت صلاحية الإذن الذي منحك إياه صاحب الوثيقة
reg-grant-revoked = سحب صاحب الوثيقة الإذن الذي منحك إياه
reg-body-too-large = محتوى الطلب يتجاوز الحد الأقصى البالغ { $max } بايت
reg-not-json-type = يجب إرسال المحتوى بنوع Content-Type: application/json، لا { $type }
reg-country = يجب أن يكون country رمز بلد وفق ISO 3166-1 alpha-2، مثل { $example }
reg-key-registered = هذا المفتاح مسجّل مسبقًا لجهة إصدار
reg-valid-until = يجب أن يكون validUntil بعد validFrom
reg-withdrawn-final = سُحب اعتماد جهة الإصدار هذه، والسحب نهائي
reg-no-web-file = لا يوجد هذا الملف في صفحة التحقق
reg-batch-max = { $max } وثيقة على الأكثر في الطلب الواحد
reg-nothing-given = لم تُرسل أي وثائق أو قوائم حالة
reg-grantee = يجب أن يكون المأذون له معرّفًا من نوع did:key
reg-no-grant = لا يوجد إذن كهذا لهذه الوثيقة
reg-no-decision = لا يوجد قرار محفوظ بهذا المعرّف
reg-revocation-final = لا يمكن التراجع عن الإلغاء؛ علّق الوثيقة بدلًا من ذلك إن كان التعليق قد يُرفع لاحقًا

## صفحة التحقق في المتصفح (verifier-web): الكلمات التي تكتبها الصفحة بنفسها. نتائج الفحوص والحكم وأجوبة
## المعادلة تأتي من الرسائل أعلاه، كما يطبعها `skillpass verify`.

page-title = أداة التحقق من Skillpass
page-tagline = تتحقق من وثيقة مؤهل أو وثيقة مهارات على هذا الجهاز. لا تُرسَل الوثيقة إلى أي مكان.
page-loading = جارٍ تحميل أداة التحقق…
page-load-failed = تعذّر تحميل أداة التحقق: { $why }
page-input-heading = التحقق من وثيقة رقمية
page-input-file = اختر ملفًا: وثيقة رقمية (.jwt)، أو SD-JWT، أو صورة البطاقة (PNG أو JPEG)، أو البطاقة بصيغة PDF
page-input-drop = …أو أفلت الملف هنا
page-input-paste = أو الصق وثيقة رقمية، أو رمز البطاقة (SP1:…)، أو رابطًا
page-input-verify = تحقّق
page-input-camera = امسح رمز QR الموجود على البطاقة بالكاميرا
page-input-camera-stop = أوقف الكاميرا
page-input-camera-help = ضع رمز البطاقة داخل الإطار.
page-input-camera-failed = تعذّر تشغيل الكاميرا: { $why }
page-input-presentation = العروض المقدَّمة من محفظة الحامل
page-input-audience = معرّف جهة التحقق هذه (الجهة المقصودة)
page-input-nonce = الرمز الفريد (nonce) الذي أعطيته للحامل
page-input-country = ما يعنيه ذلك في
page-input-country-none = (لم يُختر بلد)
page-verdict-valid = صالحة
page-verdict-invalid = غير صالحة
page-verdict-indeterminate = تعذّر التحقق
page-verdict-valid-help = اجتازت جميع الفحوص.
page-verdict-invalid-help = فشل: { $checks }.
page-verdict-indeterminate-help = لم يفشل شيء، لكن تعذّر البتّ في كل شيء: { $checks }.
page-result-heading = النتيجة
page-result-none = لم يُتحقَّق من شيء بعد.
page-result-unreadable = تعذّرت القراءة
page-result-reading = جارٍ قراءة { $what }…
page-result-from-paper = قُرئت من رمز بطاقة مطبوعة.
page-result-credential = الوثيقة { $n }
page-field-holder = الحامل
page-field-holder-verified = (مُتحقَّق منه)
page-field-holder-stated = (كما تذكره الوثيقة، دون تحقق)
page-field-title = المسمّى
page-field-level = المستوى
page-field-type = النوع
page-field-issuer = الجهة المُصدِرة
page-field-issuer-registered = { $name } (مسجّلة في حزمة الثقة، { $country })
page-field-issuer-unknown = غير موجودة في حزمة الثقة: { $did }
page-field-valid-from = صالحة من
page-field-valid-until = صالحة حتى
page-field-holder-did = معرّف الحامل
page-checks-heading = الفحوص العشرة
page-checks-holder-heading = فحوص ما قدّمه الحامل
page-disclosed-heading = الإفصاح الانتقائي
page-disclosed-yes = ما أُفصح عنه
page-disclosed-no = ما لم يُفصح عنه
page-disclosed-none = (لا شيء)
page-meaning-heading = ما يعنيه ذلك في { $country }
page-meaning-untrusted = تم تجاهل قرار معادلة غير موثوق: { $why }
page-words-heading = التقرير الكامل كما يطبعه skillpass verify
page-trust-heading = الثقة
page-trust-anchor = مفتاح المشغّل (مرساة الثقة)
page-trust-bundle = حزمة الثقة { $sequence }
page-trust-issued = صدرت في { $when } (منذ { $age })
page-trust-next = التحديث التالي في { $when }
page-trust-stale = تجاوزت هذه الحزمة موعد تحديثها: ستكون النتائج «تعذّر التحقق» إلى أن تُحمَّل حزمة أحدث.
page-trust-contents = الجهات المُصدِرة: { $issuers }، قوائم الحالة: { $lists }، قرارات المعادلة: { $decisions }
page-trust-none = لا توجد حزمة ثقة بعد.
page-trust-no-anchor = لم يُثبَّت مفتاح المشغّل بعد: حمّل حزمة من ملف مع مفتاح المشغّل.
page-trust-refresh = ابحث عن حزمة أحدث
page-trust-refreshing = جارٍ البحث عن حزمة أحدث…
page-trust-up-to-date = الحزمة محدّثة.
page-trust-updated = حُمّلت حزمة الثقة { $sequence }.
page-trust-offline = تعذّر الوصول إلى السجل ({ $why })؛ يجري التحقق بالحزمة المحفوظة.
page-trust-refused = رُفضت حزمة ثقة: { $why }
page-trust-kept = تواصل الصفحة استعمال الحزمة { $sequence }.
page-trust-file = تحميل حزمة ثقة من ملف
page-trust-file-bundle = ملف الحزمة (.jws)
page-trust-file-anchor = مفتاح المشغّل (did:key) الذي يوقّعها
page-trust-file-load = حمّل الحزمة
page-trust-file-missing = اختر ملف الحزمة وأدخل مفتاح did:key الخاص بالمشغّل.
page-trust-memory-damaged = امسح ما يتذكره هذا المتصفح من الحزم
page-trust-memory-forgotten = مُسح ما كان محفوظًا من الحزم؛ لن يعرف المتصفح إلا الحزم التي تُرى من الآن فصاعدًا.
page-anchor-changed = تحذير: تغيّر مفتاح المشغّل
page-anchor-changed-body = أُعدّت هذه الصفحة للثقة بـ { $old }. يذكر السجل الآن { $new }. إلى أن تقبل المفتاح الجديد، تُرفض الحزم الموقّعة به. لا تقبله إلا إذا أبلغك المشغّل بتغيير المفتاح.
page-anchor-accept = ثق بالمفتاح الجديد من الآن فصاعدًا
page-anchor-typed = تثق هذه الصفحة الآن بـ { $new } بدلًا من { $old }.
page-anchor-accepted = تثق هذه الصفحة الآن بـ { $new }.
page-no-bundle = لا توجد حزمة ثقة: حمّل حزمة قبل التحقق.
page-image-no-code = لم يُعثر على رمز QR مقروء في الصورة. التقط الصورة من مسافة أقرب وبشكل مستقيم، أو اختر ملف PNG الخاص بالبطاقة.
page-image-unreadable = تعذّرت قراءة الصورة: { $why }
page-pdf-nothing = لم يُعثر في ملف PDF هذا على وثيقة رقمية ولا على رمز QR مقروء. اختر ملف PNG الخاص بالبطاقة، أو امسح الرمز بالكاميرا.
page-file-too-large = حجم الملف أكبر من { $max } ميغابايت.
page-footer-privacy = يجري التحقق في هذا المتصفح باستعمال WebAssembly. لا تنزّل الصفحة إلا نفسها وحزمة الثقة؛ والوثيقة الموجودة في رابط تبقى في الجزء الذي يلي علامة #، وهو جزء لا ترسله المتصفحات أبدًا.
page-language = اللغة
page-language-name = العربية
page-age-minutes = { $n ->
    [zero] { $n } دقيقة
    [one] دقيقة واحدة
    [two] دقيقتين
    [few] { $n } دقائق
    [many] { $n } دقيقة
   *[other] { $n } دقيقة
}
page-age-hours = { $n ->
    [zero] { $n } ساعة
    [one] ساعة واحدة
    [two] ساعتين
    [few] { $n } ساعات
    [many] { $n } ساعة
   *[other] { $n } ساعة
}
page-age-days = { $n ->
    [zero] { $n } يوم
    [one] يوم واحد
    [two] يومين
    [few] { $n } أيام
    [many] { $n } يومًا
   *[other] { $n } يوم
}
page-problem-nothing-given = لا يوجد ما يُتحقَّق منه: الصق وثيقة رقمية، أو اختر ملفًا، أو امسح رمزًا.
page-problem-empty-file = الملف فارغ: لا يحتوي على أي وثيقة رقمية. اطلب الملف مرة أخرى من المُرسِل.
page-problem-empty-link = لا يحتوي الرابط على وثيقة رقمية بعد علامة #.
page-problem-damaged-link = تعذّرت قراءة الرابط: { $detail }
page-problem-not-a-paper-code = الرمز الممسوح ليس وثيقة Skillpass رقمية: { $detail }
page-problem-needs-audience-and-nonce = يُفحص العرض مقابل معرّف جهة التحقق هذه (الجهة المقصودة) والرمز الفريد الذي أعطته للحامل: أدخل كليهما تحت «العروض المقدَّمة من محفظة الحامل».
page-problem-unknown-destination = الوجهة غير معروفة: { $detail }
page-problem-anchor-not-did-key = يجب أن تكون مرساة الثقة مفتاح did:key الخاص بالمشغّل ({ $detail }).
page-problem-memory-damaged = ذاكرة هذا المتصفح لحزم الثقة تالفة ({ $detail }). لم يُتحقَّق من أي شيء، لأن هذه الذاكرة هي التي ترفض الحزم القديمة أو المزوّرة. لا تمسحها إلا إذا عرفت سبب تلفها: الذاكرة الجديدة لا تعرف إلا الحزم التي تُرى بعد ذلك.
page-problem-bundle-too-large = حزمة الثقة أكبر من الحد المسموح وهو { $max } بايت.
page-problem-bad-options = أرسلت الصفحة خيارات لا تستطيع أداة التحقق هذه قراءتها: { $detail }
page-problem-framework-data = تعذّرت قراءة بيانات أطر المؤهلات المرفقة: { $detail }

## رفض السجل، كلٌّ في موضعه (تتمة). `$detail` هو ما قالته طبقة أدنى (محلّل أو فحص) ويُعرض كما هو.

reg-no-route = لا يوجد مسار بهذا الاسم
reg-method = هذا المسار لا يقبل هذه الطريقة
reg-store-unreachable = تعذّر على السجل الوصول إلى مخزن بياناته؛ أعد المحاولة بعد قليل
reg-store-unreadable = تعذّر على السجل قراءة مخزن بياناته؛ يجد المشغّل التفاصيل في سجل أحداثه
reg-store-damaged = مخزن البيانات تالف ولم تُؤخذ أي نسخة احتياطية: { $why }؛ شغّل skillpass-registry check
reg-operator-only = لا يحق ذلك إلا لمشغّل السجل
reg-retired-key = الطلب موقّع بمفتاح متقاعد لهذه الجهة المُصدِرة؛ وقّع بالمفتاح الحالي
reg-own-credentials-only = لا يجوز للجهة المُصدِرة أن تغيّر إلا حالة وثائقها الرقمية
reg-who-reads = لا يقرأ الوثيقة الرقمية إلا الجهة المُصدِرة لها أو حاملها أو جهة مأذون لها
reg-unsigned = يجب أن يكون هذا الطلب موقّعًا: Authorization: Skillpass <JWS>
reg-unreadable-authorization = تعذّرت قراءة ترويسة Authorization
reg-unreadable-body = تعذّرت قراءة محتوى الطلب: { $detail }
reg-body-not-json = المحتوى ليس بصيغة JSON: { $detail }
reg-body-misfit = المحتوى لا يناسب هذا الطلب: { $detail }
reg-request-refused = رُفض الطلب الموقّع: { $detail }
reg-invalid-query = تعذّرت قراءة معاملات الاستعلام: { $detail }
reg-field-max-chars = يجب ألا يتجاوز { $field } { $max } حرفًا
reg-field-chars = يجب أن يكون طول { $field } بين { $min } و{ $max } حرفًا
reg-field-bidi = يجب ألا يحتوي { $field } على محارف تحكّم أو محارف تنسيق ثنائي الاتجاه (يحتوي على { $char })
reg-field-max-bytes = يجب ألا يتجاوز { $field } { $max } بايت
reg-field-control = يجب ألا يحتوي { $field } على محارف تحكّم
reg-field-items = عدد العناصر في { $field }: { $count }؛ والحد الأقصى المقبول { $max }
reg-scope-needed = يحتاج الاعتماد إلى عنصر نطاق واحد على الأقل بالصيغة TYPE[:MAX-LEVEL]
reg-scope-refused = نطاق الاعتماد غير صالح: { $detail }
reg-never-accredited = لم تُعتمد هذه الجهة المُصدِرة قط
reg-not-suspended = هذه الجهة المُصدِرة غير موقوفة في ذلك التاريخ؛ لا يُرفع إلا الإيقاف
reg-rotate-own = لا يجوز للجهة المُصدِرة أن تغيّر إلا مفاتيحها
reg-new-key-registered = المفتاح الجديد مسجّل من قبل
reg-key-refused = رُفض المفتاح الجديد: { $detail }
reg-param-invalid = القيمة { $value } للمعامل { $name } غير صالحة هنا
reg-unknown-level = قيمة level ليست مستوى في أي إطار مؤهلات مرفق؛ يعرضها GET /equivalence/frameworks
reg-at = يجب أن تكون قيمة at وقتًا بصيغة RFC 3339 (2026-11-26T10:00:00Z) أو تاريخًا (2026-11-26)
reg-equivalence-refused = رُفضت بيانات المعادلة: { $detail }
reg-no-type-metadata = لا يقدّم هذا السجل Type Metadata: شغّله مع --public-url مضبوطًا على العنوان الذي يُبلغ منه
reg-no-type = لا يوجد نوع وثيقة بهذا الاسم؛ الأنواع هي QualificationCredential وSkillCredential
reg-no-context = لا يوجد سياق بهذا الاسم؛ السياقات هي { $known }
reg-authority-id = يجب أن يكون id مفتاح did:key الخاص بالجهة المختصة (دون جزء fragment)
reg-authority-exists = هذه الجهة المختصة مسجّلة من قبل
reg-decision-born-withdrawn = لا يمكن أن يكون قرار المعادلة الجديد مسحوبًا من البداية؛ اسحب قرارًا منشورًا عبر POST /decisions/{"{"}id{"}"}/withdraw
reg-revise-own = لا يجوز للجهة المختصة أن تعدّل إلا قراراتها
reg-superseded = حلّ { $new } محلّ { $old } من قبل؛ عدّل ذلك القرار بدلًا منه
reg-decision-other-id = القرار الموقّع يحمل معرّفًا غير الذي في المسار
reg-withdraw-own = لا يجوز للجهة المختصة أن تسحب إلا قراراتها
reg-decision-withdrawn = هذا القرار مسحوب من قبل
reg-withdrawn-missing = يجب أن يضبط القرار المعاد توقيعه قيمة withdrawn على وقت السحب
reg-withdrawn-future = يجب ألا تكون قيمة withdrawn في المستقبل؛ لإنهاء قرار لاحقًا، انشر تعديلًا مع validUntil
reg-withdrawal-changed = يجب أن يكون السحب هو القرار المنشور نفسه معادًا توقيعه مع إضافة withdrawn وحدها؛ انشر تعديلًا لتغيير أي شيء آخر
reg-decision-refused = رُفض قرار المعادلة: { $detail }
reg-no-status-entry = ليس للوثيقة الرقمية إدخال حالة من نوع { $purpose }
reg-status-entry-unreadable = تعذّرت قراءة إدخال حالة الوثيقة الرقمية: { $detail }
reg-status-list-unheld = لا يحتفظ السجل بقائمة الحالة التي تذكرها هذه الوثيقة الرقمية
reg-no-status-list = لا توجد قائمة حالة بهذا الاسم
reg-no-token-status-list = لم تنشر الجهة المُصدِرة أي Token Status List لهذه القائمة (اطلب دون Accept: application/statuslist+jwt للحصول على قائمة Bitstring)
reg-status-list-refused = رُفضت قائمة الحالة: { $detail }
reg-not-signers-credential = أصدرت { $issuer } الوثيقة { $which }، لا الجهة التي وقّعت هذا الطلب
reg-credential-refused = رُفضت الوثيقة الرقمية: { $detail }
reg-out-of-scope = الوثيقة الرقمية خارج نطاق الاعتماد: { $detail }
reg-duplicate-in-batch = { $which } تكرّر معرّفًا ورد من قبل في هذا الطلب
reg-credential-exists = { $which }: توجد وثيقة رقمية أخرى محفوظة بهذا المعرّف
reg-issuer-not-active = جهة الإصدار هذه غير معتمدة حاليًا ({ $standing })، فلا يمكنها النشر
reg-status-list-exists = توجد قائمة حالة ({ $purpose }) محفوظة لجهة الإصدار هذه؛ غيّر الحالة عبر POST /credentials/{"{"}id{"}"}/status
reg-token-list-unheld = تشير قائمة حالة رمزية (Token Status List) إلى قائمة لا يحتفظ بها السجل؛ أرسل قائمة الإلغاء الخاصة بها في statusLists
reg-grant-expiry = يجب أن يكون expiresAt في المستقبل وألا يتجاوز { $days } يومًا من الآن

## ما يقوله الأمر حين لا يستطيع المتابعة (تتمة)، وأجزاء خطأ سطر في ملف CSV

cli-passphrases-differ = عبارتا المرور غير متطابقتين
cli-passphrase-short = اختر عبارة مرور من { $min } حرفًا على الأقل
cli-no-wallet = لا توجد محفظة في { $path } (أنشئ واحدة بالأمر `skillpass wallet init`)
cli-wallet-exists = { $path } موجود من قبل؛ لن تُستبدل المحفظة (استعمل --force لاستبدالها وفقدان مفتاحها)
cli-no-credential-empty = لا توجد وثيقة رقمية { $selector }: لا تحتوي المحفظة على أي وثيقة بعد
cli-no-credential = لا توجد وثيقة رقمية { $selector } في المحفظة (استعمل رقمها في `wallet list` أو معرّفها أو آخر معرّفها)
cli-present-key-or-wallet = حدّد --key HOLDER.key أو --wallet FILE
cli-disclose-sd-only = ينطبق --disclose على وثائق SD-JWT وحدها (الصادرة بالأمر `skillpass issue --sd-jwt`)؛ أما هذه فتُظهر كل البيانات
cli-credential-too-large = الوثيقة { $n } تتجاوز الحد المسموح وهو { $max } بايت
cli-sd-jwt-alone = تُقدَّم وثيقة SD-JWT وحدها، وثيقة واحدة في كل عرض
cli-issue-usage = حدّد --claims FILE --out FILE، أو --csv FILE --out-dir DIR
cli-revoke-registry-credential = مع --registry، سمِّ الوثيقة الرقمية (ملفًا أو معرّفها)، لا --index
cli-revoke-where = حدّد --status FILE (دون اتصال)، أو --registry URL (أو اضبط SKILLPASS_REGISTRY) لتغيير الحالة في السجل
cli-revoke-what = حدّد ملف وثيقة رقمية أو --index
cli-nothing-to-publish = لا يوجد ما يُنشر
batch-cell = { $column }: { $problem }
batch-cell-value = { $column }: القيمة { $value } غير صالحة: { $problem }
batch-not-form = المطلوب { $form }
batch-not-after-start = ليس بعد بداية مدة الصلاحية
batch-already-past = انقضى بالفعل
batch-in-future = في المستقبل
form-date = تاريخ (YYYY-MM-DD)
form-date-time = تاريخ ووقت (YYYY-MM-DDThh:mm:ssZ)
form-level = معرّف مستوى في إطار مؤهلات (مثل PQF-6)
form-country = رمز بلد من حرفين (مثل PH)
form-isced = رمز مجال ISCED-F من 2 إلى 4 أرقام (مثل 0913)
form-isco = رمز مهنة ISCO-08 من 1 إلى 4 أرقام (مثل 2221)
form-lang = وسم لغة (مثل fil)
form-did-key = مفتاح did:key

## الحالة التي تتذكرها المحفظة عن وثيقة رقمية (`wallet list`)

wallet-status-valid = صالحة
wallet-status-invalid = غير صالحة
wallet-status-indeterminate = غير محسومة
wallet-status-unchecked = لم يُتحقَّق منها
wallet-status-failed = { $verdict } ({ $checks })

## التحقق بمفاتيح معطاة مباشرة (ملف المطابقة، المسألة 17)
direct-not-checked = لم يُتحقق منه مقابل حزمة الثقة: أُعطي مفتاح الجهة المُصدِرة مباشرة، فلا يُعرف إن كانت معتمدة
direct-accreditation-line = الاعتماد: لم يُتحقق منه مقابل حزمة الثقة (أُعطي مفتاح الجهة المُصدِرة مباشرة عبر معرّفها اللامركزي DID)
direct-key-ok = { $kid }، المفتاح الخاص بالجهة المُصدِرة، مقروءًا من معرّفها DID
direct-key-given-ok = { $kid }، مفتاح للجهة المُصدِرة أُعطي مباشرة لهذا المُحقِّق
direct-key-not-issuer = المفتاح { $kid } ليس مفتاحًا للجهة المُصدِرة للشهادة
direct-key-bad = تعذّرت قراءة المفتاح من معرّفه DID: { $reason }
direct-kid-not-url = يجب تسمية المفتاح بعنوان DID URL للجهة المُصدِرة (did:key:z…#z… أو did:jwk:…#0)
direct-no-issuer = لا تذكر الشهادة أي جهة مُصدِرة
direct-well-formed-jose = { $bytes } بايت، توقيع JWS مضغوط بمحتوى JSON صارم
direct-well-formed-di = { $bytes } بايت، مع إثبات Data Integrity، وكل مصطلح معرّف في سياقاته
direct-well-formed-proof = إثبات Data Integrity مقروء
direct-holder-signature-ok = موقّع بالمفتاح الخاص بالحامل، مقروءًا من معرّفه DID
direct-holder-key-given-ok = موقّع بالمفتاح { $kid }، وهو مفتاح للحامل أُعطي مباشرة لهذا المُحقِّق
direct-binding-not-asked = لم يُطلب أي { $what }
direct-binding-ok = قيمة { $what } هي المطلوبة ({ $value })
direct-binding-bad = قيمة { $what } ليست المطلوبة: عرض مُعاد أو موجّه إلى غير وجهته
data-model-ok = مطابق لنموذج بيانات W3C للشهادات القابلة للتحقق 2.0
data-model-bad = يخالف نموذج بيانات W3C للشهادات القابلة للتحقق 2.0: { $reasons }
validity-not-date = { $name } ليس تاريخًا ووقتًا مع منطقة زمنية
validity-ends = صالحة حتى { $until }
validity-none = لم تُذكر مدة صلاحية
status-list-unavailable = قائمة الحالة { $list } غير متاحة لهذا المُتحقِّق: زوّده بالقائمة للتحقق من الإلغاء
status-list-unverified = تعذّر التحقق من قائمة الحالة { $list } ({ $reason })
status-list-outdated = انتهت صلاحية قائمة الحالة { $list } في { $until }: احصل على القائمة الحالية من الجهة المُصدِرة
status-ok-direct = غير ملغاة وغير معلّقة وفق قوائم الحالة الخاصة بالجهة المُصدِرة
status-unsupported = لا يمكن التحقق هنا من قيد حالة من النوع { $type }
check-challenge = التحدّي
check-domain = النطاق
check-data-model = نموذج البيانات
direct-issuer-not-given = الجهة المُصدِرة { $issuer } ليست من مفاتيح الجهات المُصدِرة المعطاة لهذا المُتحقِّق
direct-iss-not-issuer = قيمة `iss` في JWT ليست الجهة المُصدِرة للشهادة
direct-not-expired = لا يذكر وقت إنشائه ولا انتهاء صلاحيته
