"""Records the package lacks, filled from the SRD 5.2 numbers with our own short summaries:
the Two-Weapon Fighting feat, adventuring gear and packs, tools, and missing magic items
(Potions of Healing, Spell Scroll, ...). Costs in GP, weights in lb (SRD 5.2 "Equipment").
"""

from __future__ import annotations

from typing import Any

from catalog_service.srd.drafts import EntryDraft

# name, weight (lb, None when it varies or is negligible), cost (GP), our summary, extra mechanics
_GEAR: list[tuple[str, float | None, float, str, dict[str, Any]]] = [
    ("Acid", 1, 25, "Thrown vial that can replace an attack: Dex save or 2d6 acid damage.",
     {"save_dc": None, "damage": [{"dice": "2d6", "type": "acid"}]}),
    ("Alchemist's Fire", 1, 50, "Thrown flask that sets a target burning: 1d4 fire at the start of each turn.",
     {"damage": [{"dice": "1d4", "type": "fire"}]}),
    ("Antitoxin", None, 50, "Drink for Advantage on saves against the Poisoned condition for an hour.", {}),
    ("Backpack", 5, 2, "Carries up to 30 pounds of gear.", {}),
    ("Ball Bearings", 2, 1, "Spilled to make a 10-foot square slippery: Dex save or fall Prone.", {}),
    ("Barrel", 70, 2, "Holds 40 gallons of liquid or 4 cubic feet of solids.", {}),
    ("Basket", 2, 0.4, "Carries up to 40 pounds.", {}),
    ("Bedroll", 7, 1, "Sleeping gear; helps you rest outdoors in cold weather.", {}),
    ("Bell", None, 1, "Rings loudly enough to be heard far away.", {}),
    ("Blanket", 3, 0.5, "Keeps you warm while resting.", {}),
    ("Block and Tackle", 5, 1, "Pulleys that let you hoist four times the weight you could lift.", {}),
    ("Book", 5, 25, "A bound volume of lore or stories; can grant Advantage on related Arcana or History checks.",
     {}),
    ("Bottle, Glass", 2, 2, "Holds up to 1.5 pints of liquid.", {}),
    ("Bucket", 2, 0.05, "Holds up to half a cubic foot of contents.", {}),
    ("Caltrops", 2, 1, "Scattered in a 5-foot square; creatures entering risk 1 piercing damage and lose Speed.",
     {"damage": [{"dice": "1d4", "type": "piercing"}]}),
    ("Candle", None, 0.01, "Sheds dim light for an hour.", {}),
    ("Case, Crossbow Bolt", 1, 1, "Holds 20 bolts.", {}),
    ("Case, Map or Scroll", 1, 1, "Holds up to 10 sheets of paper or parchment.", {}),
    ("Chain", 10, 5, "Ten feet of chain that can bind a creature; bursting it takes a hard Strength check.", {}),
    ("Chest", 25, 5, "Holds up to 12 cubic feet of goods.", {}),
    ("Climber's Kit", 12, 25, "Pitons, boot tips and a harness: anchor yourself so a fall stops short.", {}),
    ("Clothes, Fine", 6, 15, "Expensive clothing for courts and high society.", {}),
    ("Clothes, Traveler's", 4, 2, "Sturdy clothes for travel.", {}),
    ("Component Pouch", 2, 25, "Holds the free material components of your spells.", {}),
    ("Costume", 4, 5, "Gives Advantage on checks to impersonate someone it suits.", {}),
    ("Crowbar", 5, 2, "Gives Advantage on Strength checks where leverage helps.", {}),
    ("Flask", 1, 0.02, "Holds up to a pint of liquid.", {}),
    ("Grappling Hook", 4, 2, "Thrown to catch a railing or ledge within 50 feet so a rope can be climbed.", {}),
    ("Healer's Kit", 3, 5, "Ten uses; stabilize a dying creature without a Medicine check.", {}),
    ("Holy Water", 1, 25, "Thrown flask: Dex save or 2d8 radiant damage to a Fiend or Undead.",
     {"damage": [{"dice": "2d8", "type": "radiant"}]}),
    ("Hunting Trap", 25, 5, "Snaps shut on a creature: Dex save or 1d4 piercing and Speed 0 until freed.",
     {"damage": [{"dice": "1d4", "type": "piercing"}]}),
    ("Ink", None, 10, "A one-ounce bottle, enough for about 500 pages.", {}),
    ("Ink Pen", None, 0.02, "Writes or draws with ink.", {}),
    ("Jug", 4, 0.02, "Holds up to a gallon of liquid.", {}),
    ("Ladder", 25, 0.1, "A 10-foot ladder.", {}),
    ("Lamp", 1, 0.5, "Burns oil for 6 hours: bright light 15 feet, dim light 30 more.", {}),
    ("Lantern, Bullseye", 2, 10, "Burns oil for 6 hours: bright light in a 60-foot cone.", {}),
    ("Lantern, Hooded", 2, 5, "Burns oil for 6 hours: bright light 30 feet; the hood dims it.", {}),
    ("Lock", 1, 10, "Comes with a key; picking it takes Thieves' Tools and a DC 15 check.", {"save_dc": 15}),
    ("Magnifying Glass", None, 100, "Advantage on checks to appraise or inspect small details; can light fires.",
     {}),
    ("Manacles", 6, 2, "Bind a Small or Medium creature; escaping or breaking them is a DC 20 check.",
     {"save_dc": 20}),
    ("Map", None, 1, "Gives a bonus to Survival checks to find your way in the mapped area.", {}),
    ("Mirror", 0.5, 5, "A handheld steel mirror for grooming, signalling and peeking around corners.", {}),
    ("Net", 3, 1, "Thrown to restrain a creature: Dex save or Restrained until it breaks free.", {}),
    ("Oil", 1, 0.1, "Fuel for lamps, or splash and ignite it for 5 fire damage.",
     {"damage": [{"dice": "1d4", "type": "fire"}]}),
    ("Paper", None, 0.2, "One sheet for writing.", {}),
    ("Parchment", None, 0.1, "One sheet for writing.", {}),
    ("Perfume", None, 5, "Four ounces of scent; helps with social checks against commoners.", {}),
    ("Poison, Basic", None, 100, "Coat a weapon or three pieces of ammunition: an extra 1d4 poison on a hit.",
     {"damage": [{"dice": "1d4", "type": "poison"}]}),
    ("Pole", 7, 0.05, "A 10-foot pole for testing the way ahead.", {}),
    ("Pot, Iron", 10, 2, "Holds up to a gallon; for cooking.", {}),
    ("Pouch", 1, 0.5, "Holds up to 6 pounds of small items.", {}),
    ("Quiver", 1, 1, "Holds 20 arrows.", {}),
    ("Ram, Portable", 35, 4, "Bonus to Strength checks to break down doors.", {}),
    ("Rations", 2, 0.5, "Travel food for one day.", {}),
    ("Robe", 4, 1, "Vocational or ceremonial garment.", {}),
    ("Rope", 5, 1, "Fifty feet of hempen rope; tie knots or bind a creature.", {}),
    ("Sack", 0.5, 0.01, "Holds up to 30 pounds.", {}),
    ("Shovel", 5, 2, "Digs a 5-foot-square hole in an hour.", {}),
    ("Signal Whistle", None, 0.05, "Its sound carries up to 600 feet.", {}),
    ("Spikes, Iron", 5, 1, "Ten spikes to wedge doors or anchor ropes.", {}),
    ("Spyglass", 1, 1000, "Makes distant objects look twice as close.", {}),
    ("String", None, 0.1, "Ten feet of string.", {}),
    ("Tent", 20, 2, "Shelter for up to two Small or Medium creatures.", {}),
    ("Tinderbox", 1, 0.5, "Lights a fire, candle or torch.", {}),
    ("Torch", 1, 0.01, "Burns for an hour: bright light 20 feet; can be swung for 1 fire damage.", {}),
    ("Vial", None, 1, "Holds up to 4 ounces of liquid.", {}),
    ("Waterskin", 5, 0.2, "Holds 4 pints of liquid.", {}),
]

