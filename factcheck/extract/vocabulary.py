"""Editable word lists of the engine: quantities, hedges, titles, nationalities, verbs."""

from __future__ import annotations

from importlib.resources import files


def data_lines(name: str) -> list[str]:
    """The entries of one vocabulary file in `data/`: one a line, blank lines and # comments out."""
    text = files("factcheck.extract").joinpath("data", name).read_text(encoding="utf-8")
    lines = (line.strip() for line in text.splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def data_table(name: str, separator: str = "|") -> list[list[str]]:
    """The rows of a vocabulary file whose entries have columns."""
    return [
        [cell.strip() for cell in (line.split(separator) if separator else line.split())]
        for line in data_lines(name)
    ]


# The counted things figures are normalised to. Keys are stable (stored on measurements);
# labels are what editors read. A noun that is not listed below keeps its own plural as key.
QUANTITIES: dict[str, str] = {
    "drones": "drones launched",
    "missiles": "missiles launched",
    "drones_downed": "drones shot down or jammed",
    "missiles_downed": "missiles shot down",
    "people_killed": "people killed",
    "people_injured": "people injured",
    "people_affected": "people left without power, heating or water",
    "people_displaced": "people displaced",
    "refugees": "refugees abroad",
    "prisoners": "prisoners of war exchanged or returned",
    "bodies_returned": "bodies repatriated (either direction; the claim says which)",
    "regions": "regions",
    "countries": "countries",
    "households": "households (homes, flats, apartments)",
    "buildings": "buildings (houses, blocks of flats)",
    "people": "people (other)",
    "territory": "share of territory",
    "distance": "distance",
    "area": "area (unit km2, mile2, m2, ha or acre)",
    "duration": "duration",
    "age": "age",
    "money": "amount of money (unit: ISO currency code)",
}

# Head nouns (lower case) mapped to a quantity key before any context rule applies.
NOUN_QUANTITY: dict[str, str] = {
    "drone": "drones",
    "drones": "drones",
    "shaheds": "drones",
    "uavs": "drones",
    "missile": "missiles",
    "missiles": "missiles",
    "rockets": "missiles",
    "body": "bodies_returned",
    "bodies": "bodies_returned",
    "remains": "bodies_returned",
    "region": "regions",
    "regions": "regions",
    "oblasts": "regions",
    "provinces": "regions",
    "country": "countries",
    "countries": "countries",
    "nations": "countries",
    "states": "countries",
    "household": "households",
    "households": "households",
    "home": "households",
    "homes": "households",
    "flats": "households",
    "apartments": "households",
    "dwellings": "households",
    "building": "buildings",
    "buildings": "buildings",
    "houses": "buildings",
    "blocks": "buildings",
    "high-rises": "buildings",
    "prisoners": "prisoners",
    "pows": "prisoners",
    "captives": "prisoners",
    "refugees": "refugees",
    "land": "territory",
    "territory": "territory",
}

# Nouns that count people; the verb nearby decides killed / injured / affected / ...
PERSON_NOUNS = frozenset(
    [
        "people",
        "person",
        "persons",
        "civilians",
        "residents",
        "children",
        "adults",
        "others",
        "men",
        "women",
        "workers",
        "soldiers",
        "servicemen",
        "troops",
        "fighters",
        "officers",
        "citizens",
        "inhabitants",
        "passengers",
        "ukrainians",
        "russians",
        "americans",
        "employees",
        "staff",
        "victims",
    ]
)
SOLDIER_NOUNS = frozenset(["soldiers", "servicemen", "troops", "fighters", "prisoners", "pows"])
# Customers of a utility: counted as people affected when the sentence is about a supply
# (power, heating, water, gas), else they keep their own noun as key.
CUSTOMER_NOUNS = frozenset(["consumers", "customers", "subscribers", "clients", "users"])
SUPPLY_WORDS = (
    "power",
    "electric",
    "heat",
    "water",
    "gas",
    "outage",
    "blackout",
    "energy",
    "grid",
    "suppl",
)

# Context words (lower case, matched as word prefixes) that specialise a person count.
KILLED_WORDS = ("kill", "dead", "die", "death", "fatal")
INJURED_WORDS = ("injur", "wound", "hurt", "hospitali")
# After a person count: "17 people were treated in hospital", "taken to hospital".
HOSPITAL_AFTER = (
    r"(?:treated|taken|admitted|rushed|airlifted|sent|brought)\s+(?:in|to|into)\s+"
    r"(?:a\s+|the\s+)?hospitals?|in\s+hospital|hospitali[sz]|treated\s+for\s+(?:injur|wound)"
)
AFFECTED_WORDS = ("without", "lost power", "no power", "no electricity", "no heating",
                  "disconnected", "in the dark", "cut off from")  # fmt: skip
DISPLACED_WORDS = ("displac", "evacuat")
REFUGEE_WORDS = ("refuge", "fled")
EXCHANGE_WORDS = ("return", "exchang", "swap", "freed", "released", "repatriat", "handed")
DOWNED_WORDS = ("shot down", "downed", "destroyed", "intercepted", "jammed", "neutralised")

# Units written after a number (or joined by a hyphen: "30-minute", "750-mile").
UNITS: dict[str, tuple[str, str]] = {
    "mile": ("distance", "mile"),
    "miles": ("distance", "mile"),
    "km": ("distance", "km"),
    "kilometre": ("distance", "km"),
    "kilometres": ("distance", "km"),
    "kilometer": ("distance", "km"),
    "kilometers": ("distance", "km"),
    "metres": ("distance", "m"),
    "meters": ("distance", "m"),
    "second": ("duration", "second"),
    "seconds": ("duration", "second"),
    "minute": ("duration", "minute"),
    "minutes": ("duration", "minute"),
    "hour": ("duration", "hour"),
    "hours": ("duration", "hour"),
    "day": ("duration", "day"),
    "days": ("duration", "day"),
    "week": ("duration", "week"),
    "weeks": ("duration", "week"),
    "month": ("duration", "month"),
    "months": ("duration", "month"),
    "year": ("duration", "year"),
    "years": ("duration", "year"),
    "hectare": ("area", "ha"),
    "hectares": ("area", "ha"),
    "ha": ("area", "ha"),
    "acre": ("area", "acre"),
    "acres": ("area", "acre"),
    "km2": ("area", "km2"),
    "story": ("floors", ""),
    "storey": ("floors", ""),
    "km²": ("area", "km2"),
}
# "sq km", "square kilometres", "square-mile": the length unit after it, squared.
SQUARE_UNITS: dict[str, str] = {
    "km": "km2", "kilometre": "km2", "kilometres": "km2", "kilometer": "km2",
    "kilometers": "km2", "mile": "mile2", "miles": "mile2", "mi": "mile2", "metre": "m2",
    "metres": "m2", "meter": "m2", "meters": "m2", "m": "m2",
}  # fmt: skip

# Hedges before a number, longest first when compiled; value is the bound.
HEDGES: dict[str, str] = {
    "almost": "at_most",
    "nearly": "at_most",
    "up to": "at_most",
    "as many as": "at_most",
    "close to": "at_most",
    "just under": "less_than",
    "some": "about",
    "about": "about",
    "around": "about",
    "roughly": "about",
    "approximately": "about",
    "an estimated": "about",
    "estimated": "about",
    "more than": "more_than",
    "over": "more_than",
    "upwards of": "more_than",
    "in excess of": "more_than",
    "just over": "more_than",
    "at least": "at_least",
    "no fewer than": "at_least",
    "no less than": "at_least",
    "not less than": "at_least",
    "fewer than": "less_than",
    "less than": "less_than",
    "under": "less_than",
    "as much as": "at_most",
    "no more than": "at_most",
    "not more than": "at_most",
    "within": "at_most",
    "topped": "more_than",
    "exceeded": "more_than",
    "exceed": "more_than",
    "exceeding": "more_than",
    "a little over": "more_than",
    "above": "more_than",
    "below": "less_than",
    "well below": "less_than",
    "just below": "less_than",
}

NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
MULTIPLIERS: dict[str, int] = {
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "m": 1_000_000,
    "mn": 1_000_000,
    "billion": 1_000_000_000,
    "bn": 1_000_000_000,
    "trillion": 1_000_000_000_000,
}
# Vague plurals: "dozens" is at least two dozen, "thousands" at least two thousand.
VAGUE_PLURALS: dict[str, int] = {
    "dozens": 24,
    "scores": 40,
    "hundreds": 200,
    "thousands": 2_000,
    "tens of thousands": 20_000,
    "hundreds of thousands": 200_000,
    "millions": 2_000_000,
}
FRACTIONS: dict[str, float] = {
    "half": 50,
    "third": 100 / 3,
    "quarter": 25,
    "fifth": 20,
    "tenth": 10,
}
CURRENCIES: dict[str, str] = {"£": "GBP", "$": "USD", "€": "EUR", "US$": "USD"}
# Currency words after an amount ("300 million euros", "2bn hryvnias").
CURRENCY_WORDS: dict[str, str] = {
    "euro": "EUR", "euros": "EUR", "dollar": "USD", "dollars": "USD", "pound": "GBP",
    "pounds": "GBP", "sterling": "GBP", "hryvnia": "UAH", "hryvnias": "UAH",
    "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB",
    "yuan": "CNY", "francs": "CHF", "yen": "JPY",
}  # fmt: skip

# Titles that may precede a person's name or surname (data/titles.txt).
TITLES = tuple(data_lines("titles.txt"))
# Head nouns that make a capitalised name a body, with the kind they give it ("Bank of England").
ORGANISATION_WORDS: dict[str, str] = {w: k for w, k in data_table("organisation_words.txt", "")}

# Titles that are used with the first name ("Sir Keir").
FIRST_NAME_TITLES = ("Sir", "Dame", "Lord", "Lady", "Prince", "Princess", "King", "Queen")

# Words that make a phrase a role ("Kremlin spokesperson", "secretary of the US army").
ROLE_NOUNS = frozenset(
    [
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "negotiator",
        "negotiators",
        "minister",
        "secretary",
        "aide",
        "adviser",
        "advisor",
        "envoy",
        "governor",
        "gov",
        "president",
        "premier",
        "chancellor",
        "chief",
        "head",
        "commander",
        "general",
        "colonel",
        "col",
        "gen",
        "lt",
        "maj",
        "capt",
        "adm",
        "sgt",
        "ambassador",
        "mayor",
        "senator",
        "sen",
        "rep",
        "official",
        "director",
        "chairman",
        "chairwoman",
        "chair",
        "leader",
        "deputy",
        "lawmaker",
        "mp",
        "mep",
        "analyst",
        "representative",
        "spokespeople",
        "prosecutor",
        "ombudsman",
        "commissioner",
        "counsellor",
        "counselor",
        "diplomat",
        "editor",
        "correspondent",
        "king",
        "queen",
        "prince",
        "emir",
        "sheikh",
        "pope",
        "judge",
        "justice",
        "marshal",
        "admiral",
        "general",
        "officer",
        "member",
        "founder",
        "ceo",
    ]
)
# Lower-case words allowed inside a role phrase before a name.
ROLE_FILLERS = frozenset(
    [
        "of",
        "the",
        "for",
        "foreign",
        "policy",
        "defence",
        "defense",
        "interior",
        "energy",
        "lead",
        "senior",
        "top",
        "chief",
        "deputy",
        "regional",
        "national",
        "security",
        "state",
        "military",
        "army",
        "navy",
        "air",
        "force",
        "presidential",
        "prime",
        "general",
        "first",
        "vice",
        "acting",
        "former",
        "special",
        "international",
        "affairs",
        "economic",
        "finance",
        "justice",
        "health",
        "trade",
        "press",
        "affairs",
        "ukrainian",
        "russian",
        "american",
    ]
)

# Nationality adjectives and institutions → the country (or body) they point to.
NATIONALITIES: dict[str, str] = {
    "Kremlin": "Russia", "Russian": "Russia", "Russia": "Russia", "Moscow": "Russia",
    "Ukrainian": "Ukraine", "Ukraine": "Ukraine", "Kyiv": "Ukraine",
    "US": "United States", "U.S.": "United States", "American": "United States",
    "White House": "United States", "Pentagon": "United States", "Washington": "United States",
    "British": "United Kingdom", "UK": "United Kingdom", "Downing Street": "United Kingdom",
    "French": "France", "Elysee": "France", "German": "Germany", "Polish": "Poland",
    "Italian": "Italy", "Spanish": "Spain", "Dutch": "Netherlands", "Belgian": "Belgium",
    "Swiss": "Switzerland", "Turkish": "Turkey", "Saudi": "Saudi Arabia", "Emirati": "UAE",
    "Qatari": "Qatar", "Chinese": "China", "Beijing": "China", "Japanese": "Japan",
    "Indian": "India", "Iranian": "Iran", "Israeli": "Israel", "Belarusian": "Belarus",
    "Hungarian": "Hungary", "Slovak": "Slovakia", "Czech": "Czech Republic",
    "Romanian": "Romania", "Moldovan": "Moldova", "Georgian": "Georgia",
    "Lithuanian": "Lithuania", "Latvian": "Latvia", "Estonian": "Estonia",
    "Finnish": "Finland", "Swedish": "Sweden", "Norwegian": "Norway", "Danish": "Denmark",
    "Canadian": "Canada", "Australian": "Australia", "Korean": "South Korea",
    "North Korean": "North Korea", "Nato": "Nato", "NATO": "Nato", "EU": "European Union",
    "European": "European Union", "UN": "United Nations", "U.N.": "United Nations",
}  # fmt: skip

# Verbs that attribute speech or a stated position to a subject (data/reporting_verbs.txt).
SPEECH_VERBS = frozenset(data_lines("reporting_verbs.txt"))

PRONOUNS_PERSON = frozenset({"he", "she"})
PRONOUNS_THING = frozenset({"it"})
