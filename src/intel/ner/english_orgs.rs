//! Mends the edges of English organisation spans where the small English
//! model cuts a name short or runs two names together: a locating
//! adjective before the name, the first word of a list the name holds,
//! the portfolios after the first, a Spanish or Swahili particle inside
//! a place's name at the end, two institutions joined by «and».

use super::article::{
    ends_english_company, ends_english_institution, ends_english_named_site, is_place_noun,
    names_a_thing,
};
use super::conll::Span;
use super::features::TokenInfo;
use super::gazetteer::Gazetteer;
use super::latin::{COMPANY_ENDS, NAME_PARTICLES, ORG_PARTICLES, WEEKDAYS};
use super::merge::is_spelt_short_form;
use super::noise::is_demonym;
use super::{is_possessive, put_span, spanned};
use crate::model::EntityKind;

/// Lower-case words inside the place names that end institutions' names
/// («University of Dar es Salaam», «Universidad de los Andes»).
const PLACE_PARTICLES: [&str; 11] = [
    "es", "de", "del", "la", "las", "los", "da", "do", "di", "al", "el",
];

/// The most capitalised words taken after a particle or an «and».
const TAKEN_WORDS: usize = 3;

/// Institution nouns that open a name with portfolios or fields after
/// «of» («Ministry of Public Works and Housing», «University of Science
/// and Technology», «Institute of Environment and Renewable Natural
/// Resources»).
const PORTFOLIO_HEADS: [&str; 21] = [
    "superintendency",
    "superintendence",
    "inspectorate",
    "ministry",
    "department",
    "secretariat",
    "directorate",
    "university",
    "institute",
    "school",
    "college",
    "academy",
    "faculty",
    "centre",
    "center",
    "council",
    "commission",
    "authority",
    "agency",
    "bureau",
    "office",
];

/// Folded words that, after a place and a hyphen, locate what follows
/// rather than naming it: «Nairobi-based Sterling Capital» is the firm
/// «Sterling Capital» (the tokenizer splits «Nairobi», «-», «based»).
const LOCATING_WORDS: [&str; 3] = ["based", "headquartered", "listed"];

/// Whether tokens `k` and `k + 1` are a hyphen and a locating word.
fn locates_at(infos: &[TokenInfo], k: usize) -> bool {
    infos.get(k).is_some_and(|t| t.folded == "-")
        && infos
            .get(k + 1)
            .is_some_and(|t| LOCATING_WORDS.contains(&t.folded.as_str()))
}

/// Mends spans around a place's locating adjective (and leaves «Shares
/// of» out of a company's name, which the model takes in at the start of
/// a sentence: «Shares of State Bank of India fell»): a span holding the
/// hyphen and the locating word starts after them; a span that runs into
/// the place («Helsinki Foundation for Human Rights, a Warsaw» before
/// «-based») ends before it, and the listed place there is a place of
/// its own; a name right after the locating word that opens with no
/// given name is a body («Karachi-based Indus Blenders»), whatever the
/// model made of it.
fn cut_at_locating(infos: &[TokenInfo], gaz: &Gazetteer, spans: &mut Vec<(Span, Option<usize>)>) {
    let listed_place = |k: usize| gaz.is_one_word_place(&infos[k].folded);
    let mut places = Vec::new();
    for (s, id) in spans.iter_mut() {
        if id.is_some() {
            continue;
        }
        if s.end - s.start >= 3
            && infos[s.start].folded == "shares"
            && infos[s.start + 1].folded == "of"
        {
            s.start += 2;
        }
        if let Some(at) = (s.start..s.end.saturating_sub(2))
            .rev()
            .find(|&k| locates_at(infos, k))
        {
            s.start = at + 2;
        }
        let located = s.start >= 2 && locates_at(infos, s.start - 2);
        if located
            && matches!(s.kind, EntityKind::Misc | EntityKind::Person)
            && !gaz.is_any_given_name(&infos[s.start].folded)
        {
            s.kind = EntityKind::Org;
        }
        if locates_at(infos, s.end) && listed_place(s.end - 1) {
            if s.end - s.start == 1 {
                s.kind = EntityKind::Place;
            } else {
                let place = Span {
                    start: s.end - 1,
                    end: s.end,
                    kind: EntityKind::Place,
                };
                places.push((place, None));
                s.end -= 1;
                while s.end > s.start && matches!(infos[s.end - 1].shape, "low" | "punct") {
                    s.end -= 1;
                }
            }
        }
    }
    spans.retain(|(s, _)| s.end > s.start);
    if !places.is_empty() {
        spans.extend(places);
        spans.sort_by_key(|(s, _)| s.start);
    }
}

/// Folded sports that name a country's federation when a country
/// follows («Athletics Kenya», «Cricket Australia», «Swimming Canada»).
const FEDERATION_SPORTS: [&str; 12] = [
    "athletics",
    "cricket",
    "cycling",
    "football",
    "gymnastics",
    "hockey",
    "netball",
    "rowing",
    "rugby",
    "swimming",
    "tennis",
    "triathlon",
];

/// Makes a capitalised sport and the place after it one organisation,
/// the country's federation: the model reads «Athletics Kenya» as a
/// place, or tags «Kenya» alone.
fn take_federations(infos: &[TokenInfo], spans: &mut [(Span, Option<usize>)]) {
    let sport = |k: usize| FEDERATION_SPORTS.contains(&infos[k].folded.as_str());
    for (s, id) in spans.iter_mut() {
        if s.kind != EntityKind::Place {
            continue;
        }
        if s.end - s.start >= 2 && sport(s.start) {
            s.kind = EntityKind::Org;
            *id = None;
        } else if s.start > 0 && sport(s.start - 1) && infos[s.start - 1].shape == "Cap" {
            s.start -= 1;
            s.kind = EntityKind::Org;
            *id = None;
        }
    }
}

/// Folded legal forms written after a company's name («Petróleo
/// Brasileiro SA», «Siemens AG», «Tesco PLC»).
const LEGAL_FORMS: [&str; 24] = [
    "sa", "s.a.", "ag", "gmbh", "spa", "s.p.a.", "nv", "n.v.", "bv", "b.v.", "se", "ab", "asa",
    "oyj", "pjsc", "jsc", "tbk", "bhd", "plc", "inc", "inc.", "ltd", "ltd.", "llc",
];

/// Legal forms of [`LEGAL_FORMS`] that are written with a capital and
/// lower-case letters («GmbH», «Tbk», «Inc»); the others count in
/// capitals only, so the «Sa» or «Se» of a name is none, but for «plc».
const MIXED_CASE_FORMS: [&str; 8] = ["gmbh", "spa", "oyj", "tbk", "bhd", "inc", "inc.", "ltd"];

/// Whether a token is a company's legal form as written.
fn is_legal_form(t: &TokenInfo) -> bool {
    let f = t.folded.as_str();
    LEGAL_FORMS.contains(&f)
        && (matches!(t.shape, "caps" | "abbr")
            || (t.shape == "Cap" && MIXED_CASE_FORMS.contains(&f))
            || f == "plc")
}

/// Folded words that make a place of a place after them: directions and
/// other words that name a part or a kind of it («North Jakarta»,
/// «Greater Cairo», «Mainland China»), or open a place's own name.
const PLACE_DESCRIPTORS: [&str; 29] = [
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
    "upper",
    "lower",
    "greater",
    "new",
    "old",
    "inner",
    "outer",
    "mainland",
    "metro",
    "metropolitan",
    "downtown",
    "rural",
    "coastal",
    "occupied",
    "sub-saharan",
    "continental",
];

/// The most words a body's name takes before the place in
/// [`bodies_before_a_place`].
const WORDS_BEFORE_PLACE: usize = 2;

