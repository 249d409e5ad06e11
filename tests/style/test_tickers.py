"""Exchange labels and ticker forms (wire-format.md section 6)."""

from __future__ import annotations

import pytest

from prwriter.style.tickers import canonical_exchange, format_listings


@pytest.mark.parametrize(
    ("written", "label"),
    [("Nasdaq", "Nasdaq"), ("NASDAQ", "Nasdaq"), ("nyse american", "NYSE American"),
     ("NYSEAmerican", "NYSE American"), ("tsxv", "TSXV"), ("OTC Pink", "OTC Pink")],
)  # fmt: skip
def test_exchange_labels(written: str, label: str) -> None:
    assert canonical_exchange(written) == label


def test_unknown_exchange_names_the_closest_first() -> None:
    with pytest.raises(ValueError, match="unknown exchange 'NASDAQ GS'; known exchanges: 'Nasdaq'"):
        canonical_exchange("NASDAQ GS")


@pytest.mark.parametrize(
    ("listings", "form", "separator", "labels", "expected"),
    [
        ([("Nasdaq", "IMGN")], "({exchange}: {symbol})", " ", {}, "(Nasdaq: IMGN)"),
        ([("NYSE", "OKLO")], "({exchange}: {symbol})", " ", {}, "(NYSE: OKLO)"),
        ([("CSE", "GGC"), ("FSE", "1WD")], "({exchange}: {symbol})", " ", {},
         "(CSE: GGC) (FSE: 1WD)"),
        ([("TSX", "RCI.A"), ("TSX", "RCI.B")], "({exchange}: {symbol})", " ", {},
         "(TSX: RCI.A and RCI.B)"),
        ([("Nasdaq", "MDB")], "({exchange}:{symbol})", " ", {}, "(Nasdaq:MDB)"),
        ([("Nasdaq", "INTC")], "({exchange}: {symbol})", " ", {"Nasdaq": "NASDAQ"},
         "(NASDAQ: INTC)"),
        ([("TSXV", "YGT"), ("OTCQB", "YGTFF")], "({exchange}:{symbol})", "", {},
         "(TSXV:YGT)(OTCQB:YGTFF)"),
    ],
)  # fmt: skip
def test_ticker_forms(listings, form, separator, labels, expected) -> None:
    assert format_listings(listings, form, separator, labels) == expected
