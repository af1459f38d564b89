"""Gazetteer: place names from news resolve to the right country, kind and point."""

from __future__ import annotations

import pytest

from parley.places import (
    Gazetteer,
    capital_of,
    country_of_capital,
    default_gazetteer,
    normalize_name,
)


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return default_gazetteer()


# (name, context countries, expected ISO3, expected precision or None to skip)
CASES = [
    ("Moscow", (), "RUS", "city"),
    ("Moscow", ("USA",), "RUS", "city"),
    ("Moscow, Russia", (), "RUS", "city"),
    ("Moscow, Idaho", (), "USA", "city"),
    ("Anchorage, Alaska", (), "USA", "city"),
    ("Anchorage, Alaska, U.S.", (), "USA", "city"),
    ("Joint Base Elmendorf-Richardson", (), "USA", "feature"),
    ("JBER", (), "USA", "feature"),
    ("Riyadh, Saudi Arabia", (), "SAU", "city"),
    ("Riyadh", (), "SAU", "city"),
    ("Diriyah Palace", (), "SAU", "feature"),
    ("Jeddah", (), "SAU", "city"),
    ("Istanbul", (), "TUR", "city"),
    ("Dolmabahçe Palace", (), "TUR", "feature"),
    ("Geneva", (), "CHE", "city"),
    ("Kyiv", (), "UKR", "city"),
    ("Kiev", (), "UKR", "city"),
    ("Kharkiv", (), "UKR", "city"),
    ("Odesa", (), "UKR", "city"),
    ("Odessa", (), "UKR", "city"),
    ("Donetsk", (), "UKR", "city"),
    ("Crimea", (), "UKR", "admin1"),
    ("Donbas", (), "UKR", "admin1"),
    ("Kursk region", (), "RUS", "admin1"),
    ("Zaporizhzhia nuclear plant", (), "UKR", "feature"),
    ("Sakhalin", (), "RUS", "admin1"),
    ("Sakhalin-1", (), "RUS", "feature"),
    ("Bering Strait", (), None, "feature"),
    ("the Strait of Hormuz", (), None, "feature"),
    ("the Bosphorus", (), "TUR", "feature"),
    ("Miami", (), "USA", "city"),
    ("St Petersburg", (), "RUS", "city"),
    ("St. Petersburg", (), "RUS", "city"),
    ("St. Petersburg, Florida", (), "USA", "city"),
    ("Washington", (), "USA", "city"),
    ("Washington, D.C.", (), "USA", "city"),
    ("the White House", (), "USA", "feature"),
    ("the Kremlin", (), "RUS", "feature"),
    ("Mar-a-Lago", (), "USA", "feature"),
    ("Paris", (), "FRA", "city"),
    ("Paris", ("USA",), "FRA", "city"),
    ("Paris, Texas", (), "USA", "city"),
    ("London", (), "GBR", "city"),
    ("Brussels", (), "BEL", "city"),
    ("Beijing", (), "CHN", "city"),
    ("Tehran", (), "IRN", "city"),
    ("Gaza", (), "PSE", "city"),
    ("Gaza Strip", (), "PSE", "admin1"),
    ("West Bank", (), "PSE", "admin1"),
    ("Golan Heights", (), "SYR", "admin1"),
    ("Doha", (), "QAT", "city"),
    ("Abu Dhabi", (), "ARE", "city"),
    ("Minsk", (), "BLR", "city"),
    ("Ankara", (), "TUR", "city"),
    ("Warsaw", (), "POL", "city"),
    ("Berlin", (), "DEU", "city"),
    ("Rome", (), "ITA", "city"),
    ("Tokyo", (), "JPN", "city"),
    ("New Delhi", (), "IND", "city"),
    ("Cairo", (), "EGY", "city"),
    ("Damascus", (), "SYR", "city"),
    ("Baghdad", (), "IRQ", "city"),
    ("Raqqa", (), "SYR", "city"),
    ("Idlib", (), "SYR", "city"),
    ("Aleppo", (), "SYR", "city"),
    ("Georgia", (), "GEO", "country"),
    ("Georgia", ("USA",), "USA", "admin1"),
    ("Tbilisi, Georgia", (), "GEO", "city"),
    ("Atlanta, Georgia", (), "USA", "city"),
    ("Alaska", (), "USA", "admin1"),
    ("Russia", (), "RUS", "country"),
    ("Russian Federation", (), "RUS", "country"),
    ("the U.S.", (), "USA", "country"),
    ("US", (), "USA", "country"),
    ("United States of America", (), "USA", "country"),
    ("America", (), "USA", "country"),
    ("UK", (), "GBR", "country"),
    ("Britain", (), "GBR", "country"),
    ("Iran", (), "IRN", "country"),
    ("Syria", (), "SYR", "country"),
    ("South Korea", (), "KOR", "country"),
    ("North Korea", (), "PRK", "country"),
    ("Taiwan", (), "TWN", "country"),
    ("Vietnam", (), "VNM", "country"),
    ("the Netherlands", (), "NLD", "country"),
    ("Côte d'Ivoire", (), "CIV", "country"),
    ("Kosovo", (), "XKX", "country"),
    ("Mexico", ("USA",), "MEX", "country"),
    ("Lebanon", ("USA",), "LBN", "country"),
    ("Singapore", (), "SGP", "country"),
    # first-level subdivisions (ISO 3166-2), unit words and direction words
    ("Shan State", ("MMR",), "MMR", "admin1"),
    ("Shan", ("MMR",), "MMR", "admin1"),
    ("northern Shan state", ("MMR",), "MMR", "admin1"),
    ("Sagaing", ("MMR",), "MMR", "city"),
    ("the Sagaing region", ("MMR",), "MMR", "admin1"),
    ("Kursk Oblast", (), "RUS", "admin1"),
    ("Moscow region", (), "RUS", "admin1"),
    ("Rakhine", ("MMR",), "MMR", "admin1"),
    ("Balochistan", (), "PAK", "admin1"),
    ("Punjab", ("PAK",), "PAK", "admin1"),
    ("Punjab", ("IND",), "IND", "admin1"),
    ("Tigray region", (), "ETH", "admin1"),
    ("Dagestan", (), "RUS", "admin1"),  # ISO: "Dagestan, Respublika"
    ("Anbar", (), "IRQ", "admin1"),  # ISO: "Al Anbār"
    ("Anhui", (), "CHN", "admin1"),  # ISO: "Anhui Sheng"
    ("Sisaket province", ("THA",), "THA", "admin1"),  # ISO: "Si Sa Ket"
    ("Washington state", (), "USA", "admin1"),
    ("Darfur", (), "SDN", "admin1"),
    ("Galwan Valley", (), "IND", "feature"),
    ("the Galwan Valley", ("CHN", "IND"), "IND", "feature"),
    ("southern Israel", (), "ISR", "country"),
    ("eastern Ukraine", ("RUS", "UKR"), "UKR", "country"),
    ("north-east Syria", (), "SYR", "country"),
    ("West London", (), "GBR", "city"),
    ("Pahalgam, Kashmir, India", (), "IND", "country"),
    ("Geneva", ("USA", "CHN"), "CHE", "city"),
    ("Santa Fe", ("USA",), "USA", "city"),
]