/// Makes an organisation of a span with no gazetteer id that is one or
/// two capitalised words of no place, then a listed place that ends it:
/// a body's branch or a company named after its country («Greenpeace
/// Indonesia», «Garuda Indonesia», «Transport Canada», «Safaricom
/// Ethiopia»), which the English model reads as one place. A direction
/// or a word of a place's name first («North Jakarta», «Greater Cairo»,
/// «Mount Kenya», «Lake Victoria») keeps it a place.
fn bodies_before_a_place(infos: &[TokenInfo], spans: &mut [(Span, Option<usize>)]) {
    let place_word = |t: &TokenInfo| {
        let f = t.folded.as_str();
        t.gaz.is_some()
            || PLACE_DESCRIPTORS.contains(&f)
            || f.starts_with("north-")
            || f.starts_with("south-")
            || ends_english_named_site(f)
            || is_place_noun(f)
    };
    for (s, id) in spans.iter_mut() {
        let words = s.end - s.start;
        let last = &infos[s.end - 1];
        let ends_in_place = last.gaz == Some((EntityKind::Place, true))
            && infos
                .get(s.end)
                .is_none_or(|t| t.gaz != Some((EntityKind::Place, false)));
        let body = &infos[s.start..s.end - 1];
        if id.is_none()
            && s.kind == EntityKind::Place
            && (2..=WORDS_BEFORE_PLACE + 1).contains(&words)
            && ends_in_place
            && body.iter().all(|t| t.shape == "Cap" && !place_word(t))
        {
            s.kind = EntityKind::Org;
        }
    }
}

/// Makes an organisation of a span with no gazetteer id that «Bank» (or
/// «Banco», «Banque», «Banca») opens («Bank Audi», «Bank Muscat», «Banco
/// de la República»), which the model
/// reads as a place or a person; «West Bank» has its own words first.
fn banks_by_their_noun(infos: &[TokenInfo], spans: &mut [(Span, Option<usize>)]) {
    for (s, id) in spans.iter_mut() {
        let first = &infos[s.start];
        if id.is_none()
            && s.end - s.start >= 2
            && matches!(first.folded.as_str(), "bank" | "banco" | "banque" | "banca")
            && first.shape == "Cap"
            && !is_place_noun(&infos[s.end - 1].folded)
        {
            s.kind = EntityKind::Org;
        }
    }
}

/// Makes a people of a one-word span with no gazetteer id that is a
/// listed place and «is» («Yemenis», «Iraqis», «Qataris»): the model
/// takes a people in the plural for a person.
fn peoples_by_their_country(
    infos: &[TokenInfo],
    gaz: &Gazetteer,
    spans: &mut [(Span, Option<usize>)],
) {
    for (s, id) in spans.iter_mut() {
        let word = infos[s.start].folded.as_str();
        if id.is_none()
            && s.end - s.start == 1
            && word
                .strip_suffix("is")
                .is_some_and(|place| gaz.is_one_word_place(place))
        {
            s.kind = EntityKind::Misc;
        }
    }
}

/// Lower-case nouns of a site that follow its name in news («the Fekola
/// mine», «the Kutupalong camp», «the Olkaria field»).
const SITE_NOUNS: [&str; 7] = [
    "mine", "refinery", "oilfield", "field", "camp", "crossing", "shipyard",
];

/// The most words of a site's name before its noun.
const SITE_NAME_WORDS: usize = 3;

/// Makes a place of a span with no gazetteer id right before a site noun
/// ([`SITE_NOUNS`]) unless a given name opens it: the model takes «the
/// Fekola mine» for a person.
fn sites_before_their_noun(
    infos: &[TokenInfo],
    gaz: &Gazetteer,
    spans: &mut [(Span, Option<usize>)],
) {
    for (s, id) in spans.iter_mut() {
        let site = infos
            .get(s.end)
            .is_some_and(|t| t.shape == "low" && SITE_NOUNS.contains(&t.folded.as_str()));
        if id.is_none()
            && site
            && s.kind != EntityKind::Place
            && s.end - s.start <= SITE_NAME_WORDS
            && !gaz.is_any_given_name(&infos[s.start].folded)
        {
            s.kind = EntityKind::Place;
        }
    }
}

/// Folded nouns that end the name of a body's organ, which its owner's
/// possessive opens («the Bundestag's Budget Committee»).
const ORGAN_NOUNS: [&str; 12] = [
    "committee",
    "subcommittee",
    "council",
    "board",
    "commission",
    "office",
    "department",
    "directorate",
    "bureau",
    "secretariat",
    "court",
    "chamber",
];

/// Folded plural owners whose possessive opens one name with the noun
/// after it («People's Party», «Women's Affairs Committee»).
const OWNING_PEOPLES: [&str; 6] = ["people", "women", "children", "workers", "farmers", "men"];

/// Cuts an organisation span at a possessive when an institution's noun
/// comes before it and two words or more after it: «Qatar University's
/// Center for Advanced Materials» is the university and its centre
/// («People's Party» is one name). One capitalised word that owns an
/// organ of two words or more is a body too: «Bundestag's | Budget
/// Committee», and so does a head's name with «of»: «University of
/// Sheffield's | Advanced Manufacturing Research Centre»; unless the
/// possessive is part of a listed name («Moody's») or the owner a
/// people ([`OWNING_PEOPLES`]). A span of any kind opened by a listed
/// place and its possessive is that place and what it owns: «Lahore's |
/// Gaddafi Stadium», «Nova Scotia's | Department of Advanced Education».
fn split_possessive_bodies(
    tokens: &[&str],
    infos: &[TokenInfo],
    gaz: &Gazetteer,
    spans: &mut Vec<(Span, Option<usize>)>,
) {
    let mut k = 0;
    while k < spans.len() {
        let (s, id) = spans[k];
        let organ = ORGAN_NOUNS.contains(&infos[s.end - 1].folded.as_str());
        let cut = (s.start + 1..s.end.saturating_sub(2)).find(|&p| {
            let head_of = p >= s.start + 3
                && ends_english_institution(&infos[s.start].folded)
                && infos[s.start + 1].folded == "of";
            is_possessive(&infos[p])
                && (ends_english_institution(&infos[p - 1].folded)
                    || head_of
                    || (organ
                        && p == s.start + 1
                        && infos[p].gaz.is_none()
                        && infos[s.start].shape == "Cap"
                        && !OWNING_PEOPLES.contains(&infos[s.start].folded.as_str())))
        });
        if let (Some(p), EntityKind::Org, None) = (cut, s.kind, id) {
            split_at(spans, k, p, EntityKind::Org);
            k += 1;
        } else if let Some(p) = (s.start + 1..s.end.saturating_sub(1)).find(|&p| {
            is_possessive(&infos[p])
                && id.is_none()
                && is_listed_place(tokens, infos, gaz, s.start, p)
        }) {
            spans[k].0.kind = EntityKind::Place;
            split_at(spans, k, p, s.kind);
            k += 1;
        }
        k += 1;
    }
}

/// Whether tokens `start..end` are exactly one listed place, minor
/// lists included («Lahore», «New Brunswick»).
fn is_listed_place(
    tokens: &[&str],
    infos: &[TokenInfo],
    gaz: &Gazetteer,
    start: usize,
    end: usize,
) -> bool {
    let folded: Vec<&str> = infos[start..end]
        .iter()
        .map(|t| t.folded.as_str())
        .collect();
    matches!(gaz.find(&tokens[start..end], &folded)[..], [m]
        if m.start == 0
            && m.end == end - start
            && gaz.kind_of(&m) == Some(EntityKind::Place))
}

/// Makes «X's Office» one organisation, taking in the span or the
/// capitalised word before the possessive: «the Ombudsman's Office», «the
/// Attorney General's Office» are bodies, which the model tags as the
/// office holder alone or not at all. A place's office is named after
/// it («Kenya's | Office of the Data Protection Commissioner»).
fn possessive_offices(
    infos: &[TokenInfo],
    gaz: &Gazetteer,
    spans: &mut Vec<(Span, Option<usize>)>,
) {
    for p in 1..infos.len().saturating_sub(1) {
        let office = is_possessive(&infos[p])
            && infos[p + 1].folded == "office"
            && infos[p + 1].shape == "Cap"
            && infos[p - 1].shape == "Cap"
            && infos[p - 1].gaz.is_none()
            && !gaz.is_one_word_place(&infos[p - 1].folded)
            && !infos
                .get(p + 2)
                .is_some_and(|t| matches!(t.folded.as_str(), "of" | "for"));
        if !office {
            continue;
        }
        let start = spans
            .iter()
            .find(|(s, id)| s.end == p && id.is_none())
            .map_or(p - 1, |(s, _)| s.start);
        put_span(spans, start, p + 2, EntityKind::Org);
    }
}

