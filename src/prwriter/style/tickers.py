"""Exchange names as AP and the wires write them, and the ticker form after a company name."""

from __future__ import annotations

from prwriter.errors import closest, quote_list

# Canonical labels; keys are how writers may type them (compared without case or spaces).
EXCHANGES: dict[str, str] = {
    "nasdaq": "Nasdaq",
    "nyse": "NYSE",
    "nyseamerican": "NYSE American",
    "nysearca": "NYSE Arca",
    "tsx": "TSX",
    "tsxv": "TSXV",
    "cse": "CSE",
    "otcqb": "OTCQB",
    "otcqx": "OTCQX",
    "otcpink": "OTC Pink",
    "lse": "LSE",
    "aim": "AIM",
    "fse": "FSE",
    "asx": "ASX",
    "euronext": "Euronext",
    "six": "SIX",
    "hkex": "HKEX",
    "otcbb": "OTCBB",
    # Other names writers use for the same exchanges.
    "newyorkstockexchange": "NYSE",
    "amex": "NYSE American",
    "nysemkt": "NYSE American",
    "torontostockexchange": "TSX",
    "tse": "TSX",
    "tsx-v": "TSXV",
    "tsx.v": "TSXV",
    "tsxventure": "TSXV",
    "tsxventureexchange": "TSXV",
    "canadiansecuritiesexchange": "CSE",
    "otcmarkets": "OTC Pink",
    "pink": "OTC Pink",
    "londonstockexchange": "LSE",
    "frankfurt": "FSE",
    "frankfurtstockexchange": "FSE",
    "fwb": "FSE",
    "xetra": "FSE",
    "australiansecuritiesexchange": "ASX",
    "hongkongstockexchange": "HKEX",
    "sixswissexchange": "SIX",
}


def _key(name: str) -> str:
    return "".join(name.lower().split())


def canonical_exchange(name: str) -> str:
    """`"NASDAQ"` -> `"Nasdaq"`; ValueError naming the closest known exchanges otherwise."""
    label = EXCHANGES.get(_key(name))
    if label is None:
        labels = sorted(set(EXCHANGES.values()))
        raise ValueError(
            f"unknown exchange '{name}'; known exchanges: {quote_list(closest(name, labels))}"
        )
    return label


def format_listings(
    listings: list[tuple[str, str]], form: str, separator: str, labels: dict[str, str]
) -> str:
    """`[("Nasdaq", "IMGN")]` -> `(Nasdaq: IMGN)` in a wire's form, with its exchange labels.

    Classes listed on the same exchange share one parenthesis: `(TSX: RCI.A and RCI.B)`.
    """
    grouped: dict[str, list[str]] = {}
    for exchange, symbol in listings:
        grouped.setdefault(exchange, []).append(symbol)
    return separator.join(
        form.format(exchange=labels.get(exchange, exchange), symbol=" and ".join(symbols))
        for exchange, symbols in grouped.items()
    )
