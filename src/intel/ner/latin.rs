//! Rules on Latin-script spans, where the small English model and the
//! capitalisation it leans on mislead it: people found by a role noun or
//! a given name, ministries by their portfolio, outlets after their
//! noun, English lists of places and bodies, and where a Latin name
//! inside Arabic text begins and ends.

use super::conll::Span;
use super::features::TokenInfo;
use super::gazetteer::{GazMatch, Gazetteer, Listing};
use super::{article, spanned, tokenize};
use crate::model::EntityKind;

/// Vietnamese family names as English news writes them, without marks.
const VIETNAMESE_SURNAMES: [&str; 16] = [
    "Nguyen", "Tran", "Le", "Pham", "Hoang", "Huynh", "Phan", "Vu", "Vo", "Dang", "Bui", "Do",
    "Ngo", "Duong", "Truong", "Trinh",
];

/// Vietnamese middle names («Van», «Thi»): after a family name they make
/// a person's name of a short one («Le Thi Thu Huong», not «Le Monde»).
const VIETNAMESE_MIDDLE_NAMES: [&str; 10] = [
    "Van", "Thi", "Minh", "Quoc", "Duc", "Thanh", "Ngoc", "Huu", "Xuan", "Cong",
];

/// Whether a Latin span opens with a Vietnamese family name and a middle
/// name and one more capitalised word («Huynh Minh Chau», «Tran Quoc Bao
/// met …»): a person, which the English model, trained on
/// encyclopaedia text, tags as misc.
pub(super) fn opens_vietnamese_name(words: &[&str]) -> bool {
    matches!(words, [family, middle, given, ..]
        if VIETNAMESE_SURNAMES.contains(family)
            && VIETNAMESE_MIDDLE_NAMES.contains(middle)
            && article::is_capitalised(given))
}

/// Lower-case words that belong inside Latin-script person names («Ludwig
/// van Beethoven», «Catherine of Aragon»); any other lower-case word
/// splits a person span («Abiy Ahmed met Sisi»).
pub(super) const NAME_PARTICLES: [&str; 23] = [
    "al", "bin", "ben", "da", "das", "de", "del", "della", "der", "den", "di", "do", "dos", "du",
    "el", "ibn", "la", "le", "of", "ter", "van", "von", "des",
];

/// Lower-case words that belong inside Latin-script organisation names
/// besides [`NAME_PARTICLES`] («Bank for Reconstruction and
/// Development», «People's Party», «University of Dar es Salaam»); any
/// other lower-case word ends an organisation span
/// («Zambia Police Service spokesperson Rae Hamoonga»).
pub(super) const ORG_PARTICLES: [&str; 12] = [
    "and", "for", "on", "the", "in", "at", "y", "et", "per", "es", "'s", "’s",
];

/// Folded weekdays, which end no name: a span the tagger ran on into
/// one («Chile's Supreme Court on Tuesday») ends before it and an «on»
/// or «at» before it.
pub(super) const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Folded words that end a company name, so an «and» after them starts
/// another name.
pub(super) const COMPANY_ENDS: [&str; 11] = [
    "co", "co.", "inc", "inc.", "corp", "corp.", "ltd", "ltd.", "limited", "llc", "plc",
];

/// Lower-case English nouns for a news outlet, which name one right
/// after them («the state news agency Andina», «the daily El Tiempo»).
const OUTLET_NOUNS: [&str; 5] = ["agency", "newspaper", "daily", "broadcaster", "outlet"];

/// Lower-case English nouns for what a person does, which name a person
/// right after them in news («fabric trader Chinedu Eze», «chief
/// executive Mesfin Tadesse»).
const EN_ROLE_NOUNS: [&str; 31] = [
    "activist",
    "analyst",
    "chairman",
    "chairwoman",
    "minister",
    "president",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "doctor",
    "driver",
    "economist",
    "engineer",
    "executive",
    "farmer",
    "fisherman",
    "founder",
    "journalist",
    "lawyer",
    "manager",
    "miner",
    "nurse",
    "officer",
    "official",
    "researcher",
    "resident",
    "scientist",
    "student",
    "teacher",
    "trader",
    "vendor",
];