/// Folded words that open a part of a country or a continent rather than
/// a company's name before it («Central Kenya», «Greater Cairo»).
const PART_WORDS: [&str; 20] = [
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "upper", "lower", "greater", "rural", "inner", "outer", "coastal", "mainland", "new", "old",
    "sub",
];

/// Makes a company's national arm one organisation: one or two
/// capitalised words that name no place, person's given name, title,
/// people or part of a country ([`PART_WORDS`]), or a listed company,
/// right before a listed place with nothing between («Airtel Kenya»,
/// «Airtel Africa»: another company than Airtel), or an
/// acronym opening a place span the model tagged («HSBC Saudi Arabia»).
/// The model takes the company for a person and the country for a
/// place.
fn national_arms(infos: &[TokenInfo], gaz: &Gazetteer, spans: &mut Vec<(Span, Option<usize>)>) {
    let plain = |t: &TokenInfo| {
        matches!(t.shape, "Cap" | "caps")
            && t.gaz.is_none()
            && !t.first_name
            && !gaz.is_any_given_name(&t.folded)
            && !gaz.is_title(&t.folded)
            && !gaz.is_stopword(&t.folded)
            && !PART_WORDS.contains(&t.folded.as_str())
            && !is_demonym(&t.folded, &|x| gaz.is_place_stem(x))
    };
    let mut k = 0;
    while k < spans.len() {
        let (s, id) = spans[k];
        let joined = (s.kind == EntityKind::Place && id.is_some() && k > 0)
            .then(|| spans[k - 1].0)
            .filter(|a| {
                a.end == s.start
                    && a.end - a.start <= 2
                    && a.kind != EntityKind::Place
                    && (spans[k - 1].1.is_none() || a.kind == EntityKind::Org)
                    && infos[a.start..a.end].iter().all(plain)
            });
        if joined.is_some() {
            spans[k - 1].0.end = s.end;
            spans[k - 1].0.kind = EntityKind::Org;
            spans[k - 1].1 = None;
            spans.remove(k);
            continue;
        }
        if s.kind == EntityKind::Place
            && id.is_none()
            && s.end - s.start >= 2
            && infos[s.start].shape == "caps"
            && plain(&infos[s.start])
            && one_listed_name(&infos[s.start + 1..s.end], EntityKind::Place)
        {
            spans[k].0.kind = EntityKind::Org;
        }
        k += 1;
    }
}

/// Ends an organisation span with no gazetteer id before a model's
/// number that the model ran the maker's name on into: a word with
/// letters and digits («Boeing 787s», «Airbus A320neo») or a number of
/// three digits or more («Boeing 777»); «Channel 4» keeps its number.
fn makers_before_models(infos: &[TokenInfo], spans: &mut [(Span, Option<usize>)]) {
    let model = |t: &TokenInfo| {
        t.shape == "has-digit" || (t.shape == "digits" && t.folded.chars().count() >= 3)
    };
    for (s, id) in spans.iter_mut() {
        if id.is_none()
            && s.kind == EntityKind::Org
            && let Some(k) = (s.start + 1..s.end).find(|&k| model(&infos[k]))
        {
            s.end = k;
        }
    }
}

/// Makes an organisation of a people's adjective and one listed
/// organisation that the model tagged as a person or a misc: the
/// person drops the adjective («Saudi PIF's Nupco» names the PIF, which
/// the model, taking the two words together, calls a person), the misc
/// keeps it («Colombian Red Cross» is a society of its own).
fn peoples_listed_bodies(
    infos: &[TokenInfo],
    gaz: &Gazetteer,
    spans: &mut [(Span, Option<usize>)],
) {
    for (s, id) in spans.iter_mut() {
        let listed = one_listed_name(&infos[(s.start + 1).min(s.end)..s.end], EntityKind::Org);
        if id.is_none()
            && matches!(s.kind, EntityKind::Person | EntityKind::Misc)
            && listed
            && is_demonym(&infos[s.start].folded, &|x| gaz.is_place_stem(x))
        {
            if s.kind == EntityKind::Person {
                s.start += 1;
            }
            s.kind = EntityKind::Org;
        }
    }
}

/// The most lower-case words between «as» and the role in
/// [`people_named_as`] («as its new finance minister»).
const WORDS_BEFORE_ROLE: usize = 3;

/// Makes a person of a span of two to four words with no gazetteer id
/// that «as» and a title follow («appointed Cassiel Ato Forson as
/// finance minister», «named Leila Benali as its chief executive»): the
/// model takes names it never saw for organisations. No word may name a
/// place or a thing («joined Kenya Airways as chief executive»).
fn people_named_as(infos: &[TokenInfo], gaz: &Gazetteer, spans: &mut [(Span, Option<usize>)]) {
    let role = |k: usize| {
        infos.get(k).is_some_and(|t| {
            gaz.is_title(&t.folded)
                || matches!(t.folded.as_str(), "executive" | "director" | "chief")
        })
    };
    for (s, id) in spans.iter_mut() {
        let after_as = infos.get(s.end).is_some_and(|t| t.folded == "as");
        let titled = after_as
            && (s.end + 1..s.end + 2 + WORDS_BEFORE_ROLE)
                .take_while(|&k| infos.get(k).is_some_and(|t| t.shape == "low"))
                .any(role);
        if id.is_none()
            && titled
            && (2..=4).contains(&(s.end - s.start))
            && infos[s.start..s.end]
                .iter()
                .all(|t| t.shape.starts_with("Cap") && !names_a_thing(&t.folded) && t.gaz.is_none())
        {
            s.kind = EntityKind::Person;
        }
    }
}

/// Folded lower-case nouns of a job that «at» and the employer follow
/// («chief economist at Bancolombia», «head of research at Afrinvest»).
const JOB_NOUNS: [&str; 18] = [
    "economist",
    "economists",
    "analyst",
    "analysts",
    "strategist",
    "researcher",
    "researchers",
    "professor",
    "lecturer",
    "engineer",
    "manager",
    "director",
    "executive",
    "official",
    "officials",
    "spokesman",
    "spokeswoman",
    "research",
];

/// The most lower-case words between a job's noun and «at» («head of
/// research at»).
const WORDS_BEFORE_AT: usize = 3;

/// Makes an organisation of a one-word span with no gazetteer mark that
/// the model took for a place, a person or misc when a job's noun and
/// «at» come before it: the employer of «chief economist at
/// Bancolombia», which the model read as a place. A listed word keeps
/// its kind («official at Kenya's …» is no employer).
fn employers_after_jobs(infos: &[TokenInfo], spans: &mut [(Span, Option<usize>)]) {
    for (s, id) in spans.iter_mut() {
        let at = s.start.checked_sub(1).filter(|&a| infos[a].folded == "at");
        let employed = at.is_some_and(|a| {
            (a.saturating_sub(WORDS_BEFORE_AT)..a)
                .rev()
                .take_while(|&k| infos[k].shape == "low")
                .any(|k| JOB_NOUNS.contains(&infos[k].folded.as_str()))
        });
        if employed
            && id.is_none()
            && s.kind != EntityKind::Org
            && s.end - s.start == 1
            && infos[s.start].gaz.is_none()
        {
            s.kind = EntityKind::Org;
        }
    }
}

/// Lower-case nouns for a company that name one right after them in
/// news («parts maker Daiwa Seiki», «the lender Bank Audi», «miner
/// Barrick Gold»).
const COMPANY_NOUNS: [&str; 28] = [
    "company",
    "group",
    "maker",
    "carmaker",
    "automaker",
    "chipmaker",
    "miner",
    "lender",
    "insurer",
    "retailer",
    "carrier",
    "operator",
    "developer",
    "firm",
    "conglomerate",
    "producer",
    "supplier",
    "manufacturer",
    "exporter",
    "refiner",
    "startup",
    "start-up",
    "utility",
    "brokerage",
    "shipper",
    "giant",
    "builder",
    "contractor",
];

