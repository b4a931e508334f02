# ruff: noqa: RUF001  (SRD spell names use typographic apostrophes)
"""Project-written phrase tables of the offline provider.

Everything here is our own wording. Rules facts (class skill lists, spell lists by class, starting
kits, subclasses) are SRD 5.2 names and numbers; no SRD sentences are reproduced.
"""

from __future__ import annotations

from dataclasses import dataclass

# --- classes --------------------------------------------------------------------------------------
#: Words in a concept that point at a class, strongest first within each class.
CLASS_KEYWORDS: dict[str, tuple[str, ...]] = {
    "Barbarian": ("barbarian", "berserk*", "rage", "raging", "savage", "tribal", "viking", "brute", "wildling",
                  "reaver", "marauder", "bloodthirsty", "primal warrior"),
    "Bard": ("bard", "minstrel", "musician", "singer", "poet", "lute", "performer", "storyteller", "troubadour",
             "actor", "dancer", "skald", "jester", "song", "fiddle", "playwright"),
    "Cleric": ("cleric", "priest", "priestess", "temple", "chaplain", "nun", "inquisitor", "missionary", "acolyte",
               "healer", "oracle", "god", "goddess", "divine", "faith"),
    "Druid": ("druid", "shaman", "shapeshift*", "shapeshifter", "grove", "nature", "wild shape", "herbalist", "hermit",
              "circle", "beastfriend", "forest", "plants", "green"),
    "Fighter": ("fighter", "soldier*", "mercenary", "sellsword", "gladiator", "veteran*", "guard", "duelist",
                "swordsman", "swordswoman", "sword*", "blademaster", "samurai", "warrior", "captain", "legionnaire",
                "fencer", "weapon master"),
    "Monk": ("monk", "martial artist", "kung fu", "unarmed", "ascetic", "meditat*", "fists", "fist", "pilgrim",
             "monastery", "kick", "open hand", "disciplined"),
    "Paladin": ("paladin", "knight", "holy warrior", "angelic", "crusader", "oath", "templar", "avenger", "sworn",
                "champion", "righteous", "vow"),
    "Ranger": ("ranger", "hunter", "tracker", "scout", "archer", "bow", "wilderness", "trapper", "bounty hunter",
               "beast master", "woodsman", "forester", "warden", "monster hunter"),
    "Rogue": ("rogue", "thief", "assassin", "spy", "burglar", "pickpocket", "smuggler", "con artist", "cutpurse",
              "scoundrel", "cat burglar", "detective", "infiltrator", "heist", "urchin", "street rat", "tomb raider",
              "treasure hunter", "raider", "sneak*", "outlaw", "pirate"),
    "Sorcerer": ("sorcerer", "sorceress", "bloodline", "innate", "wild magic", "dragon blood", "draconic",
                 "pyromancer", "chosen", "born with", "storm-born", "raw magic", "magic in her blood",
                 "magic in his blood", "magic in their blood"),
    "Warlock": ("warlock", "pact", "patron", "fiend", "devil", "demon", "eldritch", "bargain", "deal with", "witch*",
                "hag", "cursed", "hex", "cultist", "otherworldly", "soul"),
    "Wizard": ("wizard", "mage", "spellbook", "arcane", "academy", "necromancer", "scholar*", "illusionist",
               "evoker", "enchanter", "professor", "librarian", "apprentice", "scientist", "seer", "diviner",
               "fortune teller", "tarot", "magus", "archmage", "alchemist"),
}

#: A sentence fragment describing what each class does at the table (ours).
CLASS_ROLES: dict[str, str] = {
    "Barbarian": "who wades into the thick of a fight and shrugs off blows that would fell others",
    "Bard": "who turns words and music into courage for friends and confusion for foes",
    "Cleric": "who carries divine power into the dark places where it is needed most",
    "Druid": "who speaks for the wild and borrows its shapes and its fury",
    "Fighter": "who has trained with every weapon until skill became instinct",
    "Monk": "who turns discipline and breath into speed and striking power",
    "Paladin": "whose oath burns brighter than any armour they wear",
    "Ranger": "who reads the land like a letter and never loses a trail",
    "Rogue": "who wins fights before they start, from the shadows and with a quick blade",
    "Sorcerer": "whose magic is not learned but lived, welling up from the blood",
    "Warlock": "who bargained with something vast and now wields a fraction of its power",
    "Wizard": "who treats magic as a science and the spellbook as a life's work",
}

#: Ability priorities, highest first (primary abilities from the class tables, then what keeps them alive).
CLASS_ABILITIES: dict[str, tuple[str, ...]] = {
    "Barbarian": ("Strength", "Constitution", "Dexterity", "Wisdom", "Charisma", "Intelligence"),
    "Bard": ("Charisma", "Dexterity", "Constitution", "Wisdom", "Intelligence", "Strength"),
    "Cleric": ("Wisdom", "Constitution", "Strength", "Charisma", "Dexterity", "Intelligence"),
    "Druid": ("Wisdom", "Constitution", "Dexterity", "Intelligence", "Charisma", "Strength"),
    "Fighter": ("Strength", "Constitution", "Dexterity", "Wisdom", "Charisma", "Intelligence"),
    "Monk": ("Dexterity", "Wisdom", "Constitution", "Strength", "Intelligence", "Charisma"),
    "Paladin": ("Strength", "Charisma", "Constitution", "Wisdom", "Dexterity", "Intelligence"),
    "Ranger": ("Dexterity", "Wisdom", "Constitution", "Strength", "Intelligence", "Charisma"),
    "Rogue": ("Dexterity", "Constitution", "Intelligence", "Wisdom", "Charisma", "Strength"),
    "Sorcerer": ("Charisma", "Constitution", "Dexterity", "Wisdom", "Intelligence", "Strength"),
    "Warlock": ("Charisma", "Constitution", "Dexterity", "Wisdom", "Intelligence", "Strength"),
    "Wizard": ("Intelligence", "Constitution", "Dexterity", "Wisdom", "Charisma", "Strength"),
}
#: A fighter whose concept is about finesse or archery leads with Dexterity.
FINESSE_WORDS = ("archer", "bow", "duelist", "fencer", "rapier", "acrobat*", "nimble", "agile", "swashbuckl*")
FIGHTER_DEX_ABILITIES = ("Dexterity", "Constitution", "Wisdom", "Strength", "Charisma", "Intelligence")

