//! The enrichment stage: derived data for articles not yet enriched.
//!
//! For each batch: entities (all cores), then related stories and story
//! clusters, which depend on the articles before them and so run in order.
//!
//! Storing comes first; this runs afterwards (after `poll`, from `akhbar
//! enrich`, or in the TUI's background worker) over the articles whose
//! marker is older than [`VERSION`], in batches, so it resumes after a
//! crash and never redoes finished work. Extraction uses every core; the
//! results of a batch are written in one transaction.

use std::time::{Duration, Instant};

use crate::intel::ner::Extractor;
use crate::intel::related::Relater;
use crate::model::{ArticleId, Entity};
use crate::store::{EnrichInput, Store, StoreError};

/// The version of the derived data. Raising it makes every article
/// eligible again (a backfill), once. 2: entities from the full text
/// where it was fetched, the letter-sequence feature, and no model run on
/// Hebrew or Persian text. 3: the neighbours' letter-sequence classes, no
/// single quoted word as a person, no span running into an address,
/// institution names that end where the name does, and Hebrew and Persian
/// place names. 4: people either side of «bin» joined, «Wydad» alone a
/// club, the football confederations apart from the African Union and
/// the EU, no two-letter name left after a clitic, «حماس» in sports news
/// the word "enthusiasm", no other script inside an English name. 5: no
/// «ال…ي» adjective after its noun as a person, no English name ending in
/// a lower-case word or standing only at sentence starts, no portfolio
/// before «Minister» as a place, no currency, language or nationality
/// adjective in the pane, Jebel Ali and Ras Laffan listed. 6: facilities
/// are places and keep their city apart, English institutions are
/// organisations (with «X and» before and «of» + a place after them), a
/// Latin name drops an Arabic head, «لل» complements end Arabic
/// institutions, offices are no persons, dateline capitals shown as
/// written, full gazetteer names shown, «the Nabataean city» no misc,
/// UNESCO's full Arabic name and Mars listed. 7: English landforms are
/// places («the Nile Basin»), a people named in the plural is misc
/// («Nabataeans»), «World Heritage Site» listed as misc. 8: clubs named by
/// an ordinary word («الهلال», «النصر») are clubs in sports news. 9:
/// Arabic facilities named after a person («ملعب الملك فهد الدولي») are
/// one place, «كوكب المريخ» is Mars, the Mediterranean's other names.
/// 10: quotation marks inside a word split it («لـ«الشرق الأوسط»», then
/// the newspaper), pious formulas, amounts of money and markup left
/// out, no ordinal or personal title in an institution's name. 11: a
/// person span opened by an armed group's noun is an organisation
/// («ميليشيات الحوثي»), Kobani, Android and the iPhone listed. 12: the
/// Arabic model retrained on today's gazetteer, a club's one word that
/// is an adjective after its noun («الخط العربي») no organisation, the
/// article before a quoted name («صحيفة الـ«غارديان»») no word, a
/// Levantine month in a date, «حسن الجوار», «المشهد», «فئات», «مالي»
/// as "financial", «الله الحرام», «رحمه» and «إسترليني» no names. 13:
/// a one-word place, organisation or misc no list names is the person
/// whose surname it is in the article («ديفيد كاميرون» … «كاميرون»),
/// a person's name no longer ends on «بن», «عبد», «أبو» or «آل» («فيصل
/// بن» | «تركي»), «لي» ("to me") and a feast's epithet («عيد الفطر
/// المبارك») no person, parks named after a person places; «ميليشيا»,
/// «الهاون» and «الحد الأقصى» no names, nor a noun that is also a given
/// name before the word it governs («كسب رضا النظام»). 14: a name found
/// with and without its list id is one entity («الوداد» twice in a pane).
/// 15: a person's given name the model left out before it is taken in
/// («تركي الفيصل», «لنادية الحريري»), «على» ("on") leaves a person's
/// name unless a given name follows («رد على أوباما»), a club's president
/// named after «النادي» is no organisation, «لصالح», «غرام», «أدري»… and
/// «على» alone no names, a verb in the present no person's last word
/// («خالد الفيصل يرعى»), a person after a definite word no part of an
/// institution («مجلس الإدارة عبدالله الوابلي»), «مجلس الإدارة» no name.
/// 16: a father named in his son's name after «بن» is another person
/// («محمد بن سلمان بن عبد العزيز» is not King Salman), and «وأم» ("and
/// mother", folded «وام») is not the news agency WAM; «بلاغًا», «شابًا»,
/// «سفير», «العنان»… are no names, nor «حسن» as "good" in «بشكل حسن»;
/// a bracket glued to a word splits it («لـ(عكاظ)»). 17: a hospital,
/// university, airport, road or mosque named after a king, a prince or
/// an imam is that body, not the person («مستشفى الملك فهد بجدة»,
/// «قاعدة الملك خالد الجوية»); «المشهد» (the scene) is not Mashhad,
/// «العيون» (the eyes) not Laayoune unless tagged, «ريف» no place, and
/// «كاليفورنيا» keeps its «كا»; «جيل», «مالك» and «فريدة» as nouns
/// and adjectives are nobody; «حركة السير» (traffic) is no movement.
/// 18: the model retrained with Saudi regions, more cities and news
/// spellings («الدنمارك», «ميونيخ», «جازان») linked to their English
/// names; a city is its club in sports news («تغلب برشلونة»); titles
/// after a name («… مستشار خادم الحرمين», «… ولي العهد») and a country
/// before it leave the person.
/// 19: no person after an elative unless a given name opens it («أكبر
/// مصدّري زيت الزيتون»), nor a construct's genitive left alone by
/// trimming («جني الزيتون»), nor a portfolio with its nationality;
/// ministries named with both portfolios, federations with «لكرة
/// القدم»; a company's chief apart from it; persons after a sports
/// role; English titles inside a span and acronyms ending a sentence.
/// 20: GeoNames towns as places (`cities.tsv`), taken where the tagger
/// found nothing there.
/// 21: English organisations joined across «and», «on» and «of»; ports,
/// straits and capes as places; «الجامعة» with a nationality adjective
/// and «بورصة» open institutions' names; no word trimmed off a person
/// right after «عبد».
/// 22: regions and governorates (`regions.tsv`); a minor place of
/// several words takes in the tagger's places inside it («ريف دمشق»).
/// 23: seas, straits and rivers; companies (`companies.tsv`); no name
/// that is no tagger feature hides one that is from the tagger.
/// 24: a site named after a town is one place apart from the town
/// («ميناء المكلا», «معبر رفح», «حقل الرميلة»); international bodies,
/// aid groups and parties (`bodies.tsv`), more companies, Moroccan
/// regions, Sudanese states, oil fields, crossings, camps and bases;
/// ministries of several portfolios («وزارة الخارجية وشؤون المغتربين»);
/// English organisations end at a bracket, a role or a weekday and lose
/// a place's possessive («Chile's Supreme Court»); a listed place after a
/// facility's noun names it even untagged («ميناء العقبة»); «Lake
/// Victoria» and «Port of Aktau» are places; an ellipsis is split off
/// the word before it.
/// 25: Mauritanian and Amazigh names run past «ولد», «منت» and «أيت»
/// («المختار ولد سيدي محمد»); a title after a joiner is part of the name
/// («عبد الملك الزعبي»). Definite heads name an institution before an
/// adjective and a «لل» complement («المجلس الأعلى للقضاء»), which takes
/// in the words that continue it («للآثار والمتاحف»); «هيئة», «مؤسسة»,
/// «البيئة» and «جائزة» lists were never folded and now match. A place
/// name that is also a word is a place beside «و» and another place
/// («درعا والسويداء»); an institution ends before «ب» and a place
/// («معهد الدراسات الأمنية ببريتوريا»). An English town the model takes
/// for a person is a town («Ibadan»); a person's name ending in a
/// company's last word is a company («Mitsui O.S.K. Lines»).
/// 26: people joined by «أو», or by «و» and a nationality adjective, are
/// two; a verb in the future leaves a person's name («وسيغيب إيتو»);
/// ranks and professions are titles («الرائد», «الفنان»); a group's name
/// without its head is the group later in the article («القاعدة» after
/// «تنظيم القاعدة»); a club's name takes «الرياضي» and a nationality
/// adjective after it («الترجي الرياضي التونسي»), and its short name
/// joins that full name.
/// 27: a family name completes a given and a father's name («حيدر كاظم
/// الساعدي»); Arabic name parts side by side are one person; a
/// division's noun is part of its name in the pane («محافظة حضرموت»).
/// 28: a short form in brackets joins the name before it («Electoral
/// Commission of Zambia (ECZ)», «(الأونروا)»); institutions' names take
/// complements in construct («المديرية العامة لهندسة المياه») and English
/// ones their portfolios and place particles («Ministry of Public Works
/// and Housing», «University of Dar es Salaam»), lose «X-based», and
/// split when two institutions are joined by «and».
/// 29: more given names, two institutions joined by «و» stay two, number
/// words and words common with the article end no person, «PT» and
/// company words make a company, big cities' English names listed.
/// 30: a company's nationality adjective and a verb in the future leave
/// its name; a dateline's town in capitals is a place; national bodies
/// take their nationality adjective («الهلال الأحمر الجزائري»);
/// «محافظة» or «ولاية» and a definite word is a division; English news
/// spellings of countries («Turkey», «Ivory Coast»).
/// 31: the Arabic model retrained on today's given names; «عمان» is Oman
/// where the article says so; English sentences end after a short
/// capitalised word, and institutions' nouns, streets and volcanoes
/// settle a span's kind; facilities, straits, mountains and valleys
/// named after an unknown word; brands, Vietnamese names, «the … mine»
/// and towns after «in» or «around».
/// 32: definite bodies with a rank adjective and a complement («الهيئة
/// العامة للطيران المدني»), committees' second portfolio, names that stop
/// at a title, «للعام» or «… مع»; English ministries' comma-listed
/// portfolios, sports roles as titles, a company's short name joining it.
/// 33: spans end before «إن»/«أن»; foreign names opened by «أل»/«إل»;
/// tagged organisations lose trailing common words; courts and councils
/// named by one adjective; family names that are also words stay; Arab
/// news agencies; English towns in lists, outlets, roles and «Authority
/// of …».
/// 34: «جده» written for «جدة»; agencies «سبأ», «بترا»; «سيول جارفة»;
/// currencies and verbs open no person; organisations close after their
/// adjective; «للمحافظة على …»; two-word towns over persons; «ب» + town
/// ends a name; a company before its chief; English ministries' lists,
/// the world's given names, roads, museums, «… and … Association».
/// 35: bodies named after a place («شركة نفط البصرة», «غرفة جدة», «Law
/// Society of Kenya»); «Directorate General of …»; companies' English
/// tails («Baotou Steel»); sites named by a definite word («مخيم
/// الزعتري»).
/// 37: military ranks end bodies («الجيش اللواء …»); «الرجاء الرياضي»
/// after an adjective; a company's name after «شركة»; a company and its
/// short name, a club and «نادي …» its full name, are one row; a second
/// body after «وال…»; English «Council on …», «… constituency», seabed
/// features, «known as …», demonyms tagged as people; speakers named by
/// their family's nisba after «قال»; foreign newspapers; bodies end
/// before «وبال…» and «السابق»; «الألمانية» a nationality; «القوة
/// القاهرة»; English Title Case headlines.
pub const VERSION: i64 = 37;