/// Makes an English span of two words or more a person right after a
/// role noun ([`EN_ROLE_NOUNS`]: «fabric trader Chinedu Eze», «union
/// chairman Yohanes Situmorang», «former finance minister Sleiman
/// Haddad») or before one in apposition («Bea Santiago, a telecoms
/// analyst at …»), and tags two or three capitalised words that no span
/// holds as a person before such an apposition («Dian Pratiwi, an
/// economist at …»), which the English model leaves.
pub(super) fn people_by_role(tokens: &[&str], spans: &mut Vec<Span>) {
    let role_after = |end: usize| {
        tokens.get(end) == Some(&",")
            && tokens.get(end + 1).is_some_and(|a| ["a", "an"].contains(a))
            && (end + 2..(end + 5).min(tokens.len())).any(|k| EN_ROLE_NOUNS.contains(&tokens[k]))
    };
    for s in spans.iter_mut() {
        if s.end - s.start >= 2
            && s.kind != EntityKind::Person
            && ((s.start > 0 && EN_ROLE_NOUNS.contains(&tokens[s.start - 1]))
                || (s.end - s.start <= 3 && role_after(s.end)))
        {
            s.kind = EntityKind::Person;
        }
    }
    let name_word = |k: usize| {
        article::is_capitalised(tokens[k])
            && tokens[k].chars().all(char::is_alphabetic)
            && !spans.iter().any(|s| s.holds(k))
    };
    let mut found = Vec::new();
    for end in (2..tokens.len()).filter(|&end| role_after(end)) {
        let start = (end.saturating_sub(3)..end)
            .rev()
            .take_while(|&k| name_word(k))
            .last()
            .unwrap_or(end);
        if end - start >= 2 && (start == 0 || !article::is_capitalised(tokens[start - 1])) {
            found.push(Span {
                start,
                end,
                kind: EntityKind::Person,
            });
        }
    }
    if !found.is_empty() {
        spans.extend(found);
        spans.sort_by_key(|s| s.start);
    }
}

/// Adds a person over two or three capitalised words that no span
/// holds after a capitalised title, when the first is a given name
/// («Justice Eleanor Whitcombe said …»), or over two before a word of
/// speech («Deputy Director Marcus Hill said»), which the English model
/// leaves untagged; and opens a person span one word earlier where the
/// model left out the unknown given name after a title.
pub(super) fn people_after_title(
    gaz: &Gazetteer,
    tokens: &[&str],
    infos: &[TokenInfo],
    spans: &mut Vec<Span>,
) {
    let free = |k: usize| !spans.iter().any(|s| s.holds(k));
    let mut found = Vec::new();
    for k in 0..tokens.len().saturating_sub(2) {
        let titled = gaz.is_title(&infos[k].folded) || JOB_TITLES.contains(&tokens[k]);
        if !article::is_capitalised(tokens[k])
            || !titled
            || gaz.is_title(&infos[k + 1].folded)
            || JOB_TITLES.contains(&tokens[k + 1])
        {
            continue;
        }
        let end = (k + 1..tokens.len().min(k + 4))
            .take_while(|&j| {
                article::is_capitalised(tokens[j])
                    && tokens[j].chars().all(char::is_alphabetic)
                    && free(j)
            })
            .last()
            .map_or(k + 1, |j| j + 1);
        let speaker = end == k + 3 && tokens.get(end).is_some_and(|w| SPEECH_AFTER.contains(w));
        if end - (k + 1) >= 2 && (speaker || gaz.is_any_given_name(&infos[k + 1].folded)) {
            found.push(Span {
                start: k + 1,
                end,
                kind: EntityKind::Person,
            });
        }
    }
    if !found.is_empty() {
        spans.extend(found);
        spans.sort_by_key(|s| s.start);
    }
    // A person span of two words or more that the model opened one word
    // late, after a title and an unknown capitalised word: «BGMEA
    // President Tanvir | Ahmed Chowdhury».
    for k in 0..spans.len() {
        let s = spans[k];
        if s.kind == EntityKind::Person
            && s.end - s.start >= 2
            && s.start >= 2
            && (k == 0 || spans[k - 1].end < s.start - 1)
            && gaz.is_title(&infos[s.start - 2].folded)
            && article::is_capitalised(tokens[s.start - 2])
            && article::is_capitalised(tokens[s.start - 1])
            && tokens[s.start - 1].chars().all(char::is_alphabetic)
            && infos[s.start - 1].gaz.is_none()
            && !gaz.is_title(&infos[s.start - 1].folded)
            && !JOB_TITLES.contains(&tokens[s.start - 1])
            && !TITLE_ENDINGS.contains(&tokens[s.start - 1])
        {
            spans[k].start -= 1;
        }
    }
}