# name, weight, cost, summary
_AMMUNITION: list[tuple[str, float, float, str]] = [
    ("Arrows", 1, 1, "Twenty arrows for bows, stored in a quiver."),
    ("Bolts", 1.5, 1, "Twenty bolts for crossbows, stored in a case."),
    ("Bullets, Firearm", 2, 3, "Ten bullets for firearms, stored in a pouch."),
    ("Bullets, Sling", 1.5, 0.04, "Twenty sling bullets, stored in a pouch."),
    ("Needles", 1, 1, "Fifty blowgun needles, stored in a pouch."),
]

_FOCI: list[tuple[str, str, float | None, float, str]] = [
    ("Crystal", "arcane_focus", 1, 10, "Arcane focus for Sorcerers, Warlocks and Wizards."),
    ("Orb", "arcane_focus", 3, 20, "Arcane focus for Sorcerers, Warlocks and Wizards."),
    ("Rod", "arcane_focus", 2, 10, "Arcane focus for Sorcerers, Warlocks and Wizards."),
    ("Staff", "arcane_focus", 4, 5, "Arcane focus that doubles as a Quarterstaff."),
    ("Wand", "arcane_focus", 1, 10, "Arcane focus for Sorcerers, Warlocks and Wizards."),
    ("Sprig of Mistletoe", "druidic_focus", None, 1, "Druidic focus for Druids and Rangers."),
    ("Wooden Staff", "druidic_focus", 4, 5, "Druidic focus that doubles as a Quarterstaff."),
    ("Yew Wand", "druidic_focus", 1, 10, "Druidic focus for Druids and Rangers."),
    ("Amulet", "holy_symbol", 1, 5, "Holy symbol worn or held by Clerics and Paladins."),
    ("Emblem", "holy_symbol", None, 5, "Holy symbol borne on fabric or a Shield."),
    ("Reliquary", "holy_symbol", 2, 5, "Holy symbol held by Clerics and Paladins."),
]

