//! HTML → clean text, declared language/direction, OPML and newsboat
//! `urls` import/export.

use akhbar::model::Direction;
use akhbar::opml::{FeedEntry, OpmlError, export_opml, import, parse_opml, parse_urls};
use akhbar::poll::charset::decode_html;
use akhbar::poll::html::{declared_lang_dir, to_clean_text, to_clean_text_from};

#[test]
fn headings_paragraphs_and_whitespace() {
    let html = "<h2>  Market   day </h2>\n<p>Farmers came\n   early.</p><div>Prices&nbsp;held &amp; rose.</div>";
    assert_eq!(
        to_clean_text(html, None),
        "Market day\n\nFarmers came early.\n\nPrices held & rose."
    );
}

#[test]
fn lists_bullets_numbers_and_nesting() {
    let html = "<p>Menu:</p><ul><li>Bread</li><li>Olives<ol><li>green</li><li>black</li></ol></li></ul><ol start=\"3\"><li>third</li></ol>";
    assert_eq!(
        to_clean_text(html, None),
        "Menu:\n\n• Bread\n• Olives\n  1. green\n  2. black\n\n3. third"
    );
}

#[test]
fn blockquotes_are_prefixed() {
    let html = "<p>He said:</p><blockquote><p>We will rebuild the bridge.</p><p>Soon.</p></blockquote><p>End.</p>";
    assert_eq!(
        to_clean_text(html, None),
        "He said:\n\n│ We will rebuild the bridge.\n\n│ Soon.\n\nEnd."
    );
}

#[test]
fn links_are_numbered_and_listed_once() {
    let html = "<p>Read the <a href=\"/report\">report</a> and the <a href=\"https://other.example/x\">summary</a>; the <a href=\"/report\">report</a> again. <a href=\"javascript:alert(1)\">evil</a> <a href=\"mailto:a@b.c\">mail</a> <a href=\"/empty\"><img src=\"x.png\"></a></p>";
    assert_eq!(
        to_clean_text(html, Some("https://news.example/a/1")),
        "Read the report[1] and the summary[2]; the report[1] again. evil mail\n\n[1] https://news.example/report\n[2] https://other.example/x"
    );
}

#[test]
fn scripts_styles_and_frames_are_dropped_entities_decoded() {
    let html = "<style>p{color:red}</style><p>Safe &lt;text&gt; &#1587;&#1604;&#1575;&#1605;</p><script>alert('x')</script><iframe src=\"http://x\">frame</iframe><noscript>enable js</noscript>";
    assert_eq!(to_clean_text(html, None), "Safe <text> سلام");
}

#[test]
fn line_breaks_pre_and_controls() {
    let html = "<p>one<br>two</p><pre>fn main() {\n    go();\n}</pre><p>bad\u{1b}[31m red\u{7}</p>";
    assert_eq!(
        to_clean_text(html, None),
        "one\ntwo\n\nfn main() {\n    go();\n}\n\nbad red"
    );
}

#[test]
fn arabic_text_and_declared_direction() {
    let html = "<div dir=\"rtl\" lang=\"ar\"><p>انطلقت اليوم فعاليات معرض الكتاب.</p></div>";
    assert_eq!(
        to_clean_text(html, None),
        "انطلقت اليوم فعاليات معرض الكتاب."
    );
    let declared = declared_lang_dir(html);
    assert_eq!(declared.lang.as_deref(), Some("ar"));
    assert_eq!(declared.dir, Some(Direction::Rtl));
    assert_eq!(declared_lang_dir("<p>plain</p>").dir, None);
}

#[test]
fn element_entry_point_converts_a_subtree() {
    let doc = scraper::Html::parse_document(
        "<html><body><nav>Menu</nav><article><h1>Title</h1><p>Body <a href=\"/more\">more</a></p></article></body></html>",
    );
    let Ok(sel) = scraper::Selector::parse("article") else {
        panic!("selector")
    };
    let Some(article) = doc.select(&sel).next() else {
        panic!("no article")
    };
    assert_eq!(
        to_clean_text_from(article, Some("http://site.example/x/")),
        "Title\n\nBody more[1]\n\n[1] http://site.example/more"
    );
}

