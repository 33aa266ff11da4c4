//! The fast CRF tagger gives the same labels as `crfs::Tagger` on a model
//! trained here with the real feature extractor.

use akhbar::intel::ner::{conll, crf::CrfModel, features, gazetteer::Gazetteer, tokenize::Lang};

const TRAIN: &str = "\
قال O\nالرئيس O\nسمير B-PERS\nالحداد I-PERS\nفي O\nعمان B-LOC\n. O\n\n\
زار O\nسمير B-PERS\nمدينة O\nحلب B-LOC\n. O\n\n\
أعلنت O\nشركة O\nالنور B-ORG\nللطاقة I-ORG\nفي O\nحلب B-LOC\n. O\n\n\
قال O\nالوزير O\nكريم B-PERS\nالعلي I-PERS\n. O\n";

#[test]
fn fast_tagger_matches_crfs_tagger() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("m.crfsuite");
    let gaz = Gazetteer::builtin();
    let sents = conll::parse(TRAIN);
    let mut trainer = crfs::Trainer::lbfgs();
    for s in &sents {
        let toks: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
        let infos = features::token_infos(&toks, Lang::Arabic, &gaz);
        trainer
            .append(&features::sentence_attributes(&infos), &s.labels)
            .expect("append");
    }
    trainer
        .params_mut()
        .set_max_iterations(50)
        .expect("iterations");
    trainer.train(&path).expect("train");
    let bytes = std::fs::read(&path).expect("model file");
    let fast = CrfModel::load(&bytes).expect("fast model loads");
    let model = crfs::Model::new(&bytes).expect("model");
    let tagger = model.tagger().expect("tagger");
    let tests = [
        "قال الرئيس كريم الحداد في حلب .",
        "زار الوزير سمير العلي شركة النور للطاقة في عمان .",
        "لا شيء هنا",
    ];
    let mut found = 0;
    for t in tests {
        let toks: Vec<&str> = t.split(' ').collect();
        let infos = features::token_infos(&toks, Lang::Arabic, &gaz);
        let reference = tagger
            .tag(&features::sentence_attributes(&infos))
            .expect("tag");
        let spans = fast.tag(&infos);
        assert_eq!(spans, conll::spans(&reference), "{t}");
        found += spans.len();
    }
    assert!(found >= 4, "the model learnt something ({found} spans)");
    assert!(CrfModel::load(b"not a model").is_none());

    // A bias of zero changes nothing; a large one against `O` tags every
    // token as part of a name; labels the model lacks are ignored.
    let toks: Vec<&str> = "لا شيء هنا".split(' ').collect();
    let infos = features::token_infos(&toks, Lang::Arabic, &gaz);
    let plain = CrfModel::load(&bytes).expect("model loads");
    let zero = CrfModel::load(&bytes)
        .expect("model loads")
        .with_label_bias(&[("O", 0.0), ("NO-SUCH-LABEL", 5.0)]);
    assert_eq!(zero.tag(&infos), plain.tag(&infos));
    let eager = CrfModel::load(&bytes)
        .expect("model loads")
        .with_label_bias(&[("O", -100.0)]);
    let covered: usize = eager.tag(&infos).iter().map(|s| s.end - s.start).sum();
    assert_eq!(covered, toks.len());
}

/// A thread keeps the weights of the words it has tagged, per model:
/// the same sentences tagged in turn by the shipped Arabic and English
/// models on one thread, twice over, give what each model gives on a
/// thread of its own that never saw them.
#[test]
fn each_model_keeps_its_own_word_weights() {
    let load = |name: &str| {
        let path = format!("{}/data/ner/{name}", env!("CARGO_MANIFEST_DIR"));
        CrfModel::load(&std::fs::read(path).expect("model file")).expect("model loads")
    };
    let (ar, en) = (load("ar.crfsuite"), load("en.crfsuite"));
    let gaz = Gazetteer::builtin();
    let infos: Vec<_> = [
        "قال الرئيس سمير الحداد في عمان إن شركة النور للطاقة ستفتح فرعا في حلب .",
        "وزار الوزير كريم العلي مدينة حلب أمس مع الرئيس سمير الحداد .",
    ]
    .iter()
    .map(|t| {
        let toks: Vec<&str> = t.split(' ').collect();
        features::token_infos(&toks, Lang::Arabic, &gaz)
    })
    .collect();
    let fresh = |m: &CrfModel, i: &[features::TokenInfo]| {
        std::thread::scope(|s| s.spawn(|| m.tag(i)).join().expect("tagging thread"))
    };
    let want: Vec<_> = infos
        .iter()
        .map(|i| (fresh(&ar, i), fresh(&en, i)))
        .collect();
    assert!(
        want.iter().any(|(a, e)| a != e),
        "the two models must differ on these sentences for the check to mean anything"
    );
    assert!(
        want.iter().all(|(a, _)| !a.is_empty()),
        "the Arabic model finds names"
    );
    for _ in 0..2 {
        for (i, (a, e)) in infos.iter().zip(&want) {
            assert_eq!(&ar.tag(i), a);
            assert_eq!(&en.tag(i), e);
        }
    }
}