# name, weight, cost, contents (quantity, item)
_PACKS: list[tuple[str, float, float, list[tuple[int, str]]]] = [
    ("Burglar's Pack", 42, 16, [(1, "Backpack"), (1, "Ball Bearings"), (1, "Bell"), (10, "Candle"), (1, "Crowbar"),
                                 (1, "Lantern, Hooded"), (7, "Oil"), (5, "Rations"), (1, "Rope"), (1, "Tinderbox"),
                                 (1, "Waterskin")]),
    ("Diplomat's Pack", 39, 39, [(1, "Chest"), (1, "Clothes, Fine"), (1, "Ink"), (5, "Ink Pen"), (1, "Lamp"),
                                  (2, "Case, Map or Scroll"), (4, "Oil"), (5, "Paper"), (5, "Parchment"),
                                  (1, "Perfume"), (1, "Tinderbox")]),
    ("Dungeoneer's Pack", 55, 12, [(1, "Backpack"), (1, "Caltrops"), (1, "Crowbar"), (2, "Oil"), (10, "Rations"),
                                    (1, "Rope"), (1, "Tinderbox"), (10, "Torch"), (1, "Waterskin")]),
    ("Entertainer's Pack", 58.5, 40, [(1, "Backpack"), (1, "Bedroll"), (1, "Bell"), (1, "Lantern, Bullseye"),
                                       (3, "Costume"), (1, "Mirror"), (8, "Oil"), (9, "Rations"), (1, "Tinderbox"),
                                       (1, "Waterskin")]),
    ("Explorer's Pack", 55, 10, [(1, "Backpack"), (1, "Bedroll"), (2, "Oil"), (10, "Rations"), (1, "Rope"),
                                  (1, "Tinderbox"), (10, "Torch"), (1, "Waterskin")]),
    ("Priest's Pack", 29, 33, [(1, "Backpack"), (1, "Blanket"), (1, "Holy Water"), (1, "Lamp"), (7, "Rations"),
                                (1, "Robe"), (1, "Tinderbox")]),
    ("Scholar's Pack", 22, 40, [(1, "Backpack"), (1, "Book"), (1, "Ink"), (1, "Ink Pen"), (1, "Lamp"), (10, "Oil"),
                                 (10, "Parchment"), (1, "Tinderbox")]),
]

