"""Weapons, armor and shields from the SRD 5.2 Equipment chapter (06_Equipment.md)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

WeaponCategory = Literal["simple", "martial"]
WeaponKind = Literal["melee", "ranged"]
ArmorCategory = Literal["light", "medium", "heavy", "shield"]


@dataclass(frozen=True, slots=True)
class Weapon:
    """One row of the SRD weapon tables."""

    id: str
    name: str
    category: WeaponCategory
    kind: WeaponKind
    damage: str
    damage_type: str
    properties: tuple[str, ...]
    mastery: str
    versatile: str | None = None
    range: tuple[int, int] | None = None

    def has(self, prop: str) -> bool:
        """Return whether the weapon has the named property (lower case)."""
        return prop in self.properties


@dataclass(frozen=True, slots=True)
class Armor:
    """One row of the SRD armor table (the Shield included)."""

    id: str
    name: str
    category: ArmorCategory
    base_ac: int
    dex_cap: int | None  # None: full Dex; 0: no Dex (heavy)
    strength: int | None
    stealth_disadvantage: bool


def _w(
    id_: str,
    name: str,
    cat: WeaponCategory,
    kind: WeaponKind,
    dmg: str,
    dtype: str,
    props: str,
    mastery: str,
    versatile: str | None = None,
    rng: tuple[int, int] | None = None,
) -> Weapon:
    return Weapon(id_, name, cat, kind, dmg, dtype, tuple(p for p in props.split(",") if p), mastery, versatile, rng)


# Damage, properties, mastery: 06_Equipment.md, Weapon Tables.
WEAPONS: Final[dict[str, Weapon]] = {
    w.id: w
    for w in (
        # Simple Melee
        _w("club", "Club", "simple", "melee", "1d4", "bludgeoning", "light", "slow"),
        _w(
            "dagger",
            "Dagger",
            "simple",
            "melee",
            "1d4",
            "piercing",
            "finesse,light,thrown",
            "nick",
            rng=(20, 60),
        ),
        _w("greatclub", "Greatclub", "simple", "melee", "1d8", "bludgeoning", "two-handed", "push"),
        _w("handaxe", "Handaxe", "simple", "melee", "1d6", "slashing", "light,thrown", "vex", rng=(20, 60)),
        _w("javelin", "Javelin", "simple", "melee", "1d6", "piercing", "thrown", "slow", rng=(30, 120)),
        _w(
            "light_hammer",
            "Light Hammer",
            "simple",
            "melee",
            "1d4",
            "bludgeoning",
            "light,thrown",
            "nick",
            rng=(20, 60),
        ),
        _w("mace", "Mace", "simple", "melee", "1d6", "bludgeoning", "", "sap"),
        _w(
            "quarterstaff",
            "Quarterstaff",
            "simple",
            "melee",
            "1d6",
            "bludgeoning",
            "versatile",
            "topple",
            "1d8",
        ),
        _w("sickle", "Sickle", "simple", "melee", "1d4", "slashing", "light", "nick"),
        _w("spear", "Spear", "simple", "melee", "1d6", "piercing", "thrown,versatile", "sap", "1d8", (20, 60)),
        # Simple Ranged
        _w("dart", "Dart", "simple", "ranged", "1d4", "piercing", "finesse,thrown", "vex", rng=(20, 60)),
        _w(
            "light_crossbow",
            "Light Crossbow",
            "simple",
            "ranged",
            "1d8",
            "piercing",
            "ammunition,loading,two-handed",
            "slow",
            rng=(80, 320),
        ),
        _w(
            "shortbow",
            "Shortbow",
            "simple",
            "ranged",
            "1d6",
            "piercing",
            "ammunition,two-handed",
            "vex",
            rng=(80, 320),
        ),
        _w("sling", "Sling", "simple", "ranged", "1d4", "bludgeoning", "ammunition", "slow", rng=(30, 120)),
        # Martial Melee
        _w("battleaxe", "Battleaxe", "martial", "melee", "1d8", "slashing", "versatile", "topple", "1d10"),
        _w("flail", "Flail", "martial", "melee", "1d8", "bludgeoning", "", "sap"),
        _w("glaive", "Glaive", "martial", "melee", "1d10", "slashing", "heavy,reach,two-handed", "graze"),
        _w("greataxe", "Greataxe", "martial", "melee", "1d12", "slashing", "heavy,two-handed", "cleave"),
        _w("greatsword", "Greatsword", "martial", "melee", "2d6", "slashing", "heavy,two-handed", "graze"),
        _w("halberd", "Halberd", "martial", "melee", "1d10", "slashing", "heavy,reach,two-handed", "cleave"),
        _w("lance", "Lance", "martial", "melee", "1d10", "piercing", "heavy,reach,two-handed", "topple"),
        _w("longsword", "Longsword", "martial", "melee", "1d8", "slashing", "versatile", "sap", "1d10"),
        _w("maul", "Maul", "martial", "melee", "2d6", "bludgeoning", "heavy,two-handed", "topple"),
        _w("morningstar", "Morningstar", "martial", "melee", "1d8", "piercing", "", "sap"),
        _w("pike", "Pike", "martial", "melee", "1d10", "piercing", "heavy,reach,two-handed", "push"),
        _w("rapier", "Rapier", "martial", "melee", "1d8", "piercing", "finesse", "vex"),
        _w("scimitar", "Scimitar", "martial", "melee", "1d6", "slashing", "finesse,light", "nick"),
        _w("shortsword", "Shortsword", "martial", "melee", "1d6", "piercing", "finesse,light", "vex"),
        _w(
            "trident",
            "Trident",
            "martial",
            "melee",
            "1d8",
            "piercing",
            "thrown,versatile",
            "topple",
            "1d10",
            (20, 60),
        ),
        _w("warhammer", "Warhammer", "martial", "melee", "1d8", "bludgeoning", "versatile", "push", "1d10"),
        _w("war_pick", "War Pick", "martial", "melee", "1d8", "piercing", "versatile", "sap", "1d10"),
        _w("whip", "Whip", "martial", "melee", "1d4", "slashing", "finesse,reach", "slow"),
        # Martial Ranged
        _w(
            "blowgun",
            "Blowgun",
            "martial",
            "ranged",
            "1",
            "piercing",
            "ammunition,loading",
            "vex",
            rng=(25, 100),
        ),
        _w(
            "hand_crossbow",
            "Hand Crossbow",
            "martial",
            "ranged",
            "1d6",
            "piercing",
            "ammunition,light,loading",
            "vex",
            rng=(30, 120),
        ),
        _w(
            "heavy_crossbow",
            "Heavy Crossbow",
            "martial",
            "ranged",
            "1d10",
            "piercing",
            "ammunition,heavy,loading,two-handed",
            "push",
            rng=(100, 400),
        ),
        _w(
            "longbow",
            "Longbow",
            "martial",
            "ranged",
            "1d8",
            "piercing",
            "ammunition,heavy,two-handed",
            "slow",
            rng=(150, 600),
        ),
        _w(
            "musket",
            "Musket",
            "martial",
            "ranged",
            "1d12",
            "piercing",
            "ammunition,loading,two-handed",
            "slow",
            rng=(40, 120),
        ),
        _w(
            "pistol",
            "Pistol",
            "martial",
            "ranged",
            "1d10",
            "piercing",
            "ammunition,loading",
            "vex",
            rng=(30, 90),
        ),
    )
}

# Armor Class, Strength, Stealth: 06_Equipment.md, Armor tables.
ARMOR: Final[dict[str, Armor]] = {
    a.id: a
    for a in (
        Armor("padded_armor", "Padded Armor", "light", 11, None, None, True),
        Armor("leather_armor", "Leather Armor", "light", 11, None, None, False),
        Armor("studded_leather_armor", "Studded Leather Armor", "light", 12, None, None, False),
        Armor("hide_armor", "Hide Armor", "medium", 12, 2, None, False),
        Armor("chain_shirt", "Chain Shirt", "medium", 13, 2, None, False),
        Armor("scale_mail", "Scale Mail", "medium", 14, 2, None, True),
        Armor("breastplate", "Breastplate", "medium", 14, 2, None, False),
        Armor("half_plate_armor", "Half Plate Armor", "medium", 15, 2, None, True),
        Armor("ring_mail", "Ring Mail", "heavy", 14, 0, None, True),
        Armor("chain_mail", "Chain Mail", "heavy", 16, 0, 13, True),
        Armor("splint_armor", "Splint Armor", "heavy", 17, 0, 15, True),
        Armor("plate_armor", "Plate Armor", "heavy", 18, 0, 15, True),
        Armor("shield", "Shield", "shield", 2, None, None, False),
    )
}

# A few SRD magic items whose numbers show on a sheet (10_MagicItems.md).
# Each: (name, ac bonus, saving-throw bonus, requires attunement).
MAGIC_ITEMS: Final[dict[str, tuple[str, int, int, bool]]] = {
    "cloak_of_protection": ("Cloak of Protection", 1, 1, True),
    "ring_of_protection": ("Ring of Protection", 1, 1, True),
}

MASTERY_PROPERTIES: Final[frozenset[str]] = frozenset(
    {"cleave", "graze", "nick", "push", "sap", "slow", "topple", "vex"}
)

#: Weight in pounds of each weapon and armor (06_Equipment.md tables; the Sling's "—" is 0).
ITEM_WEIGHT_LB: Final[dict[str, float]] = {
    "club": 2.0, "dagger": 1.0, "greatclub": 10.0, "handaxe": 2.0, "javelin": 2.0, "light_hammer": 2.0, "mace": 4.0,
    "quarterstaff": 4.0, "sickle": 2.0, "spear": 3.0, "dart": 0.25, "light_crossbow": 5.0, "shortbow": 2.0,
    "sling": 0.0, "battleaxe": 4.0, "flail": 2.0, "glaive": 6.0, "greataxe": 7.0, "greatsword": 6.0, "halberd": 6.0,
    "lance": 6.0, "longsword": 3.0, "maul": 10.0, "morningstar": 4.0, "pike": 18.0, "rapier": 2.0, "scimitar": 3.0,
    "shortsword": 2.0, "trident": 4.0, "warhammer": 5.0, "war_pick": 2.0, "whip": 3.0, "blowgun": 1.0,
    "hand_crossbow": 3.0, "heavy_crossbow": 18.0, "longbow": 2.0, "musket": 10.0, "pistol": 3.0,
    "padded_armor": 8.0, "leather_armor": 10.0, "studded_leather_armor": 13.0, "hide_armor": 12.0,
    "chain_shirt": 20.0, "scale_mail": 45.0, "breastplate": 20.0, "half_plate_armor": 40.0, "ring_mail": 40.0,
    "chain_mail": 55.0, "splint_armor": 60.0, "plate_armor": 65.0, "shield": 6.0,
}