/// Articles taken from the store per batch.
const BATCH: usize = 256;

/// How far the stage has got, for progress displays and benchmarks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Articles enriched so far.
    pub done: u64,
    /// Articles to enrich (grows if more arrive meanwhile).
    pub total: u64,
    /// Time spent so far on entities (extraction and saving).
    pub entities: Duration,
    /// Time spent so far on related stories and clusters.
    pub related: Duration,
}

/// Enriches every pending article; returns how many were enriched.
pub fn run(store: &Store, progress: &dyn Fn(&Progress)) -> Result<u64, StoreError> {
    let total = store.pending_enrichment(VERSION)?;
    let relater = Relater::default();
    let mut p = Progress {
        done: 0,
        total,
        entities: Duration::ZERO,
        related: Duration::ZERO,
    };
    progress(&p);
    loop {
        let start = Instant::now();
        let batch = store.unenriched(VERSION, BATCH)?;
        if batch.is_empty() {
            break;
        }
        store.save_enrichment_batch(VERSION, &extract_all(&batch))?;
        let middle = Instant::now();
        let ids: Vec<ArticleId> = batch.iter().map(|a| a.id).collect();
        relater.process_new(store, &ids)?;
        p.entities += middle - start;
        p.related += middle.elapsed();
        p.done += batch.len() as u64;
        p.total = p.total.max(p.done);
        progress(&p);
    }
    Ok(p.done)
}

/// Computes the derived data of a batch on all cores, in input order.
fn extract_all(batch: &[EnrichInput]) -> Vec<(ArticleId, Vec<Entity>)> {
    let threads = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1)
        .clamp(1, 8);
    let chunk = batch.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = batch
            .chunks(chunk)
            .map(|part| s.spawn(move || part.iter().map(enrich_one).collect::<Vec<_>>()))
            .collect();
        handles
            .into_iter()
            .zip(batch.chunks(chunk))
            .flat_map(|(h, part)| {
                h.join()
                    .unwrap_or_else(|_| part.iter().map(|a| (a.id, Vec::new())).collect())
            })
            .collect()
    })
}

/// The derived data of one article: its named entities. A bug in the
/// extractor must not stall the stage: the article is then stored with no
/// entities (and marked done) instead of being retried forever.
fn enrich_one(a: &EnrichInput) -> (ArticleId, Vec<Entity>) {
    let entities = std::panic::catch_unwind(|| Extractor::global().extract(&a.title, &a.text))
        .unwrap_or_default();
    (a.id, entities)
}
