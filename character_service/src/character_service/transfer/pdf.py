"""A printable one-page character sheet (A4/letter-friendly) drawn with fpdf2."""

from __future__ import annotations

from typing import Any

from fpdf import FPDF

from character_service.rules.sheet import Sheet

INK = (34, 30, 28)
ACCENT = (122, 28, 28)
PAPER = (250, 246, 236)
MUTED = (110, 100, 90)


def _signed(value: int) -> str:
    return f"+{value}" if value >= 0 else str(value)


def _latin1(text: str) -> str:
    """Core PDF fonts are Latin-1; replace what they cannot draw rather than failing."""
    return text.replace("\u2019", "'").replace("\u2014", "-").encode("latin-1", "replace").decode("latin-1")


class SheetPdf(FPDF):
    def box(self, x: float, y: float, w: float, h: float, title: str) -> None:
        self.set_draw_color(*INK)
        self.set_line_width(0.4)
        self.rect(x, y, w, h)
        self.set_fill_color(*ACCENT)
        self.rect(x, y, w, 5, style="F")
        self.set_text_color(255, 255, 255)
        self.set_font("Helvetica", "B", 7.5)
        self.set_xy(x + 1.5, y + 0.6)
        self.cell(w - 3, 4, _latin1(title.upper()))
        self.set_text_color(*INK)

    def text_at(self, x: float, y: float, text: str, size: float = 8, style: str = "", w: float = 0,
                align: str = "L") -> None:
        self.set_font("Helvetica", style, size)
        self.set_xy(x, y)
        self.cell(w, size * 0.45, _latin1(text), align=align)


