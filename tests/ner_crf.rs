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