@pytest.mark.parametrize(("name", "context", "country", "precision"), CASES)
def test_resolves_to_country_and_precision(
    gaz: Gazetteer, name: str, context: tuple[str, ...], country: str | None, precision: str
) -> None:
    place = gaz.resolve(name, context_countries=context)
    assert place is not None, name
    assert place.country == country
    assert place.precision == precision
    assert place.text == name
    assert place.rule


@pytest.mark.parametrize(
    "name", ["Trump", "ceasefire", "the table", "us", "deal", "march", "Putin", "", "  "]
)
def test_non_places_resolve_to_none(gaz: Gazetteer, name: str) -> None:
    assert gaz.resolve(name) is None
    assert not gaz.is_place(name)


@pytest.mark.parametrize(
    ("name", "lat", "lon"),
    [
        ("Joint Base Elmendorf-Richardson", 61.25, -149.8),
        ("Anchorage, Alaska", 61.22, -149.90),
        ("Moscow", 55.75, 37.62),
        ("Kyiv", 50.45, 30.52),
        ("Riyadh, Saudi Arabia", 24.69, 46.72),
        ("Washington, D.C.", 38.90, -77.04),
        ("St. Petersburg, Florida", 27.77, -82.68),
        ("St Petersburg", 59.94, 30.31),
        ("Geneva", 46.20, 6.15),
        ("Russia", 55.75, 37.62),  # countries sit at their capital
        ("Georgia", 41.69, 44.83),
    ],
)
def test_coordinates_within_half_a_degree(
    gaz: Gazetteer, name: str, lat: float, lon: float
) -> None:
    place = gaz.resolve(name)
    assert place is not None and place.lat is not None and place.lon is not None
    assert abs(place.lat - lat) < 0.5
    assert abs(place.lon - lon) < 0.5