#: Skill proficiencies each class chooses from, and how many.
CLASS_SKILLS: dict[str, tuple[int, tuple[str, ...]]] = {
    "Barbarian": (2, ("Athletics", "Intimidation", "Perception", "Survival", "Animal Handling", "Nature")),
    "Bard": (3, ("Performance", "Persuasion", "Deception", "Insight", "Acrobatics", "History", "Sleight of Hand",
                 "Arcana", "Perception", "Stealth", "Investigation", "Animal Handling", "Athletics", "Intimidation",
                 "Medicine", "Nature", "Religion", "Survival")),
    "Cleric": (2, ("Insight", "Medicine", "Persuasion", "History", "Religion")),
    "Druid": (2, ("Nature", "Animal Handling", "Perception", "Survival", "Medicine", "Insight", "Arcana", "Religion")),
    "Fighter": (2, ("Athletics", "Perception", "Intimidation", "Acrobatics", "Survival", "Insight", "History",
                    "Animal Handling", "Persuasion")),
    "Monk": (2, ("Acrobatics", "Insight", "Stealth", "Athletics", "History", "Religion")),
    "Paladin": (2, ("Athletics", "Persuasion", "Insight", "Intimidation", "Medicine", "Religion")),
    "Ranger": (3, ("Survival", "Perception", "Stealth", "Nature", "Animal Handling", "Athletics", "Insight",
                   "Investigation")),
    "Rogue": (4, ("Stealth", "Sleight of Hand", "Perception", "Deception", "Acrobatics", "Investigation",
                  "Insight", "Persuasion", "Athletics", "Intimidation")),
    "Sorcerer": (2, ("Arcana", "Persuasion", "Deception", "Insight", "Intimidation", "Religion")),
    "Warlock": (2, ("Arcana", "Deception", "Intimidation", "Investigation", "History", "Nature", "Religion")),
    "Wizard": (2, ("Arcana", "Investigation", "History", "Insight", "Medicine", "Nature", "Religion")),
}

#: Words that suggest a skill.
SKILL_KEYWORDS: dict[str, tuple[str, ...]] = {
    "Acrobatics": ("acrobat*", "tumbl*", "agile", "nimble", "circus", "swashbuckl*"),
    "Animal Handling": ("animal", "beast", "horse", "rider", "hound", "falcon", "wolf", "companion"),
    "Arcana": ("arcane", "magic", "rune", "spell", "ritual"),
    "Athletics": ("strong", "athlet*", "climb", "swim", "wrestl*", "brawl", "gladiator"),
    "Deception": ("lie", "liar", "con ", "con artist", "deceiv*", "charlatan", "disguise", "spy", "trick"),
    "History": ("history", "historian", "lore", "ancient", "archiv*", "scholar*"),
    "Insight": ("empath*", "insight", "read people", "judge of character", "confessor"),
    "Intimidation": ("intimidat*", "scary", "menac*", "warlord", "enforcer", "brute", "interrogat*"),
    "Investigation": ("investigat*", "detective", "inspector", "puzzle", "clue", "inquisitor"),
    "Medicine": ("heal*", "medic*", "doctor", "surgeon", "nurse", "plague"),
    "Nature": ("nature", "forest", "plant", "herb", "garden", "wild"),
    "Perception": ("watch", "lookout", "sentinel", "keen", "scout", "sharp-eyed"),
    "Performance": ("perform*", "sing*", "song", "music", "dance", "actor", "poet"),
    "Persuasion": ("diplomat", "persua*", "noble", "charming", "negotiat*", "envoy", "merchant"),
    "Religion": ("religio*", "faith", "temple", "priest", "god", "holy", "divine"),
    "Sleight of Hand": ("pickpocket", "sleight", "cutpurse", "card", "gambler"),
    "Stealth": ("stealth", "sneak*", "shadow", "silent", "assassin", "thief", "burglar", "ninja"),
    "Survival": ("track*", "hunt*", "survival", "wilderness", "trapper", "nomad"),
}

#: Subclasses in the SRD (chosen at level 3).
SUBCLASSES: dict[str, str] = {
    "Barbarian": "Path of the Berserker", "Bard": "College of Lore", "Cleric": "Life Domain",
    "Druid": "Circle of the Land", "Fighter": "Champion", "Monk": "Warrior of the Open Hand",
    "Paladin": "Oath of Devotion", "Ranger": "Hunter", "Rogue": "Thief", "Sorcerer": "Draconic Sorcery",
    "Warlock": "Fiend Patron", "Wizard": "Evoker",
}

#: Starting kits (SRD equipment names).
CLASS_EQUIPMENT: dict[str, tuple[str, ...]] = {
    "Barbarian": ("Greataxe", "Handaxe (4)", "Explorer's Pack"),
    "Bard": ("Leather Armor", "Dagger (2)", "Musical Instrument", "Entertainer's Pack"),
    "Cleric": ("Chain Shirt", "Shield", "Mace", "Holy Symbol", "Priest's Pack"),
    "Druid": ("Leather Armor", "Shield", "Sickle", "Druidic Focus (Quarterstaff)", "Explorer's Pack",
              "Herbalism Kit"),
    "Fighter": ("Chain Mail", "Greatsword", "Flail", "Javelin (8)", "Dungeoneer's Pack"),
    "Monk": ("Spear", "Dagger (5)", "Explorer's Pack"),
    "Paladin": ("Chain Mail", "Shield", "Longsword", "Javelin (6)", "Holy Symbol", "Priest's Pack"),
    "Ranger": ("Studded Leather Armor", "Scimitar", "Shortsword", "Longbow", "Arrows (20)", "Quiver",
               "Explorer's Pack"),
    "Rogue": ("Leather Armor", "Dagger (2)", "Shortsword", "Shortbow", "Arrows (20)", "Thieves' Tools",
              "Burglar's Pack"),
    "Sorcerer": ("Spear", "Dagger (2)", "Arcane Focus (crystal)", "Dungeoneer's Pack"),
    "Warlock": ("Leather Armor", "Sickle", "Dagger (2)", "Arcane Focus (orb)", "Scholar's Pack"),
    "Wizard": ("Dagger (2)", "Arcane Focus (Quarterstaff)", "Robe", "Spellbook", "Scholar's Pack"),
}
FIGHTER_DEX_EQUIPMENT = ("Studded Leather Armor", "Scimitar", "Shortsword", "Longbow", "Arrows (20)", "Quiver",
                         "Dungeoneer's Pack")

