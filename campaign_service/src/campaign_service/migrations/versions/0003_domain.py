"""Campaign domain: campaigns, party, story entities and history, relationships, sessions, ledger,
knowledge and reveals.

Revision ID: 0003_domain
Revises: 0002_hub_outbox
Create Date: 2026-11-22 08:05:27.420501
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from dnd_shared.db.migrations import entity_columns

revision: str = "0003_domain"
down_revision: str | None = "0002_hub_outbox"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "campaign",
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("theme", sa.String(length=200), nullable=False),
        sa.Column("rules_version", sa.String(length=10), nullable=False),
        sa.Column("type", sa.String(length=20), nullable=False),
        sa.Column("advancement", sa.String(length=20), nullable=False),
        sa.Column("merges_need_approval", sa.Boolean(), nullable=False),
        sa.Column("dm_id", sa.Uuid(), nullable=False),
        sa.Column("invite_code", sa.String(length=32), nullable=False),
        sa.Column("dm_notes", sa.Text(), nullable=False),
        *entity_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaign")),
        schema="campaign",
    )
    op.create_index(op.f("ix_campaign_deleted_at"), "campaign", ["deleted_at"], unique=False, schema="campaign")
    op.create_index(op.f("ix_campaign_dm_id"), "campaign", ["dm_id"], unique=False, schema="campaign")
    op.create_index(
        "uq_campaign_invite_code_live",
        "campaign",
        ["invite_code"],
        unique=True,
        schema="campaign",
        postgresql_where=sa.text("deleted_at IS NULL"),
    )
    op.create_table(
        "invite",
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("responded_at", sa.DateTime(timezone=True), nullable=True),
        *entity_columns(),
        sa.ForeignKeyConstraint(["campaign_id"], ["campaign.campaign.id"], name=op.f("fk_invite_campaign_id_campaign")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_invite")),
        schema="campaign",
    )
    op.create_index(op.f("ix_invite_campaign_id"), "invite", ["campaign_id"], unique=False, schema="campaign")
    op.create_index(op.f("ix_invite_deleted_at"), "invite", ["deleted_at"], unique=False, schema="campaign")
    op.create_index(op.f("ix_invite_user_id"), "invite", ["user_id"], unique=False, schema="campaign")
    op.create_table(
        "knowledge",
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("holder_kind", sa.String(length=10), nullable=False),
        sa.Column("holder_id", sa.Uuid(), nullable=True),
        sa.Column("subject_id", sa.Uuid(), nullable=True),
        sa.Column("fact_key", sa.String(length=100), nullable=False),
        sa.Column("statement", sa.Text(), nullable=False),
        sa.Column("stance", sa.String(length=20), nullable=False),
        sa.Column("is_true", sa.Boolean(), nullable=False),
        sa.Column("source", sa.String(length=300), nullable=False),
        sa.Column("source_clue_id", sa.Uuid(), nullable=True),
        sa.Column("reveal_id", sa.Uuid(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        *entity_columns(),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaign.campaign.id"], name=op.f("fk_knowledge_campaign_id_campaign")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_knowledge")),
        schema="campaign",
    )
    op.create_index(
        "ix_knowledge_campaign_holder",
        "knowledge",
        ["campaign_id", "holder_kind", "holder_id"],
        unique=False,
        schema="campaign",
    )
    op.create_index(op.f("ix_knowledge_deleted_at"), "knowledge", ["deleted_at"], unique=False, schema="campaign")
    op.create_index(op.f("ix_knowledge_subject_id"), "knowledge", ["subject_id"], unique=False, schema="campaign")
    op.create_table(
        "membership",
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("role", sa.String(length=10), nullable=False),
        *entity_columns(),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaign.campaign.id"], name=op.f("fk_membership_campaign_id_campaign")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_membership")),
        schema="campaign",
    )
    op.create_index(op.f("ix_membership_campaign_id"), "membership", ["campaign_id"], unique=False, schema="campaign")
    op.create_index(op.f("ix_membership_deleted_at"), "membership", ["deleted_at"], unique=False, schema="campaign")
    op.create_index(op.f("ix_membership_user_id"), "membership", ["user_id"], unique=False, schema="campaign")
    op.create_index(
        "uq_membership_campaign_user_live",
        "membership",
        ["campaign_id", "user_id"],
        unique=True,
        schema="campaign",
        postgresql_where=sa.text("deleted_at IS NULL"),
    )
    op.create_table(
        "party_character",
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("character_id", sa.Uuid(), nullable=False),
        sa.Column("owner_id", sa.Uuid(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("classes", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("species", sa.String(length=100), nullable=False),
        *entity_columns(),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaign.campaign.id"], name=op.f("fk_party_character_campaign_id_campaign")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_party_character")),
        schema="campaign",
    )
    op.create_index(
        op.f("ix_party_character_campaign_id"), "party_character", ["campaign_id"], unique=False, schema="campaign"
    )
    op.create_index(
        op.f("ix_party_character_character_id"), "party_character", ["character_id"], unique=False, schema="campaign"
    )
    op.create_index(
        op.f("ix_party_character_deleted_at"), "party_character", ["deleted_at"], unique=False, schema="campaign"
    )
    op.create_index(
        op.f("ix_party_character_owner_id"), "party_character", ["owner_id"], unique=False, schema="campaign"
    )
    op.create_index(
        "uq_party_character_campaign_character_live",
        "party_character",
        ["campaign_id", "character_id"],
        unique=True,
        schema="campaign",
        postgresql_where=sa.text("deleted_at IS NULL"),
    )
    op.create_table(
        "play_session",
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("scheduled_for", sa.DateTime(timezone=True), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("attendance", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("dm_notes", sa.Text(), nullable=False),
        sa.Column("recap", sa.Text(), nullable=False),
        sa.Column("recap_generation", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("completion_event_id", sa.String(length=64), nullable=True),
        *entity_columns(),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaign.campaign.id"], name=op.f("fk_play_session_campaign_id_campaign")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_play_session")),
        schema="campaign",
    )
    op.create_index(
        op.f("ix_play_session_campaign_id"), "play_session", ["campaign_id"], unique=False, schema="campaign"
    )
    op.create_index(op.f("ix_play_session_deleted_at"), "play_session", ["deleted_at"], unique=False, schema="campaign")
    op.create_index(
        "uq_play_session_campaign_number_live",
        "play_session",
        ["campaign_id", "number"],
        unique=True,
        schema="campaign",
        postgresql_where=sa.text("deleted_at IS NULL"),
    )
    op.create_table(
        "relationship",
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("source_kind", sa.String(length=10), nullable=False),
        sa.Column("source_id", sa.Uuid(), nullable=False),
        sa.Column("target_kind", sa.String(length=10), nullable=False),
        sa.Column("target_id", sa.Uuid(), nullable=False),
        sa.Column("standing", sa.Integer(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("history", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("visibility", sa.String(length=20), nullable=False),
        sa.Column("visible_to", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("dm_only_fields", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        *entity_columns(),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaign.campaign.id"], name=op.f("fk_relationship_campaign_id_campaign")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_relationship")),
        schema="campaign",
    )
    op.create_index(
        op.f("ix_relationship_campaign_id"), "relationship", ["campaign_id"], unique=False, schema="campaign"
    )
    op.create_index(op.f("ix_relationship_deleted_at"), "relationship", ["deleted_at"], unique=False, schema="campaign")
    op.create_table(
        "reveal",
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Uuid(), nullable=True),
        sa.Column("changes", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("revealed_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("visible_to", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        *entity_columns(),
        sa.ForeignKeyConstraint(["campaign_id"], ["campaign.campaign.id"], name=op.f("fk_reveal_campaign_id_campaign")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reveal")),
        schema="campaign",
    )
    op.create_index(op.f("ix_reveal_campaign_id"), "reveal", ["campaign_id"], unique=False, schema="campaign")
    op.create_index(op.f("ix_reveal_deleted_at"), "reveal", ["deleted_at"], unique=False, schema="campaign")
    op.create_table(
        "story_entity",
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=30), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.Uuid(), nullable=True),
        sa.Column("visibility", sa.String(length=20), nullable=False),
        sa.Column("visible_to", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("data", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("dm_only_fields", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("linked_ids", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("tags", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("generated", sa.Boolean(), nullable=False),
        sa.Column("generation", postgresql.JSONB(astext_type=sa.Text()), nullable=True),
        *entity_columns(),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaign.campaign.id"], name=op.f("fk_story_entity_campaign_id_campaign")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_story_entity")),
        schema="campaign",
    )
    op.create_index(
        "ix_story_entity_campaign_kind",
        "story_entity",
        ["campaign_id", "kind", "position"],
        unique=False,
        schema="campaign",
    )
    op.create_index(op.f("ix_story_entity_deleted_at"), "story_entity", ["deleted_at"], unique=False, schema="campaign")
    op.create_table(
        "entity_revision",
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("entity_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Uuid(), nullable=False),
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("document", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        *entity_columns(),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaign.campaign.id"], name=op.f("fk_entity_revision_campaign_id_campaign")
        ),
        sa.ForeignKeyConstraint(
            ["entity_id"], ["campaign.story_entity.id"], name=op.f("fk_entity_revision_entity_id_story_entity")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entity_revision")),
        schema="campaign",
    )
    op.create_index(
        op.f("ix_entity_revision_campaign_id"), "entity_revision", ["campaign_id"], unique=False, schema="campaign"
    )
    op.create_index(
        op.f("ix_entity_revision_deleted_at"), "entity_revision", ["deleted_at"], unique=False, schema="campaign"
    )
    op.create_index(
        "ix_entity_revision_entity_number", "entity_revision", ["entity_id", "number"], unique=False, schema="campaign"
    )
    op.create_table(
        "ledger_entry",
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("session_id", sa.Uuid(), nullable=True),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("character_id", sa.Uuid(), nullable=True),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("item", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("visibility", sa.String(length=20), nullable=False),
        sa.Column("visible_to", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("dm_only_fields", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        *entity_columns(),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaign.campaign.id"], name=op.f("fk_ledger_entry_campaign_id_campaign")
        ),
        sa.ForeignKeyConstraint(
            ["session_id"], ["campaign.play_session.id"], name=op.f("fk_ledger_entry_session_id_play_session")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ledger_entry")),
        schema="campaign",
    )
    op.create_index(
        op.f("ix_ledger_entry_campaign_id"), "ledger_entry", ["campaign_id"], unique=False, schema="campaign"
    )
    op.create_index(op.f("ix_ledger_entry_deleted_at"), "ledger_entry", ["deleted_at"], unique=False, schema="campaign")
    op.create_table(
        "session_event",
        sa.Column("campaign_id", sa.Uuid(), nullable=False),
        sa.Column("session_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("character_id", sa.Uuid(), nullable=True),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("item", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("data", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("visibility", sa.String(length=20), nullable=False),
        sa.Column("visible_to", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("dm_only_fields", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        *entity_columns(),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaign.campaign.id"], name=op.f("fk_session_event_campaign_id_campaign")
        ),
        sa.ForeignKeyConstraint(
            ["session_id"], ["campaign.play_session.id"], name=op.f("fk_session_event_session_id_play_session")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session_event")),
        schema="campaign",
    )
    op.create_index(
        op.f("ix_session_event_campaign_id"), "session_event", ["campaign_id"], unique=False, schema="campaign"
    )
    op.create_index(
        op.f("ix_session_event_deleted_at"), "session_event", ["deleted_at"], unique=False, schema="campaign"
    )
    op.create_index(
        op.f("ix_session_event_session_id"), "session_event", ["session_id"], unique=False, schema="campaign"
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_session_event_session_id"), table_name="session_event", schema="campaign")
    op.drop_index(op.f("ix_session_event_deleted_at"), table_name="session_event", schema="campaign")
    op.drop_index(op.f("ix_session_event_campaign_id"), table_name="session_event", schema="campaign")
    op.drop_table("session_event", schema="campaign")
    op.drop_index(op.f("ix_ledger_entry_deleted_at"), table_name="ledger_entry", schema="campaign")
    op.drop_index(op.f("ix_ledger_entry_campaign_id"), table_name="ledger_entry", schema="campaign")
    op.drop_table("ledger_entry", schema="campaign")
    op.drop_index("ix_entity_revision_entity_number", table_name="entity_revision", schema="campaign")
    op.drop_index(op.f("ix_entity_revision_deleted_at"), table_name="entity_revision", schema="campaign")
    op.drop_index(op.f("ix_entity_revision_campaign_id"), table_name="entity_revision", schema="campaign")
    op.drop_table("entity_revision", schema="campaign")
    op.drop_index(op.f("ix_story_entity_deleted_at"), table_name="story_entity", schema="campaign")
    op.drop_index("ix_story_entity_campaign_kind", table_name="story_entity", schema="campaign")
    op.drop_table("story_entity", schema="campaign")
    op.drop_index(op.f("ix_reveal_deleted_at"), table_name="reveal", schema="campaign")
    op.drop_index(op.f("ix_reveal_campaign_id"), table_name="reveal", schema="campaign")
    op.drop_table("reveal", schema="campaign")
    op.drop_index(op.f("ix_relationship_deleted_at"), table_name="relationship", schema="campaign")
    op.drop_index(op.f("ix_relationship_campaign_id"), table_name="relationship", schema="campaign")
    op.drop_table("relationship", schema="campaign")
    op.drop_index(
        "uq_play_session_campaign_number_live",
        table_name="play_session",
        schema="campaign",
        postgresql_where=sa.text("deleted_at IS NULL"),
    )
    op.drop_index(op.f("ix_play_session_deleted_at"), table_name="play_session", schema="campaign")
    op.drop_index(op.f("ix_play_session_campaign_id"), table_name="play_session", schema="campaign")
    op.drop_table("play_session", schema="campaign")
    op.drop_index(
        "uq_party_character_campaign_character_live",
        table_name="party_character",
        schema="campaign",
        postgresql_where=sa.text("deleted_at IS NULL"),
    )
    op.drop_index(op.f("ix_party_character_owner_id"), table_name="party_character", schema="campaign")
    op.drop_index(op.f("ix_party_character_deleted_at"), table_name="party_character", schema="campaign")
    op.drop_index(op.f("ix_party_character_character_id"), table_name="party_character", schema="campaign")
    op.drop_index(op.f("ix_party_character_campaign_id"), table_name="party_character", schema="campaign")
    op.drop_table("party_character", schema="campaign")
    op.drop_index(
        "uq_membership_campaign_user_live",
        table_name="membership",
        schema="campaign",
        postgresql_where=sa.text("deleted_at IS NULL"),
    )
    op.drop_index(op.f("ix_membership_user_id"), table_name="membership", schema="campaign")
    op.drop_index(op.f("ix_membership_deleted_at"), table_name="membership", schema="campaign")
    op.drop_index(op.f("ix_membership_campaign_id"), table_name="membership", schema="campaign")
    op.drop_table("membership", schema="campaign")
    op.drop_index(op.f("ix_knowledge_subject_id"), table_name="knowledge", schema="campaign")
    op.drop_index(op.f("ix_knowledge_deleted_at"), table_name="knowledge", schema="campaign")
    op.drop_index("ix_knowledge_campaign_holder", table_name="knowledge", schema="campaign")
    op.drop_table("knowledge", schema="campaign")
    op.drop_index(op.f("ix_invite_user_id"), table_name="invite", schema="campaign")
    op.drop_index(op.f("ix_invite_deleted_at"), table_name="invite", schema="campaign")
    op.drop_index(op.f("ix_invite_campaign_id"), table_name="invite", schema="campaign")
    op.drop_table("invite", schema="campaign")
    op.drop_index(
        "uq_campaign_invite_code_live",
        table_name="campaign",
        schema="campaign",
        postgresql_where=sa.text("deleted_at IS NULL"),
    )
    op.drop_index(op.f("ix_campaign_dm_id"), table_name="campaign", schema="campaign")
    op.drop_index(op.f("ix_campaign_deleted_at"), table_name="campaign", schema="campaign")
    op.drop_table("campaign", schema="campaign")