/// Capitalised words that end a title of two words («Executive Chair»,
/// «Attorney General»), never a given name after one.
const TITLE_ENDINGS: [&str; 8] = [
    "Chair",
    "Chairman",
    "Chairwoman",
    "Chairperson",
    "Officer",
    "General",
    "Head",
    "Chief",
];

/// Capitalised job titles before a name that the gazetteer's titles
/// leave out, as they also head offices' names («Director of Public
/// Prosecutions»): see [`people_after_title`].
const JOB_TITLES: [&str; 6] = [
    "Director",
    "Manager",
    "Administrator",
    "Inspector",
    "Superintendent",
    "Deputy",
];

/// Folded nouns of bodies of members that a plural owner names
/// («Metal Workers' Union», «Farmers' Federation»), besides the
/// institutions' nouns: see [`join_english_org_parts`]. Not among those
/// nouns, as a place may end in «Union» («Soviet Union»).
const MEMBERS_BODIES: [&str; 3] = ["union", "federation", "league"];

/// Words after a speaker's name: see [`people_after_title`].
const SPEECH_AFTER: [&str; 6] = ["said", "says", "told", "added", "warned", ","];

/// Makes an English span of two to four capitalised words a person when
/// it opens with a given name ([`Gazetteer::is_any_given_name`]), no gazetteer name
/// other than a person's overlaps it and none of its words names a place,
/// facility or body ([`article::names_a_thing`]): the English model,
/// trained on encyclopaedia text, takes names from outside Europe and
/// America for places or organisations («Nurul Aina Hashim», «Luz Marina
/// Forero», «Fatmata Kamara»). A role noun that opens a sentence before
/// a given name leaves the span («Nurse Fatmata Kamara»).
pub(super) fn people_by_given_name(
    gaz: &Gazetteer,
    tokens: &[&str],
    infos: &[TokenInfo],
    matches: &[GazMatch],
    spans: &mut [Span],
) {
    for s in spans.iter_mut() {
        if s.end - s.start >= 3
            && EN_ROLE_NOUNS.contains(&infos[s.start].folded.as_str())
            && gaz.is_any_given_name(&infos[s.start + 1].folded)
        {
            s.start += 1;
        }
        let listed = matches.iter().any(|m| {
            m.start < s.end
                && s.start < m.end
                && gaz.kind_of(m).is_some_and(|k| k != EntityKind::Person)
        });
        if s.kind != EntityKind::Person
            && (2..=4).contains(&(s.end - s.start))
            && gaz.is_any_given_name(&infos[s.start].folded)
            && tokens[s.start..s.end].iter().all(|w| {
                article::is_capitalised(w) && w.chars().all(|c| c.is_alphabetic() || c == '-')
            })
            && !infos[s.start..s.end]
                .iter()
                .any(|t| article::names_a_thing(&t.folded))
            && !listed
        {
            s.kind = EntityKind::Person;
        }
    }
}