/// Makes an organisation of a span with no gazetteer id right after a
/// company noun ([`COMPANY_NOUNS`]) when no given name opens it: the
/// model takes unknown firms for people or places («parts maker Daiwa
/// Seiki», «the energy company Uzbekneftegaz»). A listed one-word place
/// stays a place («the firm Kenya», rare, is ambiguous).
/// An acronym or a capitalised word the model left untagged there is a
/// company too («local builder TGCC», «engineering group Bechtel»).
fn companies_after_their_noun(
    infos: &[TokenInfo],
    gaz: &Gazetteer,
    spans: &mut Vec<(Span, Option<usize>)>,
) {
    for k in 1..infos.len() {
        let t = &infos[k];
        let untagged_acronym = (t.shape == "caps"
            || (t.shape == "Cap"
                && !gaz.is_title(&t.folded)
                && !gaz.is_any_given_name(&t.folded)
                && !WEEKDAYS.contains(&t.folded.as_str())))
            && t.folded.chars().count() >= 2
            && t.gaz.is_none()
            && !gaz.is_stopword(&t.folded)
            && infos[k - 1].shape == "low"
            && COMPANY_NOUNS.contains(&infos[k - 1].folded.as_str())
            && !spans.iter().any(|(o, _)| o.start <= k && k < o.end);
        if untagged_acronym {
            put_span(spans, k, k + 1, EntityKind::Org);
        }
    }
    for (s, id) in spans.iter_mut() {
        let after_noun = s.start > 0 && {
            let t = &infos[s.start - 1];
            t.shape.starts_with("low") && COMPANY_NOUNS.contains(&t.folded.as_str())
        };
        let one_word_place =
            s.kind == EntityKind::Place && s.end - s.start == 1 && infos[s.start].gaz.is_some();
        if id.is_none()
            && after_noun
            && !one_word_place
            && s.kind != EntityKind::Org
            && !gaz.is_any_given_name(&infos[s.start].folded)
        {
            s.kind = EntityKind::Org;
        }
    }
}

/// Extends a Latin-script person span over an Arabic family name joined
/// to its article right after it, which the model leaves out: «Oil
/// Minister Karim Jabbar al-Saadi told …» («al-», «el-», or «Al-» inside
/// a sentence, then a capital).
fn take_arabic_family_names(tokens: &[&str], spans: &mut [(Span, Option<usize>)]) {
    for k in 0..spans.len() {
        let s = spans[k].0;
        let family = tokens.get(s.end).is_some_and(|w| {
            ["al-", "el-", "Al-", "El-"].iter().any(|p| {
                w.strip_prefix(p)
                    .is_some_and(|rest| rest.chars().next().is_some_and(char::is_uppercase))
            })
        });
        let free = spans.get(k + 1).is_none_or(|(n, _)| n.start > s.end);
        if s.kind == EntityKind::Person && family && free {
            spans[k].0.end += 1;
        }
    }
}

/// Whether a lower-case token is a particle inside a family name
/// ([`NAME_PARTICLES`]: «Pieter van der Merwe», «Ana de la Cruz»), but
/// «of», which after a person names where they work («… of Reuters»).
fn is_family_particle(t: &TokenInfo) -> bool {
    t.shape == "low" && t.folded != "of" && NAME_PARTICLES.contains(&t.folded.as_str())
}

/// The most particles a family name opens with («van der», «de la»).
const MAX_PARTICLES: usize = 2;

/// Takes into a person span the particles after it and the capitalised
/// word they open, where the model stopped before them («Pieter» + «van
/// der Merwe»); a person span that word opens is joined in.
fn take_name_particles(infos: &[TokenInfo], spans: &mut Vec<(Span, Option<usize>)>) {
    let mut k = 0;
    while k < spans.len() {
        let s = spans[k].0;
        let particles = (s.end..infos.len())
            .take_while(|&j| is_family_particle(&infos[j]))
            .count();
        let word = s.end + particles;
        let opened = s.kind == EntityKind::Person
            && (1..=MAX_PARTICLES).contains(&particles)
            && infos.get(word).is_some_and(|t| t.shape.starts_with("Cap"));
        if opened {
            let next = spans.get(k + 1).map(|(n, _)| *n);
            let end = match next {
                Some(n) if n.start == word && n.kind == EntityKind::Person => {
                    spans.remove(k + 1);
                    n.end
                }
                Some(n) if n.start == word => {
                    k += 1;
                    continue;
                }
                _ => word + 1,
            };
            spans[k].0.end = end;
        }
        k += 1;
    }
}

/// The most capitalised words between a company's short name and its
/// legal form that [`take_legal_forms`] takes («Toyota» + «Motor Corp»).
const WORDS_BEFORE_FORM: usize = 2;

/// Whether a token ends a company's name: a legal form as written, or a
/// capitalised «Corp», «Co», «Ltd», «Limited» (`latin::COMPANY_ENDS`).
fn ends_company(t: &TokenInfo) -> bool {
    is_legal_form(t) || (t.shape != "low" && COMPANY_ENDS.contains(&t.folded.as_str()))
}

/// The most capitalised words before a legal form that
/// [`add_untagged_companies`] takes as a name.
const UNTAGGED_COMPANY_WORDS: usize = 4;

/// Adds an organisation over capitalised words that no span holds and
/// legal forms end («Hoshino Motor Co said …», «Hoshino Motor Co. Ltd.»,
/// which the model leaves untagged), unless a name ends right before
/// them («Toyota» + «Motor Corp» is one company).
fn add_untagged_companies(infos: &[TokenInfo], spans: &mut Vec<(Span, Option<usize>)>) {
    let mut found: Vec<(Span, Option<usize>)> = Vec::new();
    let mut form = 1;
    while form < infos.len() {
        let free = |k: usize| !spans.iter().chain(&found).any(|(s, _)| s.holds(k));
        let words = (ends_company(&infos[form]) && free(form))
            .then(|| {
                (1..=UNTAGGED_COMPANY_WORDS.min(form))
                    .take_while(|&w| infos[form - w].shape == "Cap" && free(form - w))
                    .last()
            })
            .flatten();
        let Some(words) = words else {
            form += 1;
            continue;
        };
        let start = form - words;
        if start > 0 && !free(start - 1) {
            // A name right before: it takes these words (`take_legal_forms`).
            form += 1;
            continue;
        }
        let mut end = form + 1;
        while infos.get(end).is_some_and(ends_company) && free(end) {
            end += 1;
        }
        let kind = EntityKind::Org;
        found.push((Span { start, end, kind }, None));
        form = end;
    }
    if !found.is_empty() {
        spans.extend(found);
        spans.sort_by_key(|(s, _)| s.start);
    }
}

/// Makes a name a company when a legal form ends it or comes right after
/// it, and takes into a company's name the capitalised words up to the
/// legal form after it: the English model reads «Petróleo Brasileiro
/// SA» as a person, leaves «Banco Santander» + «SA» apart, and the
/// gazetteer's «Toyota» cuts «Toyota Motor Corp» short. A company named
/// by its legal form starts after the last lower-case word of its span
/// («Malaysian palm oil producer | Permai Plantations Bhd», which the
/// model reads as one misc name).
fn take_legal_forms(infos: &[TokenInfo], spans: &mut Vec<(Span, Option<usize>)>) {
    add_untagged_companies(infos, spans);
    let starts: Vec<usize> = spans.iter().map(|(s, _)| s.start).collect();
    let free_cap =
        |k: usize| !starts.contains(&k) && infos.get(k).is_some_and(|t| t.shape == "Cap");
    let form_at = |k: usize| !starts.contains(&k) && infos.get(k).is_some_and(ends_company);
    for (s, id) in spans.iter_mut() {
        if s.kind == EntityKind::Org && ends_company(&infos[s.end - 1]) {
            continue;
        }
        let words = (0..=WORDS_BEFORE_FORM)
            .take_while(|&w| w == 0 || free_cap(s.end + w - 1))
            .find(|&w| form_at(s.end + w) && !free_cap(s.end + w + 1));
        if let Some(w) = words.filter(|_| s.kind == EntityKind::Org || id.is_none()) {
            s.end += w + 1;
            s.kind = EntityKind::Org;
        } else if id.is_none() && s.end - s.start >= 2 && is_legal_form(&infos[s.end - 1]) {
            s.kind = EntityKind::Org;
            if let Some(k) = (s.start..s.end - 1).rev().find(|&k| {
                let t = &infos[k];
                t.shape == "low"
                    && !ORG_PARTICLES.contains(&t.folded.as_str())
                    && !NAME_PARTICLES.contains(&t.folded.as_str())
            }) {
                s.start = k + 1;
            }
        }
    }
}