def test_place_record_fields(gaz: Gazetteer) -> None:
    base = gaz.resolve("Joint Base Elmendorf-Richardson")
    assert base is not None
    assert (base.name, base.admin1, base.feature) == (
        "Joint Base Elmendorf-Richardson",
        "AK",
        "base",
    )
    assert base.rule == "places.yaml:Joint Base Elmendorf-Richardson"

    moscow = gaz.resolve("Moscow, Russia")
    assert moscow is not None
    assert (moscow.name, moscow.feature, moscow.rule) == ("Moscow", "city", "geonames:524901")

    russia = gaz.resolve("Russia")
    assert russia is not None
    assert (russia.name, russia.feature, russia.rule) == ("Russia", "country", "pycountry:RUS")

    kiev = gaz.resolve("Kiev")
    assert kiev is not None and kiev.name == "Kyiv"  # canonical name, input kept in text
    assert kiev.text == "Kiev"


def test_qualifier_beats_population_and_context(gaz: Gazetteer) -> None:
    idaho = gaz.resolve("Moscow, Idaho", context_countries={"RUS"})
    assert idaho is not None and (idaho.country, idaho.admin1) == ("USA", "ID")
    florida = gaz.resolve("St. Petersburg, FL")
    assert florida is not None and florida.admin1 == "FL"


def test_context_country_picks_the_local_namesake(gaz: Gazetteer) -> None:
    # Odessa, Texas is a plausible reading only when the article is about the US alone.
    assert gaz.resolve("Odessa", context_countries={"USA"}).country == "USA"  # type: ignore[union-attr]
    assert gaz.resolve("Odessa", context_countries={"USA", "UKR"}).country == "UKR"  # type: ignore[union-attr]


def test_unknown_town_with_known_state_falls_back_to_the_state(gaz: Gazetteer) -> None:
    place = gaz.resolve("Smallville, Kansas")
    assert place is not None
    assert (place.name, place.country, place.admin1, place.precision) == (
        "Kansas",
        "USA",
        "KS",
        "admin1",
    )


def test_region_suffix_on_a_city_gives_an_admin1_place(gaz: Gazetteer) -> None:
    place = gaz.resolve("Sumy region")
    assert place is not None
    assert (place.country, place.feature, place.precision) == ("UKR", "region", "admin1")
    assert place.rule.startswith("region:geonames:")


def test_acronyms_need_capitals(gaz: Gazetteer) -> None:
    assert gaz.resolve("U.S.") is not None
    assert gaz.resolve("us") is None
    assert gaz.resolve("UAE").country == "ARE"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("iso3", "capital"),
    [
        ("RUS", "Moscow"),
        ("USA", "Washington"),
        ("UKR", "Kyiv"),
        ("SAU", "Riyadh"),
        ("IND", "New Delhi"),
        ("rus", "Moscow"),
    ],
)
def test_capital_of(iso3: str, capital: str) -> None:
    assert capital_of(iso3) == capital


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("Washington", "USA"),
        ("Moscow", "RUS"),
        ("Kiev", "UKR"),
        ("Kyiv", "UKR"),
        ("Beijing", "CHN"),
        ("London", "GBR"),
        ("Tehran", "IRN"),
        ("Anchorage", None),
        ("Geneva", None),
        ("Georgia", None),
    ],
)
def test_country_of_capital(name: str, iso3: str | None) -> None:
    assert country_of_capital(name) == iso3


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("The U.S.", "us"),
        ("St. Petersburg", "saint petersburg"),
        ("Kyïv", "kyiv"),
        ("Joint Base Elmendorf-Richardson", "joint base elmendorf richardson"),
        ("Bosnia & Herzegovina", "bosnia and herzegovina"),
        ("  Washington, D.C. ", "washington dc"),
    ],
)
def test_normalize_name(raw: str, normal: str) -> None:
    assert normalize_name(raw) == normal


def test_default_gazetteer_is_built_once() -> None:
    assert default_gazetteer() is default_gazetteer()


