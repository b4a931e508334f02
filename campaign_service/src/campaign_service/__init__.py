"""Campaign service: Campaigns, sessions, NPCs, story, encounters and the Antitheticon."""