/// Folded nouns that make a name an event, misc («Dubai Marathon»,
/// «Africa Cup of Nations», «Asian Games»), which the English model takes
/// for an organisation or a place.
const EVENT_NOUNS: [&str; 11] = [
    "airshow",
    "marathon",
    "cup",
    "games",
    "olympics",
    "championship",
    "championships",
    "tournament",
    "festival",
    "expo",
    "biennale",
];

/// Makes a span of two words or more with no gazetteer id an event when
/// its head, the last word or the word before «of», is an event noun.
fn name_events(infos: &[TokenInfo], spans: &mut [(Span, Option<usize>)]) {
    for (s, id) in spans.iter_mut() {
        if id.is_some() || s.end - s.start < 2 {
            continue;
        }
        let name = &infos[s.start..s.end];
        let head = name
            .iter()
            .position(|t| t.folded == "of")
            .filter(|&of| of > 0)
            .map_or(name.len() - 1, |of| of - 1);
        if EVENT_NOUNS.contains(&name[head].folded.as_str()) {
            s.kind = EntityKind::Misc;
        }
    }
}

/// Folded nouns that end the name of a law or a treaty.
const LAW_NOUNS: [&str; 8] = [
    "act",
    "bill",
    "law",
    "code",
    "treaty",
    "accord",
    "regulation",
    "directive",
];

/// Lower-case words inside a law's name («Information and Communications
/// Act», «Protection of Personal Information Act»).
const LAW_PARTICLES: [&str; 5] = ["and", "of", "on", "for", "the"];

/// The most words taken into a law's name.
const LAW_WORDS: usize = 10;

/// Makes capitalised words ending in a law's noun ([`LAW_NOUNS`]), with
/// the particles between them ([`LAW_PARTICLES`]), one misc span over
/// the spans inside: «Kenya Information and Communications Act» is a
/// law, not the organisation «Kenya Information» and a misc
/// «Communications Act». A leading «The» and another law before it stay
/// out.
fn name_laws(infos: &[TokenInfo], spans: &mut Vec<(Span, Option<usize>)>) {
    let cap = |k: usize| infos[k].shape == "Cap" && infos[k].folded != "the";
    let law = |k: usize| LAW_NOUNS.contains(&infos[k].folded.as_str());
    for i in 1..infos.len() {
        let closes = cap(i) && law(i) && infos.get(i + 1).is_none_or(|t| t.shape != "Cap");
        if !closes {
            continue;
        }
        let mut start = i;
        while i - start < LAW_WORDS {
            if start >= 1 && cap(start - 1) && !law(start - 1) {
                start -= 1;
            } else if start >= 2
                && LAW_PARTICLES.contains(&infos[start - 1].folded.as_str())
                && cap(start - 2)
                && !law(start - 2)
            {
                start -= 2;
            } else {
                break;
            }
        }
        if start == i {
            continue;
        }
        put_span(spans, start, i + 1, EntityKind::Misc);
    }
}

/// Whether `words` are exactly one gazetteer name of `kind`: the first
/// starts it, the others continue it.
fn one_listed_name(words: &[TokenInfo], kind: EntityKind) -> bool {
    words.split_first().is_some_and(|(first, rest)| {
        first.gaz == Some((kind, true)) && rest.iter().all(|t| t.gaz == Some((kind, false)))
    })
}

/// Cuts span `k` before the word at `at` («'s», «of», «and»), which
/// belongs to neither part, and inserts what follows it as a span of
/// `kind` with no gazetteer id right after.
fn split_at(spans: &mut Vec<(Span, Option<usize>)>, k: usize, at: usize, kind: EntityKind) {
    let end = spans[k].0.end;
    spans[k].0.end = at;
    let second = Span {
        start: at + 1,
        end,
        kind,
    };
    spans.insert(k + 1, (second, None));
}

/// Folded words before «Centre» or «Center» that make it a body that
/// does research, not a building or a venue («Renewable Energy Research
/// Centre», not «Accra International Conference Centre»).
const RESEARCH_WORDS: [&str; 4] = ["research", "studies", "policy", "cancer"];

/// Makes a place span with no gazetteer id that ends in a research
/// centre's words ([`RESEARCH_WORDS`] + «Centre») an organisation: the
/// English model takes such centres for places.
fn research_centres(infos: &[TokenInfo], spans: &mut [(Span, Option<usize>)]) {
    for (s, id) in spans.iter_mut() {
        let words = &infos[s.start..s.end];
        if let [.., before, last] = words
            && s.kind == EntityKind::Place
            && id.is_none()
            && matches!(last.folded.as_str(), "centre" | "center")
            && RESEARCH_WORDS.contains(&before.folded.as_str())
        {
            s.kind = EntityKind::Org;
        }
    }
}

/// Makes an organisation span with no gazetteer id that ends in a
/// capitalised site noun ([`SITE_NOUNS`] or «Pipeline») a place: «the
/// Shuaiba Refinery», «the Trans Niger Pipeline» are sites, which the
/// English model takes for companies.
fn sites_by_their_last_word(infos: &[TokenInfo], spans: &mut [(Span, Option<usize>)]) {
    for (s, id) in spans.iter_mut() {
        let last = &infos[s.end - 1];
        if s.kind == EntityKind::Org
            && id.is_none()
            && s.end - s.start >= 2
            && last.shape == "Cap"
            && (SITE_NOUNS.contains(&last.folded.as_str()) || last.folded == "pipeline")
        {
            s.kind = EntityKind::Place;
        }
    }
}

/// Cuts an organisation span that ends a comma list at its «and» when
/// one capitalised word follows it: «Maroc Telecom, Orange Maroc and
/// Inwi» are three companies. A name with «of» or «for» keeps its «and»
/// («Ministry of Trade and Industry»).
fn split_listed_pairs(infos: &[TokenInfo], spans: &mut Vec<(Span, Option<usize>)>) {
    let mut k = 0;
    while k < spans.len() {
        let (s, id) = spans[k];
        let words = &infos[s.start..s.end];
        let and = s.end.saturating_sub(2);
        let listed = s.start > 0 && infos[s.start - 1].folded == ",";
        if s.kind == EntityKind::Org
            && id.is_none()
            && listed
            && s.end - s.start >= 4
            && infos[and].folded == "and"
            && infos[s.end - 1].shape == "Cap"
            && !ends_english_institution(&infos[s.end - 1].folded)
            && !words
                .iter()
                .any(|t| matches!(t.folded.as_str(), "of" | "for" | "&"))
        {
            split_at(spans, k, and, EntityKind::Org);
            k += 1;
        }
        k += 1;
    }
}

/// Extends an organisation span with no gazetteer id opened by «Red
/// Crescent» or «Red Cross» over a people's adjective right before it,
/// which the model left out: the national society is named by it
/// («Sudanese Red Crescent Society», «Colombian Red Cross»).
fn national_societies(infos: &[TokenInfo], gaz: &Gazetteer, spans: &mut [(Span, Option<usize>)]) {
    for k in 0..spans.len() {
        let (s, id) = spans[k];
        let second = infos.get(s.start + 1).map(|t| t.folded.as_str());
        let opens = matches!(
            (infos[s.start].folded.as_str(), second),
            ("red", Some("crescent" | "cross"))
        );
        if s.kind == EntityKind::Org
            && id.is_none()
            && opens
            && s.start > 0
            && infos[s.start - 1].shape == "Cap"
            && is_demonym(&infos[s.start - 1].folded, &|x| gaz.is_place_stem(x))
            && !spanned(spans, s.start - 1)
        {
            spans[k].0.start -= 1;
        }
    }
}