# name, category, ability, weight, cost, utilize [(action, dc)], crafts, summary
_TOOLS: list[tuple[str, str, str, float | None, float, list[tuple[str, int]], list[str], str]] = [
    ("Alchemist's Supplies", "artisans_tools", "intelligence", 8, 50,
     [("identify a substance", 15), ("start a fire", 15)],
     ["Acid", "Alchemist's Fire", "Component Pouch", "Oil", "Paper", "Perfume"],
     "Reagents and glassware for brewing chemicals and identifying substances."),
    ("Brewer's Supplies", "artisans_tools", "intelligence", 9, 20,
     [("detect a poisoned drink", 15), ("identify alcohol", 10)], ["Antitoxin"],
     "Kit for brewing drinks and spotting tainted ones."),
    ("Calligrapher's Supplies", "artisans_tools", "dexterity", 5, 10,
     [("write text that resists forgery", 15)], ["Ink", "Spell Scroll"],
     "Inks and nibs for fine lettering and scribing scrolls."),
    ("Carpenter's Tools", "artisans_tools", "strength", 6, 8,
     [("seal or pry open a door or container", 20)],
     ["Club", "Greatclub", "Quarterstaff", "Barrel", "Chest", "Ladder", "Pole", "Ram, Portable", "Torch"],
     "Saws and hammers for woodwork and forcing doors."),
    ("Cartographer's Tools", "artisans_tools", "wisdom", 6, 15, [("draft a map of a small area", 15)], ["Map"],
     "Instruments for surveying and drawing maps."),
    ("Cobbler's Tools", "artisans_tools", "dexterity", 5, 5,
     [("modify footwear for Advantage on the next Acrobatics check", 10)], ["Climber's Kit"],
     "Tools for making and altering footwear."),
    ("Cook's Utensils", "artisans_tools", "wisdom", 8, 1,
     [("improve a meal's flavor", 10), ("detect spoiled or poisoned food", 15)], ["Rations"],
     "Pots and knives for cooking and checking food."),
    ("Glassblower's Tools", "artisans_tools", "intelligence", 5, 30,
     [("discern what a glass object held in the past day", 15)], ["Bottle, Glass", "Magnifying Glass",
                                                                   "Spyglass", "Vial"],
     "Blowpipe and tongs for shaping glass."),
    ("Jeweler's Tools", "artisans_tools", "intelligence", 2, 25, [("discern a gem's value", 15)],
     ["Arcane Focus", "Holy Symbol"], "Loupe and fine tools for gems and jewelry."),
    ("Leatherworker's Tools", "artisans_tools", "dexterity", 5, 5, [("add a design to a leather item", 10)],
     ["Sling", "Whip", "Hide Armor", "Leather Armor", "Studded Leather Armor", "Backpack", "Case, Crossbow Bolt",
      "Case, Map or Scroll", "Parchment", "Pouch", "Quiver", "Waterskin"],
     "Knives and awls for working leather."),
    ("Mason's Tools", "artisans_tools", "strength", 8, 10, [("chisel a symbol or hole in stone", 10)],
     ["Block and Tackle"], "Chisels and trowels for stonework."),
    ("Painter's Supplies", "artisans_tools", "wisdom", 5, 10,
     [("paint a recognizable image of something you've seen", 10)], ["Druidic Focus", "Holy Symbol"],
     "Brushes and pigments for painting."),
    ("Potter's Tools", "artisans_tools", "intelligence", 3, 10,
     [("discern what a ceramic object held in the past day", 15)], ["Jug", "Lamp"],
     "Tools for shaping and firing clay."),
    ("Smith's Tools", "artisans_tools", "strength", 8, 20, [("pry open a door or container", 20)],
     ["Any Melee weapon (except Club, Greatclub, Quarterstaff, and Whip)", "Medium armor (except Hide)",
      "Heavy armor", "Ball Bearings", "Bucket", "Caltrops", "Chain", "Crowbar", "Firearm Bullets",
      "Grappling Hook", "Iron Pot", "Iron Spikes", "Sling Bullets"],
     "Hammers and tongs for forging metal."),
    ("Tinker's Tools", "artisans_tools", "dexterity", 10, 50,
     [("assemble a Tiny item from scrap, which falls apart in 1 minute", 20)],
     ["Musket", "Pistol", "Bell", "Bullseye Lantern", "Flask", "Hooded Lantern", "Hunting Trap", "Lock",
      "Manacles", "Mirror", "Shovel", "Signal Whistle", "Tinderbox"],
     "Small tools for repairing and building gadgets."),
    ("Weaver's Tools", "artisans_tools", "dexterity", 5, 1,
     [("mend a tear in clothing", 10), ("sew a Tiny design", 10)],
     ["Basket", "Bedroll", "Blanket", "Fine Clothes", "Net", "Robe", "Rope", "Sack", "String", "Tent",
      "Traveler's Clothes"],
     "Thread and needles for weaving and sewing."),
    ("Woodcarver's Tools", "artisans_tools", "dexterity", 5, 1, [("carve a pattern in wood", 10)],
     ["Club", "Greatclub", "Quarterstaff", "Ranged weapons (except Pistol, Musket, and Sling)", "Arcane Focus",
      "Arrows", "Bolts", "Druidic Focus", "Ink Pen", "Needles"],
     "Knives and gouges for carving wood."),
    ("Disguise Kit", "other_tools", "charisma", 3, 25, [("apply makeup", 10)], ["Costume"],
     "Makeup and props for changing your appearance."),
    ("Forgery Kit", "other_tools", "dexterity", 5, 15,
     [("mimic 10 or fewer words of someone's handwriting", 15), ("duplicate a wax seal", 20)], [],
     "Papers, inks and seals for faking documents."),
    ("Gaming Set", "gaming_set", "wisdom", None, 0.1, [("discern whether someone is cheating", 10),
                                                        ("win the game", 20)], [],
     "Dice, cards, dragonchess or three-dragon ante (1 SP to 1 GP)."),
    ("Herbalism Kit", "other_tools", "intelligence", 3, 5, [("identify a plant", 10)],
     ["Antitoxin", "Candle", "Healer's Kit", "Potion of Healing"],
     "Clippers and pouches for gathering herbs and brewing remedies."),
    ("Musical Instrument", "musical_instrument", "charisma", None, 2,
     [("play a known tune", 10), ("improvise a song", 15)], [],
     "Bagpipes, drum, dulcimer, flute, horn, lute, lyre, pan flute, shawm or viol (2 to 35 GP)."),
    ("Navigator's Tools", "other_tools", "wisdom", 2, 25,
     [("plot a course", 10), ("determine position by stargazing", 15)], [],
     "Instruments for navigating at sea and by the stars."),
    ("Poisoner's Kit", "other_tools", "intelligence", 2, 50, [("detect a poisoned object", 10)], ["Poison, Basic"],
     "Vials and chemicals for making and detecting poisons."),
    ("Thieves' Tools", "other_tools", "dexterity", 1, 25, [("pick a lock", 15), ("disarm a trap", 15)], [],
     "Picks, a file and a mirror for opening locks and disarming traps."),
]