#: Level 0 and level 1 spells by class (SRD 5.2 class lists), in the order the offline provider
#: falls back on when the concept names no theme.
CLASS_CANTRIPS: dict[str, tuple[str, ...]] = {
    "Bard": ("Vicious Mockery", "Minor Illusion", "Mage Hand", "Light", "Dancing Lights", "Message",
             "Prestidigitation", "Starry Wisp", "True Strike", "Mending"),
    "Cleric": ("Sacred Flame", "Guidance", "Light", "Thaumaturgy", "Spare the Dying", "Resistance", "Mending"),
    "Druid": ("Produce Flame", "Guidance", "Druidcraft", "Shillelagh", "Elementalism", "Poison Spray",
              "Starry Wisp", "Resistance", "Message", "Mending", "Spare the Dying"),
    "Sorcerer": ("Fire Bolt", "Sorcerous Burst", "Mage Hand", "Prestidigitation", "Ray of Frost", "Shocking Grasp",
                 "Minor Illusion", "Light", "Chill Touch", "Acid Splash", "Poison Spray", "Elementalism",
                 "Dancing Lights", "Message", "Mending", "True Strike"),
    "Warlock": ("Eldritch Blast", "Minor Illusion", "Mage Hand", "Chill Touch", "Prestidigitation", "Poison Spray",
                "True Strike"),
    "Wizard": ("Fire Bolt", "Mage Hand", "Light", "Ray of Frost", "Minor Illusion", "Prestidigitation",
               "Shocking Grasp", "Chill Touch", "Acid Splash", "Poison Spray", "Elementalism", "Dancing Lights",
               "Message", "Mending", "True Strike"),
}
CLASS_LEVEL1_SPELLS: dict[str, tuple[str, ...]] = {
    "Bard": ("Healing Word", "Dissonant Whispers", "Charm Person", "Faerie Fire", "Heroism", "Sleep",
             "Hideous Laughter", "Thunderwave", "Disguise Self", "Silent Image", "Color Spray", "Command",
             "Bane", "Cure Wounds", "Detect Magic", "Identify", "Comprehend Languages", "Feather Fall",
             "Longstrider", "Speak with Animals", "Animal Friendship", "Illusory Script", "Unseen Servant"),
    "Cleric": ("Bless", "Guiding Bolt", "Healing Word", "Cure Wounds", "Shield of Faith", "Sanctuary", "Command",
               "Inflict Wounds", "Bane", "Detect Evil and Good", "Detect Magic", "Protection from Evil and Good",
               "Detect Poison and Disease", "Create or Destroy Water", "Purify Food and Drink"),
    "Druid": ("Entangle", "Healing Word", "Goodberry", "Thunderwave", "Faerie Fire", "Ice Knife", "Fog Cloud",
              "Speak with Animals", "Animal Friendship", "Cure Wounds", "Charm Person", "Longstrider", "Jump",
              "Detect Magic", "Detect Poison and Disease", "Create or Destroy Water", "Purify Food and Drink",
              "Protection from Evil and Good"),
    "Paladin": ("Divine Smite", "Bless", "Shield of Faith", "Cure Wounds", "Heroism", "Searing Smite",
                "Divine Favor", "Command", "Protection from Evil and Good", "Detect Evil and Good", "Detect Magic",
                "Detect Poison and Disease", "Purify Food and Drink"),
    "Ranger": ("Hunter’s Mark", "Ensnaring Strike", "Cure Wounds", "Goodberry", "Entangle", "Fog Cloud", "Alarm",
               "Speak with Animals", "Animal Friendship", "Longstrider", "Jump", "Detect Magic",
               "Detect Poison and Disease"),
    "Sorcerer": ("Magic Missile", "Shield", "Burning Hands", "Chromatic Orb", "Thunderwave", "Sleep",
                 "Charm Person", "Ice Knife", "Mage Armor", "Disguise Self", "Color Spray", "False Life",
                 "Ray of Sickness", "Fog Cloud", "Grease", "Expeditious Retreat", "Feather Fall", "Jump",
                 "Silent Image", "Comprehend Languages", "Detect Magic"),
    "Warlock": ("Hex", "Hellish Rebuke", "Charm Person", "Protection from Evil and Good", "Expeditious Retreat",
                "Bane", "Hideous Laughter", "Comprehend Languages", "Illusory Script", "Unseen Servant",
                "Speak with Animals", "Detect Magic"),
    "Wizard": ("Magic Missile", "Shield", "Mage Armor", "Find Familiar", "Detect Magic", "Sleep", "Burning Hands",
               "Thunderwave", "Ice Knife", "Grease", "Chromatic Orb", "Identify", "Charm Person", "Disguise Self",
               "Silent Image", "Color Spray", "False Life", "Ray of Sickness", "Fog Cloud", "Alarm",
               "Comprehend Languages", "Expeditious Retreat", "Feather Fall", "Floating Disk",
               "Hideous Laughter", "Illusory Script", "Jump", "Longstrider", "Protection from Evil and Good",
               "Unseen Servant"),
}
#: How many cantrips and level 1 spells a new character of each class takes (roughly the class tables).
CLASS_SPELL_COUNTS: dict[str, tuple[int, int]] = {
    "Bard": (2, 4), "Cleric": (3, 4), "Druid": (2, 4), "Paladin": (0, 2), "Ranger": (0, 2),
    "Sorcerer": (4, 2), "Warlock": (2, 2), "Wizard": (3, 4),
}


