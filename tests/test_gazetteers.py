"""What the generated place gazetteer holds (tools/build_gazetteers.py): names news uses, and
words it must not take for places."""
import pytest

from kursk_cli.data import load
from kursk_cli.extract.entities import find_entities


def _place(name):
    """The canonical place `name` stands for in the gazetteer, or None."""
    places, aliases = load("places.json"), load("place_aliases.json")
    return name if name in places else aliases.get(name)


@pytest.mark.parametrize("name, canonical", [
    # GeoNames writes these with accents, soft signs or ё: the ASCII form is the name
    ("Montreal", "Montreal"), ("Montréal", "Montreal"), ("Zurich", "Zurich"), ("Zürich", "Zurich"),
    ("Krakow", "Krakow"), ("Kraków", "Krakow"), ("Sao Paulo", "Sao Paulo"), ("Ryazan", "Ryazan"),
    ("Arkhangelsk", "Arkhangelsk"), ("Yelnya", "Yelnya"), ("Chornomorsk", "Chornomorsk"),
    # an English spelling among GeoNames's alternate names
    ("Seville", "Sevilla"), ("Lyons", "Lyon"),
    # a small town the world knows by name
    ("Davos", "Davos"), ("Srebrenica", "Srebrenica"),
    # world-famous cities that Webster's also lists as lowercase words (a carriage, a straw)
    ("Berlin", "Berlin"), ("Bangkok", "Bangkok"), ("Barcelona", "Barcelona"), ("Tripoli", "Tripoli"),
    ("Amman", "Amman"), ("Muscat", "Muscat"), ("Wellington", "Wellington"),
])
def test_places_news_names(name, canonical):
    assert _place(name) == canonical


@pytest.mark.parametrize("word", [
    "Mobile", "Reading", "Nice", "Of",          # common English words
    "Victor", "Chester", "Taylor",              # given names Webster's lists
    "Haines", "Guthrie", "Morgan",              # US towns named after people: surnames in news
    "Tak",                                      # a short name that is a word of another language
    "Obama", "Nokia",                           # small towns whose name a person or a firm made frequent
])
def test_places_leave_out_words_and_names(word):
    assert _place(word) is None


@pytest.mark.parametrize("word", ["berlin", "bangkok", "tripoli", "wellington"])
def test_famous_cities_are_not_common_words(word):
    assert word not in load("common_words.json")["words"]


@pytest.mark.parametrize("word", ["nice", "male", "reading"])
def test_everyday_words_stay_common_even_for_a_large_city(word):
    assert word in load("common_words.json")["words"]


def test_hand_list_keeps_its_aliases():
    # a town's short form (`Atlantic` of Atlantic City) does not take a hand-listed name
    assert load("place_aliases.json")["Atlantic"] == "Atlantic Ocean"


@pytest.mark.parametrize("text, place", [
    ("The forum in Davos opened on Monday.", "Davos"),
    ("Delegates flew to Montréal for the talks.", "Montreal"),
    ("The summit in Seville ended without a deal.", "Sevilla"),
    ("The envoys met in Berlin on Monday.", "Berlin"),
    ("Talks resumed in Amman after a week.", "Amman"),
    # at a sentence start too, and as the seat of a government (a place, as `Moscow said`)
    ("Berlin said it would send more air defence systems.", "Berlin"),
    ("Muscat has mediated between the two sides for years.", "Muscat"),
    ("Wellington imposed sanctions on twelve officials.", "Wellington"),
])
def test_found_in_text(text, place):
    assert [(entity.type, entity.canonical) for entity in find_entities(text)] == [("LOC", place)]


@pytest.mark.parametrize("text", [
    "Nice weather helped the harvest.",
    "Reading the report took an hour.",
    "Male conscripts were called up.",
    "The berlin was drawn by four horses.",     # the carriage, in lower case
])
def test_everyday_words_are_no_places(text):
    assert [entity for entity in find_entities(text) if entity.type == "LOC"] == []
