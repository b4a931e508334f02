"""The character's memory: journal entries, sessions, quests, relationships, XP and milestones."""