const OPML: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0">
  <head><title>subs</title></head>
  <body>
    <outline text="أخبار">
      <outline text="الجزيرة" type="rss" xmlUrl="https://arabic.example/rss.xml"/>
      <outline text="Tech">
        <outline text="Gadgets &amp; Co" xmlUrl="http://gadgets.example/feed" category="/reviews,hardware"/>
      </outline>
    </outline>
    <outline text="Top level" xmlUrl="https://top.example/atom.xml"/>
    <outline text="Evil" xmlUrl="javascript:alert(1)"/>
    <outline text="Local" xmlUrl="file:///etc/passwd"/>
    <outline text="Dup" xmlUrl="https://top.example/atom.xml"/>
  </body>
</opml>"#;

#[test]
fn opml_nested_folders_become_tags_and_hostile_entries_are_skipped() {
    let imp = match import(OPML.as_bytes()) {
        Ok(i) => i,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(
        imp.feeds,
        vec![
            FeedEntry {
                url: "https://arabic.example/rss.xml".into(),
                title: Some("الجزيرة".into()),
                tags: vec!["أخبار".into()],
            },
            FeedEntry {
                url: "http://gadgets.example/feed".into(),
                title: Some("Gadgets & Co".into()),
                tags: vec![
                    "أخبار".into(),
                    "Tech".into(),
                    "reviews".into(),
                    "hardware".into()
                ],
            },
            FeedEntry {
                url: "https://top.example/atom.xml".into(),
                title: Some("Top level".into()),
                tags: vec![],
            },
        ]
    );
    let reasons: Vec<&str> = imp.skipped.iter().map(|s| s.reason.as_str()).collect();
    assert_eq!(
        reasons,
        vec![
            "scheme javascript is not http or https",
            "scheme file is not http or https",
            "duplicate"
        ]
    );
}

#[test]
fn opml_round_trip_escapes_everything() {
    let feeds = vec![
        FeedEntry {
            url: "https://a.example/feed?x=1&y=\"2\"".into(),
            title: Some("Tom & Jerry <news> \"quoted\"".into()),
            tags: vec!["عربي".into(), "a,b".into()],
        },
        FeedEntry {
            url: "http://b.example/rss".into(),
            title: None,
            tags: vec![],
        },
    ];
    let xml = export_opml(&feeds);
    let back = match parse_opml(&xml) {
        Ok(i) => i,
        Err(e) => panic!("{e}\n{xml}"),
    };
    assert!(back.skipped.is_empty(), "{:?}", back.skipped);
    assert_eq!(back.feeds[0].url, "https://a.example/feed?x=1&y=%222%22");
    assert_eq!(
        back.feeds[0].title.as_deref(),
        Some("Tom & Jerry <news> \"quoted\"")
    );
    assert_eq!(back.feeds[0].tags, vec!["عربي", "a b"]);
    assert_eq!(back.feeds[1].url, "http://b.example/rss");
    assert_eq!(back.feeds[1].title.as_deref(), Some("http://b.example/rss"));
    // And once more: a second round trip is stable.
    let again = match parse_opml(&export_opml(&back.feeds)) {
        Ok(i) => i,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(again.feeds, back.feeds);
}

#[test]
fn opml_refuses_dtds_and_non_opml() {
    let bomb = r#"<?xml version="1.0"?><!DOCTYPE o [<!ENTITY a "aaaa">]><opml><body><outline text="&a;" xmlUrl="http://x.example/"/></body></opml>"#;
    assert!(matches!(parse_opml(bomb), Err(OpmlError::Doctype)));
    assert!(matches!(
        parse_opml("<rss version=\"2.0\"/>"),
        Err(OpmlError::NotOpml(name)) if name == "rss"
    ));
    match parse_opml("<opml><body><outline text=\"x\"></body></opml>") {
        Err(e) => assert!(
            e.to_string().starts_with("OPML parse error at line 1"),
            "{e}"
        ),
        Ok(i) => panic!("accepted broken OPML: {i:?}"),
    }
}

#[test]
fn newsboat_urls_with_tags_titles_comments_and_queries() {
    let urls = "# my feeds\n\
        https://arabic.example/rss.xml \"أخبار عربية\" politics \"~Al Akhbar\"\n\
        \n\
        http://plain.example/feed\n\
        \"query:Unread:unread = \\\"yes\\\"\"\n\
        exec:~/bin/make-feed.sh\n\
        file:///home/me/local.xml tag\n\
        https://tagged.example/atom ! news # trailing comment\n";
    let imp = parse_urls(urls);
    assert_eq!(
        imp.feeds,
        vec![
            FeedEntry {
                url: "https://arabic.example/rss.xml".into(),
                title: Some("Al Akhbar".into()),
                tags: vec!["أخبار عربية".into(), "politics".into()],
            },
            FeedEntry {
                url: "http://plain.example/feed".into(),
                title: None,
                tags: vec![],
            },
            FeedEntry {
                url: "https://tagged.example/atom".into(),
                title: None,
                tags: vec!["news".into()],
            },
        ]
    );
    assert_eq!(imp.skipped.len(), 3, "{:?}", imp.skipped);
    assert!(imp.skipped[0].reason.contains("query"));
    assert!(imp.skipped[1].reason.contains("exec"));
    assert!(imp.skipped[2].reason.contains("not http"));
    // import() picks the format by content.
    match import(urls.as_bytes()) {
        Ok(i) => assert_eq!(i.feeds.len(), 3),
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn html_pages_honour_meta_charset_and_http_charset() {
    let page = "<html><head><meta charset=\"windows-1256\"><title>t</title></head><body><p>مرحبا بكم في موقعنا</p></body></html>";
    let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(page);
    assert_eq!(decode_html(&bytes, None), page);
    assert_eq!(
        decode_html(&bytes, Some("text/html; charset=windows-1256")),
        page
    );
    // HTTP says UTF-8 but the bytes are not: the meta declaration wins.
    assert_eq!(decode_html(&bytes, Some("text/html; charset=utf-8")), page);
    assert_eq!(decode_html(page.as_bytes(), None), page);
}

mod no_panic {
    use akhbar::poll::html::to_clean_text;
    use akhbar::poll::parse::parse_feed;
    use proptest::prelude::*;

    fn clean(s: &str) -> bool {
        !s.chars().any(|c| c.is_control() && c != '\n')
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn html_to_text_never_panics_and_never_leaks_controls(
            s in "(<(p|a href=\"/x\"|li|ul|blockquote|pre|script|b)>|</(p|a|li|ul|blockquote|pre|script|b)>|&[a-z#0-9]{0,5};?|\\PC|[\\x00-\\x1f\\u{80}-\\u{9f}]){0,60}"
        ) {
            let text = to_clean_text(&s, Some("http://base.example/"));
            prop_assert!(clean(&text), "{:?}", text);
        }

        #[test]
        fn parse_feed_never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let _ = parse_feed(&bytes, None, "http://base.example/feed");
        }

        #[test]
        fn parse_feed_never_panics_on_mangled_rss(
            cut in 0usize..400,
            junk in "[<>&;\"'/a-z\\x00-\\x1f\\u{600}-\\u{6ff}]{0,12}"
        ) {
            let rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title><item><title>عنوان</title><link>/a</link><description>&lt;p&gt;نص&lt;/p&gt;</description></item></channel></rss>";
            let mut at = cut.min(rss.len());
            while !rss.is_char_boundary(at) {
                at -= 1;
            }
            let doc = format!("{}{}{}", &rss[..at], junk, &rss[at..]);
            if let Ok(feed) = parse_feed(doc.as_bytes(), None, "http://base.example/feed") {
                for a in &feed.articles {
                    prop_assert!(clean(&a.title) && clean(&a.text) && clean(&a.summary_html));
                }
            }
        }
    }
}