def test_subdivision_in_the_articles_country_beats_a_foreign_alternate_name(
    gaz: Gazetteer,
) -> None:
    # "Shan" is also an alternate name of Shancheng, China.
    shan = gaz.resolve("Shan", context_countries={"CHN", "MMR", "USA"})
    assert shan is not None
    assert (shan.country, shan.admin1, shan.precision) == ("MMR", "MM-17", "admin1")
    assert shan.rule == "iso3166-2:MM-17"


@pytest.mark.parametrize(
    ("name", "context", "country", "precision"),
    [
        ("Niger", ("NGA",), "NER", "country"),  # also a Nigerian state
        ("Mexico", ("MEX",), "MEX", "country"),  # also a Mexican state
        ("Georgia", (), "GEO", "country"),
        ("Georgia", ("USA",), "USA", "admin1"),
        ("Lagos", ("NGA",), "NGA", "city"),  # city of millions, and a state
        ("Gaza", (), "PSE", "city"),  # also a province of Mozambique
        ("Jerusalem", ("PSE",), "ISR", "city"),  # also a Palestinian governorate
        ("Ontario", (), "USA", "city"),  # a city beats a subdivision abroad...
        ("Ontario", ("CAN",), "CAN", "admin1"),  # ...unless the article is Canadian
    ],
)
def test_subdivisions_never_beat_countries_or_large_cities(
    gaz: Gazetteer, name: str, context: tuple[str, ...], country: str, precision: str
) -> None:
    place = gaz.resolve(name, context_countries=context)
    assert place is not None
    assert (place.country, place.precision) == (country, precision)


@pytest.mark.parametrize(
    "name", ["Western", "Unity", "North", "Sahel", "Sahel region", "Kurdistan"]
)
def test_ambiguous_subdivision_names_do_not_resolve_alone(gaz: Gazetteer, name: str) -> None:
    assert gaz.resolve(name) is None


@pytest.mark.parametrize(
    ("name", "country"),
    [("Unity State", "SSD"), ("Plateau State", "NGA"), ("Kurdistan Region", "IRQ")],
)
def test_a_unit_word_picks_the_subdivision_of_that_kind(
    gaz: Gazetteer, name: str, country: str
) -> None:
    # Benin's Plateau is a department; Nigeria's is a state.
    place = gaz.resolve(name)
    assert place is not None and place.country == country


def test_direction_word_keeps_the_rest_of_the_name(gaz: Gazetteer) -> None:
    place = gaz.resolve("northern Shan state", context_countries={"MMR"})
    assert place is not None
    assert place.text == "northern Shan state"
    assert place.rule == "iso3166-2:MM-17"


@pytest.mark.parametrize(
    ("name", "context"),
    [("Central Bank", ()), ("North Pole", ()), ("south Idlib", ("USA",))],
)
def test_direction_word_needs_a_city_the_article_supports(
    gaz: Gazetteer, name: str, context: tuple[str, ...]
) -> None:
    # "Bank" is a town in India; "Pole" an alternate name of Forest, Belgium.
    assert gaz.resolve(name, context_countries=context) is None


def test_direction_word_before_a_local_city(gaz: Gazetteer) -> None:
    place = gaz.resolve("south Idlib", context_countries={"SYR", "USA"})
    assert place is not None and (place.country, place.precision) == ("SYR", "city")


@pytest.mark.parametrize(
    "name", ["Africa", "Asia", "Central Asia", "Central America", "the Middle East", "Kashmir"]
)
def test_continents_and_shared_regions_have_no_country(gaz: Gazetteer, name: str) -> None:
    # Before: "Africa" was an alternate name of Mahdia, Tunisia, "Asia" a town in the
    # Philippines, and "Central America" would have been America.
    place = gaz.resolve(name)
    assert place is not None and place.country is None


def test_subdivision_sits_at_its_namesake_city_or_has_no_point(gaz: Gazetteer) -> None:
    sagaing_region = gaz.resolve("Sagaing region")
    sagaing_city = gaz.resolve("Sagaing")
    assert sagaing_region is not None and sagaing_city is not None
    assert (sagaing_region.lat, sagaing_region.lon) == (sagaing_city.lat, sagaing_city.lon)
    shan = gaz.resolve("Shan State")
    assert shan is not None and shan.lat is None and shan.lon is None