/// Applies the mends to a sentence's spans (sorted by start), in order.
pub(super) fn mend(
    tokens: &[&str],
    infos: &[TokenInfo],
    gaz: &Gazetteer,
    spans: &mut Vec<(Span, Option<usize>)>,
) {
    take_federations(infos, spans);
    national_societies(infos, gaz, spans);
    research_centres(infos, spans);
    sites_by_their_last_word(infos, spans);
    split_listed_pairs(infos, spans);
    bodies_before_a_place(infos, spans);
    banks_by_their_noun(infos, spans);
    peoples_by_their_country(infos, gaz, spans);
    sites_before_their_noun(infos, gaz, spans);
    split_possessive_bodies(tokens, infos, gaz, spans);
    possessive_offices(infos, gaz, spans);
    national_arms(infos, gaz, spans);
    makers_before_models(infos, spans);
    peoples_listed_bodies(infos, gaz, spans);
    people_named_as(infos, gaz, spans);
    companies_after_their_noun(infos, gaz, spans);
    employers_after_jobs(infos, spans);
    take_name_particles(infos, spans);
    take_arabic_family_names(tokens, spans);
    take_legal_forms(infos, spans);
    name_events(infos, spans);
    cut_at_locating(infos, gaz, spans);
    take_list_heads(infos, spans);
    join_bodies_of_bodies(infos, spans);
    let mut k = 0;
    while k < spans.len() {
        let (s, id) = spans[k];
        if s.kind == EntityKind::Org && id.is_none() {
            let end = take_particle_tail(infos, &s)
                .max(take_purpose_pair(infos, &s))
                .max(take_portfolio_pair(infos, &s))
                .max(take_complement(infos, gaz, &s));
            if end > s.end {
                spans.retain(|(o, _)| o.start >= end || o.end <= s.end);
                spans[k].0.end = end;
            }
        }
        if let Some(of) = founder_cut(infos, gaz, &spans[k]) {
            split_at(spans, k, of, EntityKind::Person);
        }
        let s = spans[k].0;
        if matches!(s.kind, EntityKind::Org | EntityKind::Place)
            && id.is_none()
            && let Some(cut) = institutions_pair_cut(infos, &s)
        {
            split_at(spans, k, cut, s.kind);
        }
        k += 1;
    }
    name_laws(infos, spans);
    names_spelt_by_short_forms(tokens, infos, spans);
}

/// Lower-case words a short form skips inside the name it spells («Office
/// for the Coordination of Humanitarian Affairs (OCHA)»).
const SPELLING_PARTICLES: [&str; 7] = ["of", "for", "the", "and", "on", "&", "de"];

/// Where the name that a short form in brackets at `open + 1` spells
/// starts: the capitals of the short form, read backwards, are the
/// initials of the capitalised words before the bracket, with
/// [`SPELLING_PARTICLES`] between them («Food Security and Nutrition
/// Analysis Unit (FSNAU)», «Somali Disaster Management Agency
/// (SoDMA)»).
fn spelt_start(tokens: &[&str], open: usize) -> Option<usize> {
    let short = tokens.get(open + 1)?;
    let capitals: Vec<char> = short.chars().filter(|c| c.is_uppercase()).collect();
    let plain = is_spelt_short_form(short) && short.starts_with(char::is_uppercase);
    if tokens.get(open + 2) != Some(&")") || !plain {
        return None;
    }
    let mut left = capitals.len();
    let mut k = open;
    while left > 0 {
        k = k.checked_sub(1)?;
        let w = tokens[k];
        if SPELLING_PARTICLES.contains(&w) && k + 1 < open {
            continue;
        }
        if !w.starts_with(capitals[left - 1]) || w.chars().all(char::is_uppercase) {
            return None;
        }
        left -= 1;
    }
    Some(k)
}

/// Makes the name a short form in brackets spells one organisation
/// ([`spelt_start`]) where the model cut it in two («Food Security» and
/// «Nutrition Analysis Unit») or left part of it out («UN Office» and
/// «Humanitarian Affairs»), keeping capitals that open a span it took in
/// before the name («UN Office for the Coordination of Humanitarian
/// Affairs (OCHA)»). A name one span already holds whole is left as it
/// is.
fn names_spelt_by_short_forms(
    tokens: &[&str],
    infos: &[TokenInfo],
    spans: &mut Vec<(Span, Option<usize>)>,
) {
    for open in 1..tokens.len() {
        if tokens[open] != "(" {
            continue;
        }
        let Some(mut start) = spelt_start(tokens, open) else {
            continue;
        };
        if spans.iter().any(|(o, _)| o.start <= start && o.end == open) {
            continue;
        }
        if let Some((o, _)) = spans.iter().find(|(o, _)| o.start < start && o.end > start)
            && infos[o.start..start].iter().all(|t| t.shape == "caps")
        {
            start = o.start;
        }
        put_span(spans, start, open, EntityKind::Org);
    }
}

/// Joins an institution's name, «of the» and the organisation after it
/// into one name when the first holds an institution's noun and the
/// second is a name of two words or more: «Court of Justice of the
/// European Union», «Disciplinary Chamber of the Supreme Court», which
/// the English model tags as two.
fn join_bodies_of_bodies(infos: &[TokenInfo], spans: &mut Vec<(Span, Option<usize>)>) {
    let body = |s: &Span| {
        infos[s.start..s.end]
            .iter()
            .any(|t| ends_english_institution(&t.folded) || t.folded == "chamber")
    };
    let mut k = 0;
    while k + 1 < spans.len() {
        let ((a, aid), (b, _)) = (spans[k], spans[k + 1]);
        let joined = a.kind == EntityKind::Org
            && aid.is_none()
            && b.kind == EntityKind::Org
            && b.start == a.end + 2
            && infos[a.end].folded == "of"
            && infos[a.end + 1].folded == "the"
            && b.end - b.start >= 2
            && body(&a);
        if joined {
            spans[k].0.end = b.end;
            spans.remove(k + 1);
        } else {
            k += 1;
        }
    }
}

/// Takes into an institution's name holding a list joined by «and» the
/// list's first word, untagged, when a comma and that word come before
/// it («the Meteorology, Climatology and Geophysics Agency»).
fn take_list_heads(infos: &[TokenInfo], spans: &mut [(Span, Option<usize>)]) {
    for k in 0..spans.len() {
        let (a, id) = spans[k];
        let listed = a.start >= 2
            && a.kind == EntityKind::Org
            && id.is_none()
            && ends_english_institution(&infos[a.end - 1].folded)
            && infos[a.start..a.end - 1].iter().any(|t| t.folded == "and")
            && infos[a.start - 1].folded == ","
            && infos[a.start - 2].shape == "Cap"
            && !spanned(spans, a.start - 2);
        if listed {
            spans[k].0.start = a.start - 2;
        }
    }
}

/// Where a name ending in a place particle, or before one, ends once it
/// takes the particles and the capitalised words after them: «University
/// of Dar» + «es Salaam», «Universidad de» + «los Andes».
fn take_particle_tail(infos: &[TokenInfo], s: &Span) -> usize {
    let particle = |t: &TokenInfo| t.shape == "low" && PLACE_PARTICLES.contains(&t.folded.as_str());
    let mut j = s.end;
    while j < infos.len() && particle(&infos[j]) {
        j += 1;
    }
    let opened = j > s.end || particle(&infos[s.end - 1]);
    if !opened {
        return s.end;
    }
    let words = capitalised_run(infos, j);
    if words == 0 { s.end } else { j + words }
}

/// Where an organisation span with no gazetteer id that runs on past
/// «of» into a person's name ends: the «of» before a given name
/// («National Rally of Independents of Aziz Akhannouch», the party of
/// its leader).
fn founder_cut(
    infos: &[TokenInfo],
    gaz: &Gazetteer,
    (s, id): &(Span, Option<usize>),
) -> Option<usize> {
    if s.kind != EntityKind::Org || id.is_some() {
        return None;
    }
    (s.start + 1..s.end.saturating_sub(2)).find(|&k| {
        infos[k].folded == "of"
            && infos[k + 1].shape == "Cap"
            && gaz.is_any_given_name(&infos[k + 1].folded)
    })
}