def render_pdf(build: dict[str, Any], sheet: Sheet) -> bytes:
    """The sheet as PDF bytes."""
    pdf = SheetPdf(orientation="P", unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_fill_color(*PAPER)
    pdf.rect(0, 0, 210, 297, style="F")

    # Header
    classes = " / ".join(
        f"{c['id'].title()} {c['level']}" + (f" ({str(c['subclass']).replace('_', ' ').title()})" if c.get("subclass")
                                             else "")
        for c in build.get("classes", [])
    )
    species = build.get("species", {})
    species_name = str(species.get("id", "")).replace("_", " ").title()
    if species.get("lineage"):
        species_name += f" ({str(species['lineage']).replace('_', ' ').title()})"
    pdf.text_at(10, 9, build.get("name") or "Unnamed", 20, "B")
    pdf.set_text_color(*MUTED)
    pdf.text_at(10, 19, f"Level {sheet['level']}  |  {classes}  |  {species_name}  |  "
                f"{str(build.get('background', {}).get('id', '')).title()}  |  {build.get('alignment', '')}", 9)
    pdf.text_at(150, 10, "D&D 2024 (SRD 5.2)", 8, "I", w=50, align="R")
    pdf.set_text_color(*INK)
    pdf.set_draw_color(*ACCENT)
    pdf.set_line_width(0.8)
    pdf.line(10, 25, 200, 25)

    # Abilities column
    y: float = 29
    for name, block in sheet["abilities"].items():
        pdf.box(10, y, 28, 27, name[:3])
        pdf.text_at(10, y + 8, _signed(block["modifier"]), 18, "B", w=28, align="C")
        pdf.text_at(10, y + 17, str(block["score"]), 10, w=28, align="C")
        mark = "*" if block["save_proficient"] else ""
        pdf.text_at(10, y + 22, f"save {_signed(block['save'])}{mark}", 7, w=28, align="C")
        y += 29

    # Core numbers row
    cores = [("Armor Class", str(sheet["armor_class"]["value"])), ("Initiative", _signed(sheet["initiative"])),
             ("Speed", f"{sheet['speed'].get('walk', 0)} ft"), ("Prof. Bonus", _signed(sheet["proficiency_bonus"])),
             ("Hit Points", f"{sheet['hit_points']['current']}/{sheet['hit_points']['max']}")]
    x: float = 42
    for title, value in cores:
        pdf.box(x, 29, 30, 18, title)
        pdf.text_at(x, 36, value, 13, "B", w=30, align="C")
        x += 32
    hit_dice = ", ".join(f"{v['remaining']}/{v['max']}{k}" for k, v in sheet["hit_dice"].items())
    pdf.text_at(42, 49, f"AC: {sheet['armor_class'].get('formula', '')}   Hit dice: {hit_dice}   "
                f"Passive Perception {sheet['passives']['perception']}", 7)

    # Skills
    pdf.box(42, 54, 56, 104, "Skills")
    sy: float = 61
    for skill, info in sheet["skills"].items():
        marker = {"none": "o", "half": "1/2", "proficient": "*", "expertise": "**"}[info["proficiency"]]
        pdf.text_at(44, sy, f"{marker:<3} {skill.replace('_', ' ').title()}", 7.5)
        pdf.text_at(84, sy, _signed(info["modifier"]), 7.5, "B", w=12, align="R")
        sy += 5.3

    # Attacks
    pdf.box(100, 54, 100, 50, "Attacks")
    ay: float = 61
    for attack in sheet["attacks"][:8]:
        pdf.text_at(102, ay, attack["name"], 7.5, "B")
        bonus = attack["attack_bonus"]
        pdf.text_at(140, ay, _signed(bonus) if bonus is not None else "save", 7.5)
        pdf.text_at(152, ay, f"{attack['damage']} {attack['damage_type']}", 7.5)
        if attack.get("mastery"):
            pdf.text_at(182, ay, str(attack["mastery"]).title(), 6.5)
        ay += 5

    # Spellcasting and resources
    pdf.box(100, 106, 100, 52, "Spellcasting & Resources")
    ry: float = 113
    for class_id, casting in sheet["spellcasting"].items():
        pdf.text_at(102, ry, f"{class_id.title()}: DC {casting['save_dc']}, attack {_signed(casting['attack_bonus'])}, "
                    f"prepared {casting['prepared_count']}/{casting['prepared_max']}", 7.5)
        ry += 5
    slots = "  ".join(f"L{level}: {s['remaining']}/{s['max']}" for level, s in sheet["spell_slots"].items())
    if slots:
        pdf.text_at(102, ry, f"Slots  {slots}", 7.5)
        ry += 5
    for resource in sheet["resources"][:7]:
        pdf.text_at(102, ry, f"{resource['name']}: {resource['remaining']}/{resource['max']} "
                    f"({str(resource['recharge']).replace('_', ' ')})", 7.5)
        ry += 5

    # Features
    pdf.box(42, 160, 158, 62, "Features & Traits")
    fy: float = 167
    features = [f"{f['name']} ({f['source']})" for f in sheet["features"]]
    line = ""
    for feature in features:
        if len(line) + len(feature) > 120:
            pdf.text_at(44, fy, line, 7)
            fy += 4.2
            line = ""
            if fy > 218:
                break
        line += ("; " if line else "") + feature
    if line and fy <= 218:
        pdf.text_at(44, fy, line, 7)

    # Proficiencies, equipment, personality
    pdf.box(10, 224, 95, 63, "Proficiencies & Equipment")
    py: float = 231
    for label, values in (("Armor", sheet["proficiencies"].get("armor", [])),
                          ("Weapons", sheet["proficiencies"].get("weapons", [])),
                          ("Tools", sheet["proficiencies"].get("tools", [])), ("Languages", sheet["languages"])):
        pdf.text_at(12, py, f"{label}: {', '.join(str(v) for v in values)[:70]}", 7)
        py += 4.5
    for entry in build.get("equipment", [])[:8]:
        name = entry["item"]["name"] if entry.get("item") else str(entry.get("item_id", "")).replace("_", " ").title()
        flags = (" [E]" if entry.get("equipped") else "") + (" [A]" if entry.get("attuned") else "")
        pdf.text_at(12, py, f"{entry.get('quantity', 1)} x {name}{flags}", 7)
        py += 4.2
    coins = build.get("currency", {})
    pdf.text_at(12, 282, "Coins: " + "  ".join(f"{coins.get(k, 0)} {k}" for k in ("pp", "gp", "ep", "sp", "cp")), 7)

    pdf.box(107, 224, 93, 63, "Personality")
    personality = build.get("personality", {})
    pdf.set_font("Helvetica", "", 7)
    pdf.set_xy(109, 231)
    text = "\n".join(f"{k.title()}: {v}" for k, v in personality.items() if v) or build.get("backstory", "")[:600]
    pdf.multi_cell(89, 3.6, _latin1(text or "-"))
    pdf.set_text_color(*MUTED)
    pdf.text_at(10, 290, "Includes material from the SRD 5.2 by Wizards of the Coast LLC, CC-BY-4.0.", 6)
    return bytes(pdf.output())
