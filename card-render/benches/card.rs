//! One card, laid out and written: as a PDF (shaping, subsetting the fonts, attaching the
//! credential) and as a 300-dpi raster, for an Arabic and a Latin name, with a QR code of
//! the size the example credential makes (version 27, 125 modules).
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use card_render::{layout, Paper};
use criterion::{criterion_group, criterion_main, Criterion};

mod sample;
use sample::{attachment_and_info, content};

fn card(c: &mut Criterion) {
    let (attachment, info) = attachment_and_info();
    let mut group = c.benchmark_group("card");
    for (label, name) in [("latin", "Nguyễn Thị Ánh"), ("arabic", "فاطمة الزهراء")]
    {
        let content = content(name);
        group.bench_function(format!("layout_{label}"), |b| {
            b.iter(|| layout(&content, Paper::A6).unwrap())
        });
        group.bench_function(format!("pdf_{label}"), |b| {
            b.iter(|| {
                layout(&content, Paper::A6)
                    .unwrap()
                    .pdf(Some(&attachment), &info)
                    .unwrap()
            })
        });
        group.bench_function(format!("png_{label}"), |b| {
            b.iter(|| layout(&content, Paper::A6).unwrap().raster().unwrap())
        });
    }
    group.finish();
}

criterion_group!(benches, card);
criterion_main!(benches);