/// Makes an English ministry one organisation: «Ministry of» (or
/// «Department of» or «for», «Directorate General of») and capitalised words,
/// unless an organisation span already holds them («Ministry of Health
/// and UNICEF», where the model took «Health» for a place); with more
/// capitalised words after commas, closed by «and», the whole list
/// («Ministry of Health, Labour and Welfare», «…, Communications and the
/// Digital Economy»), where a nationality
/// adjective before it is left out («the Dutch Ministry of Education,
/// Culture and Science») and «Federal» taken in («Federal Ministry of
/// Finance»). The spans it covers are replaced.
pub(super) fn ministries_by_portfolio(tokens: &[&str], spans: &mut Vec<Span>) {
    let caps = |k: usize| {
        let mut e = k;
        while e < tokens.len() && article::is_capitalised(tokens[e]) {
            e += 1;
        }
        e
    };
    let mut k = 0;
    while k + 2 < tokens.len() {
        let head = match tokens[k] {
            "Ministry" | "Ministries" => tokens[k + 1] == "of",
            "Department" => tokens[k + 1] == "of" || tokens[k + 1] == "for",
            "Directorate" => tokens[k + 1] == "of" || tokens[k + 1] == "General",
            _ => false,
        };
        let of = if tokens[k + 1] == "General" {
            k + 2
        } else {
            k + 1
        };
        if !head || !matches!(tokens.get(of), Some(&"of" | &"for")) {
            k += 1;
            continue;
        }
        let first = caps(of + 1);
        let mut end = first;
        let mut commas = 0;
        let mut closed = false;
        while end > of + 1 && end + 1 < tokens.len() && !closed {
            // «…, Communications and the Digital Economy»
            let the = usize::from(tokens[end] == "and" && tokens[end + 1] == "the");
            let after = caps(end + 1 + the);
            match tokens[end] {
                _ if after == end + 1 + the => break,
                "," => commas += 1,
                "and" if commas > 0 => closed = true,
                _ => break,
            }
            end = after;
        }
        if !closed {
            end = first;
        }
        let covered = spans
            .iter()
            .any(|s| s.kind == EntityKind::Org && s.start <= k && first <= s.end);
        if first > of + 1 && (closed || !covered) {
            let federal = k > 0 && tokens[k - 1] == "Federal";
            replace_with_org(spans, k - usize::from(federal), end);
        }
        k = end.max(k + 1);
    }
}

/// Makes an English institution named after a place one organisation:
/// capitalised words ending in an institution's noun, «of» and a listed
/// place («Law Society of Kenya», «Competition Authority of Kenya»,
/// «Socialists' Party of Catalonia»), where the model took the place alone or
/// the whole for something else. «The» stays out, and spans that cross
/// either end leave it alone.
pub(super) fn bodies_of_a_place(
    gaz: &Gazetteer,
    tokens: &[&str],
    matches: &[GazMatch],
    spans: &mut Vec<Span>,
) {
    for m in matches {
        if m.start < 2 {
            continue;
        }
        let of = m.start - 1;
        if tokens[of] != "of" || gaz.kind_of(m) != Some(EntityKind::Place) {
            continue;
        }
        if !article::ends_english_institution(&tokens[of - 1].to_lowercase()) {
            continue;
        }
        let mut start = of;
        while start > 0 && of - start < 4 {
            let w = tokens[start - 1];
            if article::is_capitalised(w) && !matches!(w, "The" | "A") {
                start -= 1;
            } else if matches!(w, "'" | "’" | "'s" | "’s")
                && start >= 2
                && article::is_capitalised(tokens[start - 2])
            {
                start -= 2;
            } else {
                break;
            }
        }
        let crosses =
            |s: &Span| (s.start < start && s.end > start) || (s.start < m.end && s.end > m.end);
        if start == of || spans.iter().any(crosses) {
            continue;
        }
        replace_with_org(spans, start, m.end);
    }
}

/// Replaces the spans that overlap tokens `start..end` of a sentence's sorted
/// spans with one organisation over them, kept in order.
fn replace_with_org(spans: &mut Vec<Span>, start: usize, end: usize) {
    spans.retain(|s| s.end <= start || s.start >= end);
    let at = spans.partition_point(|s| s.start < start);
    spans.insert(
        at,
        Span {
            start,
            end,
            kind: EntityKind::Org,
        },
    );
}

