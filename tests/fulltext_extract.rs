//! Extraction behaviour on small hand-written pages, hostile input, and the
//! fetch path against a real HTTP server on 127.0.0.1.

mod common;

use akhbar::fulltext::extract::{ExtractError, extract_article};
use akhbar::fulltext::fetch::{FullTextError, fetch_article_text};
use akhbar::model::Direction;
use akhbar::poll::http::{FetchOptions, Fetcher};
use common::{Route, TestServer};

const AR_PARAS: [&str; 3] = [
    "قال رئيس الجمعية إن المعرض سيستمر أسبوعا كاملا، وإن الدخول إليه مجاني للطلاب والعائلات.",
    "وأضاف أن أكثر من مئة عارض من المدن الساحلية سجلوا أسماءهم، وأن الجمعية خصصت جناحا للحرف التقليدية.",
    "وتأمل الجمعية أن يجذب المعرض زوارا من خارج المنطقة، وأن يفتح أسواقا جديدة لمنتجات الحرفيين.",
];

fn arabic_page(article_attrs: &str) -> String {
    let body: String = AR_PARAS.iter().map(|p| format!("<p>{p}</p>")).collect();
    format!(
        "<html><head><title>معرض الحرف</title></head><body>\
         <nav><a href='/'>الرئيسية</a></nav>\
         <article {article_attrs}><h1>معرض الحرف</h1>{body}</article>\
         <div class='related'><a href='/x'>خبر آخر لا علاقة له بالموضوع</a></div></body></html>"
    )
}

#[test]
fn direction_and_language_come_from_the_article_or_its_ancestors() {
    let x = extract_article(&arabic_page("dir='rtl' lang='ar'"), None).expect("article");
    assert_eq!(x.direction, Some(Direction::Rtl));
    assert_eq!(x.lang.as_deref(), Some("ar"));

    let page = arabic_page("").replace("<html>", "<html lang='ar-EG'>");
    let x = extract_article(&page, None).expect("article");
    assert_eq!(x.lang.as_deref(), Some("ar-EG"));
    assert_eq!(x.direction, Some(Direction::Rtl));

    let x = extract_article(&arabic_page(""), None).expect("article");
    assert_eq!(x.direction, None);
    assert_eq!(x.lang, None);
}

#[test]
fn text_is_in_the_clean_text_format_without_boilerplate() {
    let x = extract_article(&arabic_page(""), Some("https://a.example/n/1")).expect("article");
    let paras: Vec<&str> = x.text.split("\n\n").collect();
    for p in AR_PARAS {
        assert!(paras.contains(&p), "{p:?} not a paragraph of {:?}", x.text);
    }
    assert!(!x.text.contains("الرئيسية"));
    assert!(!x.text.contains("خبر آخر"));
    assert_eq!(x.title.as_deref(), Some("معرض الحرف"));
    assert!(!x.html.contains("<nav"));
}

#[test]
fn links_inside_the_article_are_numbered_and_resolved() {
    let p = "The council published the full report[1] on its website on Friday, along with a summary, a map, and the minutes of the last two meetings.";
    let page = format!(
        "<html><body><article><p>{}</p><p>{p}</p><p>{p}</p></article></body></html>",
        p.replace("report[1]", "<a href='/docs/report.pdf'>report</a>")
    );
    let x = extract_article(&page, Some("https://council.example/news/1")).expect("article");
    assert!(x.text.contains("report[1]"), "{}", x.text);
    assert!(
        x.text
            .contains("[1] https://council.example/docs/report.pdf"),
        "{}",
        x.text
    );
}

#[test]
fn json_ld_article_body_is_used_when_the_page_renders_it_with_script() {
    let body = "First paragraph of the story, long enough to count as real article text for the extractor.\n\
                Second paragraph, with more detail about what happened, who said what, and what comes next.\n\
                Third paragraph closing the story with a note on when the next meeting will take place.";
    let ld = serde_json::json!({"@type": "NewsArticle", "headline": "Script-rendered story", "articleBody": body});
    let page = format!(
        "<html><head><script type='application/ld+json'>{ld}</script></head>\
         <body><div id='app'>Loading…</div><div class='menu'><a href='/'>Home</a></div></body></html>"
    );
    let x = extract_article(&page, None).expect("article");
    assert!(
        x.text.contains("Second paragraph, with more detail"),
        "{}",
        x.text
    );
    assert_eq!(x.title.as_deref(), Some("Script-rendered story"));
}

#[test]
fn pages_without_text_are_an_error_not_a_panic() {
    assert_eq!(extract_article("", None), Err(ExtractError::NoArticle));
    assert_eq!(
        extract_article(
            "<html><body><nav><a href='/'>Home</a></nav></body></html>",
            None
        ),
        Err(ExtractError::NoArticle)
    );
    assert!(extract_article("<<<>>>&&&;<div", None).is_err());
}

#[test]
fn hostile_nesting_and_size_cost_bounded_work() {
    let deep = format!(
        "<html><body>{}<p>{}</p></body></html>",
        "<div>".repeat(20_000),
        "word, ".repeat(100)
    );
    let started = std::time::Instant::now();
    let _ = extract_article(&deep, None);
    let many = format!(
        "<html><body>{}</body></html>",
        "<p>Short paragraph of text, with a comma, repeated many times over.</p>".repeat(80_000)
    );
    let x = extract_article(&many, None).expect("article");
    assert!(x.text.len() <= 2 * akhbar::fulltext::extract::MAX_INPUT_BYTES);
    assert!(
        started.elapsed().as_secs() < 60,
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn fetch_decodes_windows_1256_and_extracts() {
    let server = TestServer::start();
    let page = arabic_page("dir='rtl'");
    let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(&page);
    server.route(
        "/n/1",
        Route::ok(bytes.into_owned(), "text/html; charset=windows-1256"),
    );
    server.route("/old", Route::redirect("/n/1"));
    server.route("/gone", Route::status(404));
    let fetcher = Fetcher::new(FetchOptions::default());

    let x = fetch_article_text(&fetcher, &server.url("/old")).expect("article");
    assert!(x.text.contains(AR_PARAS[1]), "{}", x.text);
    assert_eq!(x.direction, Some(Direction::Rtl));

    let err = fetch_article_text(&fetcher, &server.url("/gone")).expect_err("404");
    assert!(matches!(err, FullTextError::Fetch(_)), "{err:?}");
    assert!(err.to_string().contains("404"), "{err}");

    let err = fetch_article_text(&fetcher, "file:///etc/passwd").expect_err("scheme");
    assert!(matches!(err, FullTextError::Fetch(_)), "{err:?}");
}
