"""Synthetic newsroom copy: article bodies whose claim sentences carry known offsets.

Plain Python (no ORM), deterministic for a given ``random.Random``. The corpus command turns
what this produces into records; keeping the text apart makes it cheap to test on its own.
"""

from __future__ import annotations

import calendar
import random
from dataclasses import dataclass, field
from decimal import Decimal

from .choices import Bound, ClaimKind

FIRST_NAMES = [
    "Anna",
    "Boris",
    "Carla",
    "Dmytro",
    "Elena",
    "Farid",
    "Greta",
    "Hassan",
    "Ilona",
    "Jonas",
    "Kateryna",
    "Lars",
    "Maria",
    "Nikolai",
    "Olena",
    "Pavel",
    "Quentin",
    "Rania",
    "Sergei",
    "Tamara",
    "Umar",
    "Vera",
    "Walter",
    "Xenia",
    "Yusuf",
    "Zofia",
    "Adrian",
    "Beatrix",
    "Cyril",
    "Dana",
    "Emil",
    "Fatima",
    "Gustav",
    "Helga",
    "Igor",
    "Julia",
    "Kamil",
    "Lena",
    "Milan",
    "Nadia",
    "Oskar",
    "Petra",
    "Roman",
    "Sabine",
    "Taras",
    "Ursula",
    "Viktor",
    "Wanda",
    "Yaroslav",
    "Zenon",
    "Alina",
    "Bogdan",
    "Clara",
    "Denis",
    "Eva",
    "Filip",
    "Galina",
    "Henrik",
    "Iryna",
    "Jakub",
]
LAST_NAMES = [
    "Abramov",
    "Bauer",
    "Chernenko",
    "Dubois",
    "Eriksen",
    "Fischer",
    "Grigorenko",
    "Halloran",
    "Ivanenko",
    "Jansen",
    "Kovalenko",
    "Lindqvist",
    "Moreau",
    "Novak",
    "Orlov",
    "Petrenko",
    "Quinn",
    "Romanov",
    "Schmidt",
    "Tkachenko",
    "Ulyanov",
    "Vasquez",
    "Weber",
    "Yakovlev",
    "Zielinski",
    "Andersen",
    "Bondarenko",
    "Castillo",
    "Demir",
    "Eklund",
    "Ferrante",
    "Gavrilov",
    "Horvat",
    "Ilves",
    "Jovanovic",
    "Kuznetsov",
    "Lambert",
    "Melnyk",
    "Nieminen",
    "Oliveira",
    "Popescu",
    "Rossi",
    "Savchenko",
    "Toth",
    "Urban",
    "Varga",
    "Wolff",
    "Yilmaz",
    "Zhukov",
    "Albrecht",
    "Brandt",
    "Costa",
    "Dragan",
    "Esposito",
    "Falk",
    "Greco",
    "Hartmann",
    "Ionescu",
    "Jensen",
    "Keller",
    "Lindgren",
    "Marchetti",
    "Nowak",
    "Ostrowski",
    "Pavlenko",
    "Rasmussen",
    "Sokolov",
    "Tanaka",
    "Vogel",
    "Wagner",
    "Zakharov",
    "Berg",
    "Moroz",
    "Shevchenko",
    "Kravets",
    "Lysenko",
    "Marchenko",
]
COUNTRIES = [
    "Ukraine",
    "Russia",
    "Poland",
    "Romania",
    "Moldova",
    "Hungary",
    "Slovakia",
    "Finland",
    "Estonia",
    "Latvia",
    "Lithuania",
    "Belarus",
    "Georgia",
    "Turkey",
    "Germany",
    "France",
    "Italy",
    "Spain",
    "Norway",
    "Sweden",
    "Denmark",
    "Austria",
    "Czechia",
    "Bulgaria",
    "Serbia",
    "Croatia",
    "Greece",
    "Portugal",
    "Ireland",
    "Netherlands",
    "Belgium",
    "Switzerland",
    "Canada",
    "Japan",
    "Brazil",
    "India",
    "China",
    "Kazakhstan",
    "Armenia",
    "Azerbaijan",
]
CITIES = [
    "Kyiv",
    "Kharkiv",
    "Odesa",
    "Dnipro",
    "Lviv",
    "Zaporizhzhia",
    "Kherson",
    "Mykolaiv",
    "Sumy",
    "Poltava",
    "Chernihiv",
    "Vinnytsia",
    "Geneva",
    "Istanbul",
    "Vienna",
    "Warsaw",
    "Brussels",
    "Berlin",
    "Paris",
    "Riyadh",
    "Doha",
    "Helsinki",
    "Tallinn",
    "Bucharest",
    "Chisinau",
    "Minsk",
    "Moscow",
    "Belgorod",
    "Kursk",
    "Rostov",
    "Donetsk",
    "Luhansk",
    "Mariupol",
    "Kramatorsk",
    "Pokrovsk",
]
ROLES = (
    "foreign minister",
    "defence minister",
    "chief negotiator",
    "presidential spokesperson",
    "regional governor",
    "mayor",
    "prime minister",
    "military analyst",
    "envoy",
    "senior adviser",
    "army chief of staff",
    "energy minister",
)
NOUNS = (
    "ceasefire proposal",
    "prisoner exchange",
    "energy infrastructure",
    "air defence system",
    "grain corridor",
    "security guarantee",
    "sanctions package",
    "peace framework",
    "front line",
    "power grid",
    "humanitarian convoy",
    "reconstruction fund",
    "border crossing",
    "nuclear plant",
    "negotiating team",
    "aid package",
)
VERBS_PAST = (
    "discussed",
    "rejected",
    "welcomed",
    "criticised",
    "questioned",
    "endorsed",
    "reviewed",
    "postponed",
    "defended",
    "described",
)
ADJECTIVES = (
    "fragile",
    "renewed",
    "lengthy",
    "unexpected",
    "tense",
    "cautious",
    "sweeping",
    "limited",
    "overnight",
    "closed-door",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
FILLER = (
    "Officials in {city} {verb} the {noun} on {day}, according to people familiar with the talks.",
    "The {adj} {noun} has dominated the agenda since {month}, when delegations last met in {city}.",
    "Analysts said the {noun} would test whether {country} and {country2} can keep talking.",
    "Residents of {city} described a {adj} night, with sirens heard until the early morning.",
    "Diplomats {verb} a draft on the {noun} that had circulated for {n} days.",
    "The talks in {city} were expected to last {n} hours but ran late into the evening.",
    "{country} has previously {verb} similar proposals, saying they ignored the {noun}.",
    "A {adj} statement from {city} said the {noun} remained under review.",
    "Observers noted that the {noun} had been {verb} by at least {n} governments.",
    "The meeting followed weeks of {adj} exchanges over the {noun} and the {noun2}.",
    "Local authorities in {city} said repairs to the {noun} would take {n} weeks.",
    "It was not immediately clear whether the {noun} would be signed before {month}.",
    "The delegation from {country} arrived in {city} on {day} for a {adj} round of talks.",
    "Officials declined to say how the {noun} would be monitored.",
    "Markets in {city} reacted calmly to reports about the {noun}.",
)
STATEMENTS = (
    "{country} will not accept any {noun} that leaves the {noun2} unresolved",
    "the {noun} is the only realistic basis for the next round",
    "talks on the {noun} made progress but no agreement was reached",
    "{country} is ready to discuss the {noun} without preconditions",
    "the {adj} {noun} must be in place before any withdrawal",
    "there are no deadlines for the {noun}",
    "the {noun} was never seriously on the table",
    "{country} expects a decision on the {noun} by {month}",
)
MONTHS = list(calendar.month_name)[1:]  # January … December
QUANTITIES = (
    ("drones", "drones"),
    ("missiles", "missiles"),
    ("people_injured", "people injured"),
    ("people_killed", "people killed"),
    ("regions_hit", "regions hit"),
)
BOUND_WORDS = {
    Bound.EXACT: ("",),
    Bound.ABOUT: ("some ", "about ", "around "),
    Bound.AT_MOST: ("almost ", "nearly ", "up to "),
    Bound.AT_LEAST: ("at least ",),
    Bound.MORE_THAN: ("more than ",),
    Bound.LESS_THAN: ("fewer than ",),
}
WORDS_PER_ARTICLE = 800


@dataclass
class Figure:
    quantity: str
    value: Decimal
    bound: str
    text: str


@dataclass
class ClaimSpan:
    """A claim sentence placed in a body: offsets into it, and what it asserts."""

    start: int
    end: int
    kind: str
    claimant: int | None  # an actor index, or None when the outlet itself asserts it
    claimant_label: str = ""
    event: int | None = None  # an event index
    topic: int | None = None  # a topic index
    summary: str = ""
    figures: list[Figure] = field(default_factory=list)


@dataclass
class Body:
    text: str
    paragraphs: list[list[int]]
    claims: list[ClaimSpan]


def fill(rng: random.Random, template: str) -> str:
    """One sentence from a template, every slot drawn from the vocabulary."""
    return template.format(
        city=rng.choice(CITIES),
        country=rng.choice(COUNTRIES),
        country2=rng.choice(COUNTRIES),
        noun=rng.choice(NOUNS),
        noun2=rng.choice(NOUNS),
        verb=rng.choice(VERBS_PAST),
        adj=rng.choice(ADJECTIVES),
        day=rng.choice(WEEKDAYS),
        month=rng.choice(MONTHS),
        n=rng.randint(2, 40),
    )


def figure_words(rng: random.Random, value: int, bound: str, label: str) -> str:
    return f"{rng.choice(BOUND_WORDS[bound])}{value} {label}"


def agreeing_bound(rng: random.Random, value: int) -> tuple[int, str]:
    """A figure as written whose interval holds ``value`` (so two such reports agree)."""
    choice = rng.random()
    if choice < 0.5:
        return value, Bound.EXACT
    if choice < 0.75:
        return round(value, -1) if value >= 20 else value, Bound.ABOUT
    if choice < 0.9:
        return value + max(1, value // 20), Bound.AT_MOST
    return max(1, value - max(1, value // 10)), Bound.AT_LEAST


@dataclass
class ClaimPlan:
    """What one claim sentence should say; the body writer turns it into words."""

    kind: str
    claimant: int | None
    claimant_name: str
    event: int | None = None
    topic: int | None = None
    event_day: str = ""
    figures: list[tuple[str, str, int, str]] = field(default_factory=list)
    # (quantity, label, value as written, bound)


def claim_sentence(rng: random.Random, plan: ClaimPlan) -> tuple[str, str, list[Figure]]:
    """The sentence, its summary and its figures (each figure's words appear in it)."""
    who = plan.claimant_name
    if plan.kind == ClaimKind.QUANTITY:
        parts, figures = [], []
        for quantity, label, value, bound in plan.figures:
            words = figure_words(rng, value, bound, label)
            parts.append(words)
            figures.append(Figure(quantity, Decimal(value), bound, words))
        listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
        sentence = f"{plan.event_day}, {listed} were reported in {rng.choice(CITIES)}, {who} said."
        return sentence, f"{who}: {listed}", figures
    statement = fill(rng, rng.choice(STATEMENTS))
    if plan.kind == ClaimKind.QUOTE:
        sentence = f"“{statement[0].upper()}{statement[1:]},” {who} told reporters."
    else:
        sentence = f"{who} said {statement}."
    return sentence, f"{who}: {statement}"[:300], []


def write_body(rng: random.Random, plans: list[ClaimPlan], words: int) -> Body:
    """About ``words`` words of prose in paragraphs, with one sentence per claim plan."""
    sentences: list[tuple[str, ClaimPlan | None, list[Figure], str]] = []
    count = 0
    for plan in plans:
        text, summary, figures = claim_sentence(rng, plan)
        sentences.append((text, plan, figures, summary))
        count += len(text.split())
    while count < words:
        text = fill(rng, rng.choice(FILLER))
        sentences.append((text, None, [], ""))
        count += len(text.split())
    # Claim sentences anywhere but first (the first sentence becomes the title).
    head, rest = sentences[-1:], sentences[:-1]
    rng.shuffle(rest)
    sentences = head + rest

    pieces: list[str] = []
    paragraphs: list[list[int]] = []
    claims: list[ClaimSpan] = []
    offset = 0
    index = 0
    while index < len(sentences):
        size = rng.randint(2, 5)
        para_start = offset
        for position, (text, plan, figures, summary) in enumerate(sentences[index : index + size]):
            if position:
                pieces.append(" ")
                offset += 1
            if plan is not None:
                claims.append(
                    ClaimSpan(
                        start=offset,
                        end=offset + len(text),
                        kind=plan.kind,
                        claimant=plan.claimant,
                        claimant_label="" if plan.claimant is not None else plan.claimant_name,
                        event=plan.event,
                        topic=plan.topic,
                        summary=summary,
                        figures=figures,
                    )
                )
            pieces.append(text)
            offset += len(text)
        paragraphs.append([para_start, offset])
        index += size
        if index < len(sentences):
            pieces.append("\n\n")
            offset += 2
    return Body(text="".join(pieces), paragraphs=paragraphs, claims=claims)