# name, category, rarity, attunement, summary, tags, extra mechanics
_MAGIC_ITEMS: list[tuple[str, str, str, bool, str, list[str], dict[str, Any]]] = [
    ("Potion of Healing", "potion", "common", False,
     "Drink it to regain 2d4 + 2 Hit Points.", ["healing"], {"consumable": True}),
    ("Potion of Healing (Greater)", "potion", "uncommon", False,
     "Drink it to regain 4d4 + 4 Hit Points.", ["healing"], {"consumable": True}),
    ("Potion of Healing (Superior)", "potion", "rare", False,
     "Drink it to regain 8d4 + 8 Hit Points.", ["healing"], {"consumable": True}),
    ("Potion of Healing (Supreme)", "potion", "very_rare", False,
     "Drink it to regain 10d4 + 20 Hit Points.", ["healing"], {"consumable": True}),
    ("Spell Scroll", "scroll", "common", False,
     "Holds one spell that anyone with it on their spell list can cast from the scroll once, without "
     "components; higher spell levels make rarer scrolls (common for cantrips and level 1 with save DC 13 / "
     "+5, up to legendary for level 9 with DC 19 / +11). Casting a spell above your level needs a check.",
     ["spell", "consumable"], {"consumable": True, "rarity_varies": True}),
    ("Belt of Giant Strength", "wondrous_item", "rare", True,
     "Sets your Strength score to a giant's while worn: 21 (hill, rare), 23 (frost or stone) or 25 (fire) "
     "very rare, 27 (cloud) or 29 (storm) legendary.",
     ["strength"], {"rarity_varies": True}),
    ("Potion of Giant Strength", "potion", "uncommon", False,
     "For an hour your Strength becomes a giant's: 21 (hill, uncommon) up to 29 (storm, legendary).",
     ["strength"], {"consumable": True, "rarity_varies": True}),
    ("Nine Lives Stealer", "weapon", "very_rare", True,
     "A +2 weapon whose critical hits can slay a creature under 100 Hit Points outright; it holds a limited "
     "number of such charges.",
     ["weapon", "+2"], {"bonus": 2, "bonus_applies_to": "weapon"}),
    ("Feather Token", "wondrous_item", "uncommon", False,
     "A single-use token that becomes an anchor, bird, fan, swan boat, tree or whip, depending on its kind.",
     ["consumable"], {"consumable": True, "rarity_varies": True}),
    ("Figurine of Wondrous Power", "wondrous_item", "rare", False,
     "A statuette that becomes a living creature (a raven, lions, a giant fly...) for a time, depending on the "
     "figurine.",
     ["summoning"], {"rarity_varies": True}),
    ("Ioun Stone", "wondrous_item", "rare", True,
     "A gem that orbits your head and grants a benefit that depends on its kind, such as +1 AC or a higher "
     "ability score.",
     ["orbiting stone"], {"rarity_varies": True}),
]

