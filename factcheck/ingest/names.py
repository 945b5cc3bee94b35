"""Tables of wire agencies, photo services and outlet names the parser recognises."""

from __future__ import annotations

import re

# Canonical short name -> the spellings seen in credits, datelines and sign-offs.
# Only agencies that sell copy to other outlets belong here: their name in a credit
# says where the text (or at least the photo) came from.
WIRE_AGENCIES: dict[str, tuple[str, ...]] = {
    "AP": ("AP", "AP Photo", "Associated Press", "The Associated Press"),
    "AFP": ("AFP", "AFP Photo", "Agence France-Presse", "Agence France Presse"),
    "Reuters": ("Reuters", "REUTERS", "Thomson Reuters"),
    "dpa": ("dpa", "DPA", "Deutsche Presse-Agentur"),
    "EFE": ("EFE", "Agencia EFE", "EPA-EFE"),
    "ANSA": ("ANSA",),
    "Xinhua": ("Xinhua", "XINHUA", "Xinhua News Agency"),
    "Kyodo": ("Kyodo", "KYODO", "Kyodo News"),
    "Yonhap": ("Yonhap", "YONHAP"),
    "PA": ("PA", "PA Wire", "PA Media", "PA Archive", "Press Association"),
    "Bloomberg": ("Bloomberg", "BLOOMBERG"),
    "UPI": ("UPI", "United Press International"),
    "TASS": ("TASS", "Tass"),
    "Interfax": ("Interfax", "INTERFAX"),
    "Ukrinform": ("Ukrinform", "UKRINFORM"),
    "Anadolu": ("Anadolu", "Anadolu Agency", "ANADOLU"),
    "Bernama": ("Bernama", "BERNAMA"),
    "PTI": ("PTI",),
    "AAP": ("AAP", "Australian Associated Press"),
    "Keystone-SDA": ("Keystone-SDA", "KEYSTONE", "Keystone", "ATS-Keystone"),
}

# Photo services that appear in credits but do not syndicate text: they make a
# paragraph a caption, never the article's wire agency.
PHOTO_SERVICES: tuple[str, ...] = (
    "Getty Images",
    "Getty",
    "EPA",
    "Shutterstock",
    "REX",
    "Rex Features",
    "Alamy",
    "ZUMA Press",
    "ZUMA Wire",
    "Zuma",
    "SOPA Images",
    "NurPhoto",
    "LightRocket",
    "Sipa",
    "SIPA",
    "Abaca",
    "Imago",
    "picture alliance",
    "Pool",
    "POOL",
    "Handout",
    "HANDOUT",
)

_VARIANT_TO_AGENCY: dict[str, str] = {
    variant: canonical for canonical, variants in WIRE_AGENCIES.items() for variant in variants
}


def _alternation(names: list[str]) -> str:
    # Longest first so "AP Photo" wins over "AP" and "PA Wire" over "PA".
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


AGENCY_ALTERNATION = _alternation(list(_VARIANT_TO_AGENCY))
CREDIT_NAME_ALTERNATION = _alternation(list(_VARIANT_TO_AGENCY) + list(PHOTO_SERVICES))

# Word boundaries that also work around hyphens ("EPA-EFE") and slashes ("/AP)").
_AGENCY_IN_TEXT = re.compile(rf"(?<![\w-])(?:{AGENCY_ALTERNATION})(?![\w-])")
_CREDIT_NAME_IN_TEXT = re.compile(rf"(?<![\w-])(?:{CREDIT_NAME_ALTERNATION})(?![\w-])")


def agency_for(name: str) -> str:
    """Return the canonical agency for one spelling, or "" if it is not a wire agency."""
    return _VARIANT_TO_AGENCY.get(name.strip(), "")


def agencies_in(text: str) -> list[str]:
    """Return the canonical wire agencies named in a credit, in order of appearance."""
    return [_VARIANT_TO_AGENCY[m.group(0)] for m in _AGENCY_IN_TEXT.finditer(text)]


def names_credit_service(text: str) -> bool:
    """Say whether a credit names a wire agency or a photo service."""
    return _CREDIT_NAME_IN_TEXT.search(text) is not None


# Outlet names as copy refers to itself ("Get ST's newsletters") -> the outlet's
# full name. Keys are compared case-insensitively without a leading "The".
OUTLETS: dict[str, str] = {
    "st": "The Straits Times",
    "straits times": "The Straits Times",
    "bt": "The Business Times",
    "business times": "The Business Times",
    "cna": "CNA",
    "scmp": "South China Morning Post",
    "south china morning post": "South China Morning Post",
    "hkfp": "Hong Kong Free Press",
    "nyt": "The New York Times",
    "new york times": "The New York Times",
    "wsj": "The Wall Street Journal",
    "wall street journal": "The Wall Street Journal",
    "ft": "Financial Times",
    "financial times": "Financial Times",
    "wapo": "The Washington Post",
    "washington post": "The Washington Post",
    "indy": "The Independent",
    "independent": "The Independent",
    "guardian": "The Guardian",
    "telegraph": "The Telegraph",
    "economist": "The Economist",
    "atlantic": "The Atlantic",
    "smh": "The Sydney Morning Herald",
    "sydney morning herald": "The Sydney Morning Herald",
    "japan times": "The Japan Times",
    "korea herald": "The Korea Herald",
    "kyiv independent": "The Kyiv Independent",
    "irish times": "The Irish Times",
    "hindu": "The Hindu",
    "times of india": "The Times of India",
    "globe and mail": "The Globe and Mail",
    "bbc": "BBC",
    "cnn": "CNN",
    "npr": "NPR",
    "politico": "Politico",
    "axios": "Axios",
    "al jazeera": "Al Jazeera",
    "bloomberg": "Bloomberg",
    "reuters": "Reuters",
    "ap": "AP",
    "afp": "AFP",
}

# Words that start promo phrases but are not outlets ("Get Today's headlines").
_NOT_OUTLETS = frozenset(
    {"today", "our", "this", "the", "daily", "weekly", "morning", "evening", "breaking", "free"}
)


def outlet_name(raw: str) -> str:
    """Return the outlet's full name for how copy names itself, or "" if it is not a name."""
    name = " ".join(raw.split())
    had_article = name[:4].lower() == "the "
    bare = name[4:] if had_article else name
    key = bare.lower()
    if not bare or key in _NOT_OUTLETS:
        return ""
    if key in OUTLETS:
        return OUTLETS[key]
    words = bare.split()
    if had_article:
        return f"The {bare}"
    # An unknown all-caps abbreviation ("CNA") or a multi-word proper name is a
    # plausible outlet; a single capitalised word ("Today") is too often not.
    if len(words) == 1 and bare.isupper() and 2 <= len(bare) <= 6:
        return bare
    if len(words) >= 2 and all(w[0].isupper() for w in words if w.lower() not in {"of", "and"}):
        return bare
    return ""