# --- species --------------------------------------------------------------------------------------
SPECIES_KEYWORDS: dict[str, tuple[str, ...]] = {
    "Dragonborn": ("dragonborn", "dragon-born", "fire-breathing", "breath weapon", "scaled", "scales", "draconic",
                   "dragon"),
    "Dwarf": ("dwarf", "dwarven", "dwarvish", "mountain", "beard", "miner", "mine", "forge", "stonecutter"),
    "Elf": ("elf", "elven", "elvish", "drow", "wood elf", "high elf", "fey", "ageless"),
    "Gnome": ("gnome", "gnomish", "tinker*", "inventor", "clockwork", "gadget", "tinkerer"),
    "Goliath": ("goliath", "giant", "towering", "huge", "enormous", "peak", "hill"),
    "Halfling": ("halfling", "hobbit", "small", "little", "tiny", "short", "homely"),
    "Human": ("human", "farmer", "villager", "peasant", "townsfolk", "ordinary"),
    "Orc": ("orc", "orcish", "half-orc", "tusk", "tusked"),
    "Tiefling": ("tiefling", "infernal", "horned", "horns", "tail", "hellborn", "fiendish heritage"),
}
#: Species that suit each class, for concepts that name no species.
CLASS_SPECIES: dict[str, tuple[str, ...]] = {
    "Barbarian": ("Goliath", "Orc", "Human", "Dwarf"),
    "Bard": ("Halfling", "Tiefling", "Elf", "Human"),
    "Cleric": ("Dwarf", "Human", "Dragonborn", "Halfling"),
    "Druid": ("Elf", "Gnome", "Halfling", "Human"),
    "Fighter": ("Human", "Dwarf", "Orc", "Dragonborn"),
    "Monk": ("Human", "Elf", "Halfling", "Goliath"),
    "Paladin": ("Dragonborn", "Human", "Dwarf", "Goliath"),
    "Ranger": ("Elf", "Human", "Halfling", "Orc"),
    "Rogue": ("Halfling", "Elf", "Tiefling", "Human"),
    "Sorcerer": ("Dragonborn", "Tiefling", "Elf", "Human"),
    "Warlock": ("Tiefling", "Human", "Elf", "Gnome"),
    "Wizard": ("Gnome", "Elf", "Human", "Tiefling"),
}
SPECIES_LOOKS: dict[str, str] = {
    "Dragonborn": "scales the colour of old copper and a voice that rumbles like a banked fire",
    "Dwarf": "a braided beard, broad hands and a stare as steady as bedrock",
    "Elf": "a patient, ageless face and eyes that seem to remember centuries",
    "Gnome": "quick fingers, ink-stained cuffs and a grin that arrives before any idea",
    "Goliath": "a towering frame marked with the stony patterns of giant kin",
    "Halfling": "bare, calloused feet, a warm laugh and pockets full of useful oddments",
    "Human": "the restless energy of a short life spent trying to matter",
    "Orc": "grey-green skin, proud tusks and the endurance of a people who never yield",
    "Tiefling": "curling horns, a lashing tail and eyes that glow faintly in the dark",
}

#: Syllables for names, by species (ours).
NAME_PARTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "Dragonborn": (("Ar", "Bal", "Dra", "Kri", "Med", "Nal", "Rho", "Tor", "Vyr", "Zar"),
                   ("ash", "gar", "jhan", "mir", "nax", "rash", "thar", "vek", "zith", "dor")),
    "Dwarf": (("Bar", "Dag", "Eld", "Gim", "Har", "Kil", "Mor", "Rur", "Thor", "Vond"),
              ("ak", "dis", "grim", "hild", "in", "mund", "rik", "tra", "unn", "vi")),
    "Elf": (("Ae", "Cael", "El", "Fae", "Ily", "Lae", "Mir", "Syl", "Tha", "Va"),
            ("dris", "lanor", "lith", "nael", "riel", "thas", "vanna", "wyn", "ndra", "sari")),
    "Gnome": (("Bim", "Dim", "Fen", "Gib", "Nib", "Orr", "Pip", "Quil", "Tink", "Zook"),
              ("ble", "dle", "fizz", "gin", "kin", "nock", "pen", "sprocket", "wick", "wizzle")),
    "Goliath": (("Aug", "Eg", "Gae", "Kav", "Lo", "Mau", "Pa", "Tha", "Vaun", "Kor"),
                ("al", "ath", "gan", "ik", "kha", "laga", "nak", "thi", "ul", "vo")),
    "Halfling": (("Ab", "Cor", "Eld", "Gar", "Lin", "Mer", "Per", "Ros", "Sera", "Wel"),
                 ("by", "ric", "don", "ett", "lo", "ny", "rin", "sy", "wick", "bo")),
    "Human": (("Ad", "Bren", "Cas", "Dar", "El", "Gar", "Is", "Jor", "Mar", "Ros"),
              ("a", "en", "ia", "ic", "ina", "on", "ric", "sa", "wyn", "vin")),
    "Orc": (("Dench", "Feng", "Gell", "Hen", "Holg", "Imsh", "Kev", "Mhur", "Ront", "Thok"),
            ("a", "ag", "ash", "ga", "gar", "ka", "mar", "ra", "uk", "ush")),
    "Tiefling": (("Ak", "Cri", "Dam", "Ek", "Kal", "Mor", "Nem", "Ori", "Ska", "Zar"),
                 ("aius", "enta", "ia", "ion", "meia", "os", "thos", "vel", "xis", "yra")),
}
#: Virtue names some tieflings choose (ours).
VIRTUE_NAMES = ("Ember", "Hope", "Quiet", "Reverie", "Sorrow", "Wander", "Vigil", "Cinder")


