"""Every task: its versioned prompt template, input model and output schema.

Bump a task's ``version`` whenever its instructions or output model change: the version is part
of the cache key, so old cached outputs stop being served.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from dnd_shared.errors import ErrorDetail, UnprocessableError
from llm_service.tasks import schemas as s

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class TaskSpec:
    """One task: what it takes, what it returns, and how it is asked for."""

    name: str
    version: int
    input_model: type[s.TaskInput]
    output_model: type[s.TaskOutput]
    instructions: str

    @property
    def template_version(self) -> str:
        """``backstory.v1``: part of the cache key and of every response's provenance."""
        return f"{self.name}.v{self.version}"


_RULES = "Use only D&D 5e 2024 (SRD 5.2) rules terms. "

TASKS: dict[str, TaskSpec] = {
    spec.name: spec
    for spec in (
        TaskSpec("character_concept", 1, s.ConceptInput, s.CharacterConceptOutput,
                 _RULES + "Propose a level-appropriate build for the player's concept: species, class, "
                 "background, origin feat, ability priorities, skills, starting spells for casters and key "
                 "equipment, with a short rationale tying each choice to the concept."),
        TaskSpec("backstory", 1, s.BackstoryInput, s.BackstoryOutput,
                 "Write a backstory for the character in a few short paragraphs, ending with adventure hooks a "
                 "Dungeon Master can use."),
        TaskSpec("personality", 1, s.PersonalityInput, s.PersonalityOutput,
                 "Describe the character's personality: traits, an ideal, a bond, a flaw and mannerisms."),
        TaskSpec("name", 1, s.NameInput, s.NameOutput,
                 "Suggest character names in the requested style, each with a short note."),
        TaskSpec("npc", 1, s.NpcInput, s.NpcOutput,
                 _RULES + "Create a non-player character a Dungeon Master can run tonight; name an SRD creature "
                 "stat block that fits in stat_block."),
        TaskSpec("item", 1, s.ItemInput, s.ItemOutput,
                 _RULES + "Design a magic item with balanced mechanics for its rarity."),
        TaskSpec("spell", 1, s.SpellInput, s.SpellOutput,
                 _RULES + "Design a spell balanced against SRD spells of the same level; list similar SRD spells."),
        TaskSpec("feat", 1, s.FeatInput, s.FeatOutput,
                 _RULES + "Design a feat in the 2024 format (category, prerequisite, benefits)."),
        TaskSpec("species", 1, s.SpeciesInput, s.SpeciesOutput,
                 _RULES + "Design a playable species in the 2024 format (creature type, size, speed, traits; "
                 "no ability score increases, those come from backgrounds)."),
        TaskSpec("campaign_outline", 1, s.CampaignInput, s.CampaignOutlineOutput,
                 "Outline a campaign: premise, themes, acts with level ranges, major NPCs and locations."),
        TaskSpec("story_hook", 1, s.StoryHookInput, s.StoryHookOutput,
                 "Write story hooks for the party: each with stakes and a complication."),
        TaskSpec("session_recap", 1, s.SessionRecapInput, s.SessionRecapOutput,
                 "Turn the Dungeon Master's notes into a recap for the players: summary, key events, NPCs met, "
                 "loose threads. Invent nothing that is not in the notes."),
        TaskSpec("antitheticon", 1, s.AntitheticonInput, s.AntitheticonOutput,
                 "Design an Antitheticon: a mastermind's network of false identities and layered plots that "
                 "mirrors the party, with the tell that can expose each identity and the trigger of each reveal."),
        TaskSpec("refine", 1, s.RefineInput, s.TaskOutput,
                 "Revise the previous output according to the feedback. Keep everything the feedback does not "
                 "ask to change. Reply with the complete revised object, in the same schema."),
    )
}


def task_spec(name: str) -> TaskSpec:
    """The task named ``name``; 422 naming the field when there is none."""
    spec = TASKS.get(name)
    if spec is None:
        raise UnprocessableError(
            f"Unknown task {name!r}.",
            code="unknown_task",
            details=[ErrorDetail("task", f"must be one of: {', '.join(sorted(TASKS))}")],
        )
    return spec


@dataclass(frozen=True)
class ResolvedTask:
    """A task with its validated input; for ``refine`` the output model is the revised task's."""

    spec: TaskSpec
    input: s.TaskInput
    output_model: type[s.TaskOutput]
    template_version: str


def resolve_task(name: str, raw_input: dict[str, Any]) -> ResolvedTask:
    """Validate ``raw_input`` against the task's input model (422 with field paths under ``input``)."""
    spec = task_spec(name)
    task_input = validate_model(spec.input_model, raw_input, prefix="input")
    if isinstance(task_input, s.RefineInput):
        if task_input.task == "refine" or task_input.task not in TASKS:
            raise UnprocessableError(
                f"Cannot refine task {task_input.task!r}.",
                code="unknown_task",
                details=[ErrorDetail("input.task", f"must be one of: {', '.join(sorted(set(TASKS) - {'refine'}))}")],
            )
        target = TASKS[task_input.task]
        validate_model(target.output_model, task_input.previous, prefix="input.previous")
        return ResolvedTask(spec, task_input, target.output_model, f"{spec.template_version}+{target.template_version}")
    return ResolvedTask(spec, task_input, spec.output_model, spec.template_version)


def validate_model(model: type[M], data: Any, *, prefix: str) -> M:
    """``model.model_validate(data)``; a failure is a 422 whose field paths start with ``prefix``."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise UnprocessableError(
            "The task input is not valid.",
            code="validation_error",
            details=[ErrorDetail(_path(prefix, e["loc"]), e["msg"]) for e in exc.errors()],
        ) from exc


def _path(prefix: str, location: tuple[int | str, ...]) -> str:
    path = prefix
    for part in location:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path
