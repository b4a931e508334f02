"""Estimated cost of a call from the configured price table (US dollars per million tokens)."""

from __future__ import annotations

from decimal import Decimal

from llm_service.config import ModelPrice

MILLION = Decimal(1_000_000)


def price_for(model: str, prices: dict[str, ModelPrice]) -> ModelPrice | None:
    """The price of ``model``: an exact entry, else the longest entry it starts with
    (``gpt-4o-mini-2024-07-18`` -> ``gpt-4o-mini``); None for unpriced models (local, offline)."""
    if model in prices:
        return prices[model]
    matches = [name for name in prices if model.startswith(name)]
    return prices[max(matches, key=len)] if matches else None


def estimate_cost(model: str, input_tokens: int, output_tokens: int, prices: dict[str, ModelPrice]) -> Decimal:
    """Dollars, to six decimals; 0 for unpriced models."""
    price = price_for(model, prices)
    if price is None:
        return Decimal(0)
    cost = (Decimal(input_tokens) * Decimal(str(price.input_per_million))
            + Decimal(output_tokens) * Decimal(str(price.output_per_million))) / MILLION
    return cost.quantize(Decimal("0.000001"))