# --- backgrounds ----------------------------------------------------------------------------------
BACKGROUND_KEYWORDS: dict[str, tuple[str, ...]] = {
    "Acolyte": ("temple", "priest", "monastery", "faith", "acolyte", "nun", "shrine", "pilgrim", "cleric"),
    "Criminal": ("thief", "smuggler", "street", "gang", "outlaw", "criminal", "pickpocket", "con artist", "heist",
                 "burglar", "fence", "pirate", "assassin", "urchin"),
    "Sage": ("scholar*", "library", "librarian", "study", "academy", "sage", "professor", "archivist", "research*",
             "book", "astronomer", "alchemist", "apprentice"),
    "Soldier": ("soldier*", "army", "war", "veteran*", "mercenary", "guard", "legion", "battle", "captain",
                "sellsword", "militia", "knight"),
}
CLASS_BACKGROUNDS: dict[str, str] = {
    "Barbarian": "Soldier", "Bard": "Criminal", "Cleric": "Acolyte", "Druid": "Sage", "Fighter": "Soldier",
    "Monk": "Acolyte", "Paladin": "Acolyte", "Ranger": "Soldier", "Rogue": "Criminal", "Sorcerer": "Sage",
    "Warlock": "Criminal", "Wizard": "Sage",
}
BACKGROUND_SKILLS: dict[str, tuple[str, str]] = {
    "Acolyte": ("Insight", "Religion"), "Criminal": ("Sleight of Hand", "Stealth"),
    "Sage": ("Arcana", "History"), "Soldier": ("Athletics", "Intimidation"),
}
BACKGROUND_FEATS: dict[str, str] = {
    "Acolyte": "Magic Initiate", "Criminal": "Alert", "Sage": "Magic Initiate", "Soldier": "Savage Attacker",
}
BACKGROUND_PAST: dict[str, str] = {
    "Acolyte": "grew up sweeping temple floors and learning the rites by heart",
    "Criminal": "learned early that locks, lies and quick feet put bread on the table",
    "Sage": "spent long years among books, chasing answers nobody else thought to ask for",
    "Soldier": "marched, drilled and bled under a banner for years",
}


# --- themes ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Theme:
    """A motif a concept can carry: how it reads, which spells echo it, a keepsake that shows it."""

    name: str
    words: tuple[str, ...]
    cantrips: tuple[str, ...]
    spells: tuple[str, ...]
    imagery: str
    keepsake: str
    epithet: str


THEMES: tuple[Theme, ...] = (
    Theme("fire", ("fire", "fiery", "flame", "flaming", "pyro*", "burn", "ember", "ash", "inferno", "phoenix",
                   "blaze", "smoke"),
          ("Fire Bolt", "Produce Flame", "Elementalism"), ("Burning Hands", "Hellish Rebuke", "Searing Smite",
                                                             "Chromatic Orb"),
          "smells faintly of woodsmoke, and sparks seem to follow every gesture", "a soot-blackened flint striker",
          "Emberhand"),
    Theme("frost", ("ice", "frost", "cold", "winter", "snow", "glacier", "frozen", "north", "tundra"),
          ("Ray of Frost", "Elementalism"), ("Ice Knife", "Fog Cloud", "Chromatic Orb"),
          "leaves a breath of winter in every room and rime on every blade", "a shard of never-melting ice on a cord",
          "Frostborn"),
    Theme("storm", ("storm", "lightning", "thunder", "tempest", "sky", "wind", "gale", "hurricane"),
          ("Shocking Grasp", "Elementalism"), ("Thunderwave", "Fog Cloud", "Chromatic Orb"),
          "carries the charged stillness that comes before a thunderclap", "a glass bead that holds a tiny spark",
          "Stormcaller"),
    Theme("shadow", ("shadow", "dark", "night", "shade", "dusk", "unseen", "silent", "whisper"),
          ("Minor Illusion", "Chill Touch"), ("Disguise Self", "Silent Image", "Fog Cloud", "Hex"),
          "seems to stand half a step inside the nearest shadow", "a black silk mask", "Nightveil"),
    Theme("death", ("death", "dead", "buried", "haunt*", "necro*", "undead", "grave", "bone", "ghost", "corpse",
                    "reaper", "gravedigger", "vampire*",
                    "funeral", "tomb"),
          ("Chill Touch", "Spare the Dying"), ("False Life", "Inflict Wounds", "Ray of Sickness", "Hex"),
          "speaks of the dead as old friends and keeps the living at arm's length", "a finger bone carved with names",
          "Gravesworn"),
    Theme("nature", ("nature", "forest", "tree", "plant", "vine", "flower", "garden", "herb", "grove", "moss", "fey",
                     "mushroom", "fungus"),
          ("Druidcraft", "Shillelagh", "Guidance"), ("Entangle", "Goodberry", "Speak with Animals"),
          "always has a seed pod or a leaf tangled somewhere in their hair", "a pouch of seeds from a burned grove",
          "Greenwarden"),
    Theme("beast", ("beast", "wolf", "bear", "animal", "hawk", "falcon", "hound", "cat", "horse", "raven", "owl",
                    "rat"),
          ("Druidcraft", "Guidance"), ("Hunter’s Mark", "Animal Friendship", "Speak with Animals", "Find Familiar"),
          "moves with the alert, listening stillness of a hunting animal", "a necklace of shed claws and feathers",
          "Wolfsister"),
    Theme("holy", ("holy", "sun", "light", "divine", "god", "angel*", "radiant", "dawn", "saint", "blessed"),
          ("Sacred Flame", "Light", "Guidance"), ("Bless", "Guiding Bolt", "Shield of Faith", "Divine Favor"),
          "seems a little brighter than the room around them, as if lit from within",
          "a sun disc worn smooth by prayer",
          "Dawnbringer"),
    Theme("healing", ("heal*", "medic*", "doctor", "nurse", "mercy", "plague", "surgeon", "cure", "physician"),
          ("Spare the Dying", "Guidance"), ("Cure Wounds", "Healing Word", "Detect Poison and Disease"),
          "counts everyone's breaths without meaning to", "a roll of clean bandages and a bone needle",
          "Mercyhand"),
    Theme("sea", ("sea", "ocean", "pirate", "sailor", "ship", "tide", "wave", "harbor", "harbour", "captain"),
          ("Shocking Grasp", "Elementalism"), ("Create or Destroy Water", "Fog Cloud", "Feather Fall"),
          "walks with a sailor's roll and smells of salt and tar", "a brass compass that points home",
          "Saltblood"),
    Theme("poison", ("poison", "venom", "toxin", "rot", "alchemist", "potion", "apothecary"),
          ("Poison Spray",), ("Ray of Sickness", "Detect Poison and Disease"),
          "handles every cup and blade as if it might bite", "a ring with a hollow bezel", "Nightshade"),
    Theme("trickery", ("trick", "illusion*", "con", "liar", "charlatan", "disguise", "mask", "jester", "gambler",
                       "prank*", "fool"),
          ("Minor Illusion", "Vicious Mockery", "Mage Hand"), ("Disguise Self", "Charm Person", "Silent Image",
                                                               "Color Spray"),
          "never tells the same story twice, and every version is delightful", "a marked deck of cards",
          "Silvertongue"),
    Theme("music", ("music", "song", "sing*", "lute", "drum", "dance", "poet", "choir", "melody", "ballad"),
          ("Vicious Mockery", "Dancing Lights"), ("Dissonant Whispers", "Hideous Laughter", "Heroism",
                                                  "Healing Word"),
          "hums under their breath in every silence", "a lute with a cracked, lovingly mended neck", "Songweaver"),
    Theme("knowledge", ("scholar*", "book", "library", "lore", "study", "sage", "archiv*", "historian", "professor",
                        "curious", "research*"),
          ("Message", "Mage Hand", "Light"), ("Identify", "Comprehend Languages", "Detect Magic", "Find Familiar"),
          "carries three notebooks and has filled all of them", "a battered, annotated primer", "the Learned"),
    Theme("stars", ("star", "astronom*", "celestial", "cosmic", "constellation", "comet", "moon"),
          ("Starry Wisp", "Dancing Lights"), ("Faerie Fire", "Guiding Bolt", "Magic Missile"),
          "navigates by the sky even underground, or claims to", "a brass astrolabe with a dented ring",
          "Starseeker"),
    Theme("fiend", ("devil", "demon", "fiend", "infernal", "hell", "pact", "soul", "abyss", "brimstone"),
          ("Eldritch Blast", "Minor Illusion"), ("Hellish Rebuke", "Hex", "Charm Person"),
          "signs every agreement with a flourish and reads every clause twice", "a contract that will not burn",
          "Brimstone"),
    Theme("clockwork", ("clockwork", "gear", "tinker*", "invent*", "machine", "engineer", "gadget", "mechanic"),
          ("Mending", "Mage Hand", "Prestidigitation"), ("Grease", "Unseen Servant", "Floating Disk"),
          "takes apart anything that ticks and usually puts it back together", "a pocket watch that runs backwards",
          "Cogwright"),
    Theme("war", ("war", "soldier*", "battle", "veteran*", "general", "mercenary", "legion", "siege", "army"),
          (), ("Heroism", "Command", "Shield"),
          "sits with their back to the wall and their weapon in reach", "a dented campaign medal", "Ironside"),
)