TWO_WEAPON_FIGHTING = EntryDraft(
    "feat",
    "Two-Weapon Fighting",
    "Fighting style: when the Light property gives you an extra attack, you add your ability modifier to that "
    "attack's damage.",
    {
        "category": "fighting_style",
        "prerequisite": "Fighting Style Feature",
        "min_level": 1,
        "repeatable": False,
        "benefits": [{"kind": "damage_bonus", "amount": 1, "detail": "ability modifier on the Light extra attack"}],
    },
    ["Fighting Style", "feat", "light", "dual wielding"],
)


def supplement_drafts() -> list[EntryDraft]:
    """Every record added on top of the package."""
    drafts: list[EntryDraft] = [TWO_WEAPON_FIGHTING]
    for name, weight, cost, summary, extra in _GEAR:
        mechanics = {"category": "adventuring_gear", "cost_gp": cost, "weight_lb": weight, **extra}
        if mechanics.get("save_dc") is None:
            mechanics.pop("save_dc", None)
        drafts.append(EntryDraft("gear", name, summary, mechanics, ["adventuring gear"]))
    for name, weight, cost, summary in _AMMUNITION:
        drafts.append(EntryDraft("gear", name, summary, {"category": "ammunition", "cost_gp": cost,
                                                           "weight_lb": weight}, ["ammunition"]))
    for name, category, weight, cost, summary in _FOCI:
        drafts.append(EntryDraft("gear", name, summary, {"category": category, "cost_gp": cost, "weight_lb": weight},
                                 [category.replace("_", " "), "spellcasting focus"]))
    for name, weight, cost, contents in _PACKS:
        listing = ", ".join(f"{q} x {item}" if q > 1 else item for q, item in contents)
        drafts.append(EntryDraft(
            "gear", name, f"Equipment pack ({cost:g} GP): {listing}.",
            {"category": "pack", "cost_gp": cost, "weight_lb": weight,
             "contents": [{"name": item, "quantity": q} for q, item in contents]},
            ["pack", "equipment pack"],
        ))
    for name, category, ability, weight, cost, uses, crafts, summary in _TOOLS:
        drafts.append(EntryDraft(
            "tool", name, f"{summary} Ability: {ability.title()}.",
            {"category": category, "ability": ability, "cost_gp": cost, "weight_lb": weight,
             "utilize": [{"action": action, "dc": dc} for action, dc in uses], "crafts": crafts},
            [category.replace("_", " "), ability, "tool"],
        ))
    for name, category, rarity, attunement, summary, tags, extra in _MAGIC_ITEMS:
        mechanics = {"category": category, "rarity": rarity, "attunement": attunement, **extra}
        drafts.append(EntryDraft("magic_item", name, summary, mechanics,
                                 [category.replace("_", " "), rarity.replace("_", " "), *tags]))
    return drafts