/// The most words [`take_complement`] takes after «for» or «of».
/// Where an organisation's name ends when it holds «for» and a
/// capitalised word, and «and» with capitalised words follows it: the
/// model ends «Arab Fund for Economic | and Social Development» at the
/// first purpose («Bank for Reconstruction and Development»).
fn take_purpose_pair(infos: &[TokenInfo], s: &Span) -> usize {
    let holds_for = s.end - s.start >= 3
        && infos[s.start + 1..s.end - 1]
            .iter()
            .any(|t| t.folded == "for");
    let and = infos.get(s.end).is_some_and(|t| t.folded == "and");
    if !(holds_for && and && infos[s.end - 1].shape == "Cap") {
        return s.end;
    }
    let words = capitalised_run(infos, s.end + 1);
    if words == 0 { s.end } else { s.end + 1 + words }
}

const COMPLEMENT_WORDS: usize = 5;

/// Folded nouns of bodies that deliberate on a subject, named with «on»
/// («Senate Standing Committee on Inter-Provincial Coordination»).
const DELIBERATING_BODIES: [&str; 3] = ["committee", "commission", "council"];

/// Where an institution's name ends once it takes the complement after
/// «for» or «of» that the model left out: capitalised words, «and» or
/// «of» between them («OPEC Fund for International Development», «Center
/// for Strategic and International Studies», «Alliance of Sahel
/// States»), ending in a capitalised word. After «of» a title or a given
/// name ends it: «the Bank of England Governor Andrew Bailey».
fn take_complement(infos: &[TokenInfo], gaz: &Gazetteer, s: &Span) -> usize {
    let link = infos.get(s.end).map(|t| t.folded.as_str());
    let last = infos[s.end - 1].folded.as_str();
    let opens = ends_english_institution(last)
        && (matches!(link, Some("for" | "of"))
            || (link == Some("on") && DELIBERATING_BODIES.contains(&last)));
    if !opens {
        return s.end;
    }
    let cap = |t: &TokenInfo| {
        (t.shape == "Cap" || (link == Some("on") && t.shape == "Cap-dash"))
            && !(link == Some("on") && WEEKDAYS.contains(&t.folded.as_str()))
            && !(link == Some("of")
                && (gaz.is_title(&t.folded) || gaz.is_any_given_name(&t.folded)))
    };
    let mut end = s.end;
    let mut j = s.end + 1;
    while j < infos.len() && j - s.end <= COMPLEMENT_WORDS {
        let t = &infos[j];
        if cap(t) {
            end = j + 1;
        } else if !(matches!(t.folded.as_str(), "and" | "of") && infos.get(j + 1).is_some_and(cap))
        {
            break;
        }
        j += 1;
    }
    end
}

/// Where a ministry's name with one portfolio («Ministry of Public
/// Works»), or an institution's with one field, ends once it takes the
/// others: one-word portfolios after
/// commas («…, Culture») and the last after «and» («… and Housing»,
/// «… and Livestock Development»): capitalised words followed by a word
/// that is not. Any body's name takes such a list when a short form in
/// brackets follows it: «National Society of Mining, Petroleum and Energy
/// (SNMPE)». The head may follow a demonym («Dutch Ministry of
/// Education, Culture and Science»); a word of the gazetteer is no
/// portfolio («Ministry of Health, Kenya and Uganda»), nor is a name
/// that ends in an institution's noun («University of Nairobi and
/// Kenyatta University» are two).
fn take_portfolio_pair(infos: &[TokenInfo], s: &Span) -> usize {
    let name = &infos[s.start..s.end];
    let head = name
        .iter()
        .position(|t| t.folded == "of")
        .is_some_and(|of| {
            name[..of]
                .iter()
                .any(|t| PORTFOLIO_HEADS.contains(&t.folded.as_str()))
        });
    let portfolio = |k: usize| {
        infos
            .get(k)
            .is_some_and(|t| t.shape == "Cap" && t.gaz.is_none())
    };
    let mut j = s.end;
    while infos.get(j).is_some_and(|t| t.folded == ",") && portfolio(j + 1) {
        j += 2;
    }
    let and = infos.get(j).is_some_and(|t| t.folded == "and");
    let words = capitalised_run(infos, j + 1);
    let spelt = j > s.end && short_form_at(infos, j + 1 + words);
    if !((head || spelt) && and) {
        return s.end;
    }
    let ends_there = infos.get(j + 1 + words).is_none_or(|t| t.shape != "Cap");
    let listed = (j + 1..j + 1 + words).all(portfolio);
    let another_body = words > 0 && ends_english_named_site(&infos[j + words].folded);
    if words == 0 || !ends_there || !listed || another_body {
        s.end
    } else {
        j + 1 + words
    }
}

/// Whether a short form in brackets opens at `k`: «(SNMPE)».
fn short_form_at(infos: &[TokenInfo], k: usize) -> bool {
    matches!(infos.get(k..k + 3), Some([open, short, close])
        if open.folded == "(" && close.folded == ")" && short.shape == "caps")
}

/// How many capitalised words (at most [`TAKEN_WORDS`]) start at `j`.
fn capitalised_run(infos: &[TokenInfo], j: usize) -> usize {
    infos
        .iter()
        .skip(j)
        .take(TAKEN_WORDS)
        .take_while(|t| t.shape == "Cap")
        .count()
}