#: A concept that names no theme still gets one from its class.
CLASS_THEMES: dict[str, str] = {
    "Barbarian": "war", "Bard": "music", "Cleric": "holy", "Druid": "nature", "Fighter": "war", "Monk": "holy",
    "Paladin": "holy", "Ranger": "beast", "Rogue": "shadow", "Sorcerer": "storm", "Warlock": "fiend",
    "Wizard": "knowledge",
}

# --- personality ----------------------------------------------------------------------------------
TRAITS: dict[str, tuple[str, ...]] = {
    "Barbarian": ("Laughs loudest right before a fight.", "Trusts actions and ignores speeches.",
                  "Shares food with anyone who looks hungry."),
    "Bard": ("Collects gossip the way others collect coins.", "Cannot resist an audience.",
             "Finds a rhyme for every insult."),
    "Cleric": ("Offers a blessing before every meal, even in a dungeon.", "Listens more than preaches.",
               "Keeps vigil for fallen enemies too."),
    "Druid": ("Talks to animals and expects answers.", "Distrusts cities and their straight lines.",
              "Measures time in seasons, not days."),
    "Fighter": ("Checks every exit on entering a room.", "Keeps gear cleaner than anyone else in camp.",
                "Respects a good opponent more than a bad ally."),
    "Monk": ("Speaks rarely and chooses words carefully.", "Rises before dawn for practice, always.",
             "Finds calm in repetitive chores."),
    "Paladin": ("Cannot walk past injustice.", "Believes the best of people until proven wrong.",
                "Keeps every promise, even foolish ones."),
    "Ranger": ("Prefers sleeping under the sky.", "Notices tracks nobody else sees.",
               "Gives directions in landmarks rather than names."),
    "Rogue": ("Always sits facing the door.", "Pockets small things without thinking.",
              "Has three names and answers to all of them."),
    "Sorcerer": ("Feels their power stir with every strong emotion.", "Hates being told what they are.",
                 "Is secretly afraid of what they might become."),
    "Warlock": ("Hears a whisper others do not.", "Bargains for everything, out of habit.",
                "Keeps the terms of the pact to themselves."),
    "Wizard": ("Corrects everyone's pronunciation of spells.", "Takes notes during conversations.",
               "Would trade a meal for a rare book."),
}
IDEALS = ("Freedom: chains are meant to be broken.", "Knowledge: the truth is worth any price.",
          "Loyalty: I stand by those who stand by me.", "Redemption: everyone deserves a second chance.",
          "Power: only the strong decide what happens next.", "Charity: what I have is meant to be shared.",
          "Tradition: the old ways hold the world together.", "Change: nothing should stay as it is forever.")
BONDS = ("I owe my life to a stranger who never told me their name.",
         "A sibling is missing, and every road might lead to them.",
         "My mentor's unfinished work is now mine to complete.",
         "I protect the village that took me in when no one else would.",
         "Someone I trusted betrayed me, and I will learn why.",
         "I carry a relic that must be returned to where it belongs.")
FLAWS = ("I cannot resist a dare.", "I hold a grudge long after others have forgotten it.",
         "I trust too quickly and regret it later.", "I hide my fear behind jokes that go too far.",
         "I would rather be right than kind.", "Secrets weigh on me until I blurt them out.")
MANNERISMS = ("taps two fingers on the table while thinking", "hums old marching songs",
              "answers questions with questions", "never sits with their back to a window",
              "rubs a lucky charm before every risk", "speaks of themself in the third person when angry",
              "laughs a heartbeat too late", "keeps perfect time with their footsteps")

# --- adventure material ---------------------------------------------------------------------------
PLACES = ("the drowned monastery of Saint Ilvar", "the salt market of Varrow", "the Greyspire ruins",
          "the hollow hill called the Old Door", "the bridge-city of Kessen", "the Ashwood, where nothing grows back",
          "the lighthouse at Cold Harbour", "the sunken library of Oth", "the border fort Marrowgate",
          "the glass dunes of Ysh", "the lantern-lit canals of Lowmere", "the giant's stair above Thornvale")
