"""Text prompts for image providers, built from what a portrait or an item shows."""

from __future__ import annotations

from image_service.providers.offline_item import ItemSpec
from image_service.providers.offline_portrait import PortraitSpec

THEME_WORDS = {
    "classic": "heroic high fantasy, warm torchlight",
    "parchment": "ink and watercolour on aged parchment",
    "dark": "grim dark fantasy, moody low-key lighting",
    "frost": "icy northern setting, cold blue light",
    "infernal": "hellish glow, embers and smoke",
    "verdant": "lush forest, dappled sunlight",
}
STYLE_WORDS = {
    "token": "circular tabletop token portrait, head and shoulders, centred, ornate round frame",
    "card": "character card portrait, head and shoulders, painterly",
}
MAX_PROMPT = 900


def portrait_prompt(spec: PortraitSpec) -> str:
    """``A portrait of <name>, a <species> <class>, <appearance>. <style>, <theme>.``"""
    parts = [f"A portrait of {spec.name}, a {spec.species.strip().lower()} {spec.character_class.strip().lower()}"]
    if spec.appearance.strip():
        parts.append(spec.appearance.strip().rstrip("."))
    text = ", ".join(parts) + f". {STYLE_WORDS[spec.style]}, {THEME_WORDS[spec.theme]}, detailed fantasy illustration."
    return text[:MAX_PROMPT]


def item_prompt(spec: ItemSpec) -> str:
    """An icon prompt from the item's name, category, rarity and description."""
    rarity = spec.rarity.replace("_", " ")
    text = f"Game item icon of {spec.name}, a {rarity} magic {spec.category}"
    if spec.description.strip():
        text += f": {spec.description.strip().rstrip('.')}"
    text += ". Single object centred on a dark background, crisp edges, fantasy RPG inventory art."
    return text[:MAX_PROMPT]