/// Makes an English span that opens with no given name an organisation
/// right after a noun for a news outlet ([`OUTLET_NOUNS`]): the model,
/// trained on encyclopaedia text, takes unfamiliar outlets for people or
/// places («the state news agency Andina»).
pub(super) fn outlets_after_their_noun(tokens: &[&str], infos: &[TokenInfo], spans: &mut [Span]) {
    for s in spans.iter_mut() {
        if s.start > 0 && OUTLET_NOUNS.contains(&tokens[s.start - 1]) && !infos[s.start].first_name
        {
            s.kind = EntityKind::Org;
        }
    }
}

/// Lower-case nouns of an area that follow its name («Kesses
/// constituency», «Makueni county», «Rift Valley province»).
const AREA_NOUNS: [&str; 6] = [
    "constituency",
    "county",
    "district",
    "province",
    "municipality",
    "village",
];

/// Tags as a place one capitalised word before a lower-case noun of an
/// area ([`AREA_NOUNS`]): «last year's Kesses constituency by-election»,
/// where the small English model sees a word it never saw. Not a
/// sentence's first word, a given name or a people's adjective («the
/// Kenyan county»); a one-word span of another kind there becomes the
/// place.
pub(super) fn areas_before_their_noun(
    tokens: &[&str],
    infos: &[TokenInfo],
    gaz: &Gazetteer,
    spans: &mut Vec<Span>,
) {
    for k in 1..tokens.len().saturating_sub(1) {
        if infos[k].shape != "Cap"
            || !AREA_NOUNS.contains(&tokens[k + 1])
            || infos[k].first_name
            || super::noise::is_demonym(&infos[k].folded, &|x| gaz.is_place_stem(x))
        {
            continue;
        }
        let place = Span {
            start: k,
            end: k + 1,
            kind: EntityKind::Place,
        };
        match spans.iter().position(|s| s.holds(k)) {
            None => spans.push(place),
            Some(i) if (spans[i].start, spans[i].end) == (k, k + 1) => spans[i] = place,
            Some(_) => {}
        }
    }
    spans.sort_by_key(|s| s.start);
}

/// Words that end the names of towns and districts («Koidu Town»,
/// «Pujehun North», «Camarines Sur»).
const TOWN_ENDINGS: [&str; 12] = [
    "North", "South", "East", "West", "Central", "Norte", "Sur", "Town", "District", "County",
    "Hills", "Valley",
];

/// Splits an English span of two names joined by «and» where one of
/// them is a listed place («Michigan and Ohio»), or both are minor ones
/// («Rotterdam and Antwerp», towns of `cities.tsv`), which the English
/// model tags as one misc or organisation name, into two places; and
/// one of two parallel names ([`parallel_names`]) into two of its kind. Each
/// side is one to three capitalised words; a span the gazetteer names
/// as a whole («Trinidad and Tobago») keeps its id and is left alone,
/// as are people.
pub(super) fn split_place_pairs(
    tokens: &[&str],
    matches: &[GazMatch],
    gaz: &Gazetteer,
    spans: &mut Vec<(Span, Option<usize>)>,
) {
    let listed_place = |start: usize, end: usize, minor: bool| {
        matches.iter().any(|m| {
            (m.start, m.end) == (start, end)
                && (minor || m.listing != Listing::Minor)
                && gaz.kind_of(m) == Some(EntityKind::Place)
        })
    };
    let names = |start: usize, end: usize| {
        (1..=3).contains(&(end - start))
            && tokens[start..end]
                .iter()
                .all(|w| article::is_capitalised(w))
    };
    let mut k = 0;
    while k < spans.len() {
        let (s, id) = spans[k];
        let mut ands = (s.start + 1..s.end.saturating_sub(1)).filter(|&i| tokens[i] == "and");
        if id.is_none()
            && s.kind != EntityKind::Person
            && let (Some(a), None) = (ands.next(), ands.next())
            && names(s.start, a)
            && names(a + 1, s.end)
            && (listed_place(s.start, a, false)
                || listed_place(a + 1, s.end, false)
                || (listed_place(s.start, a, true) && listed_place(a + 1, s.end, true)))
        {
            split_into_places(spans, k, a);
            k += 1;
        } else if id.is_none()
            && s.kind != EntityKind::Person
            && let Some(a) = parallel_names(&tokens[s.start..s.end]).map(|a| s.start + a)
        {
            let kind = s.kind;
            spans[k].0.end = a;
            spans.insert(
                k + 1,
                (
                    Span {
                        start: a + 1,
                        end: s.end,
                        kind,
                    },
                    None,
                ),
            );
            k += 1;
        }
        k += 1;
    }
}