NPC_HOMES = ("Varrow", "Kessen", "Lowmere", "Thornvale", "Marrowgate", "Cold Harbour", "Oth", "Ysh", "Greyspire")
FACTIONS = ("the Lantern Guild", "the Ninefold Court", "the Order of the Pale Hand", "the Ashen Circle",
            "the Silver Compact", "the Hollow Crown", "the Tidewardens", "the Brass Conclave")
STAKES = ("a town will starve before winter", "an innocent will hang at dawn", "an ancient seal will break",
          "a war between neighbours will begin", "a friend's soul stays bound forever",
          "a secret that could topple a throne comes out", "the river turns to poison")
COMPLICATIONS = ("the person asking for help is lying about why", "a rival party wants the same prize",
                 "the villain is beloved by the locals", "the map is a forgery", "time moves strangely there",
                 "the only guide is wanted by the law", "success will anger a powerful patron")
HOOKS = ("Recover a stolen reliquary", "Escort a witness no one believes",
         "Investigate the disappearance of the ferryman", "Defend a caravan of lamp oil",
         "Expose a noble's double life", "Rescue the last heir of a fallen house", "Steal back a map inked on skin",
         "Break a curse on the wells")
INCIDENTS = ("three travellers vanished on the same night", "a bell rings at midnight though the tower is empty",
             "the local lord has stopped receiving visitors", "fishermen hauled up a sealed iron box",
             "a child draws maps of places she has never seen", "the harvest rotted overnight",
             "a stranger pays in coins minted a century ago", "the well water tastes of salt and ash")

NPC_ROLES: dict[str, tuple[str, ...]] = {
    "Guard": ("guard", "watch", "sentry", "gatekeeper", "jailer"),
    "Guard Captain": ("guard captain", "captain of the guard", "commander", "sheriff", "marshal"),
    "Bandit": ("bandit", "highwayman", "brigand", "raider"),
    "Bandit Captain": ("bandit captain", "bandit leader", "outlaw chief", "robber baron"),
    "Commoner": ("farmer", "innkeeper", "merchant", "baker", "villager", "shopkeeper", "barkeep", "peasant"),
    "Cultist": ("cultist", "zealot", "doomsayer"),
    "Cultist Fanatic": ("cult leader", "high priest of", "fanatic"),
    "Knight": ("knight", "paladin", "champion"),
    "Mage": ("mage", "wizard", "sorcerer", "enchantress", "witch"),
    "Archmage": ("archmage", "court wizard", "master of magic"),
    "Noble": ("noble", "lord", "lady", "duke", "baron", "count", "aristocrat", "prince", "princess"),
    "Priest": ("priest", "priestess", "bishop", "abbot", "cleric"),
    "Priest Acolyte": ("acolyte", "novice", "monk", "temple servant"),
    "Spy": ("spy", "informant", "agent", "double agent", "fence", "smuggler"),
    "Assassin": ("assassin", "killer", "poisoner", "hired blade"),
    "Scout": ("scout", "ranger", "hunter", "tracker", "guide"),
    "Pirate": ("pirate", "sailor", "corsair", "deckhand"),
    "Pirate Captain": ("pirate captain", "ship captain", "admiral"),
    "Gladiator": ("gladiator", "pit fighter", "champion of the arena"),
    "Berserker": ("berserker", "raider chief", "warlord"),
    "Tough": ("thug", "bruiser", "bouncer", "enforcer", "tough"),
    "Warrior Veteran": ("veteran*", "old soldier", "sellsword", "mercenary"),
    "Druid": ("druid", "hermit", "herbalist", "wise woman", "wise man"),
}
VOICES = ("slow and gravelly, every word weighed", "bright and quick, tripping over itself",
          "a whisper that makes people lean in", "booming, used to being obeyed", "sing-song, with odd pauses",
          "dry and precise, like reading a ledger")
MOTIVATIONS = ("to pay off a debt before the collectors come", "to be remembered after death",
               "to protect a child no one knows about", "to win back a lost family name",
               "to see a rival ruined", "to escape a bargain made long ago", "to find out who they really are")
SECRETS = ("works for the very people they claim to hate", "is not who their papers say",
           "buried something under the old mill", "saw the murder and said nothing",
           "has been dead for a year, and does not know it", "is paying a blackmailer every moon")

ITEM_CATEGORIES: dict[str, tuple[str, ...]] = {
    "weapon": ("longsword", "shortsword", "greatsword", "rapier", "scimitar", "greataxe", "handaxe", "longbow",
               "shortbow", "crossbow", "warhammer", "sword", "blade", "axe", "bow", "dagger", "spear", "hammer", "mace",
               "weapon", "knife", "whip"),
    "armor": ("armor", "armour", "shield", "helm", "mail", "breastplate", "gauntlet"),
    "potion": ("potion", "elixir", "draught", "tonic", "brew"),
    "ring": ("ring", "band", "signet"),
    "rod": ("rod", "sceptre", "scepter"),
    "scroll": ("scroll", "parchment"),
    "staff": ("staff", "stave"),
    "wand": ("wand",),
    "wondrous item": ("cloak", "boots", "amulet", "necklace", "lantern", "mask", "bag", "book", "mirror", "bell"),
}
ITEM_BASES: dict[str, str] = {
    "longsword": "Longsword", "shortsword": "Shortsword", "greatsword": "Greatsword", "rapier": "Rapier",
    "scimitar": "Scimitar", "greataxe": "Greataxe", "handaxe": "Handaxe", "longbow": "Longbow",
    "shortbow": "Shortbow", "crossbow": "Light Crossbow", "warhammer": "Warhammer",
    "sword": "Longsword", "blade": "Shortsword", "axe": "Battleaxe", "bow": "Longbow", "dagger": "Dagger",
    "spear": "Spear", "hammer": "Warhammer", "mace": "Mace", "knife": "Dagger", "whip": "Whip",
    "shield": "Shield", "mail": "Chain Mail", "breastplate": "Breastplate",
}
RARITY_BONUS: dict[str, str] = {
    "common": "a minor, flavourful effect", "uncommon": "+1", "rare": "+2", "very rare": "+3",
    "legendary": "+3", "artifact": "+3",
}