/// Where to cut a span that holds two institutions or sites joined by
/// «and», each of two words or more ending in an institution's, a
/// facility's or a park's noun («Jagiellonian University and Danylo
/// Halytsky Lviv National Medical University»), or the first opening
/// with the noun that ends the second, and «of» («University of Nairobi
/// and Kenyatta University», not «Ministry of Transport and Logistic
/// Services»), two companies («Kenya Airways and Ethiopian
/// Airlines»), or two names that each hold an institution's noun and
/// «of» («State Bank of India and Bank of Baroda»): the index of the
/// «and».
fn institutions_pair_cut(infos: &[TokenInfo], s: &Span) -> Option<usize> {
    let words = &infos[s.start..s.end];
    let at = words.iter().position(|t| t.folded == "and")?;
    let first = &words[..at];
    let second = &words[at + 1..];
    let whole = |part: &[TokenInfo]| {
        part.len() >= 2
            && part
                .last()
                .is_some_and(|t| ends_english_named_site(&t.folded))
    };
    let same_head_of = first.len() >= 3
        && ends_english_institution(&first[0].folded)
        && first[1].folded == "of"
        && second.len() >= 2
        && second.last().is_some_and(|t| t.folded == first[0].folded);
    let company = |part: &[TokenInfo]| {
        part.len() >= 2
            && !part.iter().any(|t| t.folded == "of")
            && part.last().is_some_and(|t| ends_english_company(&t.folded))
    };
    let head_of = |part: &[TokenInfo]| {
        part.windows(3).any(|w| {
            ends_english_institution(&w[0].folded) && w[1].folded == "of" && w[2].shape == "Cap"
        })
    };
    ((whole(first) && whole(second))
        || same_head_of
        || (company(first) && company(second))
        || (head_of(first) && head_of(second)))
    .then_some(s.start + at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::intel::ner::Extractor;

    fn orgs(text: &str) -> Vec<String> {
        Extractor::global()
            .extract("", text)
            .into_iter()
            .filter(|e| e.kind == EntityKind::Org)
            .map(|e| e.display)
            .collect()
    }

    #[test]
    fn english_organisation_edges_are_mended() {
        let found = orgs(
            "The Nairobi-based Sterling Capital bought tea. The Ministry of Public Works and \
             Housing said the dam held. A study at the University of Dar es Salaam found more. \
             Doctors at Jagiellonian University and Danylo Halytsky Lviv National Medical \
             University agreed.",
        );
        for name in [
            "Sterling Capital",
            "Ministry of Public Works and Housing",
            "University of Dar es Salaam",
            "Jagiellonian University",
            "Danylo Halytsky Lviv National Medical University",
        ] {
            assert!(found.iter().any(|f| f == name), "{name} not in {found:?}");
        }
    }

    fn kinds(text: &str) -> Vec<(String, EntityKind)> {
        Extractor::global()
            .extract("", text)
            .into_iter()
            .map(|e| (e.display, e.kind))
            .collect()
    }

    /// Asserts that each `(name, kind)` is found in `text`, and returns
    /// what was found for further checks.
    fn assert_kinds(text: &str, expected: &[(&str, EntityKind)]) -> Vec<(String, EntityKind)> {
        let found = kinds(text);
        for &(name, kind) in expected {
            assert!(
                found.contains(&(name.to_string(), kind)),
                "{name} not {kind:?} in {found:?}"
            );
        }
        found
    }

    #[test]
    fn a_legal_form_makes_a_company_and_closes_its_name() {
        let found = kinds(
            "Shares of Petróleo Brasileiro SA fell on Monday. Toyota Motor Corp said it would \
             recall 280,000 cars, and Banco Santander SA gained.",
        );
        for name in [
            "Petróleo Brasileiro SA",
            "Toyota Motor Corp",
            "Banco Santander SA",
        ] {
            assert!(
                found.contains(&(name.to_string(), EntityKind::Org)),
                "{name} not an organisation in {found:?}"
            );
        }
    }

    #[test]
    fn events_are_misc_and_two_parks_are_two_places() {
        assert_kinds(
            "He won the Dubai Marathon before the Africa Cup of Nations. Rangers patrol Cabo \
             Orange National Park and Kruger National Park.",
            &[
                ("Dubai Marathon", EntityKind::Misc),
                ("Africa Cup of Nations", EntityKind::Misc),
                ("Cabo Orange National Park", EntityKind::Place),
                ("Kruger National Park", EntityKind::Place),
            ],
        );
    }

    #[test]
    fn bodies_named_after_a_country_or_a_body_are_organisations() {
        assert_kinds(
            "Activists from Greenpeace Indonesia said Transport Canada had not replied. Police \
             in North Jakarta agreed. The ruling by the Court of Justice of the European Union \
             was welcomed by the Brazilian Institute of Environment and Renewable Natural \
             Resources. The University of Nairobi and Kenyatta University signed it.",
            &[
                ("Greenpeace Indonesia", EntityKind::Org),
                ("Transport Canada", EntityKind::Org),
                ("North Jakarta", EntityKind::Place),
                ("Court of Justice of the European Union", EntityKind::Org),
                (
                    "Brazilian Institute of Environment and Renewable Natural Resources",
                    EntityKind::Org,
                ),
                ("University of Nairobi", EntityKind::Org),
                ("Kenyatta University", EntityKind::Org),
            ],
        );
    }

    #[test]
    fn purposes_banks_and_leaders_mend_organisation_names() {
        assert_kinds(
            "The OPEC Fund for International Development will lend to Bank Audi, which works in \
             the West Bank. The National Rally of Independents of Aziz Akhannouch won. Kenya \
             Airways and Ethiopian Airlines resumed flights.",
            &[
                ("OPEC Fund for International Development", EntityKind::Org),
                ("Bank Audi", EntityKind::Org),
                ("West Bank", EntityKind::Place),
                ("National Rally of Independents", EntityKind::Org),
                ("Aziz Akhannouch", EntityKind::Person),
                ("Kenya Airways", EntityKind::Org),
                ("Ethiopian Airlines", EntityKind::Org),
            ],
        );
    }

    #[test]
    fn peoples_sites_and_possessive_bodies_are_told_apart() {
        let found = assert_kinds(
            "Qatar University's Center for Advanced Materials won a grant. Some 17 million \
             Yemenis need help, the agency said. B2Gold said its Fekola mine produced less gold.",
            &[
                ("Qatar University", EntityKind::Org),
                ("Center for Advanced Materials", EntityKind::Org),
            ],
        );
        assert!(
            found
                .iter()
                .any(|(n, k)| n.starts_with("Fekola") && *k == EntityKind::Place),
            "{found:?}"
        );
        assert!(
            !found
                .iter()
                .any(|(n, k)| n == "Yemenis" && *k == EntityKind::Person),
            "{found:?}"
        );
    }

    #[test]
    fn a_name_appointed_as_a_role_is_a_person() {
        assert_kinds(
            "President John Mahama appointed Cassiel Ato Forson as finance minister. Ama Mensah \
             joined Kenya Airways as chief executive.",
            &[
                ("Cassiel Ato Forson", EntityKind::Person),
                ("Kenya Airways", EntityKind::Org),
            ],
        );
    }

    #[test]
    fn a_place_that_locates_a_body_is_a_place_of_its_own() {
        assert_kinds(
            "The Istanbul-based Hayat Bridge Foundation built houses. Faisal Siddiqui is a \
             director at Karachi-based Indus Blenders.",
            &[
                ("Istanbul", EntityKind::Place),
                ("Hayat Bridge Foundation", EntityKind::Org),
                ("Karachi", EntityKind::Place),
                ("Indus Blenders", EntityKind::Org),
            ],
        );
    }

    #[test]
    fn untagged_companies_particles_and_complements_are_taken() {
        assert_kinds(
            "Hoshino Motor Co said it would recall cars fitted with pumps from parts maker Daiwa \
             Seiki. Shares of State Bank of India and Bank of Baroda fell. Mali joined the \
             Alliance of Sahel States. He said Pieter van der Merwe ruled. The Bank of England \
             Governor Andrew Bailey spoke.",
            &[
                ("Hoshino Motor Co", EntityKind::Org),
                ("Daiwa Seiki", EntityKind::Org),
                ("State Bank of India", EntityKind::Org),
                ("Bank of Baroda", EntityKind::Org),
                ("Alliance of Sahel States", EntityKind::Org),
                ("Pieter van der Merwe", EntityKind::Person),
                ("Bank of England", EntityKind::Org),
                ("Andrew Bailey", EntityKind::Person),
            ],
        );
    }

    #[test]
    fn organs_weekdays_portfolios_and_listed_pairs_are_cut() {
        let found = assert_kinds(
            "The Bundestag's Budget Committee on Wednesday postponed the vote. BP, TotalEnergies \
             and China National Petroleum Corporation bid, the Oil Ministry said. The Ministry of \
             Oil added that Second Finance Minister Nurul Aini Zakaria would attend.",
            &[
                ("Bundestag", EntityKind::Org),
                ("Budget Committee", EntityKind::Org),
                ("TotalEnergies", EntityKind::Org),
                ("China National Petroleum Corporation", EntityKind::Org),
                ("Nurul Aini Zakaria", EntityKind::Person),
            ],
        );
        let ministries: Vec<_> = found
            .iter()
            .filter(|(name, _)| name.contains("Ministry"))
            .collect();
        assert_eq!(ministries.len(), 1, "{found:?}");
        assert!(
            !found
                .iter()
                .any(|(name, _)| name.contains("Wednesday") || name.contains("Second")),
            "{found:?}"
        );
    }

    #[test]
    fn a_guessed_place_that_names_a_person_or_a_club_joins_it() {
        let found = kinds(
            "Club president Rodrigo Mendes Saraiva told supporters that the sale of Vasco da Gama \
             was done. Saraiva said Vasco would invest in its academy.",
        );
        assert!(
            !found.iter().any(|(_, k)| *k == EntityKind::Place),
            "{found:?}"
        );
    }

    #[test]
    fn employers_and_firms_after_their_noun_are_organisations() {
        assert_kinds(
            "Ana Vélez, chief economist at Bancolombia in Medellín, said rates would fall. The \
             consortium includes the energy company Uzbekneftegaz and engineering group Bechtel.",
            &[
                ("Bancolombia", EntityKind::Org),
                ("Medellín", EntityKind::Place),
                ("Uzbekneftegaz", EntityKind::Org),
                ("Bechtel", EntityKind::Org),
            ],
        );
    }

    #[test]
    fn arabic_family_names_and_bodies_named_after_a_listed_one() {
        assert_kinds(
            "Oil Minister Karim Jabbar al-Saadi told reporters that the Federal Office of \
             Bundeswehr Equipment would buy the systems for the Bundeswehr.",
            &[
                ("Karim Jabbar al-Saadi", EntityKind::Person),
                ("Bundeswehr", EntityKind::Org),
            ],
        );
    }
}