/// Where a span of two parallel names joined by its one «and» splits:
/// two names of two to four words with the same first or last word
/// («Gare de Lyon and Gare Montparnasse», «Blue Star Ferries and
/// Superfast Ferries»), or two single words that each hold a hyphen
/// («UNSA-Ferroviaire and CFDT-Cheminots»). A name whose «and» joins
/// its own words has no such twin halves («Ministry of Trade and
/// Industry», «Bosnia and Herzegovina»). None when there is no such
/// split.
fn parallel_names(words: &[&str]) -> Option<usize> {
    let a = words.iter().position(|w| *w == "and")?;
    let (left, right) = (&words[..a], &words[a + 1..]);
    if right.contains(&"and") {
        return None;
    }
    let name = |side: &[&str]| {
        side.first().is_some_and(|w| article::is_capitalised(w))
            && side.last().is_some_and(|w| article::is_capitalised(w))
            && side
                .iter()
                .all(|w| article::is_capitalised(w) || NAME_PARTICLES.contains(w))
            && !side.contains(&"of")
    };
    let twins = (2..=4).contains(&left.len())
        && (2..=4).contains(&right.len())
        && (left.first() == right.first() || left.last() == right.last());
    let hyphened = |side: &[&str]| matches!(side, [w] if w.contains('-'));
    (name(left) && name(right) && (twins || (hyphened(left) && hyphened(right)))).then_some(a)
}

/// Replaces span `k` by two places, the words before its «and» at `a`
/// and those after it.
fn split_into_places(spans: &mut Vec<(Span, Option<usize>)>, k: usize, a: usize) {
    let s = spans[k].0;
    let place = |start: usize, end: usize| {
        let kind = EntityKind::Place;
        (Span { start, end, kind }, None)
    };
    spans[k] = place(s.start, a);
    spans.insert(k + 1, place(a + 1, s.end));
}