SPELL_SCHOOLS_BY_THEME: dict[str, str] = {
    "fire": "Evocation", "frost": "Evocation", "storm": "Evocation", "shadow": "Illusion", "death": "Necromancy",
    "nature": "Transmutation", "beast": "Enchantment", "holy": "Abjuration", "healing": "Abjuration",
    "sea": "Conjuration", "poison": "Necromancy", "trickery": "Illusion", "music": "Enchantment",
    "knowledge": "Divination", "stars": "Divination", "fiend": "Conjuration", "clockwork": "Transmutation",
    "war": "Abjuration",
}
DAMAGE_BY_THEME: dict[str, str] = {
    "fire": "Fire", "frost": "Cold", "storm": "Lightning", "shadow": "Psychic", "death": "Necrotic",
    "nature": "Poison", "beast": "Piercing", "holy": "Radiant", "healing": "Radiant", "sea": "Cold",
    "poison": "Poison", "trickery": "Psychic", "music": "Thunder", "knowledge": "Force", "stars": "Radiant",
    "fiend": "Fire", "clockwork": "Force", "war": "Force",
}

#: Adjectives, nouns and story beats per theme (ours), for names of items, spells, feats and tales.
THEME_ADJECTIVES: dict[str, str] = {
    "fire": "Searing", "frost": "Rimebound", "storm": "Crackling", "shadow": "Umbral", "death": "Gravecold",
    "nature": "Thornwoven", "beast": "Feral", "holy": "Radiant", "healing": "Mending", "sea": "Tidal",
    "poison": "Venomous", "trickery": "Beguiling", "music": "Resonant", "knowledge": "Revealing",
    "stars": "Starlit", "fiend": "Hellbound", "clockwork": "Geared", "war": "Rallying",
}
THEME_NOUNS: dict[str, str] = {
    "fire": "Embers", "frost": "Rime", "storm": "Thunder", "shadow": "Dusk", "death": "the Grave",
    "nature": "Thorns", "beast": "the Pack", "holy": "Dawn", "healing": "Mercy", "sea": "the Tide",
    "poison": "Nightshade", "trickery": "Whispers", "music": "Echoes", "knowledge": "Secrets", "stars": "Stars",
    "fiend": "Brimstone", "clockwork": "Gears", "war": "the Vanguard",
}
THEME_EVENTS: dict[str, str] = {
    "fire": "a fire swept through the quarter and left them standing unburned in the ashes",
    "frost": "the worst winter in living memory froze the river and something woke beneath the ice",
    "storm": "lightning struck the old bell tower while they sheltered beneath it",
    "shadow": "a stranger in a grey cloak paid them to forget a face, and they could not",
    "death": "they sat with a dying stranger who whispered a name no one should know",
    "nature": "the ancient oak at the crossroads was felled and the forest began to fight back",
    "beast": "a wounded wolf followed them home and refused to leave",
    "holy": "a dawn vision showed them a ruined shrine waiting to be rebuilt",
    "healing": "a plague reached the valley and only a handful of healers stayed",
    "sea": "their ship went down in a storm that came from a cloudless sky",
    "poison": "a feast ended with three nobles dead and the blame pinned on them",
    "trickery": "a con went perfectly right and made them an enemy for life",
    "music": "they played one song at a funeral and the whole hall wept, including the ghost",
    "knowledge": "they found a book that was missing from every catalogue in the world",
    "stars": "a new star appeared in the sky and began, very slowly, to move",
    "fiend": "a smiling envoy offered exactly what they wanted at a price they did not read",
    "clockwork": "their masterwork machine walked out of the workshop on its own",
    "war": "their company was betrayed on the field and they were the only one to walk away",
}
SPELL_FORMS: dict[str, str] = {
    "fire": "Lance", "frost": "Shard", "storm": "Chain", "shadow": "Veil", "death": "Grasp", "nature": "Snare",
    "beast": "Howl", "holy": "Ward", "healing": "Touch", "sea": "Surge", "poison": "Miasma", "trickery": "Mirage",
    "music": "Chorus", "knowledge": "Insight", "stars": "Nova", "fiend": "Brand", "clockwork": "Engine",
    "war": "Banner",
}
FEAT_NOUNS = ("Adept", "Disciple", "Vanguard", "Savant", "Warden", "Initiate")
SAVES_BY_THEME: dict[str, str] = {
    "fire": "Dexterity", "frost": "Constitution", "storm": "Dexterity", "shadow": "Wisdom", "death": "Constitution",
    "nature": "Strength", "beast": "Wisdom", "holy": "Charisma", "healing": "Constitution", "sea": "Strength",
    "poison": "Constitution", "trickery": "Wisdom", "music": "Wisdom", "knowledge": "Intelligence",
    "stars": "Dexterity", "fiend": "Charisma", "clockwork": "Dexterity", "war": "Wisdom",
}
THEME_CLASSES: dict[str, str] = {
    "fire": "Sorcerer", "frost": "Wizard", "storm": "Sorcerer", "shadow": "Rogue", "death": "Wizard",
    "nature": "Druid", "beast": "Ranger", "holy": "Cleric", "healing": "Cleric", "sea": "Fighter", "poison": "Rogue",
    "trickery": "Bard", "music": "Bard", "knowledge": "Wizard", "stars": "Wizard", "fiend": "Warlock",
    "clockwork": "Wizard", "war": "Fighter",
}
CREATURE_TYPES_BY_THEME: dict[str, str] = {
    "fire": "Elemental", "frost": "Elemental", "storm": "Elemental", "sea": "Elemental", "holy": "Celestial",
    "healing": "Celestial", "stars": "Celestial", "fiend": "Fiend", "nature": "Fey", "beast": "Fey",
    "trickery": "Fey", "music": "Fey", "clockwork": "Construct", "poison": "Monstrosity",
}
ALIAS_TITLES = ("the Benefactor", "Brother Ansel", "the Grey Notary", "Madame Orchid", "the Ferryman",
                "Captain Vell", "the Lamplighter", "Old Mother Rook")
COUNTERPART_TWISTS = ("knows every one of the hero's old promises", "was trained by the same mentor",
                      "wears the hero's face when it suits them", "wants the same thing for the opposite reason",
                      "saved the hero's life once and expects payment", "believes they are the real hero")
