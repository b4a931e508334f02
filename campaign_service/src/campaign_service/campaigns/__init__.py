"""Campaigns, their party (members, invites, characters) and who may see what."""