/// Settles the English spans listed with places, once the gazetteer's
/// names are in: a person span with no given name or an organisation
/// span that is no acronym («with MSC and Hapag-Lloyd»), of one word or
/// ending in a [`TOWN_ENDINGS`] word, listed with a place («Sibi, Larkana
/// and Dadu», «Sogamoso and Samacá», «Bo, Makeni and Koidu Town»), is a
/// place, as a person is seldom named by one word in a list; and a span of two names joined by «and» after a
/// place and a comma is two places («Catanduanes, Albay and Camarines
/// Sur»). A place or misc of one word no gazetteer lists, listed with
/// an organisation the gazetteer names, is an organisation («NCSoft and
/// Netmarble»). Spans that hold a gazetteer id keep their kind.
pub(super) fn settle_english_lists(
    tokens: &[&str],
    infos: &[TokenInfo],
    spans: &mut Vec<(Span, Option<usize>)>,
) {
    let acronym = |s: &Span| {
        let w = tokens[s.start];
        w.chars().count() <= 4 && w.chars().all(|c| c.is_uppercase())
    };
    let unnamed = |(s, id): &(Span, Option<usize>)| {
        id.is_none()
            && (s.kind == EntityKind::Person || (s.kind == EntityKind::Org && !acronym(s)))
            && !infos[s.start].first_name
    };
    let listed = |a: &Span, b: &Span| {
        a.end < b.start
            && b.start - a.end <= 2
            && tokens[a.end..b.start]
                .iter()
                .all(|w| [",", "and", "or"].contains(w))
    };
    let mut k = 1;
    while k < spans.len() {
        let ((prev, _), (s, id)) = (spans[k - 1], spans[k]);
        let mut ands = (s.start + 1..s.end - 1).filter(|&i| tokens[i] == "and");
        if prev.kind == EntityKind::Place
            && tokens.get(prev.end) == Some(&",")
            && prev.end + 1 == s.start
            && s.kind != EntityKind::Person
            && id.is_none()
            && let (Some(a), None) = (ands.next(), ands.next())
        {
            split_into_places(spans, k, a);
        }
        k += 1;
    }
    loop {
        let mut changed = false;
        for k in 0..spans.len() {
            let place = |j: usize| spans[j].0.kind == EntityKind::Place;
            let place_beside = (k > 0 && place(k - 1) && listed(&spans[k - 1].0, &spans[k].0))
                || (k + 1 < spans.len() && place(k + 1) && listed(&spans[k].0, &spans[k + 1].0));
            let (s, id) = spans[k];
            let town_like = s.end - s.start == 1 || TOWN_ENDINGS.contains(&tokens[s.end - 1]);
            if place_beside && unnamed(&spans[k]) && town_like {
                spans[k].0.kind = EntityKind::Place;
                changed = true;
            }
            let listed_org = |j: usize| spans[j].0.kind == EntityKind::Org;
            let org_beside = (k > 0 && listed_org(k - 1) && listed(&spans[k - 1].0, &s))
                || (k + 1 < spans.len() && listed_org(k + 1) && listed(&s, &spans[k + 1].0));
            if org_beside
                && id.is_none()
                && matches!(s.kind, EntityKind::Place | EntityKind::Misc)
                && s.end - s.start == 1
                && infos[s.start].gaz.is_none()
            {
                spans[k].0.kind = EntityKind::Org;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}

/// The English model's spans cut at words of another script: an Arabic
/// quotation or a CJK name inside an English sentence is no part of an
/// English name («in Arabic: «الاستقرار هو الهدف»», «architect 坂茂»).
/// Each part then loses the lower-case words it ends with, but for name
/// particles, and a lower-case possessive it opens with: the model runs
/// names on into the next word («Later, Obama flew» was the
/// organisation «Obama flew», «Japanese architect 坂茂» the misc
/// «Japanese architect») and takes in a possessive before them («the
/// university's Global Institute …»).
pub(super) fn latin_parts(tokens: &[&str], infos: &[TokenInfo], spans: Vec<Span>) -> Vec<Span> {
    let mut out = Vec::with_capacity(spans.len());
    for s in spans {
        let mut start = s.start;
        for part in tokens[s.start..s.end].split(|t| tokenize::is_non_latin_word(t)) {
            let mut end = start + part.len();
            let lower = |k: usize| {
                infos[k].shape == "low" && !NAME_PARTICLES.contains(&infos[k].folded.as_str())
            };
            while end > start + 1 && lower(end - 1) {
                end -= 1;
            }
            let possessive =
                |k: usize| k + 2 < end && lower(k) && ["'s", "’s"].contains(&tokens[k + 1]);
            let mut first = start;
            if possessive(first) {
                first += 2;
            }
            if end > first {
                out.push(Span {
                    start: first,
                    end,
                    kind: s.kind,
                });
            }
            start += part.len() + 1;
        }
    }
    out
}

/// Opens an English organisation span (or a place span after «of») at
/// the capitalised institution noun before it that no span holds, with
/// «on», «for» or «of» (and «the») between, and the capitalised words
/// before that noun: the English model tags «Ethics» of «the fund's
/// Council on Ethics» and «Foreign Relations» of «the Council on Foreign
/// Relations», not the body. The span then names the body, with no id.
pub(super) fn take_english_org_heads(infos: &[TokenInfo], spans: &mut [(Span, Option<usize>)]) {
    let capitalised = |k: usize| infos[k].shape == "Cap";
    for i in 0..spans.len() {
        let (b, _) = spans[i];
        let mut joint = b.start;
        if joint >= 1 && infos[joint - 1].folded == "the" {
            joint -= 1;
        }
        let Some(word) = joint.checked_sub(1).map(|j| infos[j].folded.as_str()) else {
            continue;
        };
        let fits = match b.kind {
            EntityKind::Org => matches!(word, "on" | "for" | "of"),
            EntityKind::Place => word == "of",
            _ => false,
        };
        let Some(head) = joint.checked_sub(2) else {
            continue;
        };
        if !fits
            || !capitalised(head)
            || !article::ends_english_institution(&infos[head].folded)
            || spanned(spans, head)
        {
            continue;
        }
        let mut start = head;
        while start > 0 && capitalised(start - 1) && !spanned(spans, start - 1) {
            start -= 1;
        }
        spans[i] = (
            Span {
                start,
                end: b.end,
                kind: EntityKind::Org,
            },
            None,
        );
    }
}

/// Joins an English organisation span with the span after it when one
/// word between makes them one name, which the English model splits:
/// «and» (or a comma before a list with «and») before a span ending in
/// an institution's noun, after one that does not («Lusaka Water Supply
/// and Sanitation Company», «Red Cross and Red Crescent Societies»; a
/// listed name before it stays itself: «TotalEnergies | and China
/// National Petroleum Corporation»), and
/// «on», «for» or «of» (also «of the», «for the») after one ending in
/// such a noun («International Coordinating Group on Vaccine Provision»,
/// «Port Authority of Singapore», «Export-Import Bank of the United
/// States»), but not «on» a weekday («Budget Committee on Wednesday»);
/// and a plural's apostrophe before an institution's noun («Korean
/// Metal Workers' Union»).
/// The joined name is the organisation's, with no id: a
/// place inside it is no place of the article. Spans are sorted by start.
pub(super) fn join_english_org_parts(infos: &[TokenInfo], spans: &mut Vec<(Span, Option<usize>)>) {
    let institution = |s: &Span| article::ends_english_institution(&infos[s.end - 1].folded);
    let mut i = 0;
    while i + 1 < spans.len() {
        let (a, a_id) = spans[i];
        let (b, _) = spans[i + 1];
        let between = match b.start.saturating_sub(a.end) {
            1 => Some(infos[a.end].folded.as_str()),
            2 if infos[a.end + 1].folded == "the" => Some(infos[a.end].folded.as_str()),
            _ => None,
        };
        let joins = a.kind == EntityKind::Org
            && (b.start == a.end + 1 || matches!(between, Some("of" | "for")))
            && match between {
                Some("and" | "&") => {
                    matches!(b.kind, EntityKind::Org | EntityKind::Misc)
                        && institution(&b)
                        && !institution(&a)
                        && a_id.is_none()
                }
                Some(",") => {
                    b.kind == EntityKind::Org
                        && institution(&b)
                        && infos[b.start..b.end].iter().any(|t| t.folded == "and")
                }
                Some("on" | "for" | "of") => {
                    b.kind != EntityKind::Person
                        && institution(&a)
                        && !WEEKDAYS.contains(&infos[b.start].folded.as_str())
                }
                _ => false,
            };
        // «Korean Metal Workers | ' | Union»: a plural's bare apostrophe.
        let plural_owner = matches!(between, Some("'" | "’"))
            && b.start == a.end + 1
            && a.kind != EntityKind::Person
            && a_id.is_none()
            && infos[a.end - 1].folded.ends_with('s')
            && b.kind == EntityKind::Org
            && (institution(&b) || MEMBERS_BODIES.contains(&infos[b.end - 1].folded.as_str()));
        if joins || plural_owner {
            let kind = EntityKind::Org;
            spans[i] = (
                Span {
                    end: b.end,
                    kind,
                    ..a
                },
                None,
            );
            spans.remove(i + 1);
        } else {
            i += 1;
        }
    }
}
